#include "store/action_reads.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>

#include "store/cursor.hpp"
#include "store/reader.hpp"

namespace actiontrack::store {
namespace {

// ?1 is today, ?2 is today + 14 days ("amber"); filters number their parameters from ?3.
constexpr std::string_view k_rag = R"sql(
    CASE WHEN a.status IN ('done', 'dropped') THEN 'complete'
         WHEN a.rag_override IS NOT NULL THEN a.rag_override
         WHEN a.due_date < ?1 THEN 'red'
         WHEN a.due_date < ?2 THEN 'amber'
         ELSE 'green' END)sql";

// The columns read_view expects, for the `a` (actions), `m` (meetings) and `r` (resolutions)
// of the query around it.
constexpr std::string_view k_view_columns = R"sql(
    SELECT a.id, a.reference, a.meeting_id, COALESCE(m.committee, ''), m.meeting_date, a.item,
           a.text, a.owner, a.due_date, a.due_text, a.status, {rag}, a.rag_override,
           a.resolution_id, r.text, a.version, a.created_at, a.updated_at)sql";

// A page of views: `{page}` yields (id, key) rows, at most a page of them, picked from actions
// by an index. Only those rows are joined to their meeting and resolution; joining first would
// build the whole view of every match just to throw most of it away. CROSS JOIN keeps SQLite
// from reordering: the page drives, each join is a primary-key lookup. There is no ORDER BY:
// SQLite would copy every row through a sorter to order what is already nearly in order, so
// read_page() puts the rows in order itself.
constexpr std::string_view k_page_of_views = R"sql({columns}, page.key
    FROM ({page}) AS page
    CROSS JOIN actions AS a ON a.id = page.id
    CROSS JOIN meetings AS m ON m.id = a.meeting_id
    LEFT JOIN resolutions AS r ON r.id = a.resolution_id
)sql";

// The sort key of the due-date order, spelled exactly as schema/0004_web_speed.sql's indexes
// spell it: SQLite uses an index on an expression only for the same expression.
constexpr std::string_view k_due_key = "COALESCE(a.due_date, '9999-12-31')";

ActionView read_view(Statement& s) {
    ActionView v;
    v.id = s.column_int64(0);
    v.reference = s.column_text(1);
    v.meeting_id = s.column_int64(2);
    v.committee = s.column_text(3);
    v.meeting_date = s.column_optional_text(4);
    v.item = s.column_text(5);
    v.text = s.column_text(6);
    v.owner = s.column_optional_text(7);
    v.due_date = s.column_optional_text(8);
    v.due_text = s.column_optional_text(9);
    v.status = s.column_text(10);
    v.rag = s.column_text(11);
    v.rag_override = s.column_optional_text(12);
    if (!s.is_null(13)) v.resolution_id = s.column_int64(13);
    v.resolution_text = s.column_optional_text(14);
    v.version = s.column_int64(15);
    v.created_at = s.column_text(16);
    v.updated_at = s.column_text(17);
    return v;
}
constexpr int k_key_column = 18;  // page.key, after the view's columns

struct KeyedView {
    std::string key;
    ActionView view;
};

// Every row of a k_page_of_views statement, in (key, id) order, ascending or descending.
Result<std::vector<KeyedView>> read_page(Statement& statement, bool descending) {
    std::vector<KeyedView> rows;
    rows.reserve(64);
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        rows.push_back(KeyedView{statement.column_text(k_key_column), read_view(statement)});
    }
    const auto in_order = [descending](const KeyedView& a, const KeyedView& b) {
        const int order = a.key.compare(b.key);
        const bool less = order < 0 || (order == 0 && a.view.id < b.view.id);
        const bool greater = order > 0 || (order == 0 && a.view.id > b.view.id);
        return descending ? greater : less;
    };
    // They nearly always arrive in order already (the page is read in index order).
    if (!std::is_sorted(rows.begin(), rows.end(), in_order)) {
        std::sort(rows.begin(), rows.end(), in_order);
    }
    return rows;
}

struct SortSpec {
    std::string_view name;
    std::string_view key;  // a text expression; ties broken by a.id in the same direction
    bool descending;
};

