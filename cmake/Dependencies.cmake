# Third-party libraries, all from Debian 12's packages (scripts/setup installs them).
find_package(fmt 9 REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS json)
find_package(OpenSSL REQUIRED)
find_package(PkgConfig REQUIRED)
# The daemon: its TOML configuration (Debian builds toml++ as a shared library) and sd_notify.
find_package(tomlplusplus 3 REQUIRED CONFIG)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
# SHA-256 and HMAC (common/digest.hpp says why not OpenSSL).
pkg_check_modules(GCRYPT REQUIRED IMPORTED_TARGET libgcrypt)
# Document formats (parsers/formats/): HTML with libxml2's HTML parser, DOCX with libzip +
# libdeflate (its deflated parts in one call) + pugixml, PDF's text layer with poppler-cpp, each linked only into its format's plug-in
# (parsers/formats/CMakeLists.txt). CMake finds libxml2 itself; Debian 12 ships pugixml's CMake
# package; the others via pkg-config.
find_package(LibXml2 REQUIRED)
find_package(pugixml REQUIRED CONFIG)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
