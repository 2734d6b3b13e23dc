#pragma once
// An iCalendar (RFC 5545) all-day VEVENT for an action's due date. Pure.

#include <chrono>
#include <string>

namespace actiontrack::notify {

struct CalendarEvent {
    std::string uid;   // stable per action: "action-42@example.org"
    int sequence = 0;  // rises each time the due date moves
    std::chrono::sys_days date{};
    std::string summary;  // any text; escaped
    std::string description;
    std::chrono::sys_seconds stamp{};  // DTSTAMP
};

// A VCALENDAR with one VEVENT, CRLF line ends, lines folded at 75 octets (never inside a
// UTF-8 character), TEXT values escaped.
std::string render_calendar(const CalendarEvent& event);

}  // namespace actiontrack::notify
