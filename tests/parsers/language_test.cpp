// Language forms from councils beyond the seeds: openers, owners, due phrases and headers that
// Word, PDF and CMIS minutes use. Each case is written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parsers/due.hpp"
#include "parsers/keywords.hpp"
#include "parsers/extract.hpp"

namespace actiontrack::parsers {
namespace {

std::string iso(const std::optional<Date>& d) { return d ? iso_date(*d) : "null"; }

Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(Language, LetterSpacedKeywordsAreRead) {
    const Extraction e = extract("Minutes:\nR E S O L V E D - T H A T the report be noted.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].kind, ResolutionKind::resolved);
    EXPECT_EQ(e.resolutions[0].text, "THAT the report be noted.");
}

TEST(Language, KeywordAfterMinuteNumber) {
    const Extraction e = extract("45. Resolved - That the Head of Planning be authorised to issue the notice.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Head of Planning");
}

TEST(Language, BodyResolvedInNarrative) {
    const Extraction e = extract(
        "The Panel resolved to ask the Executive Member for Housing to review the allocations policy by 31/03/24.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "to ask the Executive Member for Housing to review the allocations policy by 31/03/24.");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Executive Member for Housing");
    EXPECT_EQ(iso(e.actions[0].due), "2024-03-31");
}

TEST(Language, ABodyNamedWithOfResolvedInNarrative) {
    // Bodies whose names go on with "of", and a decision not to do something.
    const Extraction e = extract(
        "The States of Sark resolved not to annul the Emergency Powers Regulations, 2020.\n\n"
        "The Board of Governors resolved to approve the admissions policy.\n\n"
        "The Friends of Hightown Park resolved to hold a fete.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[0].text, "not to annul the Emergency Powers Regulations, 2020.");
    EXPECT_EQ(e.resolutions[1].text, "to approve the admissions policy.");
}

TEST(Language, AQuotedMotionAfterProposedAndSeconded) {
    // Irish minutes quote the motion after "And Agreed" / "And unanimously Resolved"; the
    // resolution ends with its closing quote, and a phrase quoted inside it does not end it.
    const Extraction e = extract(
        "Proposed by Cllr. M Nolan Seconded by Cllr. D Fitz And Agreed \u201cThat \u201cStanding Orders\u201d be "
        "suspended for the debate\u201d. Item No. 1. Election of Mayor: Proposed by: Cllr. P Cleary Seconded by: "
        "Cllr. D Fitz And unanimously Resolved \u201cThat Cllr. Jo Malone be elected Mayor.\u201d All members "
        "congratulated the Mayor.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[0].kind, ResolutionKind::agreed);
    EXPECT_EQ(e.resolutions[0].text, "\"That \"Standing Orders\" be suspended for the debate\".");
    EXPECT_EQ(e.resolutions[1].kind, ResolutionKind::resolved);
    EXPECT_EQ(e.resolutions[1].text, "\"That Cllr. Jo Malone be elected Mayor.\"");
}

TEST(Language, ADecisionHeadingWithItsLeadInOnALineOfItsOwn) {
    // "THE DECISION:" / "That:-" / "(1) ..." / "(2) ...": the numbered parts are the decisions.
    const Extraction e = extract(
        "19. Fly-tipping review\n\nTHE DECISION:\n\nThat:-\n\n(1) the information provided so far be received; and\n\n"
        "(2) Paul Staines, Director of Leisure, be invited to attend the meeting of the Committee in January 2018.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[0].label, "(1)");
    EXPECT_EQ(e.resolutions[1].label, "(2)");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text,
              "Paul Staines, Director of Leisure, be invited to attend the meeting of the Committee in January 2018");
}

TEST(Language, RomanInlineLabelsAndSubjunctiveDirection) {
    const Extraction e = extract("AGREED: (i) that the minutes be signed; (ii) that the Clerk write to the Secretary of State.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[1].label, "(ii)");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Clerk");
    EXPECT_EQ(e.actions[0].text, "the Clerk write to the Secretary of State");
}

TEST(Language, AskedOfficersToIsAnActionButAQuestionIsNot) {
    const Extraction e = extract(
        "Minutes:\nThe Chair asked officers to prepare a briefing note on void rates.\n"
        "Councillor Shah asked whether officers would circulate the slides.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "officers");
    EXPECT_EQ(e.actions[0].text, "prepare a briefing note on void rates");
}

TEST(Language, DecisionAndMinutesBlocksStoreEachResolutionOnce) {
    const Extraction e = extract(
        "Agenda item\n\nLocal Plan Consultation\n\nDecision:\n\nAgreed that the consultation draft be approved.\n\n"
        "Minutes:\n\nThe Leader introduced the report.\n\nResolved - That the consultation draft be approved.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].kind, ResolutionKind::agreed);
}

// The minute under "Minutes:" may carry sub-headings of its own, which read as items without a
// number or marker: its copy of the decision is still the same decision. The reason printed
// under a decision notice is not one.
TEST(Language, DecisionRepeatedUnderASubHeadedMinuteIsStoredOnce) {
    const Extraction e = extract(
        "27 RESOLUTIONS OF THE OVERVIEW AND SCRUTINY COMMITTEE\n\nDecision:\n\nRESOLVED:\n\n"
        "(1) That the actions resulting from the resolutions be noted;\n\n"
        "(2) That the Scrutiny Officer be requested to canvass the Members on a date for the training course.\n\n"
        "REASON FOR DECISION: To enable the Committee to review and monitor the progress of resolutions made.\n\n"
        "Minutes:\n\nThe Scrutiny Officer presented the report.\n\nComplete Resolutions\n\n"
        "A number of resolutions had been marked as complete.\n\nMinute 31 - July 2017 - Resolutions Report\n\n"
        "A workshop was still in progress.\n\nRESOLVED:\n\n(1) That the actions resulting from the resolutions be noted;\n\n"
        "(2) That the Scrutiny Officer be requested to canvass the Members on a date for the training course.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[1].text.substr(0, 30), "That the Scrutiny Officer be r");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Scrutiny Officer");
}

// Two items that each say the same thing are two decisions: only a decision's own minute repeats
// it.
TEST(Language, TheSameWordsUnderTwoNumberedItemsAreTwoDecisions) {
    const Extraction e = extract(
        "5. Budget\n\nDecision:\n\nRESOLVED - That the report be noted.\n\nMinutes:\n\nThe report was presented.\n\n"
        "RESOLVED - That the report be noted.\n\n6. Housing\n\nMinutes:\n\nRESOLVED - That the report be noted.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[0].item, "5");
    EXPECT_EQ(e.resolutions[1].item, "6");
}

struct DueCase {
    const char* text;
    const char* due;  // ISO or "null"
    DateGrain grain;
};

class PeriodDue : public ::testing::TestWithParam<DueCase> {};

TEST_P(PeriodDue, ResolvesAgainstTheMeetingDate) {
    const DueContext ctx{day(2023, 7, 5), day(2023, 9, 13)};
    const auto due = find_due(GetParam().text, ctx);
    ASSERT_TRUE(due) << GetParam().text;
    EXPECT_EQ(iso(due->date), GetParam().due) << GetParam().text;
    EXPECT_EQ(due->grain, GetParam().grain) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Due, PeriodDue,
    ::testing::Values(DueCase{"report by the end of the financial year", "2024-03-31", DateGrain::day},
                      DueCase{"update it by the end of the municipal year", "2024-05-31", DateGrain::day},
                      DueCase{"complete by the end of the year", "2023-12-31", DateGrain::day},
                      DueCase{"a briefing on Q3 2023/24 spending", "2023-12-31", DateGrain::quarter},
                      DueCase{"figures in the fourth quarter", "2024-03-31", DateGrain::quarter},
                      DueCase{"reply within two months", "2023-09-05", DateGrain::day},
                      DueCase{"reply within two weeks", "2023-07-19", DateGrain::day},
                      DueCase{"by 31.03.2024", "2024-03-31", DateGrain::day},
                      DueCase{"by Friday 19th May", "2024-05-19", DateGrain::day},
                      DueCase{"in March 2024", "2024-03-31", DateGrain::month},
                      DueCase{"to the next meeting of the Panel", "2023-09-13", DateGrain::day},
                      DueCase{"in due course", "null", DateGrain::day},
                      DueCase{"early 2024", "null", DateGrain::day}));

struct HeaderCase {
    const char* name;
    const char* text;
    const char* committee;
    const char* date;
};

class Headers : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(Headers, ReadCommitteeAndDate) {
    const auto& c = GetParam();
    const Extraction e = extract(c.text);
    EXPECT_EQ(e.meeting.committee.value_or("null"), c.committee) << c.name;
    EXPECT_EQ(iso(e.meeting.date), c.date) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Extract, Headers,
    ::testing::Values(
        HeaderCase{"word_title",
                   "NORTHBRIDGE COUNTY COUNCIL\n\nMINUTES of a meeting of the CABINET held at County Hall\non Thursday 19 January 2023 at 10.00 am\n\nPRESENT: Councillor A Rudd\n",
                   "Cabinet", "2023-01-19"},
        HeaderCase{"annual_parish_meeting",
                   "MINUTES OF THE ANNUAL MEETING OF EASTON PARISH COUNCIL HELD ON MONDAY 8TH MAY 2023 AT 7.30PM IN THE VILLAGE HALL\n",
                   "Easton Parish Council", "2023-05-08"},
        HeaderCase{"heading_above_generic_title",
                   "Hollin Borough Council\n\nAudit and Governance Committee\n\nMinutes of the meeting held on Thursday 29 June 2023 at 6.00 pm\n",
                   "Audit and Governance Committee", "2023-06-29"},
        HeaderCase{"date_on_next_line",
                   "MINUTES OF THE OVERVIEW AND SCRUTINY COMMITTEE\n\nTuesday, 10 October 2023\n7.00 pm - 9.40 pm\n",
                   "Overview and Scrutiny Committee", "2023-10-10"},
        HeaderCase{"scottish_minute_of_meeting",
                   "MINUTE OF MEETING OF THE COMMUNITIES COMMITTEE, Council Chamber, Dunmarr, 14 November 2023 at 10.00 am\n",
                   "Communities Committee", "2023-11-14"},
        HeaderCase{"bracketed_sub_committee",
                   "Minutes of a meeting of the Planning Applications Sub-Committee (B) held at the Town Hall on Thursday 16 November 2023\n",
                   "Planning Applications Sub-Committee (B)", "2023-11-16"},
        HeaderCase{"several_dates_are_not_the_meeting",
                   "Agenda item\n\nMINUTES OF THE PLANNING COMMITTEE MEETING HELD ON: 23 November 2021; 7 December 2021\n",
                   "Planning Committee", "null"},
        HeaderCase{"title_without_the_body",
                   "Minutes of a meeting held on 9th October, 2019.\n\nPresent: Councillor R. Evans (Chair).\n",
                   "null", "2019-10-09"},
        HeaderCase{"title_under_a_page_heading",
                   "March 2024 Minutes\nMINUTES OF ASHCOMBE PARISH COUNCIL MEETING HELD ON TUESDAY 12 MARCH 2024 AT 7.30PM IN THE HALL.\nPresent: Cllr T Ward\n",
                   "Ashcombe Parish Council", "2024-03-12"},
        HeaderCase{"committee_over_its_dateline",
                   "Meeting documents\n\nLicensing Committee\nWednesday, 4th March, 2015 6.00 pm\n\nPlace: Council Chamber\n",
                   "Licensing Committee", "2015-03-04"},
        HeaderCase{"draft_minutes_without_the_body",
                   "Browse By\n\nDraft minutes of meeting held on 4th June 2019 at 7.30 pm in the Vestry.\n",
                   "null", "2019-06-04"},
        HeaderCase{"the_meeting_was_held_on",
                   "Draft - Minutes March 2021\nThe Meeting of the Parish Council was held on Tuesday 9 March 2021 at 7.30 pm.\n",
                   "Parish Council", "2021-03-09"},
        HeaderCase{"dated_minutes_heading_and_a_reference",
                   "Minutes – 16th May 2019\n\nMinutes of Parish Council Meeting PC/17/05 held on\nThursday 16th May 2019 at 7 pm\n",
                   "Parish Council", "2019-05-16"},
        HeaderCase{"moderngov_decision_page",
                   "Decision Maker: CABINET\nDecision status: Approved\nThat the Director of Place be authorised to let the contract.\n"
                   "Reasons for decision\nThe tenders were evaluated.\nDecided at meeting: 12/03/2015 - CABINET\nEffective from: 20/03/2015\n",
                   "Cabinet", "2015-03-12"},
        // Written for this test, after the shapes of parish, Northern Irish, Channel Islands and
        // CMIS headers.
        HeaderCase{"body_meeting_then_held_on",
                   "DRAFT MINUTES\n\nASHTON UNDER HILL PARISH COUNCIL MEETING\n\nheld on 14th June 2011\n\n at 7.30pm in the Hall\n",
                   "Ashton under Hill Parish Council", "2011-06-14"},
        HeaderCase{"body_meeting_and_date_on_one_line",
                   "PARISH COUNCIL MEETING 3rd March 2016\n\nPRESENT: Councillors\n", "Parish Council", "2016-03-03"},
        HeaderCase{"date_first_then_a_meeting_was_held",
                   "On Monday 6 th June 2011 a Meeting of Penrhos Community Council was held in the Hall at 7.00 pm PRESENT: Cllrs\n",
                   "Penrhos Community Council", "2011-06-06"},
        HeaderCase{"reference_and_qualifiers_before_the_body",
                   "Documents\n\nKPC(19)M07 Minutes of the Statutory Annual Meeting of Kelby Parish Council held on 15 May 2019\n",
                   "Kelby Parish Council", "2019-05-15"},
        HeaderCase{"minutes_of_proceedings",
                   "Minutes of Proceedings of a Meeting of Lisnagarvey District Council held in the Council Chamber on Tuesday, 2 October 2007. The meeting commenced at 7.30 pm.\n",
                   "Lisnagarvey District Council", "2007-10-02"},
        HeaderCase{"the_council_under_its_own_name",
                   "April 2008 - Carnmore District Council\n\nCARNMORE DISTRICT COUNCIL\nMinutes of Monthly Meeting of the Council held on Monday 7 April 2008 at 7.00 pm in the\nChamber.\n",
                   "Carnmore District Council", "2008-04-07"},
        HeaderCase{"a_title_in_another_language_above",
                   "Conseil des Doyens\n\nMinutes of the meeting held on Monday 5th March 2018 at the Hall.\n",
                   "Conseil des Doyens", "2018-03-05"},
        HeaderCase{"cmis_name_over_date_and_times",
                   "Meeting Details\n\nHousing and Communities Committee\n3 Nov 2021 - 10:00 to 12:30\n", "Housing and Communities Committee", "2021-11-03"},
        HeaderCase{"numbered_sub_committee_in_capitals",
                   "CITY OF KINGSMERE\n\n    LICENSING SUB-COMMITTEE No.3\n\n    14 OCTOBER 2006 (EVE)\n",
                   "Licensing Sub-Committee No.3", "2006-10-14"},
        HeaderCase{"title_run_into_a_converted_pdfs_text",
                   "WARNING - text converted from the pdf. GLENMORE NATIONAL PARK AUTHORITY MINUTES OF THE BOARD MEETING held at the "
                   "Village Hall, Nethy on 12 March 2005 at 10.30am PRESENT: Mr A Grant\n",
                   "Glenmore National Park Authority Board", "2005-03-12"},
        HeaderCase{"body_before_an_untitled_title_in_the_same_paragraph",
                   "Total Page:16\n\nFile Type:pdf Ardbeg Community Council Minutes approved ARDBEG COMMUNITY COUNCIL Minutes of meeting "
                   "held on Tuesday 14th March 2023 at 7.30pm in the Hall Present: Pete Munro\n",
                   "Ardbeg Community Council", "2023-03-14"},
        HeaderCase{"notes_of_the_parish_council_under_its_name",
                   "June 2022 Minutes\n\nHARBY PARISH COUNCIL\n\nNotes of the meeting of the Parish Council Meeting held in the Hall, Harby, "
                   "Wednesday 8 June 2022\n\nPresent: Cllr A Brown\n",
                   "Harby Parish Council", "2022-06-08"},
        HeaderCase{"a_fire_authority_keeps_its_own_title",
                   "WESTMERE COMBINED FIRE AUTHORITY\n\nMinutes of the meeting of the Fire Authority held at Headquarters on Thursday 6 July 2023\n",
                   "Fire Authority", "2023-07-06"},
        HeaderCase{"the_date_after_the_word_meeting",
                   "Minutes of Glyn Ceiriog Community Council Meeting 7:30Pm 14Th March 2019\nPresent: Gwen, Emlyn\n",
                   "Glyn Ceiriog Community Council", "2019-03-14"},
        HeaderCase{"what_the_meeting_is_of_names_the_body",
                   "Health Board Chairs minutes: May 2018\n\nMinutes of the meeting of the Health Board Chairs on 21 May 2018.\n",
                   "Health Board Chairs", "2018-05-21"},
        HeaderCase{"a_committee_for_a_subject",
                   "Committee for Education\nMinutes of Proceedings - 4 March 2025\nMeeting Location: Room 21\n",
                   "Committee for Education", "2025-03-04"},
        HeaderCase{"proceedings_at_a_meeting_run_into_the_minutes",
                   "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF KILMORE HELD IN THE CIVIC OFFICES, CO. CLARE, ON "
                   "WEDNESDAY, 8TH JANUARY, 2020, AT 10AM. PRESENT IN THE CHAIR: Councillor J. Ryan. Minutes of 11th December, 2019 adopted.\n",
                   "Municipal District of Kilmore", "2020-01-08"},
        HeaderCase{"at_a_meeting_of_the_body_held_in_a_room_on_a_date",
                   "At a meeting of the PLANNING AND HIGHWAYS COMMITTEE held in COMMITTEE ROOM 2 of the CIVIC CENTRE on TUESDAY 17TH MARCH, 2020 at 5.30 p.m.\n\nPresent:-\n",
                   "Planning and Highways Committee", "2020-03-17"},
        HeaderCase{"committee_minutes_over_its_date",
                   "Place Select Committee Minutes\n\nMonday, 9th July, 2018\nConference Suite, Central Library\n",
                   "Place Select Committee", "2018-07-09"},
        HeaderCase{"a_blog_heading_gives_way_to_the_minutes_title",
                   "Ashford Town Council 2007 minutes\n\nTuesday, August 28, 2007\n\nMinutes of the meeting of Ashford Town Council held in the Church Hall on "
                   "Monday, 6th August 2007 at 7pm\n\nPRESENT: Councillor D. Mitton\n",
                   "Ashford Town Council", "2007-08-06"},
        HeaderCase{"an_ordinal_with_a_full_stop",
                   "MINUTES OF THE MONTHLY MEETING OF THE KILLEAGH MUNICIPAL DISTRICT WHICH WAS HELD IN THE LIBRARY ON WEDNESDAY, 22nd. APRIL, 2015.\n",
                   "Killeagh Municipal District", "2015-04-22"},
        HeaderCase{"an_item_approving_minutes_is_not_the_title",
                   "Agenda item\n\nTo approve the minutes of the meeting of the Committee held on 4 June 2014\n", "null", "null"},
        // Header lines without punctuation, which the normaliser would otherwise run together.
        HeaderCase{"committee_minutes_over_a_dateline_and_the_venue",
                   "Harbour Select Committee Minutes\n\nMonday, 9th July, 2018\nCivic Suite, Town Library, Church Road\n"
                   "Please note: all Minutes are subject to approval\n\nAttendance Details\n",
                   "Harbour Select Committee", "2018-07-09"},
        HeaderCase{"a_body_in_capitals_between_a_page_label_and_the_title",
                   "Category: Minutes (Page 2 of 12)\nWESTOVER PARISH COUNCIL MEETING\n"
                   "Minutes of the meeting held Tuesday 10th January 2023, 7.15 pm at the Village Hall\nPresent: Councillors Ames and Byrne\n",
                   "Westover Parish Council", "2023-01-10"},
        HeaderCase{"a_body_in_capitals_over_a_meeting_was_held",
                   "July 2021 Minutes\nFENBY PARISH COUNCIL\nA meeting of Fenby parish council was held on Monday 19th of July 2021 at 7pm in the hall\n"
                   "Minutes\n1. Apologies for absence - none\n",
                   "Fenby parish council", "2021-07-19"},  // as the sentence writes it
        HeaderCase{"a_heading_run_into_a_meeting_was_held_at_a_place",
                   "WESTERN EDUCATION AND LIBRARY BOARD A meeting of the Western Education and Library Board was held in "
                   "the Boardroom, Headquarters Office, Omagh on Thursday 8 May 2008 at 2.30 p.m. PRESENT: Rev R Herron\n",
                   "Western Education and Library Board", "2008-05-08"},
        HeaderCase{"a_body_its_status_and_a_title_run_together",
                   "1 NATIONAL PARK BOARD MEETING APPROVED Minutes of the meeting held on Wednesday, 29 May 2019 Venue: "
                   "Room 3, Building E6 Present Vic Emery (Chair)\n",
                   "National Park Board", "2019-05-29"},
        HeaderCase{"minutes_of_meetings_after_the_body",
                   "HIGHBRIDGE TOWN COUNCIL Minutes of Meetings held Wednesday, 4 June 2008 Present: (Attendance Register)\n",
                   "Highbridge Town Council", "2008-06-04"},
        HeaderCase{"minutes_for_a_committee_meeting_page_title",
                   "London Borough of Eastham:\n\nMinutes for Health Scrutiny Commission meeting, Jul 7 2009, 7.00PM\n",
                   "Health Scrutiny Commission", "2009-07-07"},
        HeaderCase{"a_body_in_capitals_over_a_dated_minutes_line",
                   "September 2018\n\nHEYBRIDGE HARBOUR IMPROVEMENT COMMISSIONERS\n\n"
                   "MINUTES \xE2\x80\x93 Thursday, 17 January 2019, at 7.00 pm, the Little Ship Club\n\nPRESENT\n",
                   "Heybridge Harbour Improvement Commissioners", "2019-01-17"},
        HeaderCase{"a_body_over_a_title_that_names_none",
                   "Community Portal\n\nVillage Hall Management Committee\n\nMonthly Meeting Minutes - 28th March 2018\n\n"
                   "Present: Hugh Mackay, Mike Grant\n",
                   "Village Hall Management Committee", "2018-03-28"},
        HeaderCase{"a_report_of_a_committee_meeting",
                   "Report of the Allotment Managers Committee meeting held on 3rd May 2017.\n\nApologies were received.\n",
                   "Allotment Managers Committee", "2017-05-03"},
        HeaderCase{"a_dateline_with_a_comma_before_its_time",
                   "Minutes\n\n109thBoard Meeting\n\n29th September 2011, 11.30a.m.\n\nPresent: Mr Tom Scott (Chair)\n",
                   "null", "2011-09-29"},
        HeaderCase{"a_title_in_capitals_that_runs_on",
                   "LOWFIELD PARISH COUNCIL |\nMINUTES OF THE\nMEETING HELD ON MONDAY 5TH JANUARY 2004 AT THE VILLAGE HALL AT 7.30PM. |\n"
                   "Present: | Cllrs. Hart, Ives |\n",
                   "Lowfield Parish Council", "2004-01-05"},
        HeaderCase{"an_item_number_is_not_a_reference",
                   "Kelby Parish Council Meeting Minutes 6th September 2017\n\nMinutes of theKelby Annual Parish Council Meeting\n\n"
                   "held on 6th September 2017 at the Chapel\n\nPresent: Councillor M. Bell (Chair)\n\n"
                   "1. Minutes of the Parish Council meeting held on 28th June 2017\n\nIt was AGREED that the minutes be approved.\n",
                   "Kelby Parish Council", "2017-09-06"},
        HeaderCase{"minutes_for_the_meeting_of_a_body_and_a_weekday",
                   "Minutes for the Ordinary Meeting of Ballagh Parish Commissioners Thursday 5 April 2018\n\nMeeting Commenced: 09.00\n",
                   "Ballagh Parish Commissioners", "2018-04-05"},
        HeaderCase{"meeting_minutes_a_board_a_date_and_a_time",
                   "Meeting Minutes Board of Trustees Wednesday 13 December 2017, 16.30 College\n\nAttendees: Rob Ash - Chair (RA)\n",
                   "Board of Trustees", "2017-12-13"},
        // More kinds of body: commissioners, trustees, governors, municipal districts, states,
        // associations and trusts.
        HeaderCase{"commissioners_in_capitals",
                   "MINUTES OF KIRKBRIDE PARISH COMMISSIONERS held in the Commissioners Office at 1.00pm on 11th October 2013\n",
                   "Kirkbride Parish Commissioners", "2013-10-11"},
        HeaderCase{"a_municipal_district_of_a_town",
                   "Minutes of the Municipal District of Carrow Meeting Held in the Civic Centre, Carrow, on Thursday 1st October, 2015 at 5.30 pm\n",
                   "Municipal District of Carrow", "2015-10-01"},
        HeaderCase{"approved_minutes_over_a_dateline_are_the_titles",
                   "Approved Minutes of the Meeting of the Board of Directors/Trustees\n\nTuesday 23rd January 2018, 19.00-21.00\n\nPresent Les Allan\n",
                   "Board of Directors/Trustees", "2018-01-23"},
        HeaderCase{"a_dateline_that_goes_on_to_the_venue",
                   "Westshire Combined Fire Authority\n\nMonday, 16 December 2024 at 10.30 am in Washington Hall, Service Training Centre, Euxton\n\nMinutes\n",
                   "Westshire Combined Fire Authority", "2024-12-16"},
        HeaderCase{"a_comma_inside_the_body_name",
                   "August 2022 Minutes\n\nMinute of Highfield, Sots Hole & Tanvats Parish Council Meeting held on Wednesday 10th August 2022 in the Parish Office.\n",
                   "Highfield, Sots Hole & Tanvats Parish Council", "2022-08-10"},
        HeaderCase{"a_body_over_a_clerk_line_and_an_untitled_title",
                   "Temple Brook Parish Council\nClerk / RFO: Dora Neal (01246 850042)\nMinutes of the Meeting Held\n"
                   "2:00pm 15th October 2020\nThe Allotment Site\n",
                   "Temple Brook Parish Council", "2020-10-15"},
        HeaderCase{"a_summons_at_the_head",
                   "Footpaths Committee Meeting\nAgenda\nFOOTPATHS COMMITTEE AGENDA\nNOTICE IS HEREBY GIVEN that a meeting of Ashby Parish Council Footpaths "
                   "Committee will be held on Wednesday 7th February 2024, Community Centre, at 7pm.\n1. Apologies\n",
                   "Ashby Parish Council Footpaths Committee", "2024-02-07"},
        HeaderCase{"a_body_and_a_month_without_a_day",
                   "Village Hall Trust Management Committee Meeting - November 2008\n\nPresent: Roger Bragg, Sue Dunn.\n",
                   "Village Hall Trust Management Committee", "null"},
        // A kind of meeting and no body: the title's date is the meeting's all the same.
        HeaderCase{"a_kind_of_meeting_in_capitals",
                   "MINUTES OF THE PLAYING FIELD MEETING HELD ON TUESDAY 14TH MAY 2024\nIn Attendance: Chairman D Maxwell\n"
                   "- Minutes of the meeting held 30th April 2024\nRESOLVED that the minutes be signed.\n",
                   "null", "2024-05-14"},
        HeaderCase{"a_kind_of_meeting_named_in_words",
                   "Minutes of the meeting of the Village Hall and Recreation Ground Charity Trustee meeting held on 21st July 2015\n"
                   "Present: Trustees Alexander (Chair), James\n",
                   "Village Hall and Recreation Ground Charity Trustee meeting", "2015-07-21"},
        HeaderCase{"a_month_is_no_kind_of_meeting",
                   "Minutes of the April 2014 meeting held on 8th April 2014 at the Hall\n\nPresent: Cllrs Ames, Byrne\n",
                   "null", "2014-04-08"},
        // The details printed under the title, run into its paragraph.
        HeaderCase{"date_of_meeting_field",
                   "Minutes from the Fourth Meeting of the Dunmarr Health Board\nDate of meeting: 12 May 2014\n"
                   "Time of meeting: 10.00am\n1. Welcome\nThe Chair welcomed members.\n",
                   "Dunmarr Health Board", "2014-05-12"},
        HeaderCase{"meeting_of_the_body_then_its_date",
                   "Meeting of the Fellside Rural Partnership Tuesday 9 June 2015 Partnership Office, Kendal\n\n"
                   "1. Welcome\nThe Chair welcomed all.\n",
                   "Fellside Rural Partnership", "2015-06-09"},
        HeaderCase{"the_body_held_its_meeting",
                   "Minutes\n\nDecember 2021\nCwmnant Community Council held their meeting via Zoom at 7.30pm on the "
                   "8th December 2021.\n\nPRESENT\n",
                   "Cwmnant Community Council", "2021-12-08"},
        HeaderCase{"the_council_held_its_meeting_names_no_body",
                   "Minutes\n\nThe Council held its meeting on 8th December 2021.\n\nPRESENT\n",
                   "null", "null"},
        HeaderCase{"body_meeting_then_time_and_date",
                   "Healthwatch Dunmarr Board Meeting\n10 a.m on Monday 14th March 2016, at\nThe Old Library, High "
                   "Street\nPresent: Ann Lee (Chair)\n",
                   "Healthwatch Dunmarr Board", "2016-03-14"},
        HeaderCase{"body_meeting_minutes_and_a_numeric_date",
                   "Local Access Forum Meeting - Minutes / Date: 11-03-17\n1. Attendees:\nAnn Lee (AL)\n",
                   "Local Access Forum", "2017-03-11"},
        HeaderCase{"a_comma_after_the_ordinal_day",
                   "Minutes of the Meeting of the Ashcombe Parish Council held at the Village Hall on Wednesday 1st, "
                   "March, 2017 at 7.30pm\n\nPresent: Cllr Smith\n",
                   "Ashcombe Parish Council", "2017-03-01"},
        HeaderCase{"minute_of_meeting_dash_body",
                   "Minute of Meeting- Kessock Community Council\nMonday 3 November 2014 at 7.00pm in the School\n",
                   "Kessock Community Council", "2014-11-03"},
        // The date before the title; an earlier meeting's date later in the paragraph is not it.
        HeaderCase{"date_printed_before_the_title",
                   "14 JULY 2011 Minutes of a meeting of the LICENSING COMMITTEE held in the Council Chamber at 9.30 am "
                   "when there were present: Councillors A Smith (Chairman). (12) MINUTES The Minutes of the meeting "
                   "held on 16 June 2011 were approved.\n",
                   "Licensing Committee", "2011-07-14"},
        // Page-title words before the name, and the years a body sat after it, are not the name.
        HeaderCase{"page_title_words_before_the_name",
                   "Meeting Details\n\nMeeting Summary\nAudit Panel\n6 Aug 2019 - 18:00\nOccurred\n",
                   "Audit Panel", "2019-08-06"},
        HeaderCase{"approved_minutes_for_the_group_meeting",
                   "Approved Minutes for the Neighbourhood Plan Group Meeting - 3rd September 2020\n\nMembers present: "
                   "A Lee (Chairman)\n",
                   "Neighbourhood Plan Group", "2020-09-03"},
        HeaderCase{"years_a_body_sat",
                   "Licensing Committee (2005-2015)\nTuesday 13 September 2005 at 10.00 am\n",
                   "Licensing Committee", "2005-09-13"},
        HeaderCase{"minutes_for_a_kind_of_meeting_of_a_body_and_its_date",
                   "Minutes for the Executive meeting of Kilree Development Association 15 September 2016.\n\nPresent: "
                   "Joe Whyte\n",
                   "Kilree Development Association", "2016-09-15"},
        HeaderCase{"minutes_of_meeting_and_a_date_over_the_body",
                   "Minutes of meeting 10th July 2018\n\nAshby Parish Council\n\nChair G Rogers\n",
                   "Ashby Parish Council", "2018-07-10"},
        HeaderCase{"minutes_for_a_date_under_the_body",
                   "Parish Hall Committee\n\nMinutes for 19th January 2015 7.30\n\nPresent: Calvin Gore\n",
                   "Parish Hall Committee", "2015-01-19"},
        HeaderCase{"proceedings_of_the_meeting_of_the_council",
                   "MINUTES OF THE PROCEEDINGS OF THE MEETING OF THE COUNCIL HELD IN THE CIVIC CENTRE ON MONDAY 30 JULY "
                   "2018 AT 6.30 PM\n\nIn the Chair: The Mayor\n",
                   "Council", "2018-07-30"},
        // An earlier meeting's minutes, approved at this one, date nothing.
        HeaderCase{"earlier_minutes_are_not_the_title",
                   "Present: Cllrs Ames, Byrne\n- Minutes of the meeting of 5th June 2023: These were agreed and signed.\n",
                   "null", "null"},
        // A running title before the meeting's own in capitals; letters and digits make a name.
        HeaderCase{"running_title_then_the_body_in_capitals",
                   "Western Waste Group WW12 JOINT COMMITTEE Meeting No 053 Virtual Meeting MINUTES Thursday 28 January "
                   "2021 Members Present: Councillor M Goodman\n",
                   "Ww12 Joint Committee", "2021-01-28"},
        HeaderCase{"minutes_comma_body_meeting_comma_date",
                   "Minutes, Full Council Meeting, Friday, 20 th November, 2015, Van Community Centre.\n\nPresent: "
                   "Councillors Deacon, Hill.\n",
                   "Full Council", "2015-11-20"},
        HeaderCase{"a_reference_before_the_body_is_no_name",
                   "Page 1: COUNCIL MEETING TUESDAY 7 JULY 2020 Referred from the June meeting\n",
                   "null", "null"},
        HeaderCase{"a_title_printed_twice_gives_its_date_once",
                   "Minutes of Meeting of Mid Ulster District Council Held on Thursday 25 February 2016\nA Minutes of "
                   "Meeting of Mid Ulster District Council held on Thursday 25 February 2016 in the Council Offices\n",
                   "Mid Ulster District Council", "2016-02-25"},
        HeaderCase{"modern_gov_agenda_title_names_any_meeting",
                   "{meta} Agenda for Monthly Council Meeting on Monday 2nd October, 2017, 6.15 pm\n\nAgenda and minutes\n",
                   "Monthly Council Meeting", "2017-10-02"},
        HeaderCase{"a_form_of_meeting_of_and_date_and_time",
                   "Minutes of Meeting of: Council\n\nDate and Time: Thursday 28 July 2016 at 7.03 pm\n\nLocation: "
                   "Council Chamber\n",
                   "Council", "2016-07-28"},
        HeaderCase{"the_councils_meeting_under_the_councils_name",
                   "LLANFAIR MATHAFARN EITHAF COMMUNITY COUNCIL\n\nMINUTES of the Councils meeting held at Goronwy Owen "
                   "Memorial Hall, on Monday, 27 November, 2017, at 7.00 p.m.\n",
                   "Llanfair Mathafarn Eithaf Community Council", "2017-11-27"},
        HeaderCase{"the_body_on_the_line_run_into_an_untitled_title",
                   "Minute of Meeting on Tuesday 18 January 2011\nKalewater Community Council\nPresent: Eric McNulty "
                   "(chair)\n",
                   "Kalewater Community Council", "2011-01-18"},
        HeaderCase{"an_abbreviation_after_the_date_is_no_body",
                   "Minutes of Monthly Council Meeting held on 29th January, 2018 NDA (National Disability Authority) "
                   "Accessible Format\n",
                   "Council", "2018-01-29"},
        HeaderCase{"a_scottish_minute_of_inside_the_first_paragraph",
                   "Whiteinch Community Council Minute of Community Council Meeting, 30/1/18, Whiteinch Centre at 7pm\n",
                   "Whiteinch Community Council", "2018-01-30"},
        HeaderCase{"the_minute_of_an_earlier_meeting_is_prose",
                   "FRIDAY, 13 NOVEMBER2015at6.45 p.m.\n\n(a)Minute of Meeting held on 28 August 2015 The Minute of the "
                   "Meeting held on the 28 August 2015 was approved.\n",
                   "null", "null"},
        HeaderCase{"a_title_naming_no_body_still_dates_the_minutes",
                   "Broomhaugh & Riding Parish Council\n\nMinutes of the Annual parish meeting, held at 7.30pm in the "
                   "Millennium Hall, Church Lane on 20th May 2010.\n",
                   "null", "2010-05-20"},
        HeaderCase{"minutes_of_the_last_meeting_date_nothing",
                   "Issue - meetings\n\nMinutes of the last meeting held on\n\nMeeting: 21/10/2021 - Slough Health & "
                   "Wellbeing Board (Item 63)\n",
                   "Slough Health & Wellbeing Board", "2021-10-21"},
        HeaderCase{"the_first_title_in_a_run_on_paragraph",
                   "MARSTOW PARISH COUNCIL Minutes of the meeting held on 6 August 2019 at Goodrich Village Hall PRESENT "
                   "A Williams (Chairman) 4. MINUTES OF THE LAST MEETING held on 2 July 2019 were approved\n",
                   "Marstow Parish Council", "2019-08-06"},
        HeaderCase{"a_body_over_a_date_label_over_its_date",
                   "Stewartry Area Committee (Community) Minutes\n\nDate:\n\nWednesday 17 August 2016\n\nTime:\n\n6.30pm\n",
                   "Stewartry Area Committee (Community)", "2016-08-17"},
        HeaderCase{"a_capitals_title_run_into_the_minutes_after_a_page_number",
                   "1 BURIAL GROUNDS AND AMENITIES COMMITTEE MONDAY 23 MARCH 2015 AT 7.15 PM AT PARISH COUNCIL OFFICES, "
                   "HEATHFIELD PRESENT: Mrs Clark (Chairman), Dr Huggett, Ms Kift, Mr Rivers, Mr Taylor and Mr Waterhouse.\n",
                   "Burial Grounds and Amenities Committee", "2015-03-23"},
        HeaderCase{"a_clubs_committee_under_the_clubs_name",
                   "GREAT CHART CRICKET CLUB\n\nMinutes of Management Committee Meeting held at the Swaffer Pavilion on "
                   "22/05/2017 at 8.00pm.\n",
                   "Great Chart Cricket Club Management Committee", "2017-05-22"},
        HeaderCase{"an_associations_committee_under_its_name",
                   "Worthing Football Club Supporters Association (WFCSA)\nMinutes of Committee Meeting\nDate: Thursday "
                   "24th April 2003\n",
                   "Worthing Football Club Supporters Association (WFCSA) Committee", "2003-04-24"},
        HeaderCase{"a_body_over_meeting_minutes_and_its_date",
                   "Patient Participation Group\n\nMeeting minutes 17th March 2016\n\nLesley Law - Practice Manager\n",
                   "Patient Participation Group", "2016-03-17"},
        HeaderCase{"a_bodys_agm_after_its_name_and_a_colon",
                   "Tuesday, 2 May 2017 By: John Jenkins\n\nHurley Allotment Association: Minutes of AGM 30 March 2017\n\n"
                   "Present: Alex Simpson (Chair)\n",
                   "Hurley Allotment Association AGM", "2017-03-30"},
        HeaderCase{"a_societys_agm_under_its_name",
                   "Binswood Allotment Society\n\nMinutes of the AGM held on 12 March 2018\n",
                   "Binswood Allotment Society AGM", "2018-03-12"},
        HeaderCase{"a_summary_of_a_boards_meeting",
                   "Summary of DE Board Meeting - 11 April 2019\n\nThursday 11 April 2019\n",
                   "DE Board", "2019-04-11"},
        HeaderCase{"a_bodys_name_in_capitals_with_of",
                   "MUNICIPAL DISTRICT OF KILKENNY CITY\n\nMINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON MONDAY, 22nd "
                   "JUNE, 2015, AT 7.30 PM\n",
                   "Municipal District of Kilkenny City", "2015-06-22"},
        HeaderCase{"a_colleges_corporation",
                   "1 Lambeth College Minutes of Corporation Meeting held on 10 November 2016 at 5.30pm at the Clapham "
                   "Centre\n",
                   "Corporation", "2016-11-10"}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(Language, NumberedHeadingsOnLinesOfTheirOwnStartItems) {
    // Notes typed without blank lines: each "N. Title" line heads an item, so an owner named in
    // one item is never handed to a task minuted under another.
    const auto e = extract("Upton Parish Council\n"
                           "Minutes of the meeting held on 3 March 2022\n"
                           "6. Footpaths\n"
                           "Maintenance to be carried out on Mill Lane.\n"
                           "7. Keys\n"
                           "A. Smith volunteered to monitor the hall.\n");
    ASSERT_GE(e.items.size(), 2u);
    EXPECT_EQ(e.items[e.items.size() - 2].number, "6");
    EXPECT_EQ(e.items[e.items.size() - 2].title, "Footpaths");
    EXPECT_EQ(e.items.back().number, "7");
    EXPECT_EQ(e.items.back().title, "Keys");
    for (const auto& a : e.actions) {
        if (a.text.find("Mill Lane") != std::string::npos) {
            EXPECT_EQ(a.item, "6");
            EXPECT_FALSE(a.owner.has_value()) << *a.owner;
        }
    }
}

TEST(Language, SummaryMinuteWithItsDateOnTheLineBelow) {
    const auto e = extract("Summary Minute of Meeting of the Board of Directors of Glenholm Ltd\n\n"
                           "On Saturday, 27 June 2009 in Glasgow\n\nThose present included the officers.\n");
    EXPECT_EQ(e.meeting.committee.value_or(""), "Board of Directors of Glenholm Ltd");
    EXPECT_EQ(iso(e.meeting.date), "2009-06-27");
}

TEST(Language, MeetingKindsBeforeMeetingOfAndABodyNamedAfterADateOnlyTitle) {
    const auto combined = extract(
        "MINUTES OF THE COMBINED PLANNING AND MONTHLY MEETING OF KILCURRY TOWN COUNCIL, HELD IN THE "
        "COUNCIL CHAMBER, ON TUESDAY 22ND AUGUST 2006\n\nPRESENT: Councillor Byrne\n");
    EXPECT_EQ(combined.meeting.committee.value_or(""), "Kilcurry Town Council");
    EXPECT_EQ(iso(combined.meeting.date), "2006-08-22");
    const auto titled_later = extract("Minutes - 18 November 2009\n\nNorth Glen Community Council Minutes\n"
                                      "Wednesday 18 November 2009 at 6.30pm\nSt. Charles School\n\nPresent: Dave\n");
    EXPECT_EQ(titled_later.meeting.committee.value_or(""), "North Glen Community Council");
    EXPECT_EQ(iso(titled_later.meeting.date), "2009-11-18");
    const auto slashed = extract("Glenmore Development Trust Board Meeting\n\nDate / 13th June 2017\n"
                                 "Time / 7.30pm\nVenue / Trust Offices\n");
    EXPECT_EQ(iso(slashed.meeting.date), "2017-06-13");
}

TEST(Language, ANumberedListUnderAResolutionIsNoRunOfItems) {
    const auto e = extract("Minutes of the meeting of Upton Parish Council held on 3 March 2022\n\n"
                           "5. Appointments\n\nRESOLVED that the following be appointed to the Panel:\n"
                           "1. Councillor Smith\n2. Councillor Jones\n\n6. Any Other Business\n\nNone.\n");
    std::vector<std::string> numbers;
    for (const auto& item : e.items) numbers.push_back(item.number);
    EXPECT_EQ(numbers, (std::vector<std::string>{"", "5", "6"}));
    EXPECT_EQ(e.resolutions.size(), 2u);
}

TEST(Language, MoreMeetingHeaders) {
    const auto governors = extract("A Meeting of the Fellside School Full Governing Board\n\n"
                                   "was held in the boardroom at the School on Thursday 5th December 2019 at 4.30pm.\n");
    EXPECT_EQ(governors.meeting.committee.value_or(""), "Fellside School Full Governing Board");
    EXPECT_EQ(iso(governors.meeting.date), "2019-12-05");
    const auto parish = extract("The Meeting of the Parish Council of Wetherby Magna\n\n"
                                "Village Hall, Tuesday 15th January 2019 at 7.30PM\n\nAttendees: A Howard\n");
    EXPECT_EQ(parish.meeting.committee.value_or(""), "Parish Council of Wetherby Magna");
    EXPECT_EQ(iso(parish.meeting.date), "2019-01-15");
    const auto fields = extract("Meeting: ICP Board\n\nMeeting Date: 13 May 2021\n\nKey Decisions and Actions:\n");
    EXPECT_EQ(fields.meeting.committee.value_or(""), "ICP Board");
    EXPECT_EQ(iso(fields.meeting.date), "2021-05-13");
    const auto agenda_page = extract("Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm\n\nAgenda and minutes\n");
    EXPECT_EQ(agenda_page.meeting.committee.value_or(""), "Council");
    EXPECT_EQ(iso(agenda_page.meeting.date), "2021-01-27");
    const auto ordinary = extract("TOWN COUNCIL\n\nOrdinary Meeting of the Council held at the Welfare Hall on "
                                  "Thursday 6th June 2019 at 6.30p.m.\n");
    EXPECT_EQ(iso(ordinary.meeting.date), "2019-06-06");
}

TEST(Language, NextMeetingHeadingWithDateBelow) {
    const Extraction e = extract(
        "Minutes of the Licensing Committee held on Wednesday 26 July 2023\n\n18  DATE OF NEXT MEETING\n\n"
        "Wednesday 27 September 2023 at 6.00pm.\n");
    EXPECT_EQ(iso(e.meeting.next_meeting), "2023-09-27");
}


TEST(Language, PronounReachesBackToThePreviousSentencesSubject) {
    const Extraction e = extract(
        "Minutes:\nThe Head of Housing, Mrs T. Garland, agreed to provide a written briefing to all Members. "
        "She would also circulate the prevention figures by ward.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Head of Housing, Mrs T. Garland");
    EXPECT_EQ(e.actions[1].text, "circulate the prevention figures by ward");
}

TEST(Language, ConsulteeIsNotTheOwner) {
    const Extraction e = extract(
        "RESOLVED that the Strategic Director of Place, in consultation with the Cabinet Member, be authorised to agree the final scheme.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Strategic Director of Place");
}

TEST(Language, ResolutionEndsWithItsSentenceAndTheRestIsNarrative) {
    const Extraction e = extract(
        "Minutes:\nThe pads expire in November. It was AGREED that replacement pads be purchased at a cost of 78 pounds. Clerk to order.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "that replacement pads be purchased at a cost of 78 pounds.");
    // "Clerk to order." names who carries out the decision; it is not a second task.
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "replacement pads be purchased at a cost of 78 pounds");
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Clerk");
}

TEST(Language, ReasonsListBelongsToOneDecisionAndHeadingsEndLists) {
    const Extraction e = extract(
        "RESOLVED that planning permission be REFUSED for the following reasons:\n\n"
        "1. The dormer would harm the street scene.\n\n2. The terrace would overlook neighbours.\n\n"
        "AGREED that:\n\n1. the protocol be revised;\n\n2. the revised protocol be circulated.\n\n"
        "25. FORWARD WORK PROGRAMME\n\nThe Scrutiny Officer presented the programme.\n");
    ASSERT_EQ(e.resolutions.size(), 3u);
    EXPECT_EQ(e.resolutions[0].text, "that planning permission be REFUSED for the following reasons:");
    EXPECT_EQ(e.resolutions[2].text, "the revised protocol be circulated.");
}

TEST(Language, DeadlineNamedBeforeItsDate) {
    const DueContext ctx{day(2023, 5, 8), std::nullopt};
    const auto due = find_due("submit comments by the consultation deadline of 24 May", ctx);
    ASSERT_TRUE(due);
    EXPECT_EQ(iso(due->date), "2023-05-24");
}

TEST(Language, CommitmentReportedInsideAResolution) {
    const Extraction e = extract("The Committee resolved:-\n(i) to note the report; and\n(ii) to note that the Convener would write to the Minister.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Convener");
}


TEST(Language, PublishedAgendaRecordsNoDecisions) {
    const Extraction e = extract(
        "Agenda\n\nAudit Committee - Tuesday, 23rd January 2024 6.30 pm\n\n5.\n\nInternal Audit Progress\n\n"
        "The Head of Internal Audit will report on progress.\n\nRECOMMENDED: That the Committee notes the progress.\n");
    EXPECT_TRUE(e.resolutions.empty());
    EXPECT_TRUE(e.actions.empty());
    EXPECT_EQ(iso(e.meeting.date), "2024-01-23");
}

TEST(Language, DecisionHeadingAboveAResolutionIsALabel) {
    const Extraction e = extract("JC/20 MINUTES\n\nDECISION:\n\nRESOLVED that the minutes be confirmed as a correct record.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "that the minutes be confirmed as a correct record.");
}

TEST(Language, MixedCaseKeywordAfterASentence) {
    const Extraction e = extract(
        "Minutes:\nMembers discussed a water refill station. Resolved - That a report on its costs be brought to the next meeting.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    ASSERT_EQ(e.actions.size(), 1u);
}

TEST(Language, ResolvedToDoWorkIsAnAction) {
    const Extraction e = extract("Minutes:\nIt was RESOLVED to obtain three quotes for replacement surfacing.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "to obtain three quotes for replacement surfacing");
}

TEST(Language, SpeakerOwnsAnUndertakingGivenInThePassive) {
    const Extraction e = extract(
        "Minutes:\nThe Chief Finance Officer confirmed that this will be reported to the Committee in September.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Chief Finance Officer");
}

TEST(Language, WorkReportedAsUnderWayIsAnAction) {
    const Extraction e = extract(
        "Minutes:\nThe Head of Planning said that she was currently reviewing the enforcement policy. "
        "Councillor Ahmed is still gathering quotes for the bus shelter.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Head of Planning");
    EXPECT_EQ(e.actions[0].text, "The Head of Planning said that she was currently reviewing the enforcement policy");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Councillor Ahmed");
    EXPECT_EQ(e.actions[1].text, "gathering quotes for the bus shelter");
}

TEST(Language, WorkUnderWayAndAnUndertakingInOneSentenceAreTwoActions) {
    const Extraction e = extract(
        "Minutes:\nThe Licensing Manager explained that he was currently checking the fee levels, and "
        "the Chair confirmed that he would write to the trade association.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    std::vector<std::string> owners = {e.actions[0].owner.value_or(""), e.actions[1].owner.value_or("")};
    std::sort(owners.begin(), owners.end());
    EXPECT_EQ(owners, (std::vector<std::string>{"Chair", "Licensing Manager"}));
}

TEST(Language, WaitsStatesAndQuestionsAreNotWorkUnderWay) {
    for (const char* minutes : {
             "Minutes:\nThe Head of Finance is still waiting for the external auditor's letter.\n",
             "Minutes:\nThe Chairman will ask Mr P. Goodall whether he is still willing to store the bottles.\n",
             "Minutes:\nThe Council is currently consulting residents on the budget.\n",
             "Minutes:\nCouncillor Reid was still looking forward to the summer event.\n",
             "Minutes:\nThe Director of Public Health is reviewing the policy.\n"}) {
        const Extraction e = extract(minutes);
        for (const auto& a : e.actions)
            EXPECT_EQ(a.text.find("waiting"), std::string::npos) << minutes;
        if (std::string_view(minutes).find("Goodall") == std::string_view::npos) {
            EXPECT_TRUE(e.actions.empty()) << minutes << " gave " << e.actions.size();
        }
    }
}

// "will report back to the March meeting" is a paper due at a later meeting, as "to the next
// meeting" is; "will give an update" alone is the agenda's.
TEST(Language, ReportBackToAMonthsMeeting) {
    const Extraction e = extract("Minutes of the Parish Council meeting held on 12 February 2010\n\n1. Lighting\n\n"
                                 "The Clerk will report back to the March meeting.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Clerk");
    EXPECT_EQ(iso(e.actions[0].due), "2010-03-31");
    EXPECT_TRUE(extract("Minutes of the Parish Council meeting held on 12 February 2010\n\n1. Lighting\n\n"
                        "The Clerk will give an update.\n")
                    .actions.empty());
}

TEST(Language, NamedMeetingsAsDeadlines) {
    const DueContext ctx{day(2023, 5, 8), day(2023, 6, 12)};
    EXPECT_EQ(iso(find_due("report the figures to the June meeting", ctx)->date), "2023-06-12");
    // A month's meeting other than the next: the month, due at its end.
    const auto july = find_due("report the figures to the July meeting", ctx);
    EXPECT_EQ(iso(july->date), "2023-07-31");
    EXPECT_EQ(july->grain, DateGrain::month);
    EXPECT_EQ(iso(find_due("circulate the survey with the April agenda", ctx)->date), "2024-04-30");
    EXPECT_EQ(iso(find_due("bring the plan to the September 2023 meeting", ctx)->date), "2023-09-30");
    EXPECT_EQ(find_due("bring the plan to the September 2023 meeting", ctx)->phrase, "the September 2023 meeting");
    // A meeting already held is no deadline.
    EXPECT_FALSE(find_due("minutes from the 16th July 2022 meeting to be put on the website", ctx));
    EXPECT_EQ(iso(find_due("submitted to the meeting on 30 January 2024", ctx)->date), "2024-01-30");
    // Other ways of saying "before".
    EXPECT_EQ(iso(find_due("arranged prior to March 2024", ctx)->date), "2024-02-29");
    EXPECT_EQ(iso(find_due("circulated in advance of 5 December 2023", ctx)->date), "2023-12-05");
}


TEST(Language, ScrutinyRecommendationToTheExecutiveStartsTheStatutoryClock) {
    const Extraction e = extract(
        "Children Scrutiny Panel - Tuesday 7th March, 2023 2.00 pm\n\nMinutes:\n"
        "RECOMMENDED to the Executive that the play strategy be adopted.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_TRUE(e.actions[0].derived);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Executive");
    EXPECT_EQ(e.actions[0].due_text.value_or(""), "executive response (statutory)");
    EXPECT_EQ(iso(e.actions[0].due), "2023-05-07");
    const Extraction cabinet = extract(
        "Cabinet - Tuesday 7th March, 2023 2.00 pm\n\nMinutes:\nRECOMMENDED to Council that the fees be increased.\n");
    EXPECT_TRUE(cabinet.actions.empty());
}

// The owner and task of each action found in `minutes`, as "owner | task" (owner "-" if none).
std::vector<std::string> owners_and_tasks(const std::string& minutes) {
    std::vector<std::string> out;
    for (const auto& a : extract(minutes).actions) out.push_back(a.owner.value_or("-") + " | " + a.text);
    return out;
}

TEST(Language, TitleWithAFullStopNamesTheOwner) {
    EXPECT_EQ(owners_and_tasks("Residents reported fly-tipping in the lane. Cllr. Okafor will contact the waste team.\n"),
              std::vector<std::string>{"Cllr. Okafor | contact the waste team"});
}

TEST(Language, AGivenNameAndSurnameWithoutATitleNameTheOwner) {
    EXPECT_EQ(owners_and_tasks("The stiles on the footpath are broken. Tom Baker will put new stiles in place.\n"),
              std::vector<std::string>{"Tom Baker | put new stiles in place"});
    EXPECT_EQ(owners_and_tasks("Sian Pritchard agreed to draft a letter to the landowner.\n"),
              std::vector<std::string>{"Sian Pritchard | draft a letter to the landowner"});
    // Scottish, Irish and older English given names too.
    EXPECT_EQ(owners_and_tasks("Eilidh Grant agreed to progress this with the landowner.\n"),
              std::vector<std::string>{"Eilidh Grant | progress this with the landowner"});
    EXPECT_EQ(owners_and_tasks("Audrey Martin will circulate the accounts.\n"),
              std::vector<std::string>{"Audrey Martin | circulate the accounts"});
    // Capitalised pairs that are not people name nobody.
    for (const auto& found : owners_and_tasks("Social Workers would get to know the area and its people.\n"
                                              "Headfort Grove would be gritted in the frost.\n"))
        EXPECT_EQ(found.find("Social Workers |"), std::string::npos) << found;
}

TEST(Language, AgreedToPhoneOrCoordinateIsWorkForTheMeeting) {
    EXPECT_EQ(owners_and_tasks("The bus shelter has been damaged again. It was agreed to phone the County Council.\n"),
              std::vector<std::string>{"- | phone the County Council"});
    EXPECT_EQ(owners_and_tasks("It was agreed to coordinate the litter pick with the school.\n"),
              std::vector<std::string>{"- | coordinate the litter pick with the school"});
    // Still a decision, not work: the next meeting's date.
    EXPECT_TRUE(owners_and_tasks("It was agreed to hold the next meeting on 5 September 2023.\n").empty());
}

TEST(Language, AFirstNameAloneOwnsWorkItOpensOrEndsAsTheAgent) {
    EXPECT_EQ(owners_and_tasks("Katherine will send a copy of the minutes to the Clerk.\n"),
              std::vector<std::string>{"Katherine | send a copy of the minutes to the Clerk"});
    EXPECT_EQ(owners_and_tasks("Jan will amend the minutes to show this.\n"),
              std::vector<std::string>{"Jan | amend the minutes to show this"});
    // Who will be in charge is an arrangement, not a task.
    EXPECT_TRUE(owners_and_tasks("The meetings would now be managed by Huw Parry's directorate.\n").empty());
    EXPECT_EQ(owners_and_tasks("Past housing surveys will be sourced by Huw.\n"),
              std::vector<std::string>{"Huw | Past housing surveys will be sourced by Huw"});
    // A capitalised word that is not a given name is no owner ("Leaflets will be ...").
    for (const auto& found : owners_and_tasks("Leaflets will send a clear message to residents.\n"))
        EXPECT_EQ(found.find("Leaflets |"), std::string::npos) << found;
}

TEST(Language, AttendingSomethingElseIsWorkForAFirstName) {
    EXPECT_EQ(owners_and_tasks("7. Website\nRoger to attend a short course with the web designer.\n"),
              std::vector<std::string>{"Roger | attend a short course with the web designer"});
    // Attending the meeting itself is not.
    EXPECT_TRUE(owners_and_tasks("7. Website\nRoger to attend the meeting.\n").empty());
}

TEST(Language, AnEntryAfterADashTypedAgainstItOrAfterACommaWithAName) {
    EXPECT_EQ(owners_and_tasks("5. Roads\nHill House has moved the road drain -Clerk to report to Highways to confirm if lawful\n"),
              std::vector<std::string>{"Clerk | report to Highways to confirm if lawful"});
    EXPECT_EQ(owners_and_tasks("5. Roads\nThe road sign needs turning, John Neville to ask the lengthsman to repair it.\n"),
              std::vector<std::string>{"John Neville | ask the lengthsman to repair it"});
    // After a comma only a person's name owns the entry: a body there is what goes before's.
    EXPECT_TRUE(owners_and_tasks("5. Roads\nThe closure was agreed, Highways England to resurface the road.\n").empty());
}

TEST(Language, UpdatingAThingIsWorkUpdatingTheMeetingIsNot) {
    EXPECT_EQ(owners_and_tasks("5. Governance\nFinance Officer to update the code of practice.\n"),
              std::vector<std::string>{"Finance Officer | update the code of practice"});
    EXPECT_TRUE(owners_and_tasks("5. Governance\nLead Members to update the Committee (10 minutes)\n").empty());
}

TEST(Language, AllMembersOwnAListedTask) {
    EXPECT_EQ(owners_and_tasks("Actions\n1. All members to review the terms of reference before the next meeting\n"),
              std::vector<std::string>{"All members | review the terms of reference before the next meeting"});
}

TEST(Language, BusinessHeldOverToAMeetingIsAnAction) {
    EXPECT_EQ(owners_and_tasks("b) Bus shelter - in the absence of the Chair this item was held over to the next meeting.\n"),
              // (The heading says what "this item" was.)
              std::vector<std::string>{"- | Bus shelter: in the absence of the Chair this item was held over to the next meeting"});
    EXPECT_EQ(owners_and_tasks("Matter to be listed at next meeting.\n"),
              std::vector<std::string>{"- | Matter to be listed at next meeting"});
    // The next heading run into the same paragraph is not part of it.
    EXPECT_EQ(owners_and_tasks("The remaining items were deferred until the next meeting - HIGHWAYS AND RIGHTS OF WAY "
                               "Pat Lowe addressed the meeting.\n"),
              std::vector<std::string>{"- | The remaining items were deferred until the next meeting"});
    // Put off with no meeting to bring it back to: a pause, not work.
    EXPECT_TRUE(owners_and_tasks("The decision on the fence was deferred until the spring.\n").empty());
}

TEST(Language, APronounCarriesThroughSentencesThatOpenWithIt) {
    EXPECT_EQ(owners_and_tasks("Cllr. Watt stated that interest had been received.\n"
                               "He suggested moving 400 pounds to the project fund.\n"
                               "He will instigate the payment for the Christmas trees.\n"),
              std::vector<std::string>{"Cllr. Watt | instigate the payment for the Christmas trees"});
    // Not across a blank line.
    EXPECT_EQ(owners_and_tasks("Cllr. Watt stated that interest had been received.\n\n"
                               "He suggested moving 400 pounds.\nHe will instigate the payment.\n"),
              std::vector<std::string>{});
}

TEST(Language, AgreeingToStayIsNoTask) {
    EXPECT_TRUE(owners_and_tasks("As nobody else stood, the current team agreed to stay in post until the next meeting.\n"
                                 "Mr Moorhouse agreed to remain until the end of the meeting.\n").empty());
}

TEST(Language, AuthorisingAPaymentIsTheDecisionAuthorisingSomeoneToActIsWork) {
    const auto paid = extract("RESOLVED that the payments listed below be authorised:\n");
    EXPECT_TRUE(paid.actions.empty());
    const auto delegated = extract("RESOLVED that the Clerk be authorised to order two new benches.\n");
    ASSERT_EQ(delegated.actions.size(), 1u);
    EXPECT_NE(delegated.actions[0].text.find("order two new benches"), std::string::npos);
}

TEST(Language, ActionLabelsAfterAHeadingOrCarriedOver) {
    EXPECT_EQ(owners_and_tasks("Ledbeg House - Actions: Adam to send holding letters to the funders.\n"
                               "Action rolled over: Brendan to send a holding letter.\n"),
              (std::vector<std::string>{"Adam | send holding letters to the funders",
                                        "Brendan | send a holding letter"}));
}

TEST(Language, EntriesMarkedDoneLeaveNothingToChase) {
    EXPECT_EQ(owners_and_tasks("TP to look at ways to make match tickets available - Completed\n"
                               "JM to update the tear-off section on the team sheet (Done)\n"
                               "AR to write to the other supporters groups\n"),
              std::vector<std::string>{"AR | write to the other supporters groups"});
}

TEST(Language, AStatusUnderASubHeadingIsTheSubHeadingsBusinessPutOff) {
    EXPECT_EQ(owners_and_tasks("11. Correspondence\n\nii Resignation of M. Clarke\n\nHeld over to next Meeting\n\n"
                               "iii Surgery Sessions\n\nHeld over to next Meeting\n"),
              (std::vector<std::string>{"- | Resignation of M. Clarke Held over to next Meeting",
                                        "- | Surgery Sessions Held over to next Meeting"}));
}

TEST(Language, AResolutionLabelBeforeAnEntry) {
    EXPECT_EQ(owners_and_tasks("RESOLUTION: Clerk to contact the Primary School about the contract.\n"),
              std::vector<std::string>{"Clerk | contact the Primary School about the contract"});
}

TEST(Language, FuturePassivesOfWorkToBeDone) {
    EXPECT_EQ(owners_and_tasks("A review of the committee reports would be undertaken.\n"
                               "The advert will be repeated in the spring newsletter.\n"),
              (std::vector<std::string>{"- | A review of the committee reports would be undertaken",
                                        "- | The advert will be repeated in the spring newsletter"}));
}

TEST(Language, ProceduralDutiesAtTheMeetingAdverbsAndReasonsAreNotTasks) {
    EXPECT_TRUE(owners_and_tasks("The Chairman to announce any items of urgent business.\n"
                                 "The Chairman to explain the action in the event of an emergency.\n"
                                 "Regularly to monitor the Authority's budget.\n").empty());
    EXPECT_EQ(owners_and_tasks("Cllr Mills agreed to obtain funding as it was felt that the lighting was a success.\n"),
              std::vector<std::string>{"Cllr Mills | obtain funding"});
}

TEST(Language, ADutyTakenOnAndAnOwnerNamedStraightAfterResolved) {
    EXPECT_EQ(owners_and_tasks("Cllr Green would be responsible for the weekly check of the defibrillator.\n"),
              std::vector<std::string>{"Cllr Green | responsible for the weekly check of the defibrillator"});
    EXPECT_EQ(owners_and_tasks("RESOLVED Councillor Gritton to purchase the camera.\n"),
              std::vector<std::string>{"Councillor Gritton | purchase the camera"});
    // The meeting itself taking on a duty is no one's task.
    EXPECT_TRUE(owners_and_tasks("The Panel would be responsible for monitoring the plan.\n").empty());
}

TEST(Language, RequestsToPutThingsRightAndNeedsStated) {
    EXPECT_EQ(owners_and_tasks("The Member requested that this error be noted and rectified on later agendas.\n"),
              std::vector<std::string>{"- | this error be noted and rectified on later agendas"});
    EXPECT_TRUE(owners_and_tasks("Benches - the arm of one of the benches needs to be repaired.\n").empty());
    EXPECT_TRUE(owners_and_tasks("RESOLVED that the minutes be confirmed and signed.\n").empty());
}

TEST(Language, PoliceRanksAreTitles) {
    EXPECT_EQ(owners_and_tasks("Mr Lane asked about speeding and PC Hobbs undertook to look into it.\n"),
              std::vector<std::string>{"PC Hobbs | look into it"});
    EXPECT_EQ(owners_and_tasks("Sgt Fraser would arrange a speed check in the village.\n"),
              std::vector<std::string>{"Sgt Fraser | arrange a speed check in the village"});
}

TEST(Language, AnOfficeOrDepartmentCanOwnAnEntry) {
    EXPECT_EQ(owners_and_tasks("The Parish Office to order two new noticeboards.\n"),
              std::vector<std::string>{"Parish Office | order two new noticeboards"});
}

TEST(Language, AMembersRequestThatSomethingBeDoneIsAnAction) {
    const auto found = owners_and_tasks("A Member asked that the induction pack be circulated to all Members.\n");
    EXPECT_EQ(found, std::vector<std::string>{"- | the induction pack be circulated to all Members"});
}

TEST(Language, ATaskThatPointsBackTakesOverTheRequestJustMade) {
    const Extraction e = extract(
        "The Leader asked that a list of delayed schemes be circulated to all Members. The Head of "
        "Finance agreed to circulate this by 30 June 2023.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "a list of delayed schemes be circulated to all Members");
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Head of Finance");
    EXPECT_EQ(iso(e.actions[0].due), "2023-06-30");
    // "this year's" is not a pointer to the request.
    EXPECT_EQ(extract("The Leader asked that a list of delayed schemes be circulated to all Members. The Head of "
                      "Finance agreed to circulate this year's outturn report.\n")
                  .actions.size(),
              2u);
}

TEST(Language, NumberedDecisionsWithoutAKeyword) {
    const auto found = owners_and_tasks(
        "Decision:\n\n(1) That the outcome of the call-in be noted;\n\n(2) That a further report be "
        "brought back in September.\n");
    EXPECT_EQ(found, std::vector<std::string>{"- | a further report be brought back in September"});
}

TEST(Language, DelegationsGiveTheWorkToTheDelegate) {
    EXPECT_EQ(owners_and_tasks("After discussion, the Committee agreed to delegate authority to officers to "
                               "take enforcement action on the site.\n"),
              std::vector<std::string>{
                  "officers | delegate authority to officers to take enforcement action on the site"});
    const auto resolved = owners_and_tasks(
        "RESOLVED - That authority be delegated to the Director of Place to agree the final terms of the lease.\n");
    ASSERT_EQ(resolved.size(), 1u);
    EXPECT_EQ(resolved[0].substr(0, resolved[0].find(" |")), "Director of Place");
    const auto portfolio = owners_and_tasks(
        "That Cabinet delegates to the Cabinet Member for Planning, Transport and Recycling the authority to "
        "award the contract.\n");
    ASSERT_EQ(portfolio.size(), 1u);
    EXPECT_EQ(portfolio[0].substr(0, portfolio[0].find(" |")), "Cabinet Member for Planning");
    // An account of an earlier delegation is not a decision.
    EXPECT_TRUE(owners_and_tasks("Last year Cabinet had chosen to delegate the award to the Director of Place.\n").empty());
}

TEST(Language, AnEntryAfterAHeadingAndADash) {
    EXPECT_EQ(owners_and_tasks("Transport Committee 6 July 2022 – Councillor Amin to be added to the list of attendees.\n"),
              std::vector<std::string>{"- | Transport Committee 6 July 2022: Councillor Amin to be added to the list of attendees"});
    EXPECT_EQ(owners_and_tasks("To confirm the consultation response – the Clerk to circulate the link to all councillors.\n"),
              std::vector<std::string>{"Clerk | circulate the link to all councillors"});
    // Only verbs of work after a dash: this is a report of a question, not an entry.
    EXPECT_TRUE(owners_and_tasks("Highways – a question to the County Council about potholes was raised.\n").empty());
}

TEST(Language, AnAttendanceListIsNotAnEntry) {
    EXPECT_TRUE(owners_and_tasks("In Attendance:- R Lee (Clerk to the Council), two residents.\n").empty());
}

TEST(Language, ResolvedThatInTheSubjunctive) {
    EXPECT_EQ(owners_and_tasks("As there had been no reply, it was resolved that the Clerk send a reminder.\n"),
              std::vector<std::string>{"Clerk | the Clerk send a reminder"});
}

TEST(Language, TheCouncilAsAuthorityOwnsWhatItWillDo) {
    EXPECT_EQ(owners_and_tasks("The Chair confirmed that the Town Council would write to the bus company.\n"),
              std::vector<std::string>{"Town Council | write to the bus company"});
    EXPECT_TRUE(owners_and_tasks("An email asking whether the Town Council would pay for a new gate was discussed.\n").empty());
    // A committee that "would" do something is the meeting, and re-ordering the agenda happens in it.
    EXPECT_TRUE(owners_and_tasks("The Chairman would re-order the agenda to take the public items first.\n").empty());
}

TEST(Language, APurposeClauseDoesNotHideTheOwner) {
    EXPECT_EQ(owners_and_tasks("RESOLVED that the Office Manager carries out a survey of bus shelters, to be brought back "
                               "to a future meeting.\n"),
              std::vector<std::string>{"Office Manager | the Office Manager carries out a survey of bus shelters, to be "
                                       "brought back to a future meeting"});
}

TEST(Language, WhatIsAgreedAboutTheCouncilAsAuthority) {
    EXPECT_EQ(owners_and_tasks("The Committee agreed that the Council would work with the landowner to clear the site.\n"),
              std::vector<std::string>{"Council | work with the landowner to clear the site"});
    // A decided arrangement, and a wish, are not tasks.
    EXPECT_TRUE(owners_and_tasks("It was agreed that a more formal arrangement would be adopted for future events.\n").empty());
    EXPECT_TRUE(owners_and_tasks("Because of the narrow lane the Parish Council would want conditions on deliveries.\n").empty());
}

TEST(Language, OnlyTheSameWorkPointsBack) {
    // "report this" is not the printing asked for before it: two actions, each with its own owner.
    const auto found = owners_and_tasks("Posters to be printed for display. Clerk to report this to the landlord.\n");
    EXPECT_EQ(found, (std::vector<std::string>{"- | Posters to be printed for display",
                                               "Clerk | report this to the landlord"}));
}

TEST(Language, AKeywordThatEndsItsSentenceOpensNothing) {
    const Extraction e = extract("Minutes:\nThe minutes of the Staff Forum held on 7 October 2021 were duly NOTED.\n");
    EXPECT_TRUE(e.resolutions.empty());
}

TEST(Language, CommitteeNamedWhereItsLastMinutesAreApproved) {
    EXPECT_EQ(extract("Minutes:\nThe minutes of the meeting of the Licensing and Regulatory Committee held on 2 May "
                      "2022 were approved.\n")
                  .meeting.committee.value_or("null"),
              "Licensing and Regulatory Committee");
    EXPECT_EQ(extract("Minutes:\nThe minutes of the meeting of the Committee held on 2 May 2022 were approved.\n")
                  .meeting.committee.value_or("null"),
              "null");
}

TEST(Language, DecisionsWrittenAsInfinitivesAskSomeoneToAct) {
    EXPECT_EQ(owners_and_tasks("Decision:\n\n1. To support the principle of a second phase and ask the Programme "
                               "Office to continue talks with the landowners.\n"),
              std::vector<std::string>{"Programme Office | continue talks with the landowners"});
    // Reported debate: "would ask" is not a decision.
    EXPECT_TRUE(owners_and_tasks("The Chair said that she would ask the Programme Office to look again at the costs "
                                 "before deciding.\n")
                    .size() <= 1u);
}

TEST(Language, ADecisionHeadedWithItsDate) {
    const Extraction e = extract(
        "Issue - decisions\n\n15/03/2023 - Report back on the waste strategy\n\n(1) That the report be noted;\n\n"
        "(2) That a further report be brought back in September.\n");
    EXPECT_EQ(iso(e.meeting.date), "2023-03-15");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(iso(e.actions[0].due), "2023-09-30");
}

TEST(Language, TheMeetingAskingForAReportIsAnAction) {
    const Extraction e = extract(
        "Minutes of the meeting of the Audit Committee held on 12 March 2024\n\nMinutes:\n"
        "The Committee requested a further report in six months' time.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_FALSE(e.actions[0].owner.has_value());
    EXPECT_EQ(e.actions[0].due_text.value_or(""), "in six months' time");
    EXPECT_EQ(iso(e.actions[0].due), "2024-09-12");
    // One member asking for an update is a question, answered at the meeting.
    EXPECT_TRUE(owners_and_tasks("A Member asked for an update on the vacancies on the Committee.\n").empty());
    // Not every request is for a paper.
    EXPECT_TRUE(owners_and_tasks("Members requested a recorded vote on the motion.\n").empty());
}

TEST(Language, AServiceOwnsWorkButIsNotAPronounsPerson) {
    EXPECT_EQ(owners_and_tasks("Action: Democratic Services to update the work programme.\n"),
              std::vector<std::string>{"Democratic Services | update the work programme"});
    const Extraction e = extract(
        "The Chair referred to a workshop on Children's Services and said that she would invite one of the "
        "speakers to a future meeting.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Chair");
}

TEST(Language, AskedThatAnOwnerWithoutAnArticle) {
    EXPECT_EQ(owners_and_tasks("The Chair asked that officers contact the Environment Agency about the flooding.\n"),
              std::vector<std::string>{"officers | officers contact the Environment Agency about the flooding"});
}

TEST(Language, EndOfTheMonthIsTheMeetingsMonth) {
    const DueContext ctx{day(2024, 3, 12), std::nullopt};
    EXPECT_EQ(iso(find_due("by the end of the month", ctx)->date), "2024-03-31");
    EXPECT_EQ(iso(find_due("by the end of the month", DueContext{})->date), "null");
    EXPECT_EQ(iso(find_due("report back in 3 months", ctx)->date), "2024-06-12");
    EXPECT_FALSE(find_due("split in two parts", ctx).has_value());
}

TEST(Language, DueWithReusedKeywordsReadsEachTextAfresh) {
    const DueContext ctx{day(2024, 3, 12), std::nullopt};
    KeywordHits hits;  // one for all the texts, as find_actions keeps it
    for (const char* text : {"report back in 3 months", "split in two parts", "by the end of April 2024",
                             "report back in the autumn", "no date here at all", "within two weeks"}) {
        const auto fresh = find_due(text, ctx);
        const auto reused = find_due(text, ctx, hits);
        ASSERT_EQ(fresh.has_value(), reused.has_value()) << text;
        if (!fresh) continue;
        EXPECT_EQ(fresh->phrase, reused->phrase) << text;
        EXPECT_EQ(iso(fresh->date), iso(reused->date)) << text;
    }
}

TEST(Language, AnArticleBeforeTheDay) {
    const DueContext ctx{day(2024, 3, 12), std::nullopt};
    EXPECT_EQ(iso(find_due("write to the Highways Authority by the 2nd April 2024", ctx)->date), "2024-04-02");
    EXPECT_EQ(iso(find_due("reply before the 14th of May", ctx)->date), "2024-05-14");
    // "by the end of ..." keeps its own reading.
    EXPECT_EQ(iso(find_due("by the end of April 2024", ctx)->date), "2024-04-30");
    // A season is kept as written, undated.
    const auto autumn = find_due("report back in the autumn", ctx);
    ASSERT_TRUE(autumn.has_value());
    EXPECT_EQ(autumn->phrase, "in the autumn");
    EXPECT_EQ(iso(autumn->date), "null");
}

TEST(Language, ListedDirectionsWithoutThat) {
    EXPECT_EQ(owners_and_tasks("(c) the Scrutiny Officer email all members of the committee asking for volunteers.\n"),
              std::vector<std::string>{"Scrutiny Officer | the Scrutiny Officer email all members of the committee asking for volunteers"});
    // A listed statement is not a direction.
    EXPECT_TRUE(owners_and_tasks("(d) the Chair thanked the volunteers for their work.\n").empty());
}

TEST(Language, InstructedInThePresentAndArrangementsMade) {
    EXPECT_EQ(owners_and_tasks("- The Director of Environment is instructed to bring a report to the next meeting.\n"),
              std::vector<std::string>{"Director of Environment | bring a report to the next meeting"});
    EXPECT_EQ(owners_and_tasks("RESOLVED - That arrangements be made to convene a special meeting.\n"),
              std::vector<std::string>{"- | arrangements be made to convene a special meeting"});
}

TEST(Language, ThePassivesAgentOwnsTheTask) {
    EXPECT_EQ(owners_and_tasks("Minute 32 – the concerns raised would be passed on to officers by Councillor Finch at the next "
                               "working group.\n"),
              std::vector<std::string>{"Councillor Finch | the concerns raised would be passed on to officers by Councillor Finch "
                                       "at the next working group"});
}

TEST(Language, SigningTheMinutesHappensAtTheMeeting) {
    EXPECT_TRUE(owners_and_tasks("The minutes were read and it was resolved that the Chairman sign them.\n").empty());
}

TEST(Language, OffersAndRemindersAreUndertakings) {
    EXPECT_EQ(owners_and_tasks("The Policy Manager said that she would be happy to recirculate the figures.\n"),
              std::vector<std::string>{"Policy Manager | The Policy Manager said that she would be happy to recirculate the figures"});
    EXPECT_EQ(owners_and_tasks("Councillors were reminded to complete their interest forms and return them to the Clerk.\n"),
              std::vector<std::string>{"Councillors | complete their interest forms and return them to the Clerk"});
    EXPECT_EQ(owners_and_tasks("Cllr Marsh asked the Parish Council to contact him when the survey is ready.\n"),
              std::vector<std::string>{"Parish Council | contact him when the survey is ready"});
}

TEST(Language, PeopleNamedWithoutATitleInAnActionList) {
    EXPECT_EQ(owners_and_tasks("Carole Burgoyne and Ross Jago to produce a paragraph on the link with housing.\n"),
              std::vector<std::string>{"Carole Burgoyne and Ross Jago | produce a paragraph on the link with housing"});
    EXPECT_EQ(owners_and_tasks("TD & AV to inspect the footpath.\n"),
              std::vector<std::string>{"TD & AV | inspect the footpath"});
    // Not a list of people: "Local Plan" policies, and verbs that are not work.
    EXPECT_TRUE(owners_and_tasks("Local Plan Policies to be considered in the autumn.\n").empty());
}

TEST(Language, TheDelegateIsTheRunOfCapitalisedWords) {
    const auto found = owners_and_tasks(
        "RESOLVED that the wording of conditions be delegated to the Head of Development Management and Building "
        "Control along the broad lines indicated at the meeting.\n");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].substr(0, found[0].find(" |")), "Head of Development Management and Building Control");
}

TEST(Language, DecisionListsWithTheirOwnKeywordsAndADashForTheColon) {
    const Extraction noted = extract("Minutes:\nDecision\n\n1. Noted the contents of the report.\n");
    ASSERT_EQ(noted.resolutions.size(), 1u);
    EXPECT_EQ(noted.resolutions[0].kind, ResolutionKind::noted);
    EXPECT_EQ(noted.resolutions[0].text, "the contents of the report.");
    const Extraction agreed = extract(
        "Minutes:\nAgreed that -\n\n1. the board approves the strategy.\n\n2. the board receives a work programme.\n");
    ASSERT_EQ(agreed.resolutions.size(), 2u);
    EXPECT_EQ(agreed.resolutions[0].kind, ResolutionKind::agreed);
    EXPECT_EQ(agreed.resolutions[1].text, "the board receives a work programme.");
}

TEST(Language, KeywordsAfterACommaOrAHeadingsDash) {
    const Extraction comma = extract("Minutes:\nResolved, that these minutes be agreed and signed.\n");
    ASSERT_EQ(comma.resolutions.size(), 1u);
    EXPECT_EQ(comma.resolutions[0].kind, ResolutionKind::resolved);
    const Extraction dash = extract("Minutes:\n234 MINUTES - Resolved - That the minutes of 3 May be approved.\n");
    ASSERT_EQ(dash.resolutions.size(), 1u);
    EXPECT_EQ(dash.resolutions[0].text, "That the minutes of 3 May be approved.");
}

TEST(Language, DecisionsPutToTheMeetingAreNotTasks) {
    EXPECT_TRUE(owners_and_tasks("The Cabinet is requested to agree the delegations set out below.\n").empty());
    EXPECT_EQ(owners_and_tasks("The Head of Housing is asked to circulate the figures.\n"),
              std::vector<std::string>{"Head of Housing | circulate the figures"});
}

TEST(Language, ActionLinesAndFirstNames) {
    EXPECT_EQ(owners_and_tasks("ACTION: Community Operations (KS) to provide Members with the figures.\n"),
              std::vector<std::string>{"Community Operations (KS) | provide Members with the figures"});
    EXPECT_EQ(owners_and_tasks("Claire to send the quotes to the clerk.\n"),
              std::vector<std::string>{"Claire | send the quotes to the clerk"});
    // After a dash the capitalised word ends a role's name.
    const auto role = owners_and_tasks("RESOLVED to instruct the Chief Officer - Housing to report back with a plan.\n");
    EXPECT_LE(role.size(), 1u);
}

TEST(Language, DatelinesAndDateFieldsNearTheTop) {
    EXPECT_EQ(iso(extract("Ashby Parish Council\n\nThursday 10th January 2019 7.30 pm\n\nPresent: Cllr A Lee\n").meeting.date),
              "2019-01-10");
    EXPECT_EQ(iso(extract("Area Committee\n\nDate: 17 August 2016\n\nPresent: Councillor B Ray\n").meeting.date),
              "2016-08-17");
    // A dated heading about something else is not the meeting's date.
    EXPECT_EQ(iso(extract("Minutes\n\n19 May 2009 - Minutes of the previous meeting\n").meeting.date), "null");
    EXPECT_EQ(iso(extract("Minutes of the meeting held on 7 February 2019\n\nNext meeting to be held on Thursday 7th "
                          "March 2019.\n")
                      .meeting.next_meeting),
              "2019-03-07");
}

TEST(Language, AnArrangementStatedAsFactAndTakingTheChair) {
    EXPECT_EQ(owners_and_tasks("Minute 43 - a document is to be distributed to all Members before the next meeting.\n"),
              std::vector<std::string>{"- | a document is to be distributed to all Members before the next meeting"});
    EXPECT_TRUE(owners_and_tasks("In essence the work would remain but would be distributed in a different way.\n").empty());
    EXPECT_TRUE(owners_and_tasks("It was agreed that Cllr Green should take the Chair.\n").empty());
}

TEST(Language, NumbersOnTheirOwnLinesAndDecisionsNumberedWithinAMinute) {
    // ModernGov's numbered decisions flattened to text: "(1)" in one cell, its text in the next.
    const Extraction cells = extract(
        "Minutes:\nRESOLVED: That\n\n(1)\n\nthe work programme for 2024/25 be agreed;\n\n(2)\n\nthe Democratic "
        "Services Officer be requested to organise an informal meeting of the Committee.\n");
    ASSERT_EQ(cells.resolutions.size(), 2u);
    EXPECT_EQ(cells.resolutions[1].label, "(2)");
    ASSERT_EQ(cells.actions.size(), 1u);
    EXPECT_EQ(cells.actions[0].owner.value_or(""), "Democratic Services Officer");
    const Extraction sub = extract(
        "Minutes:\nRESOLVED:\n2.1 That the forecast outturn be noted.\n2.2 That authority be delegated to the "
        "Director of Resources to approve the transfers.\n");
    ASSERT_EQ(sub.resolutions.size(), 2u);
    EXPECT_EQ(sub.resolutions[1].label, "2.2");
    ASSERT_EQ(sub.actions.size(), 1u);
    EXPECT_EQ(sub.actions[0].owner.value_or(""), "Director of Resources");
    // An agenda item's bare number stays on its own line for the item splitter.
    const Extraction items = extract("Minutes\n\n124.\n\nApologies for Absence\n\nMinutes:\nNone were received.\n");
    ASSERT_FALSE(items.items.empty());
    EXPECT_EQ(items.items[0].number, "124");
}

TEST(Language, ATaskEndsWhereTheSentenceTurnsAndSigningIsNotATask) {
    EXPECT_EQ(owners_and_tasks("The Clerk agreed to obtain more advice, but considered that a sign would help.\n"),
              std::vector<std::string>{"Clerk | obtain more advice"});
    EXPECT_TRUE(owners_and_tasks("RESOLVED - That the minutes be approved and the Chair be authorised to sign them.\n").empty());
}

TEST(Language, ActionLinesWithInitialsOrAStatus) {
    EXPECT_EQ(owners_and_tasks("It was agreed that a letter be sent to the bus company.\nACTION: JB\n"),
              std::vector<std::string>{"JB | a letter be sent to the bus company"});
    EXPECT_EQ(owners_and_tasks("It was agreed that a letter be sent to the bus company.\nAction: Complete\n"),
              std::vector<std::string>{"- | a letter be sent to the bus company"});
    // After narrative, the sentence before the marker is the task, and a task further back
    // (here one without an owner) keeps its own.
    const auto found = owners_and_tasks(
        "5. Website\nThe lobby lights would be installed once the scaffolding is down.\n\n"
        "Most points were completed, and it is hoped that the website can be live before the next meeting. ACTION: JI\n");
    EXPECT_NE(std::find(found.begin(), found.end(),
                        "JI | Most points were completed, and it is hoped that the website can be live before the next meeting"),
              found.end());
    for (const auto& f : found) {
        if (f.find("lobby") != std::string::npos) {
            EXPECT_EQ(f.rfind("JI |", 0), std::string::npos) << f;
        }
    }
}

TEST(Language, ANameWithItsRoleInBrackets) {
    EXPECT_EQ(owners_and_tasks("Mrs J Smith (Head of Planning) agreed to circulate the appeal decisions to Members.\n"),
              std::vector<std::string>{"Mrs J Smith (Head of Planning) | circulate the appeal decisions to Members"});
    // A bracketed aside that is no role names nobody.
    EXPECT_TRUE(owners_and_tasks("The figures (see Appendix 2) agreed to within a pound.\n").empty());
}


// Parish minutes typed in a hurry: the dash against the heading, plain verbs, a note of work
// after a heading whose subject is lower case, initials given a two-word task, and a role whose
// name has a dash in it.
TEST(Language, TerseParishEntriesAfterAHeading) {
    const Extraction e = extract(
        "7. Play area- clerk to get prices for new safety surfacing.\n"
        "8. Drains - blocked gully on Mill Lane to be reported by clerk.\n"
        "9. The hedge by the church is overgrown - RB & KT to inspect\n"
        "10. Village sign - Chief Officer - Highways to report.\n");
    ASSERT_EQ(e.actions.size(), 4u);
    EXPECT_EQ(e.actions[0].text, "get prices for new safety surfacing");
    EXPECT_EQ(e.actions[0].owner.value_or(""), "clerk");
    EXPECT_EQ(e.actions[1].text, "Drains: blocked gully on Mill Lane to be reported by clerk");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "clerk");
    EXPECT_EQ(e.actions[2].text, "The hedge by the church is overgrown: RB & KT to inspect");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "RB & KT");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "Chief Officer - Highways");
}

// Sub-numbered entries on lines of their own ("4.1", "4.1.2.") are separate entries even when
// the line before has no full stop; a wrapped line starting "1.5 million" is not one.
TEST(Language, SubNumberedLinesStartNewEntries) {
    const Extraction e = extract(
        "4. Reports\n"
        "4.1 The noticeboard glass is cracked - SB to order a replacement pane\n"
        "4.2 Allotment rents - JW to write to tenants about the new charges\n"
        "The grant of £\n1.5 million was welcomed.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "SB");
    EXPECT_EQ(e.actions[0].text, "The noticeboard glass is cracked: order a replacement pane");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "JW");
}

// Future passives of work: an adverb before "be", the newer participles, and the speaker who
// gives the undertaking without a "that".
TEST(Language, FuturePassivesOfWork) {
    const Extraction e = extract(
        "Minutes:\nA reminder letter would then be sent out to all allotment holders.\n"
        "The Chair confirmed it would be raised again with the Leader.\n"
        "Members would be provided with a copy of the plan.\n"
        "The scheme would be funded from reserves.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].text, "A reminder letter would then be sent out to all allotment holders");
    EXPECT_FALSE(e.actions[0].owner.has_value());
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Chair");
}

// Business put off to a later meeting is work someone must bring back; holding the next meeting
// is not.
TEST(Language, BusinessDeferredToALaterMeeting) {
    const Extraction e = extract(
        "Minutes:\nThe draft tree policy would be considered at the next meeting.\n"
        "The decisions taken would be retrospectively ratified at a future meeting of the Board.\n"
        "The next meeting would be held on 4 May 2024.\n"
        "The report would be considered alongside the budget.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].due_text.value_or(""), "at the next meeting");
    EXPECT_EQ(e.actions[1].text, "The decisions taken would be retrospectively ratified at a future meeting of the Board");
}

// "It was agreed to" with a verb of work is a task nobody was named for; with a verb of decision
// it is only the decision.
TEST(Language, MeetingAgreesToDoWorkWithoutAnOwner) {
    const Extraction e = extract(
        "Minutes:\nIt was agreed to put in a bid to the community infrastructure fund.\n"
        "The Committee agreed to invite the Portfolio Holder to the March meeting.\n"
        "It was agreed to support the proposal.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].text, "put in a bid to the community infrastructure fund");
    EXPECT_FALSE(e.actions[0].owner.has_value());
    EXPECT_EQ(e.actions[1].text, "invite the Portfolio Holder to the March meeting");
}


// Community-council notes: a heading with no full stop, then the owner's initials and the task,
// each on its own line, the next line starting with someone else's initials.
TEST(Language, InitialsAfterAnUnpunctuatedHeading) {
    const Extraction e = extract(
        "Minutes of a meeting held on 4 April 2023\n\n"
        "Bus shelter\nRoof leaking again\nKM to report it to the roads department\n"
        "PD is to organise a litter pick\n\n"
        "Hall booking\nPD to attend\n\n"
        "Village website\nKM will update the events page\n\n"
        "Treasurer's statement\nBalance agreed with the bank statement\n");
    ASSERT_EQ(e.actions.size(), 4u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "KM");
    EXPECT_EQ(e.actions[0].text, "report it to the roads department");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "PD");
    EXPECT_EQ(e.actions[1].text, "organise a litter pick");
    EXPECT_EQ(e.actions[2].text, "PD to attend");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "KM");
    EXPECT_EQ(e.actions[3].text, "update the events page");
}


// Decision openers typed in other ways: "RESOLVED/-" over a numbered list, a keyword alone on
// its line with what was noted below it, numbers with full stops run inline, and a capitalised
// "Agreed" or "Resolved" heading a paragraph with the decision straight after it.
TEST(Language, OpenersTypedInOtherWays) {
    const Extraction list = extract("Minutes:\n\nRESOLVED/-\n\n1. That the Board welcome Councillor Patel as a member.\n\n"
                                    "2. That the Board record its thanks to the outgoing Chair.\n");
    ASSERT_EQ(list.resolutions.size(), 2u);
    EXPECT_EQ(list.resolutions[1].text, "That the Board record its thanks to the outgoing Chair.");
    EXPECT_TRUE(list.actions.empty());  // welcoming and thanking leave nobody work

    const Extraction noted = extract("Minutes:\nThe Committee considered the report.\n\nNOTED\n\nthe progress made on the audit plan.\n");
    ASSERT_EQ(noted.resolutions.size(), 1u);
    EXPECT_EQ(noted.resolutions[0].kind, ResolutionKind::noted);
    EXPECT_EQ(noted.resolutions[0].text, "the progress made on the audit plan.");

    const Extraction inline_list = extract(
        "Decision: it was RESOLVED to: 1. Note the consultation responses. 2. Agree the revised charging policy. "
        "3. Agree that progress is reported to the Panel in 2025.\n");
    ASSERT_EQ(inline_list.resolutions.size(), 3u);
    EXPECT_EQ(inline_list.resolutions[1].text, "Agree the revised charging policy.");

    const Extraction heads = extract(
        "Minutes:\nAgreed to take no further action on the bench.\n\nResolved to pay the grass cutting invoice of £420.\n\n"
        "Agreed a site meeting be arranged with the landowner.\n\nAgreed by all present.\n");
    ASSERT_EQ(heads.resolutions.size(), 3u);
    EXPECT_EQ(heads.resolutions[0].text, "to take no further action on the bench.");
    ASSERT_EQ(heads.actions.size(), 1u);
    EXPECT_EQ(heads.actions[0].text, "a site meeting be arranged with the landowner");
}

// A recommendation addressed in brackets after its colon, its text in the next paragraph.
TEST(Language, RecommendationWithItsAddresseeBeforeTheText) {
    const Extraction e = extract("Minutes:\nResolved to RECOMMEND: (to Cabinet)\n\nThat the revised fees and charges be approved.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "to RECOMMEND: (to Cabinet) That the revised fees and charges be approved.");
}


// Promises reported from other organisations and notes without a named owner.
TEST(Language, PromisesFromOtherBodiesAndOwnerlessNotes) {
    const Extraction e = extract(
        "Minutes:\nStreet Lighting Dept. has confirmed they will replace the broken lamp.\n"
        "Waste Services have advised they will look into the missed collections.\n"
        "They will be in touch.\n"
        "Two quotes are now to be obtained for the fencing.\n"
        "Further advice to be sought from the insurers.\n"
        "The Panel noted the concerns to be addressed in the plan.\n"
        "Cllr. Morris will have a look at the drainage.\n"
        "The Heritage Champion had agreed to contact the museum.\n");
    ASSERT_EQ(e.actions.size(), 6u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Street Lighting Dept");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Waste Services");
    EXPECT_EQ(e.actions[2].text, "Two quotes are now to be obtained for the fencing");
    EXPECT_EQ(e.actions[3].text, "Further advice to be sought from the insurers");
    EXPECT_EQ(e.actions[4].owner.value_or(""), "Cllr. Morris");
    EXPECT_EQ(e.actions[5].owner.value_or(""), "Heritage Champion");
}

// The agent of a passive direction owns it.
TEST(Language, TheAgentOfADirectionOwnsIt) {
    const Extraction e = extract("RESOLVED that the scheme of delegation be updated by the Monitoring Officer to reflect the changes.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Monitoring Officer");
}


// Requests and deferrals in other words: a subjunctive request without "that", a second
// participle that is the work, a proposal to write, papers to come, consideration deferred.
TEST(Language, RequestsAndDeferralsInOtherWords) {
    const Extraction e = extract(
        "Minutes:\nMembers requested the revised map be circulated before the site visit.\n"
        "The survey results would be analysed and reported to the Board in the spring.\n"
        "The Chairman proposed to write to the retiring Clerk to thank her.\n"
        "The Chair proposed to move into private session.\n\n"
        "RESOLVED to receive regular updates on the recycling trial.\n\n"
        "RESOLVED to receive the report.\n\n"
        "RESOLVED that consideration of the petition be deferred to the next meeting.\n");
    ASSERT_EQ(e.actions.size(), 5u);
    EXPECT_EQ(e.actions[0].text, "the revised map be circulated before the site visit");
    EXPECT_EQ(e.actions[1].text, "The survey results would be analysed and reported to the Board in the spring");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Chairman");
    EXPECT_EQ(e.actions[3].text, "to receive regular updates on the recycling trial");
    EXPECT_EQ(e.actions[4].due_text.value_or(""), "to the next meeting");
}


// The subject of a second verb joined by "and", a future progressive, a short task kept with its
// owner, and an executive to be told of a view; a reported clause keeps its own subject.
TEST(Language, SubjectsCarriedAcrossAndShortTasks) {
    const Extraction e = extract(
        "Minutes:\nThe clerk is meeting the new warden next week and will write to residents about the patrol rota.\n"
        "The Director explained that the grant would fund two posts and would close the gap.\n"
        "The Chair said that he would be discussing the timetable with the Leader.\n"
        "Chair will consider this.\n\n"
        "RESOLVED that the Cabinet be advised of the Panel's concerns.\n");
    ASSERT_EQ(e.actions.size(), 4u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "clerk");
    EXPECT_EQ(e.actions[0].text, "write to residents about the patrol rota");
    EXPECT_EQ(e.actions[1].text, "discussing the timetable with the Leader");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Chair");
    EXPECT_EQ(e.actions[2].text, "Chair will consider this");
    EXPECT_EQ(e.actions[3].text, "the Cabinet be advised of the Panel's concerns");
}


// Notes of community councils and harbour boards: first names joined by "and", "ACTION" with
// initials and no colon, a note that opens with "Need", owners before "have agreed", a chase
// whose object is an update, organising passives and moves to a later meeting.
TEST(Language, NotesOfSmallBodies) {
    const Extraction e = extract(
        "Minutes:\nGwen and Elin to draft a letter to the auditors.\n"
        "Need to establish the landowner.\n"
        "ACTION KR to contact the roads department\n"
        "The Tree Warden has agreed to inspect the oak on Church Lane.\n"
        "The Secretary will chase the developer for an update.\n"
        "The Head of Audit will provide an update on the plan.\n"
        "This will be organised by the harbourmaster.\n"
        "That item would now be moved to the meeting on 22 November 2022.\n");
    ASSERT_EQ(e.actions.size(), 6u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Gwen and Elin");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "KR");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Tree Warden");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "Secretary");
    EXPECT_EQ(e.actions[4].owner.value_or(""), "harbourmaster");
    EXPECT_EQ(iso(e.actions[5].due), "2022-11-22");
}


// A later clause's own subject after a semicolon, the second infinitive of a decision, an
// ACTION line owned by its initials, and the agent before "and".
TEST(Language, LaterClausesAndSecondInfinitives) {
    const Extraction e = extract(
        "Minutes:\nIt had been requested that the lane be marked as narrow; the request was acknowledged; Cllr Dale will follow up with the county.\n\n"
        "Resolved to refuse the notice and to serve a counter notice on the applicant.\n\n"
        "The minutes were approved. ACTION JT to TW for the county council.\n"
        "The survey will be organised by the harbourmaster and delivered by volunteers.\n");
    ASSERT_EQ(e.actions.size(), 4u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Cllr Dale");
    EXPECT_EQ(e.actions[0].text, "follow up with the county");
    EXPECT_EQ(e.actions[1].text, "to serve a counter notice on the applicant");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "JT");
    EXPECT_EQ(e.actions[2].text, "JT to TW for the county council");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "harbourmaster");
}


// Parish and Irish council forms: "It was resolved to", a motion closed by "And Resolved:",
// initials that agree, people "to attend" a meeting elsewhere or who "are to" act, a unit
// described in lower case, a council as the subject of a direction; news is not work.
TEST(Language, ParishAndIrishCouncilForms) {
    const Extraction e = extract(
        "Minutes:\n23.004. It was resolved to approve the minutes of the meeting held on 11 April 2023.\n\n"
        "Proposed by: Councillor Ryan Seconded by: Councillor Hayes And Resolved: \"That the report be adopted\".\n\n"
        "DD agreed to make the gap in the fence safe.\n"
        "Councillor Campbell to attend the Parish Forum.\n"
        "Councillor Allen is to progress the new sign.\n"
        "It was agreed that the area office write a letter of condolence to the family.\n"
        "It was agreed that the Parish Council proceed with the purchase.\n"
        "A temporary sergeant would be looking after the area.\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[0].text, "to approve the minutes of the meeting held on 11 April 2023.");
    EXPECT_EQ(e.resolutions[1].text, "\"That the report be adopted\".");
    ASSERT_EQ(e.actions.size(), 5u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "DD");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Councillor Campbell");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Councillor Allen");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "area office");
    EXPECT_EQ(e.actions[4].owner.value_or(""), "Parish Council");
}


// Community and town council notes: "resolved for X to", a pronoun after a heading and a dash,
// an untitled name as the speaker, "speak to", "be able to" with a deadline (an agenda's "will
// provide a report for the third quarter" stays out), "the post be advertised", "reschedule".
TEST(Language, CommunityAndTownCouncilNotes) {
    const Extraction e = extract(
        "Minutes:\nFollowing discussion it was resolved for the Clerk to write to the Police about the roundabout.\n\n"
        "8.2 School Transport - The Chairman explained that the contracts are due. He will find out if the bus can be re-instated.\n\n"
        "Dara Quinn advised that she would ask the planning team to email the residents.\n\n"
        "Councillor Reid will speak to the transport officials.\n\n"
        "The Commissioner will be able to provide a report by the next panel meeting.\n\n"
        "The Head of Finance will provide a report for the third quarter of 2022/23.\n\n"
        "RESOLVED that the post be advertised.\n\n"
        "It was agreed to reschedule the workshop for the new year.\n");
    ASSERT_EQ(e.actions.size(), 7u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Clerk");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Chairman");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Dara Quinn");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "Councillor Reid");
    EXPECT_EQ(e.actions[4].text, "provide a report by the next panel meeting");
    EXPECT_EQ(e.actions[5].text, "the post be advertised");
    EXPECT_EQ(e.actions[6].text, "reschedule the workshop for the new year");
}


// A minute number typed against its text, the meeting's own work "resolved for the committee
// to", a lower-case role as a pronoun's referent, a task cut where a new clause begins, and
// items deferred in notes (a pause "until early 2022" is not one).
TEST(Language, GluedNumbersDeferralsAndClauseEnds) {
    const Extraction e = extract(
        "Minutes:\n01.For the clerk to plan the plots, it was resolved for the committee to mark out the boundary line.\n\n"
        "The commissioner is hopeful that he will be able to provide a report by the next panel meeting.\n\n"
        "A notice would be sent to the newsletter and a litter flyer was also suggested.\n\n"
        "Village Green Deferred for production of proposals until the March meeting.\n\n"
        "Play Area Panel - Deferred until early 2022.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "for the committee to mark out the boundary line.");
    ASSERT_EQ(e.actions.size(), 4u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "committee");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "commissioner");
    EXPECT_EQ(e.actions[2].text, "A notice would be sent to the newsletter");
    EXPECT_EQ(e.actions[3].text, "Village Green Deferred for production of proposals until the March meeting");
}


// A listed decision with its subject left unsaid is work; chairing and taking no part are not.
TEST(Language, ListedDecisionsAndRolesTaken) {
    const Extraction e = extract(
        "Minutes:\nThe Committee:\n\n\u00b7 agreed to invite the Cabinet Member for Housing to the March meeting\n\n"
        "Councillor Walsh would chair the task group.\n"
        "The Chairman would take no part in the discussion of the item.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "invite the Cabinet Member for Housing to the March meeting");
}


// Intentions, offers and requests in other words; short tasks after a statement; deadlines on
// passives; notes for a later agenda; decisions to stop are not tasks.
TEST(Language, IntentionsOffersAndDeadlines) {
    const Extraction e = extract(
        "Minutes:\nOfficers were going to check and advise Members.\n"
        "The Chair said he intended to bring a draft annual report to the next meeting.\n"
        "District Cllr R Legg kindly offered to contact Environmental Health.\n"
        "The Area Engineer has been requested to inspect the junction.\n"
        "Coun Mills agreed to attempt to obtain funding.\n"
        "The contractor has not replied. Clerk to chase.\n"
        "Members requested the slides from the event.\n"
        "The new signage should be completed by 31 March 2024.\n"
        "For agenda at next meeting, replacement of the bus shelter.\n"
        "It was agreed that the council would no longer pursue the matter.\n");
    ASSERT_EQ(e.actions.size(), 9u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Officers");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Chair");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Cllr R Legg");
    EXPECT_EQ(e.actions[3].owner.value_or(""), "Area Engineer");
    EXPECT_EQ(e.actions[4].owner.value_or(""), "Coun Mills");
    EXPECT_EQ(e.actions[5].text, "Clerk to chase");
    EXPECT_EQ(e.actions[6].text, "the slides from the event");
    EXPECT_EQ(iso(e.actions[7].due), "2024-03-31");
    EXPECT_EQ(e.actions[8].text, "For agenda at next meeting, replacement of the bus shelter");
}


// "AGREED that:" with its text on the next line is one resolution; with a numbered list below
// it, one per entry as before.
TEST(Language, ThatColonOverItsText) {
    const Extraction e = extract(
        "Minutes:\nAGREED that:\n\nThe draft scope and project plan of the review be approved.\n\n"
        "RESOLVED that:\n\n(1) the report be noted;\n\n(2) the plan be approved.\n");
    ASSERT_EQ(e.resolutions.size(), 3u);
    EXPECT_EQ(e.resolutions[0].text, "that: The draft scope and project plan of the review be approved.");
    EXPECT_EQ(e.resolutions[2].text, "the plan be approved.");
}


// Community-council shorthand: "Sec" for the secretary, "is to raise this", "undertook an
// action to".
TEST(Language, CommunityCouncilShorthand) {
    const Extraction e = extract(
        "Minutes:\nSec will contact the Estate about tarmac for the potholes.\n"
        "Sam Burton is to raise this at the next hall committee.\n"
        "Cllr Wilson undertook an action to prepare a draft press release.\n");
    ASSERT_EQ(e.actions.size(), 3u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Sec");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "Sam Burton");
    EXPECT_EQ(e.actions[2].owner.value_or(""), "Cllr Wilson");
}


// Entries of an action list are distinct tasks however alike their words; a minute that
// restates a listed task still folds into it.
TEST(Language, ListEntriesAreDistinctTasks) {
    const Extraction e = extract(
        "Minutes:\nMF to include item in the Newsletter re the Jubilee Show.\n"
        "MF to include item in the Newsletter re the Harvest Supper.\n"
        "MF to include date of the AGM in the Newsletter.\n");
    ASSERT_EQ(e.actions.size(), 3u);
    EXPECT_EQ(e.actions[1].text, "include item in the Newsletter re the Harvest Supper");
}


// A list run into one paragraph: a named person after a heading and a dash, the task ending at
// the next entry's label; initials as the subject of "agreed that X would".
TEST(Language, EntriesRunIntoOneParagraph) {
    const Extraction e = extract(
        "Minutes:\n3. Matters Arising a]. Fence at Police House. No progress. i]. Noise from Carpet Bowls - Sam Burton is to raise "
        "this at the next hall committee j]. The fence at the lime kilns has been repaired.\n\n"
        "It was agreed that IM would draft a letter for the council to send.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Sam Burton");
    EXPECT_EQ(e.actions[0].text, "Noise from Carpet Bowls: raise this at the next hall committee");
    EXPECT_EQ(e.actions[1].owner.value_or(""), "IM");
}

// A note that opens with its topic: the topic leads the task, and the same words under three
// topics are three tasks. Labels, references and roles before a dash are not topics.
TEST(Language, ATopicLeadsItsTask) {
    const auto tasks = owners_and_tasks(
        "Minutes:\n5. Matters Arising\n"
        "  \xE2\x80\xA2 Mill Wynd street lighting : Cllr JG will investigate and report back.\n"
        "  \xE2\x80\xA2 Fire damage at Church Hill : Cllr JG will investigate and report back.\n"
        "  \xE2\x80\xA2 Road sweeper coverage : Matter satisfactorily resolved.\n\n"
        "6. Correspondence\n"
        "Action rolled over: Clerk to send a holding letter to the funders.\n\n"
        "Minute 32: the Clerk would write to the Highways Authority about the verges.\n\n"
        "Village sign - Chief Officer - Highways to report on repairs.\n");
    EXPECT_EQ(tasks, (std::vector<std::string>{
                         "Cllr JG | Mill Wynd street lighting: investigate and report back",
                         "Cllr JG | Fire damage at Church Hill: investigate and report back",
                         "Clerk | send a holding letter to the funders",
                         "Clerk | write to the Highways Authority about the verges",
                         "Chief Officer - Highways | Village sign: report on repairs"}));
}

// Two people's undertakings in one sentence are two actions, each with its owner; two people
// who share one undertaking stay one owner.
TEST(Language, TwoUndertakingsInOneSentence) {
    const auto tasks = owners_and_tasks(
        "Minutes:\n4. Parking\nMP agreed to bring this up at the Parish Council and AT offered to write to the "
        "Parish clerk to express concern.\n"
        "The surfacing will be looked at again in the Spring and the Clerk would enquire with the contractor about "
        "prices.\n"
        "The Clerk and Cllr Smith would meet the landowner to discuss the hedge.\n"
        "The group noted that Dave Aldred had failed to attend and Janet was asked to write to him about this.\n"
        "It was agreed that Councillor McCracken and the Project Director would meet to agree the scope.\n");
    EXPECT_EQ(tasks, (std::vector<std::string>{
                         "MP | bring this up at the Parish Council",
                         "AT | write to the Parish clerk to express concern",
                         "Clerk | enquire with the contractor about prices",
                         "Clerk and Cllr Smith | meet the landowner to discuss the hedge",
                         "Janet | write to him about this",
                         "Councillor McCracken and the Project Director | meet to agree the scope"}));
}

// What the meeting agreed in its narrative to have done is work for someone: paying, signing,
// replacing, holding an event, deferring. Holding its next meeting is a date, and a resolution
// to replace something is a decision.
TEST(Language, WhatTheMeetingAgreedToHaveDone) {
    const auto tasks = owners_and_tasks(
        "Minutes:\n6. Finance\nIt was agreed to pay both attached invoices regarding these matters.\n"
        "Board unanimously agreed to sign the Maintenance Contract.\n"
        "It was agreed to hold a further drop-in session at the pavilion.\n"
        "It was agreed to defer the appointment of Treasurer until the July meeting.\n"
        "It was agreed to hold the next meeting on 5 May 2021.\n"
        "RESOLVED to replace the bench at a cost of £450.\n");
    EXPECT_EQ(tasks, (std::vector<std::string>{"- | pay both attached invoices regarding these matters",
                                               "- | Board unanimously agreed to sign the Maintenance Contract",
                                               "- | hold a further drop-in session at the pavilion",
                                               "- | defer the appointment of Treasurer until the July meeting"}));
}

// Notes of work whose subject is a longer noun phrase, and condolences to be passed on; a
// sentence with a verb of its own before "to be" stays narrative.
TEST(Language, LongerNounPhrasesToBeDone) {
    const auto tasks = owners_and_tasks(
        "Minutes:\n7. Governance\nThe criteria for board member involvement in meetings to be reviewed.\n"
        "Members requested that the Council's condolences be passed on to his widow.\n"
        "There were no Executive Decisions to be reviewed.\n"
        "The application seeks to fund two defibrillators, to be placed in the village halls.\n"
        "Following a request for additional security to be installed, it was noted.\n");
    EXPECT_EQ(tasks, (std::vector<std::string>{
                         "- | The criteria for board member involvement in meetings to be reviewed",
                         "- | the Council's condolences be passed on to his widow"}));
}

// "He" after a sentence about a body means the person named before it; after a sentence that
// opens with a name the reader does not know, nobody is guessed.
TEST(Language, HeReachesBackOverASentenceAboutABody) {
    Extraction e = extract(
        "Minutes:\n3. Roads\nThe Director of Services, Mr. Shane Tiernan confirmed that funding was not allocated. "
        "The Council are putting together a proposal for funding. He will liaise with Roads Department "
        "regarding the signage.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Director of Services, Mr. Shane Tiernan");
    EXPECT_EQ(e.actions[0].text, "liaise with Roads Department regarding the signage");
    e = extract(
        "Minutes:\n3. Drains\nThe Clerk reported on the gullies. Terry reported that he is buying a jetter. "
        "He will liaise with the Highways Department about the hot spots.\n");
    for (const auto& a : e.actions) EXPECT_NE(a.owner.value_or(""), "Clerk") << a.text;
}

// "asked DB to ...": the person asked may be named by initials.
TEST(Language, AskedByInitials) {
    const Extraction e = extract("Minutes:\n4. Funding\nBoard asked DB to take advice from DTAS on this.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "DB");
    EXPECT_EQ(e.actions[0].text, "take advice from DTAS on this");
}

// "he"/"she" after two-letter initials that are a clause's subject means that person; three
// capitals are as often a body.
TEST(Language, PronounAfterInitials) {
    Extraction e = extract(
        "Minutes:\n2. Matters arising\nJB pointed out that it should have gone to all board members and JO "
        "apologised and said she would send it out to everyone.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "JO");
    EXPECT_EQ(e.actions[0].text, "send it out to everyone");
    e = extract("Minutes:\n2. Speakers\nThe LGA said it would welcome an invitation; the Chair said he would invite one "
                "of the speakers to a future meeting.\n");
    for (const auto& a : e.actions) EXPECT_NE(a.owner.value_or(""), "LGA") << a.text;
}

// "will attend" something other than this meeting is work after it.
TEST(Language, WillAttendElsewhere) {
    Extraction e = extract("Minutes:\n6. Footpaths\nCllr Carrington will attend a site visit with Cllr Sardeson.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Cllr Carrington");
    EXPECT_EQ(e.actions[0].text, "attend a site visit with Cllr Sardeson");
    e = extract("Minutes:\n6. Police\nPC Jones will attend the meeting in March.\n");
    EXPECT_TRUE(e.actions.empty());
}

// A heading or a list's lead-in ("make presentations to:") is not a task by itself.
TEST(Language, ALeadInIsNotATask) {
    const Extraction e = extract(
        "Minutes:\n5. Civic matters\nThe Chairman would make presentations to:\n"
        "MS 2831: Consideration of Quotation received for Tree Works on Cemetery Boundary:\n"
        "The Clerk would write to the contractor.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "write to the contractor");
}

// Places taken and views held are not work; a wish that someone else act is.
TEST(Language, PlacesTakenAndViewsAreNotWork) {
    const Extraction e = extract(
        "Minutes:\n3. Co-option\nIan Bowman agreed to be co-opted as a Parish Councillor.\n"
        "Mr Hill agreed to accept office if he was elected.\n"
        "Geoff Jolliffe would find it helpful if confidential matters were marked.\n"
        "Cllr Birnie would rather have more specific subjects.\n"
        "RW would like the communities team to create an Action Plan for recruitment.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "create an Action Plan for recruitment");
    EXPECT_EQ(e.actions[0].owner.value_or(""), "communities team");
}

// The passive's agent with the capacity they act in: "signed by Cllr Sell as Chair".
TEST(Language, PassiveAgentActingAs) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Roads\nA letter would be drafted and signed by Cllr Sell as Chair of the "
                               "committee.\n"),
              std::vector<std::string>{
                  "Cllr Sell | A letter would be drafted and signed by Cllr Sell as Chair of the committee"});
}

// "Action Point:" is the same label as "Action:".
TEST(Language, ActionPointLabel) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Correspondence\nA leaflet on flood warnings was received.  Action Point:  "
                               "The Clerk to ask whether copies can go on the village noticeboard.\n"),
              std::vector<std::string>{"Clerk | ask whether copies can go on the village noticeboard"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Play area\nAction points: JH to order new bark for the swings.\n"),
              std::vector<std::string>{"JH | order new bark for the swings"});
}

// "is to be" with work on a thing ("removed", "expanded") is an arrangement, as with "sent";
// the same words after "due to" or a modal describe.
TEST(Language, WorkOnThingsToBeDone) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Hall\nThe loose paving slabs are to be removed and the area re-seeded.\n"),
              std::vector<std::string>{"- | The loose paving slabs are to be removed and the area re-seeded"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Hall\nThe crockery in the small kitchen is to be expanded.\n"),
              std::vector<std::string>{"- | The crockery in the small kitchen is to be expanded"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Hall\nA review of the hire charges is to be discussed.\n"),
              std::vector<std::string>{"- | A review of the hire charges is to be discussed"});
    EXPECT_TRUE(extract("Minutes:\n5. Plan\nThe completed items are due to be removed from the plan.\n").actions.empty());
    EXPECT_TRUE(extract("Minutes:\n5. Signs\nThe old sign should be removed one day.\n").actions.empty());
}

// People named by office ("Trustee Alexander", "Alderman Jones") own what they offer to do.
TEST(Language, TitlesOfOffice) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Boundary\nNo letter had been received. Trustee Macrae offered to ring "
                               "the Land Registry.\n"),
              std::vector<std::string>{"Trustee Macrae | ring the Land Registry"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Lights\nAlderman Pryce agreed to contact the highways team.\n"),
              std::vector<std::string>{"Alderman Pryce | contact the highways team"});
}

// "to ensure" is work in an action note.
TEST(Language, EnsureIsWork) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Treasurer\nSP to hand the file over to the new treasurer.\n"),
              std::vector<std::string>{"SP | hand the file over to the new treasurer"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Matters arising\n12/19: RT to ensure the fire policy is on the website;\n"),
              std::vector<std::string>{"RT | ensure the fire policy is on the website"});
}

// A role's name without an article after a comma owns a note, as at the start of a line;
// with an article it is more often the object of what goes before.
TEST(Language, BareRoleAfterAComma) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Trees\nThe contractor had agreed to fell the dead oak at no cost, "
                               "Clerk to follow up.\n"),
              std::vector<std::string>{"Clerk | Clerk to follow up"});  // too short to stand alone
    for (const auto& found : owners_and_tasks("Minutes:\n6. Trees\nThe oak was felled last week, the Clerk to the "
                                              "Council reported.\n"))
        EXPECT_EQ(found.find("Clerk |"), std::string::npos) << found;
}

// "will be presented" announces business at this meeting, unless a later meeting is named.
TEST(Language, ReportPromisedForALaterMeeting) {
    const Extraction e = extract(
        "Minutes:\n7. Budget\nA report will be presented to Members at the next meeting of the Board.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "A report will be presented to Members at the next meeting of the Board");
    EXPECT_TRUE(extract("Agenda:\n7. Budget\nA report will be presented by the Treasurer.\n").actions.empty());
}

// Short and Welsh, Scottish and Irish given names name people as the long English forms do.
TEST(Language, ShortAndRegionalGivenNames) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Parking\nDave will look into the cost of new signs.\n"),
              std::vector<std::string>{"Dave | look into the cost of new signs"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Hall\nGeraint Hughes agreed to repaint the gate.\n"),
              std::vector<std::string>{"Geraint Hughes | repaint the gate"});
}

// Taking or leaving a place is not work, however it is minuted; a task whose owner is named
// first ("Chair will consider this") is kept.
TEST(Language, PlacesTakenInAnyForm) {
    const Extraction e = extract(
        "Minutes:\n3. Board\nIt was agreed that Ms Ann Lee chair the meeting.\n"
        "The Director of Finance agreed to step down once a replacement had been found.\n"
        "Dr Khan will become Medical Director in April.\n"
        "Councillors and officers were asked to introduce themselves.\n"
        "Mrs Hill agreed to continue as the footpath warden.\n"
        "The Clerk agreed to write to the bank.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text, "write to the bank");
}

// "no ... will be provided" refuses; a clause of its own before "but" does not.
TEST(Language, ARefusalIsNoTask) {
    EXPECT_TRUE(extract("Minutes:\n5. Funding\nNo further grant for the scheme will be provided by the Trust.\n").actions.empty());
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Letters\nNo reply had been received from the County Council but the "
                               "letter would be re-sent.\n").size(),
              1u);
}

// "the next meeting on D" dates the next meeting when D is later than this one.
TEST(Language, NextMeetingOnADate) {
    const std::string head = "Minutes of the meeting of the Parish Council held on 3 October 2019\n\n5. Business\n\n";
    EXPECT_EQ(iso(extract(head + "The items would be ratified at the next meeting on 6th November 2019.\n").meeting.next_meeting),
              "2019-11-06");
    EXPECT_EQ(iso(extract(head + "It was resolved to hold the next meeting on the 5th November 2019 at 6pm.\n").meeting.next_meeting),
              "2019-11-05");
    EXPECT_EQ(iso(extract(head + "Actions will be reviewed at the next meeting of the Council on 7 November 2019.\n")
                      .meeting.next_meeting),
              "2019-11-07");
    // An earlier date is not the next meeting's.
    EXPECT_EQ(iso(extract(head + "The notes of the next meeting on 1 October 2019 were noted.\n").meeting.next_meeting), "null");
}

// A minute's number before an entry ("18.4", "(v)") is not part of its owner.
TEST(Language, NumberLabelBeforeAnEntry) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n18. Open day\n18.4 Clerk to book the hall for the open day.\n"),
              std::vector<std::string>{"Clerk | book the hall for the open day"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Actions\n(v) Head Teacher to update the code of practice.\n"),
              std::vector<std::string>{"Head Teacher | update the code of practice"});
}

// The owner's " to " comes before a "to be" inside the task.
TEST(Language, OwnerToBeforeAToBeInTheTask) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Event\nClerk to draft a poster to be put up in the shop.\n"),
              std::vector<std::string>{"Clerk | draft a poster to be put up in the shop"});
}

// "Heading - to <work>": a note with no owner; a heading and its dash are no one's name.
TEST(Language, HeadingDashThenWork) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Playing field\n(3) Hedges - to ask the contractor to cut them back\n"),
              std::vector<std::string>{"- | Hedges: ask the contractor to cut them back"});
}

