// Store's hand-made changes from the web API: change_action (PATCH) and add_manual_action (POST,
// CSV import). Each is one transaction that also appends the audit events.
//
// Webhooks: schema/0002_notify.sql's triggers on `actions` append a change_events row in the
// same transaction as each UPDATE/INSERT made here; the notifier fans those out into webhook
// outbox rows. So every status/owner/due-date change and every new action reaches the outbox
// atomically without code here. (A progress note alone changes no watched column: no webhook.)

#include <fmt/core.h>

#include "store/action_events.hpp"
#include "store/meeting_writer.hpp"
#include "store/reference.hpp"
#include "store/store_impl.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {
namespace {

Result<void> check_date(std::string_view what, const std::optional<std::string>& text) {
    if (text && !parsers::parse_iso_date(*text)) {
        return Error(fmt::format("{} must be an ISO date (YYYY-MM-DD), not '{}'", what, *text));
    }
    return {};
}

Result<void> check_rag(const std::optional<std::string>& rag) {
    if (rag && *rag != "red" && *rag != "amber" && *rag != "green") {
        return Error(fmt::format("rag must be red, amber or green, not '{}'", *rag));
    }
    return {};
}

struct Current {
    std::string status;
    std::optional<std::string> owner;
    std::optional<std::string> due_date;
    std::optional<std::string> rag_override;
    std::int64_t version = 0;
};

Result<std::optional<Current>> read_current(Database& db, std::int64_t action_id) {
    TRY_ASSIGN(statement, db.prepare(
        "SELECT status, owner, due_date, rag_override, version FROM actions WHERE id = ?"));
    statement.bind(1, action_id);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<Current>();
    return std::optional<Current>(Current{statement.column_text(0),
                                          statement.column_optional_text(1),
                                          statement.column_optional_text(2),
                                          statement.column_optional_text(3),
                                          statement.column_int64(4)});
}

// Sets one nullable text column and records the change; column names are our constants.
Result<void> set_field(Database& db, std::int64_t action_id, std::string_view column,
                       const std::optional<std::string>& before,
                       const std::optional<std::string>& after, std::string_view now,
                       std::string_view who) {
    if (before == after) return {};
    TRY_ASSIGN(statement, db.prepare(fmt::format(
        "UPDATE actions SET {} = ?, updated_at = ? WHERE id = ?", column)));
    statement.bind_all(after, now, action_id);
    TRY(statement.run());
    return append_event(db, NewEvent{.action_id = action_id, .at = now, .who = who,
                                     .kind = event_kind::updated, .from_value = before,
                                     .to_value = after, .note = column});
}

Result<void> set_status_field(Database& db, std::int64_t action_id, std::string_view before,
                              ActionStatus status, std::string_view now, std::string_view who) {
    const std::string after(to_string(status));
    if (before == after) return {};
    TRY_ASSIGN(statement,
               db.prepare("UPDATE actions SET status = ?, updated_at = ? WHERE id = ?"));
    statement.bind_all(after, now, action_id);
    TRY(statement.run());
    return append_event(db, NewEvent{.action_id = action_id, .at = now, .who = who,
                                     .kind = event_kind::status,
                                     .from_value = std::string(before), .to_value = after,
                                     .note = ""});
}

Result<void> add_note(Database& db, std::int64_t action_id, const std::string& note,
                      std::string_view now, std::string_view who) {
    if (note.empty()) return {};
    // The note changes no column, but it is a change of the action: bump the version (ETag).
    TRY_ASSIGN(statement, db.prepare("UPDATE actions SET updated_at = ? WHERE id = ?"));
    statement.bind_all(now, action_id);
    TRY(statement.run());
    return append_event(db, NewEvent{.action_id = action_id, .at = now, .who = who,
                                     .kind = event_kind::updated, .from_value = std::nullopt,
                                     .to_value = note, .note = k_progress_note_field});
}

Result<std::int64_t> meeting_for(Database& db, const ManualAction& action, const std::string& now) {
    MeetingRow row;
    // An imported row may name no committee (minutes that did not say): a meeting of its own.
    if (!action.committee.empty()) row.committee = action.committee;
    row.meeting_date = action.meeting_date;
    std::optional<parsers::Date> date;
    if (action.meeting_date) date = parsers::parse_iso_date(*action.meeting_date);
    row.municipal_year = municipal_year(date);
    TRY_ASSIGN(existing, find_same_meeting(db, row));
    if (existing) return existing->id;
    return insert_meeting(db, row, now);
}

Result<std::optional<std::int64_t>> insert_resolution(Database& db, std::int64_t meeting_id,
                                                      const ManualAction& action,
                                                      const std::string& reference) {
    if (!action.resolution_text || action.resolution_text->empty()) {
        return std::optional<std::int64_t>();
    }
    TRY_ASSIGN(insert, db.prepare(R"sql(
        INSERT INTO resolutions (meeting_id, item, kind, label, text, reference, position)
        VALUES (?, ?, 'resolved', '', ?, ?,
                (SELECT COALESCE(MAX(position), -1) + 1 FROM resolutions WHERE meeting_id = ?))
    )sql"));
    insert.bind_all(meeting_id, action.item, *action.resolution_text, reference + "/R",
                    meeting_id);
    TRY(insert.run());
    return std::optional<std::int64_t>(db.last_insert_rowid());
}

Result<std::int64_t> insert_manual_action(Database& db, const ManualAction& action,
                                          std::string_view who, const std::string& now) {
    if (who.empty()) return Error("a new action needs who added it, for the audit trail");
    if (action.text.empty()) return Error("text must not be empty");
    TRY(check_date("meeting_date", action.meeting_date));
    TRY(check_date("due_date", action.due_date));
    TRY(check_rag(action.rag_override));
    TRY_ASSIGN(meeting_id, meeting_for(db, action, now));
    // The id is chosen here (under the write lock) so the default reference can quote it.
    TRY_ASSIGN(next_id, db.query_int64("SELECT COALESCE(MAX(id), 0) + 1 FROM actions"));
    const std::string reference = action.reference.value_or(fmt::format("MANUAL/{}", next_id));
    const std::string status(to_string(action.status.value_or(ActionStatus::open)));
    TRY_ASSIGN(resolution_id, insert_resolution(db, meeting_id, action, reference));
    TRY_ASSIGN(insert, db.prepare(R"sql(
        INSERT INTO actions (id, meeting_id, resolution_id, item, text, owner, due_date, due_text,
                             due_grain, derived, status, reference, position, created_at,
                             updated_at, rag_override)
        VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'day', 0, ?, ?,
                (SELECT COALESCE(MAX(position), -1) + 1 FROM actions WHERE meeting_id = ?),
                ?, ?, ?)
    )sql"));
    insert.bind_all(next_id, meeting_id, resolution_id, action.item, action.text, action.owner,
                    action.due_date, status, reference, meeting_id, now, now,
                    action.rag_override);
    if (auto inserted = insert.run(); !inserted) {
        return Error(fmt::format("cannot add the action (reference '{}'): {}", reference,
                                 inserted.error().message()));
    }
    TRY(append_event(db, NewEvent{.action_id = next_id, .at = now, .who = who,
                                  .kind = event_kind::created, .from_value = std::nullopt,
                                  .to_value = status, .note = "added by hand"}));
    if (action.note) TRY(add_note(db, next_id, *action.note, now, who));
    return next_id;
}

}  // namespace

Result<ChangeReport> Store::change_action(std::int64_t action_id, const ActionChange& change,
                                          std::string_view who) {
    if (who.empty()) return Error("a change needs who made it, for the audit trail");
    if (change.due_date) TRY(check_date("due_date", *change.due_date));
    if (change.rag_override) TRY(check_rag(*change.rag_override));
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    TRY_ASSIGN(transaction, Transaction::begin(db));
    TRY_ASSIGN(current, read_current(db, action_id));
    if (!current) return ChangeReport{ChangeOutcome::not_found, 0};
    if (change.expected_version && *change.expected_version != current->version) {
        return ChangeReport{ChangeOutcome::conflict, current->version};
    }
    if (change.status) {
        TRY(set_status_field(db, action_id, current->status, *change.status, now, who));
    }
    if (change.owner) {
        TRY(set_field(db, action_id, "owner", current->owner, *change.owner, now, who));
    }
    if (change.due_date) {
        TRY(set_field(db, action_id, "due_date", current->due_date, *change.due_date, now, who));
    }
    if (change.rag_override) {
        TRY(set_field(db, action_id, "rag_override", current->rag_override, *change.rag_override,
                      now, who));
    }
    if (change.note) TRY(add_note(db, action_id, *change.note, now, who));
    TRY_ASSIGN(after, read_current(db, action_id));
    TRY(transaction.commit());
    return ChangeReport{ChangeOutcome::changed, after ? after->version : 0};
}

Result<std::int64_t> Store::add_manual_action(const ManualAction& action, std::string_view who) {
    Database& db = m_impl->m_db;
    TRY_ASSIGN(transaction, Transaction::begin(db));
    TRY_ASSIGN(id, insert_manual_action(db, action, who, m_impl->m_now()));
    TRY(transaction.commit());
    return id;
}

Result<void> Store::add_manual_actions(const std::vector<ManualAction>& actions,
                                       std::string_view who) {
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    TRY_ASSIGN(transaction, Transaction::begin(db));
    for (std::size_t i = 0; i < actions.size(); ++i) {
        if (auto added = insert_manual_action(db, actions[i], who, now); !added) {
            return Error(fmt::format("action {}: {}", i + 1, added.error().message()));
        }
    }
    return transaction.commit();
}

}  // namespace actiontrack::store
