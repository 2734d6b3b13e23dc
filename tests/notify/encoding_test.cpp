// Base64, quoted-printable, RFC 2047 words, SMTP dot-stuffing and reply parsing.

#include "notify/encoding.hpp"

#include <gtest/gtest.h>

#include "notify/smtp_protocol.hpp"

namespace actiontrack::notify {
namespace {

TEST(Encoding, Base64RoundTrips) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : cases) {
        EXPECT_EQ(base64_encode(plain), encoded);
        EXPECT_EQ(base64_decode(encoded), plain);
    }
    EXPECT_FALSE(base64_decode("Zm9"));
    EXPECT_FALSE(base64_decode("Zm=v"));
}

TEST(Encoding, QuotedPrintable) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"plain", "plain\r\n"},           {"a=b", "a=3Db\r\n"},
        {"caf\xc3\xa9", "caf=C3=A9\r\n"}, {"line\nnext", "line\r\nnext\r\n"},
        {"trailing ", "trailing=20\r\n"}, {".dot", "=2Edot\r\n"},
    };
    for (const auto& [in, out] : cases) EXPECT_EQ(quoted_printable(in), out) << in;
    const std::string long_line(200, 'x');
    const std::string encoded = quoted_printable(long_line);
    std::size_t start = 0;
    while (start < encoded.size()) {
        const auto end = encoded.find("\r\n", start);
        EXPECT_LE(end - start, 76u);
        start = end + 2;
    }
}

TEST(Encoding, HeaderTextNeverCarriesALineBreak) {
    EXPECT_EQ(encode_header_text("Plain subject"), "Plain subject");
    EXPECT_EQ(encode_header_text("Evil\r\nBcc: victim@example.org"),
              "Evil  Bcc: victim@example.org");
    const std::string encoded = encode_header_text("Caf\xc3\xa9 \xe2\x80\x94 agenda");
    EXPECT_EQ(encoded, "=?UTF-8?B?Q2Fmw6kg4oCUIGFnZW5kYQ==?=");
    const std::string long_text = encode_header_text(std::string(100, 'x') + "\xc3\xa9");
    EXPECT_NE(long_text.find("?=\r\n =?UTF-8?B?"), std::string::npos);
}

TEST(Smtp, DotStuffing) {
    EXPECT_EQ(dot_stuff("a\r\n.b\r\n..c\r\n"), "a\r\n..b\r\n...c\r\n.\r\n");
    EXPECT_EQ(dot_stuff(".\n"), "..\r\n.\r\n");
    EXPECT_EQ(dot_stuff("no newline"), "no newline\r\n.\r\n");
}

TEST(Smtp, ReplyLines) {
    auto line = parse_reply_line("250-SIZE 1000\r\n");
    ASSERT_TRUE(line);
    EXPECT_EQ(line->code, 250);
    EXPECT_TRUE(line->more);
    EXPECT_EQ(line->text, "SIZE 1000");
    EXPECT_FALSE(parse_reply_line("25"));
    EXPECT_FALSE(parse_reply_line("hello"));
    Reply reply{250, {"mail.example.org", "STARTTLS", "AUTH LOGIN PLAIN"}};
    EXPECT_TRUE(reply.has_extension("starttls"));
    EXPECT_TRUE(reply.has_auth("PLAIN"));
    EXPECT_FALSE(reply.has_auth("CRAM-MD5"));
}

}  // namespace
}  // namespace actiontrack::notify
