#include "daemon/extraction_table.hpp"

#include <fmt/core.h>

#include "daemon/table.hpp"

namespace actiontrack::cli {

namespace {

std::string or_dash(const std::optional<std::string>& text) {
    return text.value_or("-");
}

std::string or_dash(const std::optional<parsers::Date>& date) {
    return date ? parsers::iso_date(*date) : "-";
}

std::string or_dash(const std::string& text) {
    return text.empty() ? "-" : text;
}

// The ISO date when the document fixes one, with the phrase it came from; else the phrase.
std::string due_cell(const parsers::Action& action) {
    if (action.due && action.due_text) {
        return fmt::format("{} ({})", parsers::iso_date(*action.due), *action.due_text);
    }
    if (action.due) return parsers::iso_date(*action.due);
    return or_dash(action.due_text);
}

std::string meeting_facts(const parsers::MeetingFacts& meeting) {
    std::string out;
    auto line = [&](std::string_view label, const std::string& value) {
        out += fmt::format("{:<14}{}\n", label, value);
    };
    line("Committee", or_dash(meeting.committee));
    line("Date", or_dash(meeting.date));
    line("Time", or_dash(meeting.time));
    line("Venue", or_dash(meeting.venue));
    line("Contact", or_dash(meeting.contact));
    line("Next meeting", or_dash(meeting.next_meeting));
    return out;
}

std::string resolutions_table(const parsers::Extraction& extraction) {
    Table table({{"ITEM", 10}, {"KIND", 11}, {"TEXT", 76, Overflow::wrap}});
    for (const auto& resolution : extraction.resolutions) {
        std::string text = resolution.label.empty()
                               ? resolution.text
                               : fmt::format("{} {}", resolution.label, resolution.text);
        table.add_row({or_dash(resolution.item), std::string(parsers::to_string(resolution.kind)),
                       std::move(text)});
    }
    return table.render();
}

}  // namespace

std::string extraction_actions_table(const parsers::Extraction& extraction) {
    Table table({{"ITEM", 10},
                 {"OWNER", 24, Overflow::wrap},
                 {"DUE", 24, Overflow::wrap},
                 {"TEXT", 60, Overflow::wrap}});
    for (const auto& action : extraction.actions) {
        std::string text = action.derived ? fmt::format("{} [derived]", action.text) : action.text;
        table.add_row(
            {or_dash(action.item), or_dash(action.owner), due_cell(action), std::move(text)});
    }
    return table.render();
}

std::string extraction_table(const parsers::Extraction& extraction) {
    std::string out = meeting_facts(extraction.meeting);
    out += fmt::format("\nResolutions ({})\n", extraction.resolutions.size());
    if (!extraction.resolutions.empty()) out += resolutions_table(extraction);
    out += fmt::format("\nActions ({})\n", extraction.actions.size());
    if (!extraction.actions.empty()) out += extraction_actions_table(extraction);
    return out;
}

}  // namespace actiontrack::cli