constexpr SortSpec k_sorts[] = {
    {"due", k_due_key, false},
    {"-due", k_due_key, true},
    {"id", "''", false},
    {"-id", "''", true},
    {"updated", "a.updated_at", false},
    {"-updated", "a.updated_at", true},
};

std::string view_columns() {
    return fmt::format(fmt::runtime(k_view_columns), fmt::arg("rag", k_rag));
}

bool is_iso_date(const std::string& text) {
    return parsers::parse_iso_date(text).has_value();
}

// Binds values in the order their "?N" placeholders were handed out.
struct Binder {
    std::vector<std::string> values;
    std::string next(std::string value) {
        values.push_back(std::move(value));
        return fmt::format("?{}", values.size() + 2);
    }
};

// FTS5 query syntax from user words: each word quoted (quotes doubled), so any input is a valid
// query meaning "all these words" and nothing in it can be an operator.
std::string fts_query(const std::string& q) {
    std::string out;
    std::size_t i = 0;
    while (i < q.size()) {
        while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
        std::size_t end = i;
        while (end < q.size() && q[end] != ' ' && q[end] != '\t') ++end;
        if (end > i) {
            if (!out.empty()) out += ' ';
            out += '"';
            for (std::size_t k = i; k < end; ++k) {
                if (q[k] == '"') out += '"';
                out += q[k];
            }
            out += '"';
        }
        i = end;
    }
    return out;
}

// Where a page's rows come from. Normally `actions AS a` alone, through one of its indexes.
// A committee's outstanding actions in due order come from outstanding_actions instead: its
// index starts with the committee, so the page is a range scan however large the register,
// where actions (which know their committee only through their meeting) would have to read
// and sort every action of the committee's meetings.
struct Source {
    std::string_view from;
    std::string_view key;  // the sort key
    std::string_view id;   // the tie-break
    bool committee_indexed;
};

Source source_for(const ActionQuery& query, const SortSpec& sort) {
    const bool outstanding_only =
        query.status && (*query.status == "outstanding" || *query.status == "open" ||
                         *query.status == "in_progress");
    if (query.committee && outstanding_only && sort.key == k_due_key) {
        return {"outstanding_actions AS o CROSS JOIN actions AS a ON a.id = o.action_id",
                "o.due_key", "o.action_id", true};
    }
    return {"actions AS a", sort.key, "a.id", false};
}

// The WHERE clause of a query's filters (everything but the cursor), on `a` (actions) and,
// where the source has it, `o` (outstanding_actions).
Result<std::string> filter_clause(const ActionQuery& query, const Source& source, Binder& bind) {
    std::string where = "WHERE 1";
    if (query.status) {
        if (*query.status == "outstanding") {
            // Spelled as schema/0004_web_speed.sql's partial index is, so SQLite can use it.
            where += " AND a.status IN ('open', 'in_progress')";
        } else if (parse_action_status(*query.status)) {
            where += " AND a.status = " + bind.next(*query.status);
        } else {
            return Error(
                fmt::format("status must be open, in_progress, done, dropped or "
                            "outstanding; not '{}'",
                            *query.status));
        }
    }
    if (query.owner) where += " AND a.owner = " + bind.next(*query.owner);
    if (query.committee && source.committee_indexed) {
        // outstanding_actions.committee is declared COLLATE NOCASE.
        where += " AND o.committee = " + bind.next(*query.committee);
    } else if (query.committee) {
        where += " AND a.meeting_id IN (SELECT id FROM meetings WHERE committee = " +
                 bind.next(*query.committee) + " COLLATE NOCASE)";
    }
    if (query.overdue) where += " AND a.due_date < ?1 AND a.status IN ('open', 'in_progress')";
    for (const auto& [name, value, op] :
         {std::tuple{"due_before", query.due_before, "<"}, {"due_after", query.due_after, ">"}}) {
        if (!value) continue;
        if (!is_iso_date(*value)) {
            return Error(
                fmt::format("{} must be an ISO date (YYYY-MM-DD), not '{}'", name, *value));
        }
        where += fmt::format(" AND a.due_date {} {}", op, bind.next(*value));
    }
    if (query.rag) {
        if (*query.rag != "red" && *query.rag != "amber" && *query.rag != "green" &&
            *query.rag != "complete") {
            return Error(
                fmt::format("rag must be red, amber, green or complete; not '{}'", *query.rag));
        }
        where += fmt::format(" AND {} = {}", k_rag, bind.next(*query.rag));
    }
    if (query.q) {
        const std::string match = fts_query(*query.q);
        if (!match.empty()) {
            where += " AND a.id IN (SELECT rowid FROM action_search WHERE action_search MATCH " +
                     bind.next(match) + ")";
        }
    }
    if (query.meeting_id) {
        where += " AND a.meeting_id = CAST(" + bind.next(std::to_string(*query.meeting_id)) +
                 " AS INTEGER)";
    }
    return where;
}

