// End-to-end extraction on short minutes written for these tests, one language form per case.
#include "parsers/extract.hpp"

#include <gtest/gtest.h>

namespace actiontrack::parsers {
namespace {

std::string iso(const std::optional<Date>& d) { return d ? iso_date(*d) : "null"; }

// ---- resolutions -------------------------------------------------------------------------

struct ResolutionCase {
    const char* name;
    const char* minutes;
    std::vector<std::pair<ResolutionKind, std::string>> expected;  // kind, text
};

class ResolutionForms : public ::testing::TestWithParam<ResolutionCase> {};

TEST_P(ResolutionForms, ExtractsKindAndVerbatimText) {
    const auto& c = GetParam();
    const Extraction e = extract(c.minutes);
    ASSERT_EQ(e.resolutions.size(), c.expected.size()) << c.name;
    for (std::size_t i = 0; i < c.expected.size(); ++i) {
        EXPECT_EQ(e.resolutions[i].kind, c.expected[i].first) << c.name << " #" << i;
        EXPECT_EQ(e.resolutions[i].text, c.expected[i].second) << c.name << " #" << i;
    }
}

using K = ResolutionKind;
INSTANTIATE_TEST_SUITE_P(
    Extract, ResolutionForms,
    ::testing::Values(
        ResolutionCase{"agreed_that", "Minutes:\nAGREED that the report be noted.\n",
                       {{K::agreed, "that the report be noted."}}},
        ResolutionCase{"resolved_colon_next_line",
                       "Minutes:\nThe Board received a presentation.\nRESOLVED:\n\nThat the presentation be noted.\n",
                       {{K::resolved, "That the presentation be noted."}}},
        ResolutionCase{"mixed_case_resolved_dash", "Minutes:\nResolved - That the budget be approved.\n",
                       {{K::resolved, "That the budget be approved."}}},
        ResolutionCase{"resolved_unanimously",
                       "RESOLVED (unanimously) that the motion be carried.\n",
                       {{K::resolved, "that the motion be carried."}}},
        ResolutionCase{"bare_noted", "The Chair gave a verbal update on recent visits. NOTED\n",
                       {{K::noted, ""}}},
        ResolutionCase{"it_was_resolved_mid_sentence",
                       "It was RESOLVED that the Committee noted the dates reserved for 2024/25.\n",
                       {{K::resolved, "that the Committee noted the dates reserved for 2024/25."}}},
        ResolutionCase{"numbered_parenthesised_list",
                       "RESOLVED: That the Committee:-\n\n(a) notes the report; and\n\n(b) requests the Head of Housing to report back.\n",
                       {{K::resolved, "notes the report; and"},
                        {K::resolved, "requests the Head of Housing to report back."}}},
        ResolutionCase{"numbered_dot_list", "AGREED that:\n\n1. The minutes be confirmed;\n2. The delay be noted.\n",
                       {{K::agreed, "The minutes be confirmed;"}, {K::agreed, "The delay be noted."}}},
        ResolutionCase{"inline_numbers",
                       "RESOLVED that (1) the report be noted; (2) a further report be submitted in June.\n",
                       {{K::resolved, "the report be noted;"},
                        {K::resolved, "a further report be submitted in June."}}},
        ResolutionCase{"continuation_after_break",
                       "RESOLVED that:\n\n1) the Log be NOTED; and\n2) the convener be authorised to convene\n\n     a further meeting.\n",
                       {{K::resolved, "the Log be NOTED; and"},
                        {K::resolved, "the convener be authorised to convene a further meeting."}}},
        ResolutionCase{"following_was_agreed",
                       "The following was agreed:\n\n1. Councillor Rao was elected Vice Chair.\n2. The terms of reference were noted.\n",
                       {{K::agreed, "Councillor Rao was elected Vice Chair."},
                        {K::agreed, "The terms of reference were noted."}}},
        ResolutionCase{"recommended", "RECOMMENDED to Council that the fees be increased.\n",
                       {{K::recommended, "to Council that the fees be increased."}}},
        ResolutionCase{"narrative_agreed_is_not_a_resolution",
                       "Minutes:\nThe Board agreed to keep the format of future meetings.\n", {}},
        ResolutionCase{"agenda_text_is_not_a_resolution",
                       "Dates of meetings\nThe Committee is asked to note the dates. RESOLVED items will follow.\nMinutes:\nNone.\n",
                       {}},
        ResolutionCase{"shouted_heading_is_not_a_resolution",
                       "MATTERS AGREED BY THE CABINET ON 3 MAY\n\nThe Leader introduced the item.\n", {}}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

// ---- actions -----------------------------------------------------------------------------

struct ActionCase {
    const char* name;
    const char* minutes;
    const char* text_fragment;  // nullptr: no action expected
    const char* owner;          // nullptr: no owner
    const char* due;            // ISO or "null"
};

class ActionForms : public ::testing::TestWithParam<ActionCase> {};

TEST_P(ActionForms, FindsTaskOwnerAndDue) {
    const auto& c = GetParam();
    const Extraction e = extract(c.minutes);
    if (!c.text_fragment) {
        EXPECT_TRUE(e.actions.empty()) << c.name << ": " << (e.actions.empty() ? "" : e.actions[0].text);
        return;
    }
    ASSERT_EQ(e.actions.size(), 1u) << c.name;
    const Action& a = e.actions[0];
    EXPECT_NE(a.text.find(c.text_fragment), std::string::npos) << c.name << ": " << a.text;
    EXPECT_EQ(a.owner.value_or("null"), c.owner ? c.owner : "null") << c.name;
    EXPECT_EQ(iso(a.due), c.due) << c.name;
}

constexpr const char* k_header =
    "Housing Scrutiny Panel - Tuesday 7th March, 2023 2.00 pm\n\nVenue: Town Hall\n\n"
    "Date and Time of Next Meeting - Monday, 17 April 2023 at 2.00pm\n\n";

std::string with_header(const char* body) { return std::string(k_header) + body; }

const std::string k_agreed_to = with_header(
    "Minutes:\nThe Director of Public Health agreed to provide a written briefing by 30 June 2023.\n");
const std::string k_within = with_header("Minutes:\nThe Head of Finance undertook to circulate the figures within 28 days.\n");
const std::string k_next_meeting = with_header(
    "Minutes:\nRESOLVED that the Head of Housing be asked to report back to the next meeting.\n");
const std::string k_month_only = with_header("Minutes:\nThis will be reported back to the Committee in December.\n");
const std::string k_end_of = with_header("Minutes:\nACTION: Head of Finance to circulate the revised figures by the end of April.\n");

INSTANTIATE_TEST_SUITE_P(
    Extract, ActionForms,
    ::testing::Values(
        ActionCase{"agreed_to_with_date", k_agreed_to.c_str(), "provide a written briefing", "Director of Public Health", "2023-06-30"},
        ActionCase{"undertook_within_days", k_within.c_str(), "circulate the figures", "Head of Finance", "2023-04-04"},
        ActionCase{"asked_to_next_meeting", k_next_meeting.c_str(), "report back to the next meeting", "Head of Housing", "2023-04-17"},
        ActionCase{"passive_month_only", k_month_only.c_str(), "reported back to the Committee", nullptr, "2023-12-31"},
        ActionCase{"action_line", k_end_of.c_str(), "circulate the revised figures", "Head of Finance", "2023-04-30"},
        ActionCase{"would_with_pronoun",
                   "Minutes:\nA Member asked about vacancies and the Chair confirmed that he would pursue the appointment of a representative.\n",
                   "pursue the appointment", "Chair", "null"},
        ActionCase{"named_person_with_role",
                   "Minutes:\nS Patel, Executive Director of Adult Services, agreed to write to the provider.\n",
                   "write to the provider", "S Patel, Executive Director of Adult Services", "null"},
        ActionCase{"councillor_will", "Minutes:\nCouncillor C Okafor will meet with the Democratic Services Manager to take this forward.\n",
                   "meet with the Democratic Services Manager", "Councillor C Okafor", "null"},
        ActionCase{"officers_were_asked", "Minutes:\nOfficers were asked to look into the missed collections.\n",
                   "look into the missed collections", "Officers", "null"},
        ActionCase{"directed_resolution_passive",
                   "Minutes:\nAGREED that the schedule of meeting dates be revised and circulated to all Panel Members in due course.\n",
                   "schedule of meeting dates be revised", nullptr, "null"},
        ActionCase{"authorised_owner",
                   "RESOLVED that the convener of the Parks Working Group be authorised to convene a further meeting.\n",
                   "convene a further meeting", "convener of the Parks Working Group", "null"},
        ActionCase{"invitee_is_not_owner", "Minutes:\nPriya Shah to be invited to future agenda setting meetings.\n",
                   "to be invited", nullptr, "null"},
        ActionCase{"unmarked_resolution", "Minutes:\nThat the filling of the vacant positions be pursued as a priority.\n",
                   "be pursued as a priority", nullptr, "null"},
        ActionCase{"noting_is_not_an_action", "Minutes:\nAGREED that the information provided be noted.\n", nullptr, nullptr, "null"},
        ActionCase{"meeting_body_decision_is_not_an_action",
                   "Minutes:\nThe Board agreed to a start time of 18:00 for future meetings.\n", nullptr, nullptr, "null"},
        ActionCase{"leaving_the_room_is_not_an_action",
                   "Minutes:\nMr R Lee declared an interest and said that he would leave the room for this item.\n", nullptr, nullptr, "null"},
        ActionCase{"agenda_preview_is_not_an_action",
                   "Covid Update\n\nThe Executive Director will provide an update on recovery.\n\nMinutes:\nThere were no issues to report.\n",
                   nullptr, nullptr, "null"},
        ActionCase{"description_is_not_an_action",
                   "Minutes:\nThe Team for Newport would be based at the Hub and Social Workers would get to know the area.\n",
                   nullptr, nullptr, "null"}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(ExtractActions, SameTaskSaidTwiceIsOneAction) {
    const Extraction e = extract(
        "Minutes:\nIt was, therefore, agreed that the Democratic Services Officer would attempt to identify "
        "alternative dates and to circulate the new dates to the Panel. AGREED that the schedule of meeting "
        "dates be revised and circulated to all Panel Members in due course.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Democratic Services Officer");
    EXPECT_EQ(e.actions[0].due_text.value_or(""), "in due course");
    EXPECT_FALSE(e.actions[0].due);
    ASSERT_TRUE(e.actions[0].resolution);
    EXPECT_EQ(*e.actions[0].resolution, 0u);
}

TEST(ExtractActions, DifferentDeadlinesStayTwoActions) {
    const Extraction e = extract(
        "Minutes:\nMs Grant suggested, and the Panel agreed, that the Rules be reviewed after the Panel had been "
        "operating for 12 months.\nResolved:\nThat the report be agreed and the Rules be reviewed in May 2013.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(iso(e.actions[1].due), "2013-05-31");
    EXPECT_EQ(e.actions[1].text, "the Rules be reviewed in May 2013");
}

// ---- meeting facts and structure ---------------------------------------------------------

TEST(ExtractMeeting, TitleLineVenueContactAndNextMeeting) {
    const Extraction e = extract(
        "Agenda and minutes\n\nAdult Social Care Scrutiny Panel - Tuesday 14th March, 2023 2.00 pm\n\n"
        "Venue: Council Chamber, Town Hall. View directions\n\nContact: Sam Jones  01632 960000\n\n"
        "No. Item\n\nDate and Time of Next Meeting - Monday, 17 April 2023 at 2.00pm\n");
    EXPECT_EQ(e.meeting.committee.value_or(""), "Adult Social Care Scrutiny Panel");
    EXPECT_EQ(iso(e.meeting.date), "2023-03-14");
    EXPECT_EQ(e.meeting.time.value_or(""), "14:00");
    EXPECT_EQ(e.meeting.venue.value_or(""), "Council Chamber, Town Hall");
    EXPECT_EQ(e.meeting.contact.value_or(""), "Sam Jones");
    EXPECT_EQ(iso(e.meeting.next_meeting), "2023-04-17");
}

TEST(ExtractMeeting, PreviousMeetingNamesCommitteeButNotDate) {
    const Extraction e = extract(
        "Minutes: The minutes of the previous meeting of the Parks and Leisure Scrutiny Panel held on 25 January "
        "2022 were approved as a correct record.\nThe next meeting of the Parks and Leisure Scrutiny Panel was "
        "scheduled for Monday, 21 March 2022 at 4.00pm.\n");
    EXPECT_EQ(e.meeting.committee.value_or(""), "Parks and Leisure Scrutiny Panel");
    EXPECT_FALSE(e.meeting.date);
    EXPECT_EQ(iso(e.meeting.next_meeting), "2022-03-21");
}

TEST(ExtractMeeting, AnotherBodysNextMeetingIsIgnored) {
    const Extraction e = extract(
        "Meeting: 03/11/2021 - Overview and Scrutiny Committee (Item 297)\n\n"
        "Audit Panel - The next meeting of the Audit Panel is on 22 November 2021.\n");
    EXPECT_EQ(e.meeting.committee.value_or(""), "Overview and Scrutiny Committee");
    EXPECT_EQ(iso(e.meeting.date), "2021-11-03");
    EXPECT_FALSE(e.meeting.next_meeting);
}

// The many ways minutes link "next meeting" to its date; a date that is not the meeting's
// ("before the next meeting, on 3 May the hall is closed") is not read.
TEST(ExtractMeeting, NextMeetingLinkedToItsDate) {
    const std::string head = "Minutes of the Parish Council meeting held on 10 December 2023\n\n1. Items\n";
    struct Case {
        std::string sentence;
        std::string next;  // ISO, or "null" for none
    };
    for (const Case& c : {Case{"The date for the next meeting of the Trustees will be 4th February.", "2024-02-04"},
                          Case{"The letter will go out before our next meeting which is tentatively set for 20th "
                               "January.", "2024-01-20"},
                          Case{"The next meeting has been provisionally arranged for 15 January 2024.", "2024-01-15"},
                          Case{"The next meeting will take place on 22 January 2024.", "2024-01-22"},
                          Case{"The next meeting is the AGM, and on 3 May the hall is closed.", "null"}}) {
        const Extraction e = extract(head + c.sentence + "\n");
        EXPECT_EQ(iso(e.meeting.next_meeting), c.next) << c.sentence;
    }
}

TEST(ExtractStructure, ItemNumbersFromMarkersAndNeighbours) {
    const Extraction e = extract(
        "No. | Item |\n---|---|\n"
        "Budget Update Minutes: The Head of Finance reported ... view the full minutes text for item 22/4 |\n"
        "|\n"
        "Work Programme Minutes: AGREED that the programme be submitted to the Board. |\n");
    ASSERT_EQ(e.items.size(), 2u);
    EXPECT_EQ(e.items[0].number, "22/4");
    EXPECT_FALSE(e.items[0].number_inferred);
    EXPECT_EQ(e.items[0].title, "Budget Update");
    EXPECT_EQ(e.items[1].number, "22/5");
    EXPECT_TRUE(e.items[1].number_inferred);
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].item, "22/5");
}

TEST(Extract, NeverThrowsOnHostileInput) {
    std::string junk;
    for (int i = 0; i < 2000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
    EXPECT_NO_THROW(extract(junk));
    EXPECT_NO_THROW(extract("RESOLVED"));
    EXPECT_NO_THROW(extract("RESOLVED that:\n(a)"));
    EXPECT_NO_THROW(extract("(1)(2)(3) AGREED (a) (b) by the end of"));
    EXPECT_FALSE(extract(junk).warnings.empty());
}

}  // namespace
}  // namespace actiontrack::parsers
