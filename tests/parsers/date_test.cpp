#include "parsers/date.hpp"

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
