// Tests for the processed/YYYY/MM month in the configured time zone (daemon/month_folder.cpp).

#include "daemon/month_folder.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace actiontrack::service {
namespace {

using std::chrono::system_clock;

// 2024-03-31T23:30:00Z: 31 March in UTC, already 1 April 00:30 in London (BST began at
// 01:00 UTC that morning); 2023-12-31T23:30:00Z: still December in London (GMT).
system_clock::time_point instant(std::time_t seconds_since_epoch) {
    return system_clock::from_time_t(seconds_since_epoch);
}
constexpr std::time_t k_london_april = 1711927800;     // 2024-03-31T23:30:00Z
constexpr std::time_t k_london_december = 1704065400;  // 2023-12-31T23:30:00Z
constexpr std::time_t k_new_york_april = 1714528800;   // 2024-05-01T02:00:00Z

TEST(MonthFolder, TheMonthIsTheOneInTheConfiguredZone) {
    struct Case {
        std::string zone;
        std::time_t when;
        std::string month;
    };
    const std::vector<Case> cases = {
        {"Europe/London", k_london_april, "2024/04"},
        {"Europe/London", k_london_december, "2023/12"},
        {"UTC", k_london_april, "2024/03"},
        {"Asia/Tokyo", k_london_december, "2024/01"},
        {"America/New_York", k_new_york_april, "2024/04"},
        {"Europe/London", k_new_york_april, "2024/05"},
    };
    for (const Case& c : cases) {
        auto months = MonthFolder::in_zone(c.zone);
        ASSERT_TRUE(months) << c.zone << ": " << months.error().message();
        EXPECT_EQ(months->at(instant(c.when)), c.month) << c.zone << " at " << c.when;
    }
}

// The bug this replaced: the folder followed the process's local zone (TZ, /etc/localtime).
TEST(MonthFolder, TheProcessTimeZoneDoesNotMatter) {
    const char* saved = std::getenv("TZ");
    const std::string previous = saved != nullptr ? saved : "";
    ::setenv("TZ", "America/Los_Angeles", 1);
    ::tzset();
    auto months = MonthFolder::in_zone("Europe/London");
    const std::string month = months ? months->at(instant(k_london_april)) : "";
    if (saved != nullptr) {
        ::setenv("TZ", previous.c_str(), 1);
    } else {
        ::unsetenv("TZ");
    }
    ::tzset();
    ASSERT_TRUE(months) << months.error().message();
    EXPECT_EQ(month, "2024/04");
}

TEST(MonthFolder, AnUnknownZoneIsAnError) {
    auto months = MonthFolder::in_zone("Europe/Atlantis");
    ASSERT_FALSE(months);
    EXPECT_EQ(months.error().message(), "unknown time zone 'Europe/Atlantis'");
}

}  // namespace
}  // namespace actiontrack::service
