#pragma once
// Which processed/YYYY/MM/ folder a stored file goes to: the year and month of the moment it
// was stored, in the configured time zone (`time_zone`, default Europe/London), not in the
// machine's local zone (which under systemd is usually UTC, and can be anything elsewhere).

#include <chrono>
#include <string>

#include "common/result.hpp"

namespace date {
class time_zone;
}

namespace actiontrack::service {

class MonthFolder final {
  public:
    // Looks `zone` (an IANA name such as "Europe/London", or "UTC") up in the system's time zone
    // database (/usr/share/zoneinfo). Fails with "unknown time zone 'NAME'" when it is not there.
    static Result<MonthFolder> in_zone(const std::string& zone);

    // "2024/04": the year and month `when` falls in, in the zone.
    std::string at(std::chrono::system_clock::time_point when) const;

  private:
    explicit MonthFolder(const date::time_zone* zone) : m_zone(zone) {}

    const date::time_zone* m_zone;  // null means UTC; otherwise owned by the date library
};

}  // namespace actiontrack::service
