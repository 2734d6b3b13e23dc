#include "parsers/formats/docx.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "fixture_file.hpp"
#include "parsers/formats/docx_numbering.hpp"

namespace actiontrack::parsers {
namespace {

using testing::read_fixture;

TEST(Docx, ReadsParagraphsNumberingTablesAndAcceptsTrackedChanges) {
    auto result = docx_to_text(read_fixture("formats/sample.docx"));
    ASSERT_TRUE(result.has_value()) << result.error().message();
    const std::string& out = result->utf8;
    EXPECT_NE(out.find("Councillor Pike and Councillor O'Neill."), std::string::npos) << out;
    EXPECT_EQ(out.find("Councillor Smith"), std::string::npos) << "deleted text must be dropped";
    EXPECT_NE(out.find("review of the taxi and private hire licensing policy, including"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("\n\n(1) the report be noted;\n\n(2) the Licensing Manager"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("ACTION: Licensing Manager to circulate the consultation timetable to all "
                       "Members by 16 June 2023."),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("header is never read"), std::string::npos);
}

TEST(Docx, CorruptAndForeignArchivesAreRefused) {
    auto corrupt = docx_to_text(read_fixture("formats/corrupt.docx"));
    ASSERT_FALSE(corrupt.has_value());
    EXPECT_NE(corrupt.error().message().find("corrupt DOCX"), std::string::npos)
        << corrupt.error().message();
    auto foreign = docx_to_text(read_fixture("formats/not_word.zip"));
    ASSERT_FALSE(foreign.has_value());
    EXPECT_NE(foreign.error().message().find("no word/document.xml"), std::string::npos);
    EXPECT_FALSE(docx_to_text("PK\x03\x04 not really").has_value());
}

// docx.cpp reads a deflated part in one call when its headers can be believed and through
// libzip's stream otherwise: every way must give the same text, and a wrong checksum must be
// refused on both.
TEST(Docx, EveryWayAPartIsPackedReadsTheSameText) {
    auto deflated = docx_to_text(read_fixture("formats/sample.docx"));
    ASSERT_TRUE(deflated.has_value()) << deflated.error().message();
    ASSERT_NE(deflated->utf8.find("Licensing Manager"), std::string::npos);
    for (const char* variant :
         {"formats/sample_stored.docx", "formats/size_understated.docx",
          "formats/size_overstated.docx"}) {
        auto read = docx_to_text(read_fixture(variant));
        ASSERT_TRUE(read.has_value()) << variant << ": " << read.error().message();
        EXPECT_EQ(read->utf8, deflated->utf8) << variant;
    }
    auto bad_crc = docx_to_text(read_fixture("formats/bad_crc.docx"));
    ASSERT_FALSE(bad_crc.has_value());
    EXPECT_EQ(bad_crc.error().message(), "corrupt DOCX: cannot read word/document.xml");
}

TEST(DocxNumbering, LevelsFormatsRestartsAndOverrides) {
    pugi::xml_document doc;
    ASSERT_TRUE(
        doc.load_string("<w:numbering xmlns:w='w'>"
                        "<w:abstractNum w:abstractNumId='1'>"
                        "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt "
                        "w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl>"
                        "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt "
                        "w:val='lowerLetter'/><w:lvlText w:val='(%2)'/></w:lvl>"
                        "<w:lvl w:ilvl='2'><w:start w:val='1'/><w:numFmt "
                        "w:val='lowerRoman'/><w:lvlText w:val='%1.%2.%3'/></w:lvl>"
                        "</w:abstractNum>"
                        "<w:abstractNum w:abstractNumId='2'><w:lvl w:ilvl='0'><w:numFmt "
                        "w:val='bullet'/></w:lvl></w:abstractNum>"
                        "<w:num w:numId='5'><w:abstractNumId w:val='1'/></w:num>"
                        "<w:num w:numId='6'><w:abstractNumId w:val='1'/><w:lvlOverride "
                        "w:ilvl='0'><w:startOverride w:val='7'/></w:lvlOverride></w:num>"
                        "<w:num w:numId='9'><w:abstractNumId w:val='2'/></w:num>"
                        "</w:numbering>"));
    DocxNumbering numbering(doc.document_element());
    EXPECT_EQ(numbering.next_label(5, 0), "1. ");
    EXPECT_EQ(numbering.next_label(5, 1), "(a) ");
    EXPECT_EQ(numbering.next_label(5, 1), "(b) ");
    EXPECT_EQ(numbering.next_label(5, 2), "1.b.i ");
    EXPECT_EQ(numbering.next_label(5, 0), "2. ");
    EXPECT_EQ(numbering.next_label(5, 1), "(a) ");
    EXPECT_EQ(numbering.next_label(6, 0), "7. ");
    EXPECT_EQ(numbering.next_label(9, 0), "\xE2\x80\xA2 ");
    EXPECT_EQ(numbering.next_label(0, 0), "");
    EXPECT_EQ(numbering.next_label(42, 0), "");
    EXPECT_EQ(numbering.next_label(5, 12), "");
}

}  // namespace
}  // namespace actiontrack::parsers
