// /calendar.ics: one all-day VEVENT per outstanding action with a due date (RFC 5545), filtered
// like /api/actions (owner, committee...) so each officer can subscribe to their own.

#include <fmt/core.h>

#include "store/action_reads.hpp"
#include "store/reader.hpp"
#include "web/context.hpp"
#include "web/filters.hpp"

namespace actiontrack::web {
namespace {

// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma; line breaks as \n.
std::string ics_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

// Folds a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence; CRLF.
void line(std::string& out, std::string_view content) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < content.size()) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(content[i]);
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        length = std::min(length, content.size() - i);
        if (width + length > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(content.substr(i, length));
        width += length;
        i += length;
    }
    out += "\r\n";
}

std::string compact_date(std::string_view iso) {
    std::string out;
    for (const char c : iso) {
        if (c != '-') out += c;
    }
    return out;
}

// "2026-11-26T20:31:00Z" → "20261126T203100Z".
std::string compact_timestamp(std::string_view iso) {
    std::string out;
    for (const char c : iso) {
        if (c != '-' && c != ':') out += c;
    }
    return out;
}

}  // namespace

Response export_calendar(Context& context) {
    auto query = action_query_from(context.params, context.today);
    if (!query) return json_error(400, "bad parameter", query.error().message());
    if (!query->status) query->status = "outstanding";
    query->limit = 1000;
    query->cursor.reset();
    const std::string host = context.settings.public_url.empty()
                                 ? std::string("actiontrack.invalid")
                                 : context.settings.public_url;
    std::string domain = host;
    if (const auto scheme = domain.find("://"); scheme != std::string::npos) {
        domain = domain.substr(scheme + 3);
    }
    domain = domain.substr(0, domain.find('/'));

    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//actiontrack//register of actions//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:Actions due");
    while (true) {
        auto page = store::query_actions(context.reader, *query);
        if (!page) return json_error(400, "bad parameter", page.error().message());
        for (const store::ActionView& a : page->actions) {
            if (!a.due_date) continue;
            line(out, "BEGIN:VEVENT");
            line(out, fmt::format("UID:action-{}@{}", a.id, domain));
            line(out, "DTSTAMP:" + compact_timestamp(a.updated_at));
            line(out, "DTSTART;VALUE=DATE:" + compact_date(*a.due_date));
            line(out, "DTEND;VALUE=DATE:" + compact_date(store::add_days(*a.due_date, 1)));
            line(out, "SUMMARY:" + ics_text(a.reference + ": " + a.text));
            line(out, "DESCRIPTION:" +
                          ics_text(fmt::format("Owner: {}\nCommittee: {}\nStatus: {}",
                                               a.owner.value_or("not named"), a.committee,
                                               a.status)));
            if (!context.settings.public_url.empty()) {
                line(out, fmt::format("URL:{}/actions/{}", context.settings.public_url, a.id));
            }
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        if (!page->next_cursor) break;
        query->cursor = page->next_cursor;
    }
    line(out, "END:VCALENDAR");
    Response response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = std::move(out);
    return response;
}

}  // namespace actiontrack::web