Result<Lease> bind_dates(Reader& reader, const std::string& sql, const std::string& today) {
    TRY_ASSIGN(statement, reader.statement(sql));
    // The list's own columns use neither date (stream_actions works the RAG out in C++), so
    // its SQL has them only when a filter (overdue, rag) asks; binding an absent one fails.
    const int parameters = statement->parameter_count();
    if (parameters >= 1) statement->bind(1, today);
    if (parameters >= 2) statement->bind(2, add_days(today, 14));
    return statement;
}

}  // namespace

std::string_view effective_rag(std::string_view status,
                               std::optional<std::string_view> rag_override,
                               std::optional<std::string_view> due_date, std::string_view today,
                               std::string_view amber_before) {
    if (status == "done" || status == "dropped") return "complete";
    if (rag_override) return *rag_override;
    if (due_date && *due_date < today) return "red";
    if (due_date && *due_date < amber_before) return "amber";
    return "green";
}

std::string add_days(const std::string& date, int days) {
    const auto parsed = parsers::parse_iso_date(date);
    if (!parsed) return date;
    return parsers::iso_date(
        std::chrono::year_month_day{std::chrono::sys_days(*parsed) + std::chrono::days(days)});
}

namespace {

// A list page's SQL, and the values of its placeholders from ?3 on.
struct PageStatement {
    std::string sql;
    std::vector<std::string> values;
    const SortSpec* sort = nullptr;
};

// Whether schema/0008's actions_owner_list holds every row of `query`'s page, in order, with all
// the columns k_row_columns reads: one officer's actions of one status in due-date order (an
// officer's own list). Such a page is one range scan of that index; nothing else is read.
bool owner_list_serves(const ActionQuery& query, const Source& source, const SortSpec& sort) {
    return query.owner && query.status && parse_action_status(*query.status) &&
           sort.key == k_due_key && !source.committee_indexed;
}

// Validates `query` and assembles its page of rows, each with the `columns` (a SELECT and its
// column list) from a query shaped like `shape` (k_page_of_views or k_page_of_rows). With
// `covering_columns`, a page that actions_owner_list serves (owner_list_serves) is read from
// that index alone instead, with those columns and its key after them.
Result<PageStatement> page_statement(const ActionQuery& query, std::string_view shape,
                                     const std::string& columns,
                                     const std::string* covering_columns = nullptr) {
    const SortSpec* sort = nullptr;
    for (const SortSpec& spec : k_sorts) {
        if (spec.name == query.sort) sort = &spec;
    }
    if (sort == nullptr) {
        return Error(
            fmt::format("sort must be one of due, -due, id, -id, updated, -updated; "
                        "not '{}'",
                        query.sort));
    }
    if (query.limit < 1 || query.limit > 1000) return Error("limit must be from 1 to 1000");

    const Source source = source_for(query, *sort);
    Binder bind;
    TRY_ASSIGN(where, filter_clause(query, source, bind));
    const char* direction = sort->descending ? "DESC" : "ASC";
    if (query.cursor) {
        auto cursor = decode_cursor(*query.cursor);
        if (!cursor) return Error("cursor is not one this server handed out");
        // "After (key, id)" as a range on the key plus a tie-break on the id: the first term
        // is what lets SQLite start the index scan at the cursor instead of at the beginning.
        const char* op = sort->descending ? "<" : ">";
        const char* op_or_equal = sort->descending ? "<=" : ">=";
        const std::string key = bind.next(cursor->key);
        const std::string id = bind.next(std::to_string(cursor->id));
        where += fmt::format(" AND {0} {1} {2} AND ({0} {3} {2} OR {5} {3} CAST({4} AS INTEGER))",
                             source.key, op_or_equal, key, op, id, source.id);
    }
    PageStatement out;
    out.values = std::move(bind.values);
    out.sort = sort;
    if (covering_columns != nullptr && owner_list_serves(query, source, *sort)) {
        // INDEXED BY pins the plan: without statistics for this index (a register analysed
        // before 0008), SQLite may prefer one that leaves every row to a table lookup.
        out.sql = fmt::format(
            "{0}, {1} AS key FROM actions AS a INDEXED BY actions_owner_list {2} "
            "ORDER BY {1} {3}, a.id {3} LIMIT {4}",
            *covering_columns, source.key, where, direction, query.limit + 1);
        return out;
    }
    // The page picks ids by an index without joining anything else (the filters only read
    // actions' own columns); one row more than the limit tells whether there is a next page.
    const std::string page = fmt::format(
        "SELECT a.id AS id, {0} AS key FROM {1} {2} ORDER BY {0} {3}, {4} {3} LIMIT {5}",
        source.key, source.from, where, direction, source.id, query.limit + 1);
    out.sql = fmt::format(fmt::runtime(shape), fmt::arg("columns", columns),
                          fmt::arg("page", page));
    return out;
}

// The list's columns, read by stream_actions: the view's without the resolution's text, which
// the list does not show (and whose join would cost a lookup per row), and without the
// meeting's, which come from the Reader's MeetingCache (a join would cost another).
// The RAG is not among them: effective_rag() works it out from the row, cheaper than a CASE
// per row in SQLite.
constexpr std::string_view k_row_columns = R"sql(
    SELECT a.id, a.reference, a.meeting_id, a.item, a.text, a.owner, a.due_date, a.due_text,
           a.status, a.rag_override, a.resolution_id, a.version, a.created_at, a.updated_at)sql";
