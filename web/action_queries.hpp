#pragma once
// The register as the web view reads it: actions with their effective RAG status and version,
// filtered and paginated by keyset cursors. All SQL text is assembled from constant fragments;
// every value is bound.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace actiontrack::web {

class Reader;

struct ActionView {
    std::int64_t id = 0;
    std::string reference;
    std::int64_t meeting_id = 0;
    std::string committee;
    std::optional<std::string> meeting_date;
    std::string item;
    std::string text;
    std::optional<std::string> owner;
    std::optional<std::string> due_date;
    std::optional<std::string> due_text;
    std::string status;
    std::string rag;  // effective: the override, else complete/red/amber/green from the dates
    std::optional<std::string> rag_override;
    std::optional<std::int64_t> resolution_id;
    std::optional<std::string> resolution_text;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
};

// Every field optional; `today` is required (the RAG and "overdue" are relative to it).
struct ActionQuery {
    std::optional<std::string> status;     // open, in_progress, done, dropped, or "outstanding"
    std::optional<std::string> owner;      // exact
    std::optional<std::string> committee;  // exact, ignoring ASCII case
    bool overdue = false;
    std::optional<std::string> due_before;  // exclusive ISO date
    std::optional<std::string> due_after;   // exclusive ISO date
    std::optional<std::string> rag;         // red, amber, green, complete
    std::optional<std::string> q;           // full-text words, all must match
    std::optional<std::int64_t> meeting_id;
    std::string sort = "due";               // due, -due, id, -id, updated, -updated
    int limit = 50;                         // 1..1000
    std::optional<std::string> cursor;      // from ActionPage::next_cursor
    std::string today;                      // ISO date
};

struct ActionPage {
    std::vector<ActionView> actions;
    std::optional<std::string> next_cursor;  // none on the last page
};

// Fails with a message naming the bad parameter (sort, cursor, a date, status, rag).
Result<ActionPage> query_actions(Reader& reader, const ActionQuery& query);

// One action; nullopt when there is none.
Result<std::optional<ActionView>> find_action(Reader& reader, std::int64_t id,
                                              const std::string& today);

// The date an action was closed (its last status event to done or dropped), if it is closed.
Result<std::optional<std::string>> closed_date(Reader& reader, std::int64_t id);
// The latest progress note's text, if any.
Result<std::optional<std::string>> latest_note(Reader& reader, std::int64_t id);

Result<std::vector<store::ActionEvent>> action_events(Reader& reader, std::int64_t id);

// `today` plus `days`, as an ISO date.
std::string add_days(const std::string& today, int days);
// Today's date in UTC.
std::string utc_today();

}  // namespace actiontrack::web
