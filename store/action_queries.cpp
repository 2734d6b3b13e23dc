// Store's action reads and the one action write people make by hand: set_status.

#include <fmt/core.h>

#include "store/action_events.hpp"
#include "store/store_impl.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {
namespace {

// Both queries select the columns of an ActionRow in the order read_row expects.
constexpr std::string_view k_select_one = R"sql(
    SELECT a.id, a.reference, COALESCE(m.committee, ''), m.meeting_date, a.item, a.text,
           a.owner, a.due_date, a.due_text, a.status, a.created_at, a.updated_at
    FROM actions AS a JOIN meetings AS m ON m.id = a.meeting_id
    WHERE a.id = ?
)sql";

// Each filter is off when its parameter is NULL (or 0), so one fixed statement serves every
// combination and nothing is ever spliced into the SQL. ISO dates compare correctly as text;
// a NULL due_date never satisfies "<", so undated actions are never overdue nor due before.
constexpr std::string_view k_select_filtered = R"sql(
    SELECT a.id, a.reference, COALESCE(m.committee, ''), m.meeting_date, a.item, a.text,
           a.owner, a.due_date, a.due_text, a.status, a.created_at, a.updated_at
    FROM actions AS a JOIN meetings AS m ON m.id = a.meeting_id
    WHERE (?1 IS NULL OR a.status = ?1)
      AND (?2 IS NULL OR instr(lower(a.owner), lower(?2)) > 0)
      AND (?3 = 0 OR (a.due_date < ?4 AND a.status NOT IN ('done', 'dropped')))
      AND (?5 IS NULL OR a.due_date < ?5)
    ORDER BY a.due_date NULLS LAST, a.id
)sql";

ActionRow read_row(const Statement& statement) {
    return ActionRow{
        .id = statement.column_int64(0),
        .reference = statement.column_text(1),
        .committee = statement.column_text(2),
        .meeting_date = statement.column_optional_text(3),
        .item = statement.column_text(4),
        .text = statement.column_text(5),
        .owner = statement.column_optional_text(6),
        .due_date = statement.column_optional_text(7),
        .due_text = statement.column_optional_text(8),
        // The CHECK constraint admits only known words; `open` is never actually used here.
        .status = parse_action_status(statement.column_text(9)).value_or(ActionStatus::open),
        .created_at = statement.column_text(10),
        .updated_at = statement.column_text(11),
    };
}

Error no_action(std::int64_t action_id) {
    return Error(fmt::format("no action with id {}", action_id));
}

Result<ActionRow> read_action(Database& db, std::int64_t action_id) {
    TRY_ASSIGN(statement, db.prepare(k_select_one));
    statement.bind(1, action_id);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return no_action(action_id);
    return read_row(statement);
}

Result<void> check_iso_date(std::string_view what, const std::string& text) {
    if (!parsers::parse_iso_date(text)) {
        return Error(fmt::format("{} must be an ISO date (YYYY-MM-DD), not '{}'", what, text));
    }
    return {};
}

}  // namespace

Result<std::vector<ActionRow>> Store::list_actions(const ActionFilter& filter) {
    if (filter.overdue_only) TRY(check_iso_date("today", filter.today));
    if (filter.due_before) TRY(check_iso_date("due_before", *filter.due_before));

    TRY_ASSIGN(statement, m_impl->m_db.prepare(k_select_filtered));
    std::optional<std::string_view> status;
    if (filter.status) status = to_string(*filter.status);
    statement.bind_all(status, filter.owner, filter.overdue_only, filter.today, filter.due_before);

    std::vector<ActionRow> rows;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        rows.push_back(read_row(statement));
    }
    return rows;
}

Result<ActionRow> Store::find_action(std::int64_t action_id) {
    return read_action(m_impl->m_db, action_id);
}

Result<std::vector<ActionEvent>> Store::action_history(std::int64_t action_id) {
    // Distinguishes "no such action" from "an action without events" (which cannot happen,
    // since every action is created with one, but the caller should not have to know that).
    TRY(read_action(m_impl->m_db, action_id));
    return read_events(m_impl->m_db, action_id);
}

Result<ActionRow> Store::set_status(std::int64_t action_id, ActionStatus status,
                                    std::string_view who, std::string_view note) {
    if (who.empty()) return Error("set_status needs who made the change, for the audit trail");
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    TRY_ASSIGN(transaction, Transaction::begin(db));
    TRY_ASSIGN(before, read_action(db, action_id));

    TRY_ASSIGN(statement, db.prepare("UPDATE actions SET status = ?, updated_at = ? WHERE id = ?"));
    statement.bind_all(to_string(status), now, action_id);
    TRY(statement.run());
    TRY(append_event(db, NewEvent{.action_id = action_id,
                                  .at = now,
                                  .who = who,
                                  .kind = event_kind::status,
                                  .from_value = std::string(to_string(before.status)),
                                  .to_value = std::string(to_string(status)),
                                  .note = note}));
    TRY_ASSIGN(after, read_action(db, action_id));
    TRY(transaction.commit());
    return after;
}

}  // namespace actiontrack::store
