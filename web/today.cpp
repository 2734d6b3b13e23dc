#include "web/today.hpp"

#include <date/tz.h>

#include <stdexcept>

#include "parsers/extraction.hpp"

namespace actiontrack::web {

Result<Today> Today::in_zone(const std::string& zone) {
    // The date library reports an unknown zone by throwing; here that is an expected failure.
    try {
        return Today(date::locate_zone(zone));
    } catch (const std::runtime_error& e) {
        return Error("unknown time zone '" + zone + "': " + e.what());
    }
}

std::string Today::date_at(std::chrono::system_clock::time_point instant) const {
    const auto local = m_zone->to_local(instant);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    return parsers::iso_date(
        std::chrono::year_month_day{std::chrono::sys_days(day.time_since_epoch())});
}

}  // namespace actiontrack::web
