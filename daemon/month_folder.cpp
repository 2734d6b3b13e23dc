#include "daemon/month_folder.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/core.h>

#include <stdexcept>

namespace actiontrack::service {

Result<MonthFolder> MonthFolder::in_zone(const std::string& zone) {
    // UTC needs no database (and config_loader accepts it without one).
    if (zone.empty() || zone == "UTC" || zone == "Etc/UTC") return MonthFolder(nullptr);
    try {
        return MonthFolder(date::locate_zone(zone));
    } catch (const std::exception&) {
        return Error(fmt::format("unknown time zone '{}'", zone));
    }
}

std::string MonthFolder::at(std::chrono::system_clock::time_point when) const {
    const auto seconds = date::floor<std::chrono::seconds>(when);
    const date::year_month_day day =
        m_zone == nullptr
            ? date::year_month_day(date::floor<date::days>(seconds))
            : date::year_month_day(date::floor<date::days>(m_zone->to_local(seconds)));
    return fmt::format("{:04}/{:02}", static_cast<int>(day.year()),
                       static_cast<unsigned>(day.month()));
}

}  // namespace actiontrack::service
