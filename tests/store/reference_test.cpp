// Tests for store/reference.cpp: the pure pieces of resolution and action references.

#include "store/reference.hpp"

#include <gtest/gtest.h>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::date;

TEST(CommitteeAcronym, TakesInitialsOfSignificantCapitalisedWords) {
    const struct {
        std::string_view committee;
        std::string_view expected;
    } cases[] = {
        {"Children and Young People's Social Care and Services Scrutiny Panel", "CYPSCSSP"},
        {"Planning Committee", "PC"},
        {"The Cabinet", "C"},
        {"Committee of the Whole Council", "CWC"},
        {"Health and Wellbeing Board", "HWB"},
        {"ICT Sub-Committee", "ICTSC"},
        {"Area 2 Planning Committee", "A2PC"},
        {"Children and Young People\xE2\x80\x99s Scrutiny Panel", "CYPSP"},  // curly apostrophe
        {"  Licensing   Committee ", "LC"},
        {"planning committee", "PC"},  // no capitals: every non-trivial word counts
        {"", "MTG"},
        {"and of the", "MTG"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(committee_acronym(c.committee), c.expected) << c.committee;
    }
}

TEST(MunicipalYear, RunsFromMayToApril) {
    const struct {
        parsers::Date date;
        std::string_view expected;
    } cases[] = {
        {date(2022, 6, 7), "22-23"},
        {date(2023, 4, 30), "22-23"},  // last day of the 2022-23
                                       // council year
        {date(2023, 5, 1), "23-24"},   // first day of the next
        {date(2023, 1, 15), "22-23"},
        {date(2022, 12, 31), "22-23"},
        {date(1999, 5, 1), "99-00"},
        {date(2000, 3, 1), "99-00"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(municipal_year(c.date), c.expected) << parsers::iso_date(c.date);
    }
    EXPECT_EQ(municipal_year(std::nullopt), "undated");
}

TEST(MinuteKey, TurnsSeparatorsIntoDots) {
    const struct {
        std::string_view item;
        std::string_view expected;
    } cases[] = {
        {"22/4", "22.4"}, {"4", "4"},           {"21/44", "21.44"}, {"4(a)", "4.a"},
        {" 7. ", "7"},    {"CAB/12", "CAB.12"}, {"", "0"},          {"//", "0"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(minute_key(c.item), c.expected) << c.item;
    }
}

TEST(Reference, JoinsStemMinuteAndSequence) {
    const std::string stem = reference_stem(
        std::string("Children and Young People's Social Care and Services Scrutiny Panel"),
        date(2022, 6, 7));
    EXPECT_EQ(stem, "CYPSCSSP/22-23");
    const std::string base = minute_base(stem, minute_key("22/4"), 1);
    EXPECT_EQ(resolution_reference(base, 1), "CYPSCSSP/22-23/22.4.1");
    EXPECT_EQ(action_reference(base, 2), "CYPSCSSP/22-23/22.4.A2");
    EXPECT_EQ(minute_base(stem, "4", 2), "CYPSCSSP/22-23/4-2");
    EXPECT_EQ(reference_stem(std::nullopt, std::nullopt), "MTG/undated");
}

}  // namespace
}  // namespace actiontrack::store
