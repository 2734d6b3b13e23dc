// The digest schedule: which digest period a recipient's local time falls in, table-driven over
// the weekdays and times either side of the digest time.

#include "notify/planner.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

#include "notify/time_text.hpp"

namespace actiontrack::notify {
namespace {

struct PeriodCase {
    const char* local;  // the recipient's wall-clock time, "YYYY-MM-DD HH:MM"
    unsigned weekday;   // the digest weekday, 0 = Sunday
    int minute;         // the digest time, minutes after midnight
    const char* period;
};

LocalTime local(const char* text) {
    const std::string s(text);
    const Date day = *parse_date(s.substr(0, 10));
    return LocalTime{day, std::stoi(s.substr(11, 2)), std::stoi(s.substr(14, 2)),
                     date::weekday{day}.c_encoding()};
}

TEST(DigestPeriod, IsTheLatestDigestTimeThatHasCome) {
    const PeriodCase cases[] = {
        // Monday 08:00, the default: 20 May 2024 is a Monday.
        {"2024-05-20 07:59", 1, 8 * 60, "2024-05-13"},  // not yet: last week's period
        {"2024-05-20 08:00", 1, 8 * 60, "2024-05-20"},
        {"2024-05-20 23:59", 1, 8 * 60, "2024-05-20"},
        {"2024-05-21 00:00", 1, 8 * 60, "2024-05-20"},  // late on Tuesday: still that period
        {"2024-05-26 23:59", 1, 8 * 60, "2024-05-20"},  // Sunday night
        {"2024-05-27 07:59", 1, 8 * 60, "2024-05-20"},
        // Friday 16:45.
        {"2024-05-23 12:00", 5, 16 * 60 + 45, "2024-05-17"},
        {"2024-05-24 16:44", 5, 16 * 60 + 45, "2024-05-17"},
        {"2024-05-24 16:45", 5, 16 * 60 + 45, "2024-05-24"},
        {"2024-05-25 09:00", 5, 16 * 60 + 45, "2024-05-24"},
        // Sunday at midnight: the day itself from its first minute.
        {"2024-05-26 00:00", 0, 0, "2024-05-26"},
        {"2024-05-25 23:59", 0, 0, "2024-05-19"},
    };
    for (const PeriodCase& c : cases) {
        EXPECT_EQ(format_date(digest_period(local(c.local), c.weekday, c.minute)), c.period)
            << c.local << " weekday " << c.weekday << " minute " << c.minute;
    }
}

}  // namespace
}  // namespace actiontrack::notify
