#include "parsers/date.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace actiontrack::parsers {
namespace {

struct DateCase {
    const char* text;
    const char* iso;  // nullptr when no complete date is expected
};

class MatchDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(MatchDateTest, ParsesUkForms) {
    const auto& c = GetParam();
    const auto m = match_date_at(c.text, 0);
    if (!c.iso) {
        EXPECT_FALSE(m && to_date(*m)) << c.text;
        return;
    }
    ASSERT_TRUE(m) << c.text;
    const auto d = to_date(*m);
    ASSERT_TRUE(d) << c.text;
    EXPECT_EQ(iso_date(*d), c.iso) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, MatchDateTest,
    ::testing::Values(DateCase{"Tuesday 21st September, 2021 4.00 pm", "2021-09-21"},
                      DateCase{"21 March 2022", "2022-03-21"},
                      DateCase{"Monday, 21 March 2022 at 4.00pm", "2022-03-21"},
                      DateCase{"24th September, 2014", "2014-09-24"},
                      DateCase{"September 21, 2021", "2021-09-21"},
                      DateCase{"03/11/2021", "2021-11-03"}, DateCase{"31/03/23", "2023-03-31"},
                      DateCase{"31.03.2023", "2023-03-31"}, DateCase{"2021-11-03", "2021-11-03"},
                      DateCase{"1st of June 2024", "2024-06-01"},
                      DateCase{"24th day of April, 2007", "2007-04-24"},
                      DateCase{"Monday 24 February2014", "2014-02-24"},
                      DateCase{"24 February20145", nullptr},
                      DateCase{"12thFebruary 2010", "2010-02-12"}, DateCase{"5thousand", nullptr},
                      DateCase{"12thfebruary 2010", nullptr},
                      DateCase{"31 February 2022", nullptr}, DateCase{"4.00", nullptr},
                      DateCase{"21 March", nullptr}, DateCase{"may 2023", nullptr}));

TEST(MatchDate, MonthOnlyNeedsPermission) {
    EXPECT_FALSE(match_date_at("March 2023", 0));
    const auto m = match_date_at("March 2023", 0, true);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->day, 0u);
    EXPECT_EQ(m->month, 3u);
    EXPECT_EQ(m->year, 2023);
}

TEST(MonthFromName, FullShortAndSeptForms) {
    const std::vector<std::pair<std::string_view, std::optional<unsigned>>> cases = {
        {"January", 1u},  {"jan", 1u},       {"SEPTEMBER", 9u}, {"Sept", 9u},          {"sep", 9u},
        {"december", 12u}, {"May", 5u},      {"Mayor", std::nullopt}, {"Ma", std::nullopt},
        {"Octobers", std::nullopt}, {"Friday", std::nullopt}, {"'march", std::nullopt}};
    for (const auto& [word, month] : cases) EXPECT_EQ(month_from_name(word), month) << word;
}

TEST(FindDates, FirstFewAreTheFirstOfAll) {
    for (std::string_view text : {"Held on 3 May 2021; next on Monday 7 June 2021 and 2021-11-03.",
                                  "PARISH COUNCIL MEETING 27th February 2014", "No dates here at all",
                                  "Mayor's report 1 Sept 2020, XMarch 2020 and 1.5.2020", ""}) {
        const auto all = find_dates(text);
        for (std::size_t n = 0; n <= all.size() + 1; ++n) {
            const auto some = find_dates(text, n);
            ASSERT_EQ(some.size(), std::min(n, all.size())) << text;
            for (std::size_t k = 0; k < some.size(); ++k) {
                EXPECT_EQ(some[k].pos, all[k].pos) << text;
                EXPECT_EQ(some[k].length, all[k].length) << text;
            }
        }
        const auto first = find_first_date(text);
        ASSERT_EQ(first.has_value(), !all.empty()) << text;
        if (first) {
            EXPECT_EQ(first->pos, all.front().pos) << text;
            // Bounded where it may start: found at its start, and not before.
            const auto bounded = find_first_date(text, first->pos);
            ASSERT_TRUE(bounded) << text;
            EXPECT_EQ(bounded->length, first->length) << text;
            if (first->pos > 0) {
                EXPECT_FALSE(find_first_date(text, first->pos - 1)) << text;
            }
        }
    }
}

TEST(FindDates, StartsAtWordsOnly) {
    const auto dates = find_dates("Held on 3 May 2021; next on Monday 7 June 2021 and 2021-11-03. XMarch 2020");
    ASSERT_EQ(dates.size(), 3u);
    EXPECT_EQ(dates[0].pos, 8u);   // "3 May 2021"
    EXPECT_EQ(dates[1].pos, 28u);  // "Monday 7 June 2021", weekday included
    EXPECT_EQ(dates[2].pos, 51u);  // "2021-11-03"
}

TEST(ResolveDate, YearlessTakesMeetingYearOrNext) {
    const Date meeting{std::chrono::year{2021}, std::chrono::month{11}, std::chrono::day{3}};
    const auto december = match_date_at("December", 0, true);
    ASSERT_TRUE(december);
    EXPECT_EQ(iso_date(*resolve_date(*december, meeting)), "2021-12-31");
    const auto march = match_date_at("5 March", 0);
    ASSERT_TRUE(march);
    EXPECT_EQ(iso_date(*resolve_date(*march, meeting)), "2022-03-05");
    EXPECT_FALSE(resolve_date(*march, std::nullopt));
}

TEST(DateArithmetic, MonthsClampToMonthEnd) {
    const Date d{std::chrono::year{2023}, std::chrono::month{1}, std::chrono::day{31}};
    EXPECT_EQ(iso_date(add_months(d, 1)), "2023-02-28");
    EXPECT_EQ(iso_date(add_days(d, 28)), "2023-02-28");
    EXPECT_EQ(iso_date(last_day_of_month(2024, 2)), "2024-02-29");
}

TEST(MatchTime, TwelveAndTwentyFourHour) {
    EXPECT_EQ(match_time_at("4.00 pm", 0)->hhmm, "16:00");
    EXPECT_EQ(match_time_at("4.00pm", 0)->hhmm, "16:00");
    EXPECT_EQ(match_time_at("10:00 am", 0)->hhmm, "10:00");
    EXPECT_EQ(match_time_at("12.30 pm", 0)->hhmm, "12:30");
    EXPECT_EQ(match_time_at("12.00 am", 0)->hhmm, "00:00");
    EXPECT_EQ(match_time_at("18:00", 0)->hhmm, "18:00");
    EXPECT_FALSE(match_time_at("4.00", 0));
    EXPECT_FALSE(match_time_at("25:00", 0));
}

TEST(IsoDate, RoundTrips) {
    const auto d = parse_iso_date("2022-03-21");
    ASSERT_TRUE(d);
    EXPECT_EQ(iso_date(*d), "2022-03-21");
    EXPECT_FALSE(parse_iso_date("2022-3-21"));
    EXPECT_FALSE(parse_iso_date("21/03/2022"));
}

}  // namespace
}  // namespace actiontrack::parsers