// A heading's dash ends the names a sentence opens with: the Chairman, not the heading, speaks.
TEST(Language, HeadingDashEndsTheSubject) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n8. Transport\n8.2 Bus Shelter Repairs - The Chairman explained the delay. He "
                               "would write to the bus company.\n"),
              std::vector<std::string>{"Chairman | write to the bus company"});
}

// "... but would report back": the speaker of a reported clause whose own subject is "he", or
// the initials a sentence opens with; only work counts after "but".
TEST(Language, UndertakingAfterAndOrBut) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Allotments\nThe Clerk reported that he had not yet seen the site but would "
                               "report back to the next meeting.\n"),
              std::vector<std::string>{"Clerk | report back to the next meeting"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Verges\nKT said she was checking the verge boundaries and would visit the "
                               "county archive.\n"),
              std::vector<std::string>{"KT | KT said she was checking the verge boundaries and would visit the county archive"});
    EXPECT_TRUE(extract("Minutes:\n2. Interests\nCouncillor Dunn stated that he had been lobbied but would consider the "
                        "application with an open mind.\n")
                    .actions.empty());
    EXPECT_TRUE(extract("Minutes:\n2. Interests\nThe Chair declared an interest but would therefore leave the room.\n")
                    .actions.empty());
}

// "It was decided to <work>" is the meeting taking on work, as "It was agreed to" is; a person
// who "decided to" reports a choice.
TEST(Language, DecidedToDoWork) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Centre\nIt was decided to seek volunteers to staff the centre.\n"),
              std::vector<std::string>{"- | seek volunteers to staff the centre"});
    EXPECT_TRUE(extract("Minutes:\n4. Centre\nIt was decided to note the report.\n").actions.empty());
    EXPECT_TRUE(extract("Minutes:\n4. Centre\nCllr Byrne decided to contact the charity himself last month.\n").actions.empty());
}