constexpr int k_row_key_column = 14;

// k_page_of_views without the meeting and the resolution.
constexpr std::string_view k_page_of_rows = R"sql({columns}, page.key
    FROM ({page}) AS page
    CROSS JOIN actions AS a ON a.id = page.id
)sql";

// The row's own columns; the caller adds its meeting's and its RAG.
ActionRowView read_row(const Statement& s) {
    ActionRowView v;
    v.id = s.column_int64(0);
    v.reference = s.column_view(1);
    v.meeting_id = s.column_int64(2);
    v.item = s.column_view(3);
    v.text = s.column_view(4);
    v.owner = s.column_optional_view(5);
    v.due_date = s.column_optional_view(6);
    v.due_text = s.column_optional_view(7);
    v.status = s.column_view(8);
    v.rag_override = s.column_optional_view(9);
    if (!s.is_null(10)) v.resolution_id = s.column_int64(10);
    v.version = s.column_int64(11);
    v.created_at = s.column_view(12);
    v.updated_at = s.column_view(13);
    return v;
}

template <class T>
std::optional<std::string_view> view_of(const std::optional<T>& text) {
    if (!text) return std::nullopt;
    return std::string_view(*text);
}

}  // namespace

ActionRowView row_view(const ActionView& a) {
    return ActionRowView{a.id,          a.reference,         a.meeting_id,
                         a.committee,   view_of(a.meeting_date), a.item,
                         a.text,        view_of(a.owner),    view_of(a.due_date),
                         view_of(a.due_text), a.status,      a.rag,
                         view_of(a.rag_override), a.resolution_id, a.version,
                         a.created_at,  a.updated_at};
}

Result<ActionPage> query_actions(Reader& reader, const ActionQuery& query) {
    static const std::string columns = view_columns();
    TRY_ASSIGN(page, page_statement(query, k_page_of_views, columns));
    TRY_ASSIGN(statement, bind_dates(reader, page.sql, query.today));
    for (std::size_t i = 0; i < page.values.size(); ++i) {
        statement->bind(static_cast<int>(i) + 3, page.values[i]);
    }
    TRY_ASSIGN(rows, read_page(*statement, page.sort->descending));
    ActionPage result;
    const auto limit = static_cast<std::size_t>(query.limit);
    if (rows.size() > limit) {
        rows.resize(limit);
        result.next_cursor = encode_cursor(Cursor{rows.back().key, rows.back().view.id});
    }
    result.actions.reserve(rows.size());
    for (KeyedView& row : rows) result.actions.push_back(std::move(row.view));
    return result;
}

