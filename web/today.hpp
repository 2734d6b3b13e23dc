#pragma once
// "Today" where the council is: the date in the configured IANA time zone (default
// Europe/London), which decides what is overdue, amber and due this week. UTC would be wrong
// for the first hour of every summer day.

#include <chrono>
#include <string>

#include "common/result.hpp"

namespace date {
class time_zone;
}

namespace actiontrack::web {

class Today {
  public:
    // Fails when `zone` is not in the system's time zone database (/usr/share/zoneinfo).
    static Result<Today> in_zone(const std::string& zone);

    // Today's date in the zone, e.g. "2026-11-26".
    std::string date() const { return date_at(std::chrono::system_clock::now()); }
    // The zone's date at `instant`.
    std::string date_at(std::chrono::system_clock::time_point instant) const;

  private:
    explicit Today(const date::time_zone* zone) : m_zone(zone) {}

    const date::time_zone* m_zone;  // owned by the date library's database, which never dies
};

}  // namespace actiontrack::web
