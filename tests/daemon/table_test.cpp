#include "daemon/table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace actiontrack::cli {
namespace {

TEST(Table, WidthCountsCodePoints) {
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("caf\xc3\xa9"), 4u);
    EXPECT_EQ(display_width("\xe2\x80\xa6"), 1u);
}

TEST(Table, TruncatesOnCodePointsWithAnEllipsis) {
    struct Case {
        std::string_view text;
        std::size_t width;
        std::string_view expected;
    };
    const Case cases[] = {
        {"short", 10, "short"},
        {"exactly", 7, "exactly"},
        {"too long text", 8, "too lon\xe2\x80\xa6"},
        {"ends on space x", 5, "ends\xe2\x80\xa6"},
        {"caf\xc3\xa9s and more", 5, "caf\xc3\xa9\xe2\x80\xa6"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(truncate_text(c.text, c.width), c.expected);
    }
}

TEST(Table, WrapsBetweenWordsAndSplitsLongWords) {
    EXPECT_EQ(wrap_text("the report be circulated", 10),
              (std::vector<std::string>{"the report", "be", "circulated"}));
    EXPECT_EQ(wrap_text("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
    EXPECT_EQ(wrap_text("", 4), (std::vector<std::string>{""}));
}

TEST(Table, RendersAlignedColumnsWithoutTrailingSpaces) {
    Table table({{"ID", 4}, {"OWNER", 6}, {"TEXT", 12, Overflow::wrap}});
    table.add_row({"1", "Clerk", "circulate the report"});
    table.add_row({"22", "Democratic Services", "note\nit"});
    EXPECT_EQ(table.render(),
              "ID  OWNER   TEXT\n"
              "--  ------  ------------\n"
              "1   Clerk   circulate\n"
              "            the report\n"
              "22  Democ\xe2\x80\xa6  note it\n");
}

}  // namespace
}  // namespace actiontrack::cli
