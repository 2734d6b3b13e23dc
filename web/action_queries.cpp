#include "web/action_queries.hpp"

#include <fmt/core.h>

#include <chrono>

#include "web/cursor.hpp"
#include "web/reader.hpp"

namespace actiontrack::web {
namespace {

// ?1 is today, ?2 is today + 14 days ("amber"); filters number their parameters from ?3.
constexpr std::string_view k_rag = R"sql(
    CASE WHEN a.status IN ('done', 'dropped') THEN 'complete'
         WHEN a.rag_override IS NOT NULL THEN a.rag_override
         WHEN a.due_date < ?1 THEN 'red'
         WHEN a.due_date < ?2 THEN 'amber'
         ELSE 'green' END)sql";

constexpr std::string_view k_columns = R"sql(
    SELECT a.id, a.reference, a.meeting_id, COALESCE(m.committee, ''), m.meeting_date, a.item,
           a.text, a.owner, a.due_date, a.due_text, a.status, {rag}, a.rag_override,
           a.resolution_id, r.text, a.version, a.created_at, a.updated_at, {key}
    FROM actions AS a
    JOIN meetings AS m ON m.id = a.meeting_id
    LEFT JOIN resolutions AS r ON r.id = a.resolution_id
)sql";

ActionView read_view(store::Statement& s) {
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

struct SortSpec {
    std::string_view name;
    std::string_view key;  // a text expression; ties broken by a.id in the same direction
    bool descending;
};

constexpr SortSpec k_sorts[] = {
    {"due", "COALESCE(a.due_date, '9999-12-31')", false},
    {"-due", "COALESCE(a.due_date, '9999-12-31')", true},
    {"id", "''", false},
    {"-id", "''", true},
    {"updated", "a.updated_at", false},
    {"-updated", "a.updated_at", true},
};

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

}  // namespace

std::string utc_today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return parsers::iso_date(std::chrono::year_month_day{now});
}

std::string add_days(const std::string& today, int days) {
    const auto date = parsers::parse_iso_date(today);
    if (!date) return today;
    return parsers::iso_date(
        std::chrono::year_month_day{std::chrono::sys_days(*date) + std::chrono::days(days)});
}

Result<ActionPage> query_actions(Reader& reader, const ActionQuery& query) {
    const SortSpec* sort = nullptr;
    for (const SortSpec& spec : k_sorts) {
        if (spec.name == query.sort) sort = &spec;
    }
    if (sort == nullptr) {
        return Error(fmt::format("sort must be one of due, -due, id, -id, updated, -updated; "
                                 "not '{}'", query.sort));
    }
    if (query.limit < 1 || query.limit > 1000) return Error("limit must be from 1 to 1000");

    Binder bind;
    std::string where = "WHERE 1";
    if (query.status) {
        if (*query.status == "outstanding") {
            where += " AND a.status IN ('open', 'in_progress')";
        } else if (store::parse_action_status(*query.status)) {
            where += " AND a.status = " + bind.next(*query.status);
        } else {
            return Error(fmt::format("status must be open, in_progress, done, dropped or "
                                     "outstanding; not '{}'", *query.status));
        }
    }
    if (query.owner) where += " AND a.owner = " + bind.next(*query.owner);
    if (query.committee) {
        where += " AND m.committee = " + bind.next(*query.committee) + " COLLATE NOCASE";
    }
    if (query.overdue) where += " AND a.due_date < ?1 AND a.status IN ('open', 'in_progress')";
    for (const auto& [name, value, op] :
         {std::tuple{"due_before", query.due_before, "<"}, {"due_after", query.due_after, ">"}}) {
        if (!value) continue;
        if (!is_iso_date(*value)) {
            return Error(fmt::format("{} must be an ISO date (YYYY-MM-DD), not '{}'", name, *value));
        }
        where += fmt::format(" AND a.due_date {} {}", op, bind.next(*value));
    }
    if (query.rag) {
        if (*query.rag != "red" && *query.rag != "amber" && *query.rag != "green" &&
            *query.rag != "complete") {
            return Error(fmt::format("rag must be red, amber, green or complete; not '{}'",
                                     *query.rag));
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
    if (query.cursor) {
        auto cursor = decode_cursor(*query.cursor);
        if (!cursor) return Error("cursor is not one this server handed out");
        const char* op = sort->descending ? "<" : ">";
        where += fmt::format(" AND ({}, a.id) {} ({}, CAST({} AS INTEGER))", sort->key, op,
                             bind.next(cursor->key), bind.next(std::to_string(cursor->id)));
    }
    const char* direction = sort->descending ? "DESC" : "ASC";
    const std::string sql =
        fmt::format(fmt::runtime(k_columns), fmt::arg("rag", k_rag), fmt::arg("key", sort->key)) +
        fmt::format("{} ORDER BY {} {}, a.id {} LIMIT {}", where, sort->key, direction, direction,
                    query.limit + 1);

    TRY_ASSIGN(statement, reader.statement(sql));
    statement->bind(1, query.today).bind(2, add_days(query.today, 14));
    for (std::size_t i = 0; i < bind.values.size(); ++i) {
        statement->bind(static_cast<int>(i) + 3, bind.values[i]);
    }
    ActionPage page;
    std::string last_key;
    while (true) {
        TRY_ASSIGN(has_row, statement->step());
        if (!has_row) break;
        if (static_cast<int>(page.actions.size()) == query.limit) {
            page.next_cursor = encode_cursor(Cursor{last_key, page.actions.back().id});
            break;
        }
        page.actions.push_back(read_view(*statement));
        last_key = statement->column_text(18);
    }
    return page;
}

Result<std::optional<ActionView>> find_action(Reader& reader, std::int64_t id,
                                              const std::string& today) {
    static const std::string sql =
        fmt::format(fmt::runtime(k_columns), fmt::arg("rag", k_rag), fmt::arg("key", "''")) +
        "WHERE a.id = ?3";
    TRY_ASSIGN(statement, reader.statement(sql));
    statement->bind(1, today).bind(2, add_days(today, 14)).bind(3, id);
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
    statement->bind(1, id).bind(2, store::k_progress_note_field);
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return std::optional<std::string>();
    return statement->column_optional_text(0);
}

Result<std::vector<store::ActionEvent>> action_events(Reader& reader, std::int64_t id) {
    TRY_ASSIGN(statement, reader.statement(R"sql(
        SELECT id, at, who, kind, from_value, to_value, note
        FROM action_events WHERE action_id = ? ORDER BY id
    )sql"));
    statement->bind(1, id);
    std::vector<store::ActionEvent> events;
    while (true) {
        TRY_ASSIGN(has_row, statement->step());
        if (!has_row) break;
        events.push_back(store::ActionEvent{
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

}  // namespace actiontrack::web
