#include "notify/time_text.hpp"

#include <date/date.h>
#include <fmt/core.h>

#include <charconv>

namespace actiontrack::notify {
namespace {

std::optional<int> number(std::string_view text, std::size_t at, std::size_t length) {
    if (at + length > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::string format_instant(std::chrono::sys_seconds time) {
    const auto day = date::floor<date::days>(time);
    const date::hh_mm_ss hms{time - day};
    return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(day), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count());
}

std::string format_date(std::chrono::sys_days day) {
    const date::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<std::chrono::sys_days> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = number(text, 0, 4);
    const auto m = number(text, 5, 2);
    const auto d = number(text, 8, 2);
    if (!y || !m || !d) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month(static_cast<unsigned>(*m)),
                                   date::day(static_cast<unsigned>(*d))};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{date::sys_days{ymd}.time_since_epoch()};
}

std::optional<std::chrono::sys_seconds> parse_instant(std::string_view text) {
    if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
    const auto day = parse_date(text.substr(0, 10));
    const auto h = number(text, 11, 2);
    const auto mi = number(text, 14, 2);
    const auto s = number(text, 17, 2);
    if (!day || !h || !mi || !s || text[13] != ':' || text[16] != ':') return std::nullopt;
    if (*h > 23 || *mi > 59 || *s > 60) return std::nullopt;
    const std::string_view rest = text.substr(19);
    if (!rest.empty() && rest != "Z") return std::nullopt;
    return std::chrono::sys_seconds{*day} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
           std::chrono::seconds{*s};
}

}  // namespace actiontrack::notify
