#pragma once
// The register as the officer's view reads it, through a Reader: actions with their effective
// RAG status and version, filtered and paginated by keyset cursors; one action's history; the
// dashboard's counts and its outstanding actions by committee. All SQL text is assembled from
// constant fragments; every value is bound.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "store/store.hpp"

namespace actiontrack::store {

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
    std::string sort = "due";           // due, -due, id, -id, updated, -updated
    int limit = 50;                     // 1..1000
    std::optional<std::string> cursor;  // from ActionPage::next_cursor
    std::string today;                  // ISO date, in the register's time zone
};

struct ActionPage {
    std::vector<ActionView> actions;
    std::optional<std::string> next_cursor;  // none on the last page
};

// One page of the actions matching `query`, in its sort order (ties by id), starting after its
// cursor. Following next_cursor visits every matching action exactly once, in order, even while
// actions are added. Fails with a message naming the bad parameter (sort, limit, cursor, a
// date, status, rag), or with a database error (whose message contains "SQLite").
Result<ActionPage> query_actions(Reader& reader, const ActionQuery& query);

// One action of a list page as the statement holds it, for writing it out without a copy. The
// views point into SQLite's row buffer: valid only during the call that receives the row.
struct ActionRowView {
    std::int64_t id = 0;
    std::string_view reference;
    std::int64_t meeting_id = 0;
    std::string_view committee;
    std::optional<std::string_view> meeting_date;
    std::string_view item;
    std::string_view text;
    std::optional<std::string_view> owner;
    std::optional<std::string_view> due_date;
    std::optional<std::string_view> due_text;
    std::string_view status;
    std::string_view rag;
    std::optional<std::string_view> rag_override;
    std::optional<std::int64_t> resolution_id;
    std::int64_t version = 1;
    std::string_view created_at;
    std::string_view updated_at;
};

// The same row viewed from an ActionView (which must outlive it), so one writer serves both.
ActionRowView row_view(const ActionView& action);

struct StreamedPage {
    // False when SQLite handed the rows out of the page's order: the caller must throw away
    // what it was given and ask query_actions(), which sorts. (Not seen in practice: the page
    // is read in index order.)
    bool in_order = true;
    std::optional<std::string> next_cursor;  // none on the last page
};

// query_actions() without building ActionViews: calls `on_row` for each action of the page,
// in order, at most `query.limit` times, straight from the statement's row. Fails like
// query_actions().
Result<StreamedPage> stream_actions(Reader& reader, const ActionQuery& query,
                                    const std::function<void(const ActionRowView&)>& on_row);

// One action; nullopt when there is none.
Result<std::optional<ActionView>> find_action(Reader& reader, std::int64_t id,
                                              const std::string& today);

// The date an action was closed (its last status event to done or dropped), if it is closed.
Result<std::optional<std::string>> closed_date(Reader& reader, std::int64_t id);
// The latest progress note's text, if any.
Result<std::optional<std::string>> latest_note(Reader& reader, std::int64_t id);
// The action's audit trail, oldest first; empty when there is no such action.
Result<std::vector<ActionEvent>> action_events(Reader& reader, std::int64_t id);

// The dashboard's summary, from the tallies the schema's triggers keep (never a table scan).
struct DashboardCounts {
    std::int64_t outstanding = 0;      // open or in progress
    std::int64_t overdue = 0;          // outstanding with a due date before today
    std::int64_t due_this_week = 0;    // outstanding, due today or in the next six days
    std::int64_t done_this_month = 0;  // done, last updated in today's month
};
Result<DashboardCounts> dashboard_counts(Reader& reader, const std::string& today);

// How many actions have each status, by status name; only statuses that have actions.
Result<std::vector<std::pair<std::string, std::int64_t>>> actions_by_status(Reader& reader);

// The outstanding actions of one committee, in due-date order (overdue first, undated last).
struct CommitteeActions {
    std::string committee;  // as one of its meetings spells it; "" for meetings naming none
    std::vector<ActionView> actions;
    bool more = false;  // the committee has more outstanding actions than were asked for
};
// For every committee with outstanding actions (by name, ignoring case), its first
// `per_committee` outstanding actions. Reads about per_committee rows per committee, however
// large the register.
Result<std::vector<CommitteeActions>> outstanding_by_committee(Reader& reader,
                                                               const std::string& today,
                                                               int per_committee);

// An action's effective RAG status, by the rule of action_reads.cpp's SQL (k_rag), for rows
// read without it: "complete" when done or dropped, else the override if there is one, else
// "red" when due before `today`, "amber" when due before `amber_before` (today + 14 days),
// otherwise (undated too) "green". Dates compare as SQLite compares text: byte by byte.
std::string_view effective_rag(std::string_view status,
                               std::optional<std::string_view> rag_override,
                               std::optional<std::string_view> due_date, std::string_view today,
                               std::string_view amber_before);

// `date` (ISO) plus `days`; `date` unchanged when it is not an ISO date.
std::string add_days(const std::string& date, int days);

}  // namespace actiontrack::store
