#pragma once
// The document model every format adapter and every later layer shares: what one minutes
// document says about its meeting, its items, its resolutions and its follow-up actions.
// Plain structs; no behaviour beyond trivial helpers. See docs/ARCHITECTURE.md.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

using Date = std::chrono::year_month_day;

// "2021-09-21".
std::string iso_date(Date date);
// Parses "YYYY-MM-DD"; nullopt when the text is not exactly a valid ISO date.
std::optional<Date> parse_iso_date(std::string_view text);

// How precisely a due date is known: "by 30 June" (day), "March 2023" (month, stored as the
// month's last day), "Q3" (quarter, stored as the quarter's last day).
enum class DateGrain { day, month, quarter };
std::string_view to_string(DateGrain grain);

struct MeetingFacts {
    std::optional<std::string> committee;  // as written, e.g. "Planning Committee"
    std::optional<Date> date;              // the meeting's own date, never a previous one
    std::optional<std::string> time;       // 24-hour "16:00"
    std::optional<std::string> venue;
    std::optional<std::string> contact;
    std::optional<Date> next_meeting;  // only when stated for this committee
};

struct Item {
    std::string number;            // "21/44", "4", "22/3"; empty when unknown
    bool number_inferred = false;  // true when deduced from neighbouring items
    std::string title;             // empty when the text gives none
};

enum class ResolutionKind { agreed, resolved, noted, recommended };
std::string_view to_string(ResolutionKind kind);

struct Resolution {
    std::string item;  // number of the item it belongs to; empty when unknown
    ResolutionKind kind = ResolutionKind::resolved;
    std::string label;        // sub-resolution label as printed: "(a)", "2.", "1)"; or empty
    std::string text;         // verbatim text after the keyword (whitespace collapsed); "" if bare
    std::size_t offset = 0;   // byte offset of the keyword in the normalised text
    std::optional<int> page{};  // 1-based page it starts on, for paged formats (PDF)
};

struct Action {
    std::string item;
    std::string text;                    // the task, as written
    std::optional<std::string> owner;    // role, person or body as written; never guessed
    std::optional<std::string> due_text; // the due phrase as written ("in due course")
    std::optional<Date> due;             // only when the document fixes it
    DateGrain due_grain = DateGrain::day;
    bool derived = false;                // added by rule, not read in the text
    std::optional<std::size_t> resolution;  // index into Extraction::resolutions when from one
    std::size_t offset = 0;              // byte offset in the normalised text
    std::optional<int> page{};           // 1-based page, for paged formats (PDF)
};

struct Extraction {
    MeetingFacts meeting;
    std::vector<Item> items;
    std::vector<Resolution> resolutions;
    std::vector<Action> actions;
    // Things a user should know but that did not stop extraction, e.g. an encoding fallback.
    std::vector<std::string> warnings;
};

}  // namespace actiontrack::parsers