Result<StreamedPage> stream_actions(Reader& reader, const ActionQuery& query,
                                    const std::function<void(const ActionRowView&)>& on_row) {
    static const std::string columns(k_row_columns);
    TRY_ASSIGN(page, page_statement(query, k_page_of_rows, columns, &columns));
    TRY_ASSIGN(statement, bind_dates(reader, page.sql, query.today));
    const std::string amber_before = add_days(query.today, 14);
    for (std::size_t i = 0; i < page.values.size(); ++i) {
        statement->bind(static_cast<int>(i) + 3, page.values[i]);
    }
    const bool descending = page.sort->descending;
    StreamedPage result;
    // The previous row's key and id, to check the order as the rows go by (read_page sorts
    // what it has; rows already handed on cannot be).
    std::string previous_key;
    std::int64_t previous_id = 0;
    int count = 0;
    while (true) {
        TRY_ASSIGN(has_row, statement->step());
        if (!has_row) break;
        const std::string_view key = statement->column_view(k_row_key_column);
        const std::int64_t id = statement->column_int64(0);
        if (count > 0) {
            const int order = key.compare(previous_key);
            const bool after = descending ? (order < 0 || (order == 0 && id < previous_id))
                                          : (order > 0 || (order == 0 && id > previous_id));
            if (!after) return StreamedPage{false, std::nullopt};
        }
        if (count == query.limit) {
            // The row past the page: there is a next page, which starts after the last row.
            result.next_cursor = encode_cursor(Cursor{previous_key, previous_id});
            break;
        }
        // The first step opened the page's read transaction: the cache is checked in it.
        if (count == 0) TRY(reader.meetings().revalidate(reader));
        ActionRowView row = read_row(*statement);
        TRY_ASSIGN(meeting, reader.meetings().find(reader, row.meeting_id));
        row.committee = meeting->committee;
        if (meeting->meeting_date) row.meeting_date = *meeting->meeting_date;
        row.rag =
            effective_rag(row.status, row.rag_override, row.due_date, query.today, amber_before);
        on_row(row);
        previous_key.assign(statement->column_view(k_row_key_column));
        previous_id = id;
        ++count;
    }
    return result;
}

Result<std::optional<ActionView>> find_action(Reader& reader, std::int64_t id,
                                              const std::string& today) {
    static const std::string sql = view_columns() + R"sql(
        FROM actions AS a
        JOIN meetings AS m ON m.id = a.meeting_id
        LEFT JOIN resolutions AS r ON r.id = a.resolution_id
        WHERE a.id = ?3
    )sql";
    TRY_ASSIGN(statement, bind_dates(reader, sql, today));
    statement->bind(3, id);
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return std::optional<ActionView>();
    return std::optional<ActionView>(read_view(*statement));
}

Result<std::optional<std::string>> closed_date(Reader& reader, std::int64_t id) {
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT substr(e.at, 1, 10) FROM action_events AS e JOIN actions AS a ON a.id = e.action_id
        WHERE e.action_id = ? AND a.status IN ('done', 'dropped')
          AND e.kind IN ('status', 'created') AND e.to_value IN ('done', 'dropped')
        ORDER BY e.id DESC LIMIT 1
    )sql"));
    statement->bind(1, id);
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return std::optional<std::string>();
    return std::optional<std::string>(statement->column_text(0));
}

Result<std::optional<std::string>> latest_note(Reader& reader, std::int64_t id) {
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT to_value FROM action_events
        WHERE action_id = ? AND kind = 'updated' AND note = ?
        ORDER BY id DESC LIMIT 1
    )sql"));
    statement->bind(1, id).bind(2, k_progress_note_field);
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return std::optional<std::string>();
    return statement->column_optional_text(0);
}

