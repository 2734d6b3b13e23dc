#include "parsers/formats/page_layout.hpp"

#include <gtest/gtest.h>

#include "fixture_file.hpp"
#include "parsers/formats/adapted_text.hpp"
#include "parsers/formats/page_marks.hpp"
#include "parsers/normalise.hpp"

namespace actiontrack::parsers {
namespace {

const std::string k_mark(k_page_mark);

TEST(PageLayout, SplitPagesAtFormFeedsAndLinesAtNewlines) {
    EXPECT_EQ(split_pages("a\nb\fc"), (std::vector<PageLines>{{"a", "b"}, {"c"}}));
    EXPECT_EQ(split_pages(""), (std::vector<PageLines>{{""}}));
}

TEST(PageLayout, RemovesRunningHeadersFootersAndPageNumbers) {
    const std::vector<PageLines> pages = {
        {"Licensing Committee 6 June 2023", "First page text.", "- 1 -"},
        {"Licensing Committee 6 June 2023", "Second page text.", "Page 2 of 3"},
        {"Licensing Committee 6 June 2023", "Third page text.", "3"},
    };
    EXPECT_EQ(assemble_pages(pages), "First page text.\n" + k_mark + "\nSecond page text.\n" +
                                         k_mark + "\nThird page text.\n");
}

TEST(PageLayout, KeepsABareNumberFarFromThePagePosition) {
    // "7" on page 1 is an item number, not a page number; one page has no running furniture.
    EXPECT_EQ(assemble_pages({{"7", "Apologies for Absence"}}), "7\nApologies for Absence\n");
}

TEST(PageLayout, RejoinsHyphenatedLineEndsAcrossLinesAndPages) {
    EXPECT_EQ(assemble_pages({{"the recom-", "mendation was agreed"}}),
              "the recommendation was agreed\n");
    // A dash after a space and a capital after the hyphen are not split words.
    EXPECT_EQ(assemble_pages({{"the report -", "noted", "North-", "Bridge"}}),
              "the report -\nnoted\nNorth-\nBridge\n");
    EXPECT_EQ(assemble_pages({{"circulate the revised fig-"}, {"ures by Friday."}}),
              "circulate the revised figures by Friday.\n" + k_mark + "\n");
}

TEST(PageLayout, PageMarkCharactersInThePageTextAreNotPageBreaks) {
    EXPECT_EQ(assemble_pages({{"a" + k_mark + "b"}, {"c"}}), "ab\n" + k_mark + "\nc\n");
}

// Bytes that are not UTF-8 either side of a removed mark ("\xEE" + mark + "\x80\x80") must not
// spell a new one, in a page's own text or in a paragraph's.
TEST(PageLayout, RemovingAMarkSpellsNoOther) {
    const std::string spelled = "a\xEE" + k_mark + "\x80\x80" "b";
    EXPECT_EQ(assemble_pages({{spelled}}).find(k_mark), std::string::npos);
    NormalisedText doc = normalise("text " + spelled + "\n");
    take_page_marks(doc);
    for (const auto& p : doc.paragraphs) EXPECT_EQ(p.text.find(k_mark), std::string_view::npos);
}

// The input the pages fuzzer (fuzz/pages_fuzzer.cpp) found spelling a mark that survived:
// through the same steps, no mark is left and the paragraphs' offsets add up.
TEST(PageMarks, FuzzerInputLeavesNoMark) {
    const std::string bytes = testing::read_fixture("fuzz/pages-mark-spelled-cf0cc454.txt");
    NormalisedText doc = normalise(assemble_pages(split_pages(bytes)));
    take_page_marks(doc);
    std::size_t offset = 0;
    for (const auto& p : doc.paragraphs) {
        EXPECT_EQ(p.offset, offset);
        EXPECT_EQ(p.text.find(k_page_mark), std::string_view::npos);
        offset += p.text.size() + 1;
    }
}

TEST(PageMarks, MapOffsetsToPagesAndDisappearFromTheText) {
    // Page 2 starts mid-sentence (the mark joins the paragraph) and page 3 at a new paragraph.
    const std::string text = "RESOLVED that the report be\n" + k_mark + "\nnoted.\n\nAGREED\n" +
                             k_mark + "\n\n(1) that the Chair write to the Minister.\n";
    NormalisedText doc = normalise(text);
    const PageStarts starts = take_page_marks(doc);
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[0].text, "RESOLVED that the report be noted.");
    EXPECT_EQ(doc.paragraphs[1].text, "AGREED");
    EXPECT_EQ(doc.paragraphs[2].text, "(1) that the Chair write to the Minister.");
    EXPECT_TRUE(doc.paragraphs[2].after_blank);
    ASSERT_EQ(starts.size(), 2u);
    EXPECT_EQ(page_at(starts, doc.paragraphs[0].offset), 1);
    EXPECT_EQ(page_at(starts, doc.paragraphs[0].offset + doc.paragraphs[0].text.find("noted")), 2);
    EXPECT_EQ(page_at(starts, doc.paragraphs[1].offset), 2);
    EXPECT_EQ(page_at(starts, doc.paragraphs[2].offset), 3);
    std::size_t offset = 0;
    for (const auto& p : doc.paragraphs) {
        EXPECT_EQ(p.offset, offset);
        offset += p.text.size() + 1;
    }
    EXPECT_EQ(*doc.text, "RESOLVED that the report be noted.\nAGREED\n(1) that the Chair write to the Minister.");
}

}  // namespace
}  // namespace actiontrack::parsers
