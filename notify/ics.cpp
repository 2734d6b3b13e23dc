#include "notify/ics.hpp"

#include <date/date.h>
#include <fmt/core.h>

namespace actiontrack::notify {
namespace {

std::string escape_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') continue;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// RFC 5545 3.1: lines longer than 75 octets continue on lines starting with one space.
std::string fold(std::string_view line) {
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto byte = static_cast<unsigned char>(line[i]);
        const bool continuation = (byte & 0xc0) == 0x80;
        if (!continuation && width >= 74) {  // leave room so a multi-byte char never splits
            out += "\r\n ";
            width = 1;
        }
        out += line[i];
        ++width;
    }
    return out + "\r\n";
}

std::string ics_date(std::chrono::sys_days day) {
    const date::year_month_day ymd{day};
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace

std::string render_calendar(const CalendarEvent& event) {
    const auto day = date::floor<date::days>(event.stamp);
    const date::hh_mm_ss hms{event.stamp - day};
    std::string out;
    out +=
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//actiontrack//reminders//EN\r\n"
        "METHOD:PUBLISH\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n";
    out += fold("UID:" + escape_text(event.uid));
    out += fmt::format("SEQUENCE:{}\r\n", event.sequence);
    out += fmt::format("DTSTAMP:{}T{:02}{:02}{:02}Z\r\n", ics_date(day), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count());
    out += "DTSTART;VALUE=DATE:" + ics_date(event.date) + "\r\n";
    out += "DTEND;VALUE=DATE:" + ics_date(event.date + date::days{1}) + "\r\n";
    out += fold("SUMMARY:" + escape_text(event.summary));
    if (!event.description.empty()) out += fold("DESCRIPTION:" + escape_text(event.description));
    out += "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return out;
}

}  // namespace actiontrack::notify