Result<std::vector<ActionEvent>> action_events(Reader& reader, std::int64_t id) {
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT id, at, who, kind, from_value, to_value, note
        FROM action_events WHERE action_id = ? ORDER BY id
    )sql"));
    statement->bind(1, id);
    std::vector<ActionEvent> events;
    while (true) {
        TRY_ASSIGN(has_row, statement->step());
        if (!has_row) break;
        events.push_back(ActionEvent{
            .id = statement->column_int64(0),
            .at = statement->column_text(1),
            .who = statement->column_text(2),
            .kind = statement->column_text(3),
            .from_value = statement->column_optional_text(4),
            .to_value = statement->column_optional_text(5),
            .note = statement->column_text(6),
        });
    }
    return events;
}

Result<DashboardCounts> dashboard_counts(Reader& reader, const std::string& today) {
    // action_tallies has one row per (status, due date) for outstanding actions and one per
    // (status, month) for closed ones: a few hundred rows, whatever the number of actions.
    // Each figure is a range of its primary key, so each sum reads only its own rows.
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT (SELECT COALESCE(SUM(n), 0) FROM action_tallies
                WHERE status IN ('open', 'in_progress')),
               (SELECT COALESCE(SUM(n), 0) FROM action_tallies
                WHERE status IN ('open', 'in_progress') AND due_date > '' AND due_date < ?1),
               (SELECT COALESCE(SUM(n), 0) FROM action_tallies
                WHERE status IN ('open', 'in_progress') AND due_date >= ?1 AND due_date < ?2),
               (SELECT COALESCE(SUM(n), 0) FROM action_tallies
                WHERE status = 'done' AND due_date = '' AND month = substr(?1, 1, 7))
    )sql"));
    statement->bind(1, today).bind(2, add_days(today, 7));
    TRY_ASSIGN(has_row, statement->step());
    DashboardCounts counts;
    if (has_row) {
        counts.outstanding = statement->column_int64(0);
        counts.overdue = statement->column_int64(1);
        counts.due_this_week = statement->column_int64(2);
        counts.done_this_month = statement->column_int64(3);
    }
    return counts;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> actions_by_status(Reader& reader) {
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT status, SUM(n) FROM action_tallies
        GROUP BY status HAVING SUM(n) > 0 ORDER BY status
    )sql"));
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (true) {
        TRY_ASSIGN(has_row, statement->step());
        if (!has_row) break;
        counts.emplace_back(statement->column_text(0), statement->column_int64(1));
    }
    return counts;
}

Result<std::vector<CommitteeActions>> outstanding_by_committee(Reader& reader,
                                                               const std::string& today,
                                                               int per_committee) {
    // The committees, one index probe each (a "skip scan" of outstanding_actions_committee):
    // each step finds the least name after the previous one.
    std::vector<std::string> committees;
    {
        TRY_ASSIGN(names, reader.statement(R"sql(
            WITH RECURSIVE c (name) AS (
                SELECT MIN(committee) FROM outstanding_actions
                UNION ALL
                SELECT (SELECT MIN(committee) FROM outstanding_actions WHERE committee > c.name)
                FROM c WHERE c.name IS NOT NULL
            )
            SELECT name FROM c WHERE name IS NOT NULL
        )sql"));
        while (true) {
            TRY_ASSIGN(has_row, names->step());
            if (!has_row) break;
            committees.push_back(names->column_text(0));
        }
    }
    // Then each committee's first rows in due order, straight from the same index.
    static const std::string sql = fmt::format(
        fmt::runtime(k_page_of_views), fmt::arg("columns", view_columns()),
        fmt::arg("page",
                 "SELECT o.action_id AS id, o.due_key AS key FROM outstanding_actions "
                 "AS o WHERE o.committee = ?3 ORDER BY o.due_key, o.action_id LIMIT ?4"));
    std::vector<CommitteeActions> out;
    for (std::string& committee : committees) {
        TRY_ASSIGN(statement, bind_dates(reader, sql, today));
        statement->bind(3, committee).bind(4, per_committee + 1);
        TRY_ASSIGN(rows, read_page(*statement, false));
        CommitteeActions group{std::move(committee), {}, false};
        group.more = rows.size() > static_cast<std::size_t>(per_committee);
        if (group.more) rows.resize(static_cast<std::size_t>(per_committee));
        for (KeyedView& row : rows) group.actions.push_back(std::move(row.view));
        out.push_back(std::move(group));
    }
    return out;
}

}  // namespace actiontrack::store
