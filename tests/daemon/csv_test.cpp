#include "daemon/csv.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace actiontrack::cli {
namespace {

TEST(Csv, QuotesOnlyWhatRfc4180Requires) {
    struct Case {
        std::string_view text;
        std::string_view expected;
    };
    const Case cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"a, b", "\"a, b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"caf\xc3\xa9 'quoted'", "caf\xc3\xa9 'quoted'"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(csv_field(c.text), c.expected);
    }
}

TEST(Csv, RecordsEndInCrlf) {
    const std::array<std::string, 3> fields = {"1", "a,b", ""};
    EXPECT_EQ(csv_record(fields), "1,\"a,b\",\r\n");
}

}  // namespace
}  // namespace actiontrack::cli