// "a) Clerk to ...": a lettered list's label is not part of the owner.
TEST(Language, LetterLabelBeforeAnEntry) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Matters arising\nb) Clerk to check the grant timescale and report back.\n"),
              std::vector<std::string>{"Clerk | check the grant timescale and report back"});
}

// "Tree report required Clerk to chase": a role's one word after an unpunctuated heading owns
// the note, as initials do; a longer role's last word does not.
TEST(Language, RoleWordAfterAnUnpunctuatedHeading) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Play areas\nSafety report required Clerk to chase\n"),
              std::vector<std::string>{"Clerk | Clerk to chase"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Claims\nParish Clerk to send off the claim form.\n"),
              std::vector<std::string>{"Parish Clerk | send off the claim form"});
}

// A given name the list does not know, alone before "agreed to", is still a person; plurals and
// openers are not.
TEST(Language, LoneGivenNameAgreesTo) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Hall\nOisinn agreed to remind the builder about the acoustic panels.\n"),
              std::vector<std::string>{"Oisinn | remind the builder about the acoustic panels"});
    for (const auto& found : owners_and_tasks("Minutes:\n3. Hall\nResidents agreed to write to the landlord.\n"))
        EXPECT_EQ(found.find("Residents |"), std::string::npos) << found;
    // Names may end in "s"; plurals mostly end in "rs", "ts", "es".
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Hedges\nFlis agreed to email the plotholders about the hedge.\n"),
              std::vector<std::string>{"Flis | email the plotholders about the hedge"});
}

