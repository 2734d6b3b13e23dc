#include "parsers/normalise.hpp"

#include <gtest/gtest.h>

namespace actiontrack::parsers {
namespace {

std::vector<std::string> texts(const NormalisedText& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs) out.emplace_back(p.text);
    return out;
}

TEST(Normalise, TypographicCharactersBecomeAscii) {
    EXPECT_EQ(simplify_characters("Children\xE2\x80\x99s \xE2\x80\x9CLocality\xE2\x80\x9D \xE2\x80\x93 item\xC2\xA0" "4"),
              "Children's \"Locality\" - item 4");
    EXPECT_EQ(simplify_characters("line\r\nnext\rlast"), "line\nnext\nlast");
}

TEST(Normalise, RejoinsHardWrappedLines) {
    const auto doc = normalise("The Panel heard that Locality Working was a new way of working in which\n"
                               "the local authority delivered services.\n"
                               "The next paragraph starts here.\n");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{
                              "The Panel heard that Locality Working was a new way of working in which the "
                              "local authority delivered services.",
                              "The next paragraph starts here."}));
}

// A paragraph typed on one long line (Word, web pages) ends with its line, full stop or not;
// a short line without one is a wrap.
TEST(Normalise, ALongUnwrappedLineEndsItsParagraph) {
    const std::string long_line =
        "D Jones said the fire station had cleared the grid face of the culvert. There was a question of any "
        "drainage works that would need cctv. NH has a meeting on Monday at which he will raise the issue";
    const auto doc = normalise(long_line + "\nClerk read out the Police report.\n");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{long_line, "Clerk read out the Police report."}));
    const auto wrapped = normalise("NH has a meeting on Monday at which he will raise the issue with\nHighways England.\n");
    EXPECT_EQ(texts(wrapped).size(), 1u);
}

TEST(Normalise, ANumberedHeadingLineEndsItsParagraph) {
    const auto doc = normalise("4. Police Report\n"
                               "PC Hobbs reported one incident.\n"
                               "5. HIGHWAYS AND FOOTPATHS\n"
                               "The stile on Mill Lane is broken.\n");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"4. Police Report", "PC Hobbs reported one incident.",
                                                    "5. HIGHWAYS AND FOOTPATHS",
                                                    "The stile on Mill Lane is broken."}));
}

TEST(Normalise, AWrappedNumberedParagraphOrADateLineStillJoins) {
    // A wrapped line ending in a little word and a long first line are not headings; nor is a
    // date (which "Present:" below ends as a field label does any line).
    const auto doc = normalise("1. The Committee considered the\n"
                               "Head of Finance's report.\n"
                               "\n"
                               "2. The Panel received a presentation from the Chief\n"
                               "Executive on the budget.\n"
                               "\n"
                               "28 July 2021\n"
                               "Present: Councillor Hall\n");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{
                              "1. The Committee considered the Head of Finance's report.",
                              "2. The Panel received a presentation from the Chief Executive on the budget.",
                              "28 July 2021", "Present: Councillor Hall"}));
    EXPECT_TRUE(is_numbered_heading_line("12 Village Hall Car Park"));
    EXPECT_FALSE(is_numbered_heading_line("12 March 2023"));
    EXPECT_FALSE(is_numbered_heading_line("3. Clerk to chase the contractor"));
}

TEST(Normalise, ALineGivingARoleATaskStartsItsOwnParagraph) {
    // Notes with one point per line and no full stops: "Chairman to meet ..." is a new point, not
    // the end of the line above. A line ending in a little word still runs on into it, and a role
    // "to the" is a title, not a task.
    const auto doc = normalise("Awaiting contact from local schools re further bird boxes\n"
                               "Chairman to meet with John Seiler regarding funding.\n"
                               "\n"
                               "It was agreed that the\n"
                               "Clerk will write to the owner.\n"
                               "\n"
                               "A letter was received from the\n"
                               "Secretary to the Trust.\n"
                               "\n"
                               "The hedge is overgrown\n"
                               "Clerk to the Council reported it.\n");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{
                              "Awaiting contact from local schools re further bird boxes",
                              "Chairman to meet with John Seiler regarding funding.",
                              "It was agreed that the Clerk will write to the owner.",
                              "A letter was received from the Secretary to the Trust.",
                              "The hedge is overgrown Clerk to the Council reported it."}));
}

