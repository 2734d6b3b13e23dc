#include "parsers/formats/sniff.hpp"

#include <gtest/gtest.h>

#include <string>

namespace actiontrack::parsers {
namespace {

struct Case {
    std::string bytes;
    DocumentFormat expected;
};

class Sniff : public ::testing::TestWithParam<Case> {};

TEST_P(Sniff, ByContent) {
    EXPECT_EQ(sniff_format(GetParam().bytes), GetParam().expected) << GetParam().bytes;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, Sniff,
    ::testing::Values(
        Case{"%PDF-1.7\n%\xE2\xE3\n1 0 obj", DocumentFormat::pdf},
        Case{"garbage before\n%PDF-1.4\n", DocumentFormat::pdf},
        Case{std::string("PK\x03\x04\x14\0\0\0", 8) + "word/document.xml", DocumentFormat::docx},
        Case{std::string("PK\x03\x04\x14\0\0\0", 8) + "minutes.txt", DocumentFormat::zip},
        Case{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old Word", DocumentFormat::office_binary},
        Case{"<!DOCTYPE html><html><body>RESOLVED</body></html>", DocumentFormat::html},
        Case{"\xEF\xBB\xBF  \n<!-- saved from url -->\n<HTML><BODY>", DocumentFormat::html},
        Case{"<html lang=\"en\">", DocumentFormat::html},
        Case{"<body><p>Minutes</p>", DocumentFormat::html},
        Case{"<div id=\"mgIssueHistory\">RESOLVED</div>", DocumentFormat::html},
        Case{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
             DocumentFormat::html},
        Case{"<?xml version=\"1.0\"?>\n<w:document>", DocumentFormat::text},
        Case{"Minutes of the meeting\nRESOLVED that <b>x</b>", DocumentFormat::text},
        Case{"<Councillor Smith> asked about the budget.", DocumentFormat::text},
        Case{std::string("\xFF\xFE<\0h\0t\0m\0l\0", 12), DocumentFormat::text},
        Case{"", DocumentFormat::text}));

}  // namespace
}  // namespace actiontrack::parsers