// "agreed with X to <work>": the subject takes the work on.
TEST(Language, AgreedWithSomeoneTo) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Plots\nThe Chairman agreed with Alan Smith to look into buying stakes.\n"),
              std::vector<std::string>{"Chairman | The Chairman agreed with Alan Smith to look into buying stakes"});
    EXPECT_TRUE(extract("Minutes:\n3. Plots\nThe Chairman agreed with the report's findings.\n").actions.empty());
}

// "X will be asked to ..." gives X the work, as "X was asked to ..." does.
TEST(Language, WillBeAskedTo) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Accounts\nThe Treasurer will be asked to have the accounts audited before the AGM.\n"),
              std::vector<std::string>{"Treasurer | have the accounts audited before the AGM"});
    EXPECT_TRUE(extract("Minutes:\n5. Accounts\nThe Cabinet will be asked to approve the accounts.\n").actions.empty());
}

// What happens if the task fails ("and, if no reply is received, ...") is another step.
TEST(Language, AConditionalNextStepEndsTheTask) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n7. Hedges\nCouncillor Johnson would follow up with the landowner and, if no reply "
                               "is received, the next step is to write to the county council.\n"),
              std::vector<std::string>{"Councillor Johnson | follow up with the landowner"});
}

// A question put to someone by name ("asked AR how many ...") is not a commitment; a request
// ("asked AR to ...") is.
TEST(Language, AQuestionPutToSomeone) {
    EXPECT_TRUE(extract("Minutes:\n1. Welcome\nTM asked AR how many more meetings he would attend.\n").actions.empty());
    EXPECT_EQ(owners_and_tasks("Minutes:\n1. Welcome\nThe Chair asked the Clerk to write to the school.\n"),
              std::vector<std::string>{"Clerk | write to the school"});
}

