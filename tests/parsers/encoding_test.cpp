#include "parsers/encoding.hpp"

#include <gtest/gtest.h>

namespace actiontrack::parsers {
namespace {

TEST(Encoding, ValidUtf8PassesThroughWithoutWarning) {
    std::vector<std::string> warnings;
    EXPECT_EQ(decode_to_utf8("Children\xE2\x80\x99s Services", warnings), "Children\xE2\x80\x99s Services");
    EXPECT_TRUE(warnings.empty());
}

TEST(Encoding, StripsUtf8Bom) {
    std::vector<std::string> warnings;
    EXPECT_EQ(decode_to_utf8("\xEF\xBB\xBFMinutes", warnings), "Minutes");
}

TEST(Encoding, Windows1252FallbackWarns) {
    std::vector<std::string> warnings;
    // 0x93/0x94 are curly double quotes and 0xA3 is the pound sign in Windows-1252.
    const std::string out = decode_to_utf8("\x93" "AGREED\x94 \xA3" "200", warnings);
    EXPECT_EQ(out, "\xE2\x80\x9C" "AGREED\xE2\x80\x9D \xC2\xA3" "200");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("Windows-1252"), std::string::npos);
}

TEST(Encoding, Utf16LittleAndBigEndianWithBom) {
    std::vector<std::string> warnings;
    const std::string le("\xFF\xFE" "A\0g\0r\0\x19\x20" "d\0", 12);
    EXPECT_EQ(decode_to_utf8(le, warnings), "Agr\xE2\x80\x99" "d");
    const std::string be("\xFE\xFF\0O\0K", 6);
    EXPECT_EQ(decode_to_utf8(be, warnings), "OK");
    EXPECT_TRUE(warnings.empty());
}

TEST(Encoding, RejectsOverlongAndSurrogates) {
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));
    EXPECT_FALSE(is_valid_utf8("\xE2\x80"));
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));
}

}  // namespace
}  // namespace actiontrack::parsers