TEST(Normalise, LoneBulletLinesStartBulletParagraphs) {
    const auto doc = normalise("including:-\n\xC2\xB7\nreduction\nin the number of referrals\n\xC2\xB7\nimproved sharing\n");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[1].text, "reduction in the number of referrals");
    EXPECT_TRUE(doc.paragraphs[1].bullet);
    EXPECT_EQ(doc.paragraphs[2].text, "improved sharing");
    EXPECT_TRUE(doc.paragraphs[2].bullet);
}

TEST(Normalise, TableDumpDebrisAndMarkers) {
    const auto doc = normalise(
        "No. | Item | ||||||\n---|---|---|\n"
        "Update on Budget PDF 370 KB The Panel will receive an update. Minutes: The Head of Finance\n"
        "reported progress ... view the full minutes text for item 21/44 |\n"
        "|||||||\n"
        "Next item Minutes: None |\n");
    EXPECT_TRUE(doc.table_dump);
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"Update on Budget", "The Panel will receive an update.",
                                                    "Minutes:", "The Head of Finance reported progress",
                                                    "Next item", "Minutes:", "None"}));
    EXPECT_EQ(doc.paragraphs[0].role, ParagraphRole::title);
    EXPECT_EQ(doc.paragraphs[2].role, ParagraphRole::minutes_marker);
    EXPECT_EQ(doc.paragraphs[3].item_marker, "21/44");
    EXPECT_TRUE(doc.paragraphs[4].record_start);
}

TEST(Normalise, FieldLabelsAndKeywordsAreNotJoined) {
    const auto doc = normalise("Venue: Virtual\nContact: Joanne Dixon\nThe Chair thanked officers\nRESOLVED that the report be noted.\n");
    EXPECT_EQ(texts(doc), (std::vector<std::string>{"Venue: Virtual", "Contact: Joanne Dixon",
                                                    "The Chair thanked officers",
                                                    "RESOLVED that the report be noted."}));
    // The head of notes typed as a form: a field on each line.
    const auto form = normalise("Miller Practice PPG Minutes\nDate: 14 October 2014 at 18.30\nPlace: Highbury\n"
                                "Chair: Chris Wills\n");
    EXPECT_EQ(texts(form), (std::vector<std::string>{"Miller Practice PPG Minutes", "Date: 14 October 2014 at 18.30",
                                                     "Place: Highbury", "Chair: Chris Wills"}));
}

TEST(Normalise, OffsetsPointIntoJoinedText) {
    const auto doc = normalise("First.\n\nSecond.\n");
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(doc.paragraphs[0].offset, 0u);
    EXPECT_EQ(doc.paragraphs[1].offset, 7u);
    EXPECT_TRUE(doc.paragraphs[1].after_blank);
    EXPECT_EQ(*doc.text, "First.\nSecond.");
}

TEST(Normalise, ParagraphsStayValidWhenTheTextIsMoved) {
    NormalisedText doc = normalise("Short.\n\nA paragraph long enough to need the heap, twice over.\n");
    const NormalisedText moved = std::move(doc);
    EXPECT_EQ(texts(moved), (std::vector<std::string>{"Short.", "A paragraph long enough to need the heap, twice over."}));
    for (const auto& p : moved.paragraphs) EXPECT_EQ(moved.text->substr(p.offset, p.text.size()), p.text);
}

TEST(Normalise, NeverCrashesOnControlBytesOrEmpty) {
    EXPECT_TRUE(normalise("").paragraphs.empty());
    EXPECT_TRUE(normalise("\n\n|||\n---\n").paragraphs.empty());
    EXPECT_EQ(normalise(std::string("a\0b", 3)).paragraphs.size(), 1u);
}

}  // namespace
}  // namespace actiontrack::parsers