// Two people joined by a slash own a note together, as with "&".
TEST(Language, PeopleJoinedByASlash) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Library\nEileen Burke / Ciara Doyle to meet the Centre Committee about the "
                               "library.\n"),
              std::vector<std::string>{"Eileen Burke / Ciara Doyle | meet the Centre Committee about the library"});
}

// A resolution's lead-in over bullet points takes them as its text; work asked of someone in
// them is one action; an appointment listed that way is none.
TEST(Language, BulletPointsUnderALeadIn) {
    Extraction e = extract("Minutes:\n5. Task groups\nRESOLVED that the Lead Members for each task group be as follows:\n"
                           "\xC2\xB7 Budget - Councillor Smith\n\xC2\xB7 Housing - Councillor Jones\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text,
              "that the Lead Members for each task group be as follows: Budget - Councillor Smith; Housing - Councillor Jones");
    EXPECT_TRUE(e.actions.empty());
    e = extract("Minutes:\n6. Parking\nRESOLVED that officers be asked to:\n\xC2\xB7 review the parking policy\n"
                "\xC2\xB7 report back to the next meeting\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "officers");
    EXPECT_EQ(e.actions[0].text, "officers be asked to: review the parking policy; report back to the next meeting");
    e = extract("Minutes:\n7. Groups\nRESOLVED - (1) That the report be noted.\n(2) The Lead Members for the groups be as "
                "follows:\n\xC2\xB7 Budget - Councillor Hughes\n\xC2\xB7 Governance - Councillor Cotton\n");
    ASSERT_EQ(e.resolutions.size(), 2u);
    EXPECT_EQ(e.resolutions[1].text,
              "The Lead Members for the groups be as follows: Budget - Councillor Hughes; Governance - Councillor Cotton");
}

// A keyword typed against its minute number still opens a resolution.
TEST(Language, KeywordAgainstItsMinuteNumber) {
    const Extraction e = extract("Minutes:\n3. Minutes\n\n19/8Resolved to approve the minutes of the meeting of 13th "
                                 "December 2019. The minutes were signed by the Chair.\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "to approve the minutes of the meeting of 13th December 2019.");
}

// The meetings whose minutes are received are what the decision is about, not more decisions.
TEST(Language, MinutesOfTheFollowingMeetings) {
    const Extraction e = extract("Minutes:\n4. Minutes received\nRESOLVED to receive the minutes of the following meetings:\n\n"
                                 "(a) Partnership Meeting 6 February 2020\n\n(b) Planning Committee 13 February 2020\n");
    ASSERT_EQ(e.resolutions.size(), 1u);
    EXPECT_EQ(e.resolutions[0].text, "to receive the minutes of the following meetings:");
}

// "NOTED" alone over a numbered list of what was noted: one noted resolution per item; over the
// next item's heading, nothing more.
TEST(Language, NotedOverANumberedList) {
    Extraction e = extract("Minutes:\n3. Glens scheme\nNOTED\n\n3.1 the background to the scheme;\n\n3.2 the proposed "
                           "timescales for the Stage 2 bid; and\n\n3.3 the challenges in the project area.\n");
    ASSERT_EQ(e.resolutions.size(), 3u);
    EXPECT_EQ(e.resolutions[0].text, "the background to the scheme;");
    EXPECT_EQ(e.resolutions[2].text, "the challenges in the project area.");
    e = extract("Minutes:\n3. Reports\nThe update was NOTED\n\n4. Planning Applications\nNone were received.\n");
    EXPECT_LE(e.resolutions.size(), 1u);
}


// Initials that open a note own the work after "to", whatever its verb; a meeting's acronym
// ("AGM to confirm") and "X to action" (a marker for the line before) are not such notes.
TEST(Language, InitialsOpeningANoteOwnAnyVerb) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Any Other Business\nWindow Cleaning. The current system was deemed "
                               "unsatisfactory. HP to discuss the matter with the window cleaners.\n\nLighting. HP to "
                               "contact GG about the lights. RJ to replace lamps in Block Three.\n"),
              (std::vector<std::string>{"HP | discuss the matter with the window cleaners",
                                        "HP | contact GG about the lights", "RJ | replace lamps in Block Three"}));
    EXPECT_TRUE(extract("Minutes:\n5. Chair\nSean Chambers volunteered to take over. AGM to confirm.\n").actions.empty());
    for (const auto& line : owners_and_tasks("Minutes:\n6. Toilets\nTerms of agreement passed to the Trust, awaiting "
                                             "feedback. AW to action\n"))
        EXPECT_EQ(line.find("AW to action"), std::string::npos) << line;
}

