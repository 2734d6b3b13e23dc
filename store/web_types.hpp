#pragma once
// Value types of the Store methods the web API and its CLI commands use (issue 5): changing an
// action by hand, adding one, API tokens and dashboard sessions. Declared in store.hpp.

#include <cstdint>
#include <optional>
#include <string>

namespace actiontrack::store {

enum class ActionStatus;

// A change to one action. Each engaged field is applied; an engaged-but-empty inner optional
// clears the column (owner, due date, RAG override). `note` is appended to the history as a
// progress note and never overwrites an earlier one.
struct ActionChange {
    std::optional<ActionStatus> status;
    std::optional<std::optional<std::string>> owner;
    std::optional<std::optional<std::string>> due_date;      // ISO date
    std::optional<std::optional<std::string>> rag_override;  // "red", "amber" or "green"
    std::optional<std::string> note;
    // When set, the change is applied only if the action's version is still this one.
    std::optional<std::int64_t> expected_version;
};

enum class ChangeOutcome {
    changed,    // applied; `version` is the new version
    not_found,  // no action with that id
    conflict,   // expected_version did not match; `version` is the current one
};

struct ChangeReport {
    ChangeOutcome outcome = ChangeOutcome::changed;
    std::int64_t version = 0;
};

// An action that did not come from minutes (a meeting whose minutes never arrived, or a row of
// an imported spreadsheet). Its meeting is found by committee and date, or created.
struct ManualAction {
    std::string committee;                    // empty: a meeting of no named committee
    std::optional<std::string> meeting_date;  // ISO date
    std::string item;                         // minute number, may be empty
    std::string text;                         // required
    std::optional<std::string> owner;
    std::optional<std::string> due_date;  // ISO date
    std::optional<std::string> reference;  // kept when given (import); otherwise "MANUAL/<id>"
    std::optional<ActionStatus> status;    // default open
    std::optional<std::string> rag_override;
    std::optional<std::string> note;  // a first progress note
    // The resolution the action came from, as text (an imported tracker's column): stored as a
    // resolution of the meeting, referenced "<action reference>/R".
    std::optional<std::string> resolution_text;
};

struct TokenInfo {
    std::string name;
    std::string created_at;
    std::optional<std::string> revoked_at;
};

// The field name recorded in action_events.note for a progress note (kind "updated"):
// to_value holds the note's text.
inline constexpr const char* k_progress_note_field = "progress note";

}  // namespace actiontrack::store
