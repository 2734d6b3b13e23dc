// Action logs typed into plain text: "|" tables and columns lined up with spaces. Each case is
// written for this test.
#include <gtest/gtest.h>

#include <string>

#include "parsers/extract.hpp"
#include "parsers/text_tables.hpp"

namespace actiontrack::parsers {
namespace {

std::string iso(const std::optional<Date>& d) { return d ? iso_date(*d) : "null"; }

TEST(TextTables, TextWithoutAnActionLogIsNotCopied) {
    EXPECT_FALSE(rewrite_text_action_logs("RESOLVED that the report be noted.\n"));
    // A table that is not an action log, and a sentence about actions, are left alone.
    EXPECT_FALSE(rewrite_text_action_logs("Name | Present | Apologies\nCllr Ali | yes | no\nThe actions were noted.\n"));
    // Prose typed with two spaces after its full stops is not a lined-up header.
    EXPECT_FALSE(rewrite_text_action_logs(
        "The action plan was noted.  The officer would report.  Members agreed the date.\n"
        "Further work is needed.  The Chair thanked officers.  The meeting closed.\n"));
}

TEST(TextTables, PipeTableRowsBecomeActionLines) {
    const auto out = rewrite_text_action_logs(
        "Before.\n\nAction | Responsible Officer | Due date | Status\n---|---|---|---\n"
        "Circulate the revised figures | Head of Finance | 31 March 2023 | Open\n"
        "Seek quotes for the ramp | Town Clerk | - | Complete\n\nAfter.\n");
    ASSERT_TRUE(out);
    EXPECT_NE(out->find("Before."), std::string::npos);
    EXPECT_NE(out->find("ACTION: Head of Finance to circulate the revised figures by 31 March 2023."), std::string::npos);
    EXPECT_EQ(out->find("ramp"), std::string::npos);  // a finished action leaves nothing to do
    EXPECT_NE(out->find("After."), std::string::npos);
}

TEST(TextTables, AHeaderInCapitalsAtTheVeryStart) {
    // "ACTION" is looked for by its "ct", in either case; here it is the document's first word.
    const auto out = rewrite_text_action_logs(
        "ACTION | RESPONSIBLE OFFICER | DUE DATE | STATUS\n---|---|---|---\n"
        "Circulate the revised figures | Head of Finance | 31 March 2023 | Open\n");
    ASSERT_TRUE(out);
    EXPECT_NE(out->find("ACTION: Head of Finance to circulate the revised figures by 31 March 2023."), std::string::npos);
}

TEST(TextTables, ColumnsLinedUpWithSpacesAsConvertersWriteThem) {
    const Extraction e = extract(
        "Minutes of the Trust Board held on 4 July 2023\n\nACTION LOG\n"
        " NO     ACTION                                        LEAD      TARGET     STATUS\n"
        "                                                                DATE\n"
        " July 2023\n"
        " 01.07  Safeguarding training to be undertaken        MW        30 Sept    Open\n"
        " 02.07  Further information to be provided on the     JB/KT     14.8.23    Not yet due\n"
        "        nurse to bed ratio\n"
        " 03.07  Ward visits programme to be published         AP        June       Complete\n"
        "\n\nThe meeting closed at 4.30pm.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "MW");
    EXPECT_EQ(iso(e.actions[0].due), "2023-09-30");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "JB/KT");
    EXPECT_EQ(e.actions[1].text, "further information to be provided on the nurse to bed ratio by 14.8.23");
    EXPECT_EQ(iso(e.actions[1].due), "2023-08-14");
}

TEST(TextTables, ALogThatRestatesTheMinutesAddsNoSecondCopy) {
    const Extraction e = extract(
        "Minutes of the Amenities Committee held on 20 June 2023\n\n"
        "23/41  Memorial Gardens\nThe Chair agreed to write to the Police Inspector for the neighbourhood team.\n\n"
        "23/42  Litter Pick\nThe Amenities Officer will arrange this for September.\n\n"
        "23/43  Actions arising\n\n"
        "Action | Responsible Officer | Due date\n"
        "Write to Police Inspector re anti-social behaviour | Chair | 30/06/23\n"
        "Arrange community litter pick | Amenities Officer | Sept 2023\n"
        "Renew the floral display contract | Town Clerk | 31/07/23\n");
    ASSERT_EQ(e.actions.size(), 3u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Chair");
    EXPECT_EQ(iso(e.actions[0].due), "2023-06-30");  // the log's date completes the minute
    EXPECT_EQ(e.actions[1].text, "arrange this for September");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Town Clerk");
}

}  // namespace
}  // namespace actiontrack::parsers