// People a residents' association or a parish engages own work as officers do.
TEST(Language, EngagedAgentsOwnWork) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Nuisance\nThe managing agents were asked to write to the owners requesting "
                               "that they desist.\n"),
              std::vector<std::string>{"agents | write to the owners requesting that they desist"});
}

// "agreed that the caretaker should go ahead": a task of two words keeps its subject.
TEST(Language, ShortDirectedClauseKeepsItsSubject) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n7. Boiler\nIt was unanimously agreed that the caretaker should go ahead.\n"),
              std::vector<std::string>{"caretaker | the caretaker should go ahead"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n8. Website\nIt was agreed that the Clerk should proceed.\n"),
              std::vector<std::string>{"Clerk | It was agreed that the Clerk should proceed"});
}


// A listed decision in the subjunctive is work even when nobody is named; "would be", "to be"
// and a decision's own participles ("be noted") are not.
TEST(Language, ListedSubjunctiveDecision) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Leisure strategy\nThe Committee considered the strategy.\n\n(b) Professional "
                               "external financial advice be procured to assess the options.\n"),
              std::vector<std::string>{"- | Professional external financial advice be procured to assess the options"});
    EXPECT_TRUE(extract("Minutes:\n5. Leisure strategy\nProfessional external financial advice be procured to assess "
                        "the options.\n").actions.empty());
    EXPECT_TRUE(extract("Minutes:\n6. Parking\n(a) Parking charges would be reviewed by the county in due course.\n"
                        "(b) The report to be noted.\n").actions.empty());
}


