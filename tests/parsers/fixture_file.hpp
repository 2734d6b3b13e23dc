#pragma once
// Reading the committed format fixtures (tests/fixtures/, made by their generator scripts).

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace actiontrack::parsers::testing {

inline std::string read_fixture(const std::string& relative) {
    std::ifstream in(std::filesystem::path(ACTIONTRACK_FIXTURES_DIR) / relative, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace actiontrack::parsers::testing
