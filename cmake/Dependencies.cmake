# Third-party libraries, all from Debian 12's packages (scripts/setup installs them).
find_package(fmt 9 REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS json)
find_package(OpenSSL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
