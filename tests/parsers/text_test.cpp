#include "parsers/text.hpp"

#include <gtest/gtest.h>

namespace actiontrack::parsers::text {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Text, IfindIgnoresAsciiCase) {
    EXPECT_EQ(ifind("The Chair AGREED to write", "agreed to"), 10u);
    EXPECT_EQ(ifind("The Chair agreed to write", " AGREED TO "), 9u);
    EXPECT_EQ(ifind("resolved", "RESOLVED"), 0u);
    EXPECT_EQ(ifind("xx Resolved", "resolved", 4), npos);
    EXPECT_EQ(ifind("abc", "abcd"), npos);
    EXPECT_EQ(ifind("abc", ""), 0u);
    EXPECT_EQ(ifind("abc", "", 4), npos);
}

TEST(Text, IfindFindsLaterMatchesAfterNearMisses) {
    // Many anchors that do not complete the needle, in both cases, before the real match.
    EXPECT_EQ(ifind("a A a A aa AAb", "aab"), 11u);
    EXPECT_EQ(ifind("will wil WILL be", "will be"), 9u);
    EXPECT_EQ(ifind("...  12 June", " 12 june"), 4u);
    EXPECT_EQ(ifind("  ", " "), 0u);
    EXPECT_EQ(ifind("no match here", "next meeting"), npos);
}

TEST(Text, IfindWordNeedsBoundaries) {
    EXPECT_EQ(ifind_word("the theme of the day", "the", 1), 13u);
    EXPECT_EQ(ifind_word("between", "tween"), npos);
}

}  // namespace
}  // namespace actiontrack::parsers::text