// Irish minutes "revert" to the members with what they asked for: work to chase.
TEST(Language, AgreedToRevertIsWork) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n114/19 Matters Arising\nIt was agreed to revert back to the members with the "
                               "exact cost of the provision of homeless services this year.\n"),
              std::vector<std::string>{"- | revert back to the members with the exact cost of the provision of homeless services this year"});
}


// "Action CLERK" after a task names its owner, with no colon, as "Action: Clerk" does; "Action
// required ..." names nobody.
TEST(Language, ActionWordThenOwnerWithoutColon) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n7. Welcome letter\nConsideration of the draft resulted in several suggestions. "
                               "A redraft will be presented in February. Action CLERK\n"),
              std::vector<std::string>{"CLERK | A redraft will be presented in February"});
    EXPECT_TRUE(extract("Minutes:\n8. Hall\nThe hall was busy. Action required by all members\n").actions.empty());
}


// The one who will ask someone else has the work of asking; a request reported in full after
// an "Action:" label belongs to the one asked.
TEST(Language, OwnerOfAskingAndOfAReportedRequest) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4.4 Local issues\nIt was RESOLVED that the clerk would also ask the Locality "
                               "Steward to investigate the drainage.\n"),
              std::vector<std::string>{"clerk | the clerk would also ask the Locality Steward to investigate the drainage"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Planning\nThere was discussion about the response.\n\nAction: The Clerk was "
                               "asked to enquire with AECOM what the legal situation is.\n"),
              std::vector<std::string>{"Clerk | enquire with AECOM what the legal situation is"});
}


// "would like X to <work>": the work is asked of X.
TEST(Language, WouldLikeSomeoneTo) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Footpath\nMrs Wilford would still like Cllr Bowkett to arrange a site meeting "
                               "with the owner.\n"),
              std::vector<std::string>{"Cllr Bowkett | arrange a site meeting with the owner"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n7. Estates\nRW would like the communities team to create an Action Plan.\n"),
              std::vector<std::string>{"communities team | RW would like the communities team to create an Action Plan"});
}


// An instruction that opens with its verb names the one to be asked, not the owner.
TEST(Language, InstructionNamesWhoIsAskedNotTheOwner) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3 Catering\n3.2 The Committee agreed the following:\n\n\xC2\xB7 Invite the "
                               "Chief Nursing Officer to provide evidence to the Committee at a future meeting.\n"),
              std::vector<std::string>{"- | Invite the Chief Nursing Officer to provide evidence to the Committee at a future meeting"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Evidence\nACTION: Invite the Director of Finance to provide the figures.\n"),
              std::vector<std::string>{"- | Invite the Director of Finance to provide the figures"});
}


// An action log's bracketed marker at the end of a line names who owns its work, or makes the
// line a task of its own; a line that ends in one is no heading.
TEST(Language, BracketedActionMarkerAtTheEnd) {
    EXPECT_EQ(owners_and_tasks("Minutes:\nOUTSTANDING ACTIONS\n\nImmersion Heater - Tim Barton has offered to do this. NC will "
                               "contact Tim to discuss. [Action NC]\n\nTap in Garage - No updates [Action NC]\n\nFireworks - It "
                               "was agreed that we will go for 28th October and NC will speak to Russell accordingly. [Action NC]\n"),
              (std::vector<std::string>{"NC | contact Tim to discuss", "NC | Tap in Garage - No updates",
                                        "- | Fireworks: we will go for 28th October", "NC | speak to Russell accordingly"}));
}


// A table's cells flattened with slashes: the entry in the last cell reads as at a line's start.
TEST(Language, EntryInAFlattenedTablesLastCell) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n4. Website\nThe group area on the website needed to be more noticeable. / "
                               "Lesley to contact the website provider.\n"),
              std::vector<std::string>{"Lesley | contact the website provider"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n5. Petition\nPeter Male proposed a petition. Peter to create wording for the "
                               "petition.\n"),
              std::vector<std::string>{"Peter | create wording for the petition"});
}


// A motion proposed and seconded directs work as a decision does.
TEST(Language, SecondedMotionDirectsWork) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Garda\nCouncillor G. Warnock proposed and Councillor P.J. Reilly seconded that a "
                               "letter be forwarded to the Garda Commissioner.\n"),
              std::vector<std::string>{"- | a letter be forwarded to the Garda Commissioner"});
}


// "Action: Paul - Balance sheet to be placed on the website": the owner, a dash, then the task.
TEST(Language, ActionLabelOwnerDashTask) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n6. Accounts\nAction: Paul \xE2\x80\x93 Balance sheet to be placed on the website\n"),
              std::vector<std::string>{"Paul | Balance sheet to be placed on the website"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n7. Directors\nACTION \xE2\x80\x93 CD \xE2\x80\x93 to send relevant Directors Pack "
                               "and update Companies House\n"),
              std::vector<std::string>{"CD | send relevant Directors Pack and update Companies House"});
    // A task shorter than "to " is read, not past its end.
    EXPECT_NO_THROW(extract("Minutes:\n8. Hall\nAction: Paul - ab\n"));
}


// Business "carried forward until" a meeting is put off, as "carried forward to" is.
TEST(Language, CarriedForwardUntilTheNextMeeting) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n2. Minutes\nThe minutes were not available. Therefore previous minutes carried "
                               "forward until next meeting.\n"),
              std::vector<std::string>{"- | Therefore previous minutes carried forward until next meeting"});
}


// "Footpaths - Clerk to write": a topic, a dash and the owner, whose task the topic leads; "Chief
// Officer - Housing to report" is one role and its department.
TEST(Language, TopicDashOwnerIsNotOneOwner) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n8. Matters arising\nFootpaths - Clerk to write to the County Council.\n"),
              std::vector<std::string>{"Clerk | Footpaths: write to the County Council"});
    EXPECT_EQ(owners_and_tasks("Minutes:\n9. Voids\nChief Officer - Housing to report on the voids.\n"),
              std::vector<std::string>{"Chief Officer - Housing | report on the voids"});
}


// The same words under two headings are two tasks.
TEST(Language, SameWordsUnderTwoHeadingsAreTwoTasks) {
    EXPECT_EQ(owners_and_tasks("Minutes:\n3. Matters arising\nStreet lights \xE2\x80\x93 Cllr Fraser will follow up.\n\n"
                               "Pictures requested for notice board.\n\nRosemarkie 20mph \xE2\x80\x93 Cllr Fraser will follow up.\n"),
              (std::vector<std::string>{"Cllr Fraser | Street lights - Cllr Fraser will follow up",
                                        "Cllr Fraser | Rosemarkie 20mph - Cllr Fraser will follow up"}));
}

// Business the meeting takes up again at a later meeting is work someone must bring back; the
// same verb with no later meeting is the meeting's own deliberation.
TEST(Language, AgreedToConsiderAtTheNextMeeting) {
    EXPECT_EQ(owners_and_tasks("The Committee considered a draft report and agreed to consider a revised draft at its "
                               "next meeting.\n"),
              std::vector<std::string>{"- | consider a revised draft at its next meeting"});
    EXPECT_EQ(owners_and_tasks("Members agreed to revisit the parking survey at a future meeting.\n"),
              std::vector<std::string>{"- | revisit the parking survey at a future meeting"});
    EXPECT_TRUE(owners_and_tasks("The Committee agreed to consider the options set out in the report.\n").empty());
    EXPECT_TRUE(owners_and_tasks("The Panel agreed to discuss the budget, which it did at length.\n").empty());
}

