// Tests for web/today.cpp: "today" is the date in the configured zone, not in UTC.

#include "web/today.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace actiontrack::web {
namespace {

std::chrono::system_clock::time_point utc(int year, unsigned month, unsigned day, int hour,
                                          int minute) {
    const std::chrono::sys_days days{std::chrono::year{year} / std::chrono::month{month} /
                                     std::chrono::day{day}};
    return days + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

struct Case {
    const char* zone;
    std::chrono::system_clock::time_point instant;
    const char* expected;
};

TEST(Today, IsTheDateInTheZone) {
    const Case cases[] = {
        // British Summer Time: 23:30 UTC is already tomorrow in London.
        {"Europe/London", utc(2026, 7, 1, 23, 30), "2026-07-02"},
        {"UTC", utc(2026, 7, 1, 23, 30), "2026-07-01"},
        // Winter: London is UTC.
        {"Europe/London", utc(2026, 1, 31, 23, 30), "2026-01-31"},
        {"Europe/London", utc(2026, 12, 31, 23, 59), "2026-12-31"},
        // West of Greenwich the date is behind.
        {"America/New_York", utc(2026, 3, 1, 2, 0), "2026-02-28"},
    };
    for (const Case& c : cases) {
        auto today = Today::in_zone(c.zone);
        ASSERT_TRUE(today) << today.error().message();
        EXPECT_EQ(today->date_at(c.instant), c.expected) << c.zone;
    }
}

TEST(Today, UnknownZonesAreErrors) {
    auto today = Today::in_zone("Europe/Atlantis");
    ASSERT_FALSE(today);
    EXPECT_NE(today.error().message().find("Europe/Atlantis"), std::string::npos);
}

}  // namespace
}  // namespace actiontrack::web
