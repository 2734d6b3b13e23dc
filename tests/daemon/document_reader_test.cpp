#include "daemon/document_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace actiontrack::cli {
namespace {

TEST(CheckText, AcceptsTextAndRefusesEmptyAndBinary) {
    using namespace std::string_literals;
    struct Case {
        std::string name;
        std::string bytes;
        std::string error;  // "" when the bytes are accepted
    };
    const std::string binary_nul = "binary file (contains NUL bytes), not a text document";
    const std::string binary_ctl = "binary file (mostly control characters), not a text document";
    const Case cases[] = {
        {"ascii", "RESOLVED that the report be noted.\r\n", ""},
        {"tabs and form feeds", "1.\tMinutes\f\n\tAGREED\n", ""},
        {"utf-8", "Caf\xc3\xa9 \xe2\x80\x93 noted", ""},
        {"windows-1252", "\x93quoted\x94 and \x96 dash", ""},
        {"utf-16 le with bom",
         "\xff\xfe"
         "A\0G\0R\0E\0E\0D\0"s,
         ""},
        {"utf-16 be with bom",
         "\xfe\xff"
         "\0A\0G\0R\0E\0E\0D"s,
         ""},
        {"empty", "", "file is empty"},
        {"one nul", "RESOLVED that\0 the report be noted."s, binary_nul},
        {"utf-16 without bom", "A\0G\0R\0E\0E\0D\0"s, binary_nul},
        {"control bytes", std::string(40, '\x01') + std::string(60, 'a'), binary_ctl},
        {"some control bytes", std::string(20, '\x1b') + std::string(80, 'a'), ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        auto checked = check_text(c.bytes);
        if (c.error.empty()) {
            EXPECT_TRUE(checked) << checked.error().message();
        } else {
            ASSERT_FALSE(checked);
            EXPECT_EQ(checked.error().message(), c.error);
        }
    }
}

TEST(CheckText, OnlyTheFirst8KiBDecideMostlyControl) {
    // Control bytes after the first 8 KiB do not make a text file binary (a NUL would).
    std::string bytes = std::string(8 * 1024, 'a') + std::string(20 * 1024, '\x02');
    EXPECT_TRUE(check_text(bytes));
}

}  // namespace
}  // namespace actiontrack::cli