TEST(Language, FurnishIsWork) {
    EXPECT_EQ(owners_and_tasks("Members agreed to furnish Donna with the dates for August and September.\n"),
              std::vector<std::string>{"- | furnish Donna with the dates for August and September"});
}

// "Action:" over a role's full title ("Clerk to the Board") names the owner of the sentence
// before it; "Action: Clerk to write to the Board" is still the Clerk's task.
TEST(Language, ActionLabelWithARolesFullTitle) {
    EXPECT_EQ(owners_and_tasks("This will be added to the action sheet and an appropriate date found.\n"
                               "Action: Clerk to the Board/Acting Chief Officer, Circular Economy\n"),
              std::vector<std::string>{"Clerk to the Board/Acting Chief Officer, Circular Economy | This will be added to "
                                       "the action sheet and an appropriate date found"});
    EXPECT_EQ(owners_and_tasks("Action: Clerk to write to the Board about the lease.\n"),
              std::vector<std::string>{"Clerk | write to the Board about the lease"});
}

// Partnership minutes name people with the organisation they speak for.
TEST(Language, APersonAndTheirOrganisationsInitials) {
    EXPECT_EQ(owners_and_tasks("Amanda Jones, CCBC, would bring it back to a further meeting.\n"),
              std::vector<std::string>{"Amanda Jones, CCBC | bring it back to a further meeting"});
    EXPECT_EQ(owners_and_tasks("Jane Smith (WCBC) will circulate the report.\n"),
              std::vector<std::string>{"Jane Smith (WCBC) | circulate the report"});
    // A group named before the initials is not a person.
    EXPECT_TRUE(owners_and_tasks("The Scrutiny Panels, OSB, would meet quarterly.\n").empty());
}

// A task of a few words keeps the short sentence it came from when that says more than who
// does it; "Clerk to" or an action label adds nothing.
TEST(Language, AShortTaskKeepsItsShortSentence) {
    EXPECT_EQ(owners_and_tasks("Hedge at Cobblestones is invading pathway, Clerk to write to owner.\n"),
              std::vector<std::string>{"Clerk | Hedge at Cobblestones is invading pathway, Clerk to write to owner"});
    EXPECT_EQ(owners_and_tasks("Mr. Griffith stated that he will change the downpipe.\n"),
              std::vector<std::string>{"Mr. Griffith | Mr. Griffith stated that he will change the downpipe"});
    EXPECT_EQ(owners_and_tasks("Clerk to return the completed proposal.\n"),
              std::vector<std::string>{"Clerk | return the completed proposal"});
    EXPECT_EQ(owners_and_tasks("Action: DB to contact PC Gerard Christie.\n"),
              std::vector<std::string>{"DB | contact PC Gerard Christie"});
}

// Action lines of club and parish notes: the task before the owner, and an owner known only by
// an unusual first name.
TEST(Language, ActionLinesWithTheOwnerLastOrAFirstNameAlone) {
    EXPECT_EQ(owners_and_tasks("1. Pitch Work\nThe artificial track needs repair.\nAction - get quote for repair - Rich Roper\n"),
              std::vector<std::string>{"Rich Roper | get quote for repair"});
    EXPECT_EQ(owners_and_tasks("1. Loam\nHalf a dozen bags of loam to be collected from the farm.\nAction - Chaz\n"),
              std::vector<std::string>{"Chaz | Half a dozen bags of loam to be collected from the farm"});
    EXPECT_EQ(owners_and_tasks("2. Nets\nThe training track needs to be jet washed.\nAction Lloyd\n"),
              std::vector<std::string>{"Lloyd | The training track needs to be jet washed"});
    // A status or a table's heading after the label is no one's name.
    EXPECT_TRUE(owners_and_tasks("2. Nets\nThe track was jet washed.\nAction: Completed\n").empty());
    EXPECT_TRUE(owners_and_tasks("Action Who Item Discussion\n").empty());
}

TEST(Language, NotesOfWorkToBeCreatedOrCollected) {
    EXPECT_EQ(owners_and_tasks("A data base of all members to be created by the Secretary.\n"),
              std::vector<std::string>{"Secretary | A data base of all members to be created by the Secretary"});
    EXPECT_EQ(owners_and_tasks("Six bags of loam to be collected from the farm.\n"),
              std::vector<std::string>{"- | Six bags of loam to be collected from the farm"});
    EXPECT_TRUE(owners_and_tasks("RESOLVED that the minutes be signed as a correct record.\n").empty());
}

TEST(Language, WillNeedToAndMoreNotesOfWork) {
    EXPECT_EQ(owners_and_tasks("1. Reports\nAll officers will need to complete reports by Aug 11th.\n"),
              std::vector<std::string>{"officers | complete reports by Aug 11th"});
    EXPECT_TRUE(owners_and_tasks("River quality would need to be addressed by the Environment Agency.\n").empty());
    EXPECT_EQ(owners_and_tasks("Tess to communicate to Managers.\n"), std::vector<std::string>{"Tess | communicate to Managers"});
    EXPECT_EQ(owners_and_tasks("A suitable poster is to be displayed in the Hall foyer.\n"),
              std::vector<std::string>{"- | A suitable poster is to be displayed in the Hall foyer"});
}

TEST(Language, ThePoliceAsked) {
    EXPECT_EQ(owners_and_tasks("RESOLVED\nThat the Police be asked to patrol all the parks in the ward.\n"),
              std::vector<std::string>{"Police | the Police be asked to patrol all the parks in the ward"});
}

TEST(Language, ARequestWasMadeForSomeone) {
    EXPECT_EQ(owners_and_tasks("A request was made for Tim Blythe, Countryside Service Manager, to come to the next meeting "
                               "to give an update on the countryside service.\n"),
              std::vector<std::string>{"Tim Blythe, Countryside Service Manager | come to the next meeting to give an update "
                                       "on the countryside service"});
    EXPECT_TRUE(owners_and_tasks("A request was made for a bench to the Council.\n").empty());
}

// The one asked may be a name no list knows, when it is the whole subject of its clause.
TEST(Language, AskedToWithAnUnknownName) {
    EXPECT_EQ(owners_and_tasks("The grant was turned down, Greenfields Youth will be asked to make an application.\n"),
              std::vector<std::string>{"Greenfields Youth | The grant was turned down, Greenfields Youth will be asked to "
                                       "make an application"});
    EXPECT_TRUE(owners_and_tasks("Councillors are asked to say if they have an interest in any item.\n").empty());
    EXPECT_TRUE(owners_and_tasks("It was asked to be noted that the fence is broken.\n").empty());
}

TEST(Language, AMeetingToBeHeldWithSomeone) {
    EXPECT_EQ(owners_and_tasks("RESOLVED that a meeting be held with Committee Members to further consider the Forward "
                               "Work Programme.\n"),
              std::vector<std::string>{"- | a meeting be held with Committee Members to further consider the Forward Work "
                                       "Programme"});
    EXPECT_TRUE(owners_and_tasks("RESOLVED that the next meeting be held on 5 May 2024.\n").empty());
}

// "the relevant Officer", "the appropriate officers": the description says which holder of the
// role is meant, and stays in the owner.
TEST(Language, ADescribedRoleOwnsItsTask) {
    EXPECT_EQ(owners_and_tasks("The relevant Officer will arrange a meeting with those Members interested.\n"),
              std::vector<std::string>{"relevant Officer | arrange a meeting with those Members interested"});
    EXPECT_EQ(owners_and_tasks("The appropriate officers would circulate the report to Members.\n"),
              std::vector<std::string>{"appropriate officers | circulate the report to Members"});
    EXPECT_EQ(owners_and_tasks("The Democratic Officer will arrange a meeting with those Members.\n"),
              std::vector<std::string>{"Democratic Officer | arrange a meeting with those Members"});
}

// An item moved on a work programme is business someone must bring back to the meeting it goes
// to, not the one it leaves.
TEST(Language, AnItemMovedToALaterMeeting) {
    const Extraction e = extract(
        "Scrutiny Committee - Tuesday 16 September 2025 10.00 am\n\n5. Work Programme\n\n"
        "Members requested that the Highways item be moved from the October meeting of this Committee to the "
        "December meeting, which was agreed.\n");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].text.substr(0, 35), "the Highways item be moved from the");
    EXPECT_EQ(e.actions[0].due_text.value_or(""), "the December meeting");
    EXPECT_EQ(e.actions[0].due.has_value() ? iso_date(*e.actions[0].due) : "", "2025-12-31");
}

// "should" in a resolution directs a named officer or member as the bare verb does; a body that
// "should" do something is being advised.
TEST(Language, AResolutionThatSomeoneShouldDoWork) {
    EXPECT_EQ(owners_and_tasks("RESOLVED: That Councillor Rajawat should liaise with Councillor Kaur on the "
                               "appointment.\n"),
              std::vector<std::string>{"Councillor Rajawat | Councillor Rajawat should liaise with Councillor Kaur on "
                                       "the appointment"});
    EXPECT_EQ(owners_and_tasks("RESOLVED: That the Head of Planning should write to the Minister.\n"),
              std::vector<std::string>{"Head of Planning | the Head of Planning should write to the Minister"});
    EXPECT_TRUE(owners_and_tasks("RESOLVED: That the Council should continue to support the scheme.\n").empty());
    EXPECT_TRUE(owners_and_tasks("RESOLVED: That the Chair should be thanked for her work.\n").empty());
}

// A resolution that business "be considered at the next meeting" puts it off to a later meeting,
// as "agreed to consider ... at its next meeting" does; "be considered" alone is the meeting's own.
TEST(Language, AResolutionBringsBusinessBackToALaterMeeting) {
    EXPECT_EQ(owners_and_tasks("RESOLVED that the matter be re-considered at a future meeting of this Committee.\n"),
              std::vector<std::string>{"- | the matter be re-considered at a future meeting of this Committee"});
    EXPECT_EQ(owners_and_tasks("RESOLVED that the policy be discussed at the next meeting of the Panel.\n"),
              std::vector<std::string>{"- | the policy be discussed at the next meeting of the Panel"});
    EXPECT_TRUE(owners_and_tasks("RESOLVED that the report be considered.\n").empty());
    EXPECT_TRUE(owners_and_tasks("RESOLVED that the options be considered by the Cabinet.\n").empty());
}

// A speaker who undertakes something and then reports something else: the report is not part
// of the task.
TEST(Language, ATaskEndsWhereItsSpeakerReportsSomethingElse) {
    EXPECT_EQ(owners_and_tasks("The Leader indicated that he would provide a written reply and advised Miss Egan that "
                               "consideration was being given to presentations.\n"),
              std::vector<std::string>{"Leader | provide a written reply"});
    EXPECT_EQ(owners_and_tasks("The Director agreed to circulate the figures and explained that the budget was tight.\n"),
              std::vector<std::string>{"Director | circulate the figures"});
    EXPECT_EQ(owners_and_tasks("Residents would be contacted and advised of the changes by the Highways Manager.\n"),
              std::vector<std::string>{"Highways Manager | Residents would be contacted and advised of the changes by "
                                       "the Highways Manager"});
}

// "Cabinet agreed to:" over a list of infinitives is a list of decisions, as "The following was
// agreed:" is; without a list it is narrative.
TEST(Language, ABodyAgreedToAListOfDecisions) {
    const Extraction e = extract(
        "10. Solent Governance Review\n\nOn consideration of the report of the Leader, Cabinet agreed to:\n\n"
        "(i) Note the report;\n\n(ii) Approve, in draft, the Governance Scheme for consultation; and\n\n"
        "(iii) Delegate to the Chief Executive any actions necessary to fulfil the resolutions in this report.\n");
    ASSERT_EQ(e.resolutions.size(), 3u);
    EXPECT_EQ(e.resolutions[0].kind, ResolutionKind::agreed);
    EXPECT_EQ(e.resolutions[0].text, "Note the report;");
    ASSERT_EQ(e.actions.size(), 1u);
    EXPECT_EQ(e.actions[0].owner.value_or(""), "Chief Executive");
    EXPECT_TRUE(extract("5. Budget\n\nAfter a long discussion the Panel agreed to:\n\nkeep the matter under review.\n")
                    .resolutions.empty());
}

// "intends to" / "intend to" undertake work as "intended to" does.
TEST(Language, AnOfficerIntendsToDoWork) {
    EXPECT_EQ(owners_and_tasks("The Monitoring Officer intends to hold several training sessions for Members.\n"),
              std::vector<std::string>{"Monitoring Officer | hold several training sessions for Members"});
    EXPECT_EQ(owners_and_tasks("Officers intend to report back to the Committee.\n"),
              std::vector<std::string>{"Officers | report back to the Committee"});
}

// "the Order that the Secretary of State will lay": a clause saying which named thing is meant;
// a content clause ("the news that the Head of Planning would circulate ...") still undertakes.
TEST(Language, AClauseNamingAThingIsNoUndertaking) {
    EXPECT_TRUE(owners_and_tasks("RESOLVED - That the timetable be noted, subject to the Order that the Secretary of "
                                 "State will lay in Parliament in December 2020.\n")
                    .empty());
    EXPECT_EQ(owners_and_tasks("Members welcomed the news that the Head of Planning would circulate the figures.\n"),
              std::vector<std::string>{"Head of Planning | Members welcomed the news that the Head of Planning would "
                                       "circulate the figures"});
}

// A paper requested in the passive is the same request as "Members requested a report"; someone
// "requested to" act, or to leave, is not a paper.
TEST(Language, APaperRequestedInThePassive) {
    EXPECT_EQ(owners_and_tasks("A report on Troubled Families was requested, for submission to a future meeting of "
                               "this Committee.\n"),
              std::vector<std::string>{"- | A report on Troubled Families was requested, for submission to a future "
                                       "meeting of this Committee"});
    EXPECT_TRUE(owners_and_tasks("A member of the public was requested to leave.\n").empty());
    EXPECT_EQ(owners_and_tasks("The Director said the wording would be adjusted.\n"),
              std::vector<std::string>{"- | The Director said the wording would be adjusted"});
}

// Decisions lettered with bare capitals, "A Subject to ..." and "B Subject to ...", on lines of
// their own or run on; an "A" alone, or "A Member asked", letters nothing.
TEST(Language, DecisionsLetteredWithCapitals) {
    for (const char* minutes :
         {"Decision:\nRESOLVED that:\nA Subject to recommendation by the Scrutiny Committee, Cabinet endorsed the "
          "Protocol.\nB Subject to recommendation by the Scrutiny Committee, Cabinet agreed that the Working Group is "
          "renamed.\nMinutes:\nCabinet received a report.\n",
          "RESOLVED that: A Subject to recommendation by the Scrutiny Committee, Cabinet endorsed the Protocol. B Subject "
          "to recommendation by the Scrutiny Committee, Cabinet agreed that the Working Group is renamed.\n"}) {
        const Extraction e = extract(minutes);
        ASSERT_EQ(e.resolutions.size(), 2u) << minutes;
        EXPECT_EQ(e.resolutions[0].text.substr(0, 10), "Subject to") << minutes;
        EXPECT_EQ(e.resolutions[1].text.substr(0, 10), "Subject to") << minutes;
        for (const Action& a : e.actions) EXPECT_NE(a.owner.value_or(""), "B Subject") << minutes;
    }
    const Extraction single = extract("RESOLVED that:\nA Member Working Group be set up to review the policy.\n");
    ASSERT_EQ(single.resolutions.size(), 1u);
    EXPECT_NE(single.resolutions[0].text.find("A Member Working Group"), std::string::npos);
}

// Unlabelled decisions under a lead-in, one to a paragraph, each ending as a list entry does until
// the last; a paragraph after the last is narrative again.
TEST(Language, UnlabelledDecisionsUnderALeadIn) {
    const Extraction e = extract(
        "5. Review of meetings\n\nThat Members agreed:\n\nThe start time for the Committee remain at 2.00pm;\n\n"
        "The rotation around venues continues, with new venues being trialled;\n\n"
        "The order of the agenda remain the same.\n\nThe Chairman thanked the officers for the review.\n");
    ASSERT_EQ(e.resolutions.size(), 3u);
    EXPECT_EQ(e.resolutions[0].kind, ResolutionKind::agreed);
    EXPECT_EQ(e.resolutions[2].text, "The order of the agenda remain the same.");
    EXPECT_TRUE(extract("5. Review\n\nThat Members agreed:\n\nThe start time would be reviewed next year.\n")
                    .resolutions.empty());
}

// A group "be set up" is work; a figure "be set at" is the decision itself.
TEST(Language, AGroupToBeSetUp) {
    const auto tasks = owners_and_tasks("RESOLVED That a Cabinet Task Group be set up and led by the Portfolio Holder.\n");
    ASSERT_EQ(tasks.size(), 1u);
    EXPECT_NE(tasks[0].find("a Cabinet Task Group be set up"), std::string::npos) << tasks[0];
    EXPECT_TRUE(owners_and_tasks("RESOLVED That the fee be set at 50 pounds.\n").empty());
}

// "that arrangements ... are made": work directed in the present tense; a decision in it ("the
// accounts are approved") or a fact reported ("noted that the scheme is completed") is none.
TEST(Language, WorkDirectedInThePresentTense) {
    EXPECT_EQ(owners_and_tasks("Resolved - (a) That the situation be noted and, (b) that arrangements for future "
                               "evidence gathering interviews are made.\n"),
              std::vector<std::string>{"- | arrangements for future evidence gathering interviews are made"});
    EXPECT_EQ(owners_and_tasks("RESOLVED that the report is circulated to all Members by the Clerk.\n"),
              std::vector<std::string>{"Clerk | the report is circulated to all Members by the Clerk"});
    EXPECT_TRUE(owners_and_tasks("RESOLVED that the accounts are approved.\n").empty());
    EXPECT_TRUE(owners_and_tasks("RESOLVED that it is noted that the scheme is completed.\n").empty());
}

// The subject of an undertaking before an aside set off by commas; a whole task whose list of
// details follows a colon keeps its words, a lead-in that only opens a list is none.
TEST(Language, UndertakingsAroundAnAsideAndBeforeAList) {
    EXPECT_EQ(owners_and_tasks("In response, the Chairman, whilst noting that the recording contained such detail, "
                               "agreed to refer the matter to the Constitutional Working Group.\n"),
              std::vector<std::string>{"Chairman | refer the matter to the Constitutional Working Group"});
    EXPECT_EQ(owners_and_tasks("It was agreed that officers would explore the viability of inviting the following "
                               "witnesses in addition to those on the scoping report:\n"),
              std::vector<std::string>{"officers | explore the viability of inviting the following witnesses in "
                                       "addition to those on the scoping report"});
    EXPECT_TRUE(owners_and_tasks("Councillor Smith would write to the following:\n").empty());
}

// "the meeting on <date>" is a deadline only when that meeting is still to come.
TEST(Language, AMeetingAlreadyHeldIsNoDeadline) {
    const Extraction e = extract(
        "Full Council - Wednesday, 26th February, 2020 6.30 pm\n\n5. Minutes\n\nRESOLVED - (1) That the list of those "
        "in attendance at the meeting on 18 December 2019 be amended to include Councillor Rutland; and\n\n(2) That a "
        "report be brought to the meeting on 30 March 2020.\n");
    ASSERT_EQ(e.actions.size(), 2u);
    EXPECT_FALSE(e.actions[0].due.has_value());
    ASSERT_TRUE(e.actions[1].due.has_value());
    EXPECT_EQ(iso_date(*e.actions[1].due), "2020-03-30");
}

// "it should be added that ...": wording for the minutes, not work; "it would be raised with
// the Chief Executive" is.
TEST(Language, WordingAddedToTheMinutesIsNoTask) {
    EXPECT_TRUE(owners_and_tasks("Councillor Jones said it should also be added in that he had been removed from the "
                                 "meeting.\n")
                    .empty());
    EXPECT_EQ(owners_and_tasks("The Chair confirmed it would be raised with the Chief Executive.\n"),
              std::vector<std::string>{"Chair | The Chair confirmed it would be raised with the Chief Executive"});
}

}  // namespace
}  // namespace actiontrack::parsers
