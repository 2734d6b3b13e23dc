#include "notify/register_reader.hpp"

#include <fmt/core.h>

#include "notify/time_text.hpp"
#include "store/database.hpp"
#include "store/transaction.hpp"

namespace actiontrack::notify {
namespace {

Result<void> require_action(store::Database& db, std::int64_t action_id) {
    TRY_ASSIGN(statement, db.prepare("SELECT COUNT(*) FROM actions WHERE id = ?"));
    statement.bind_all(action_id);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row || statement.column_int64(0) == 0) {
        return Error(fmt::format("no action with id {}", action_id));
    }
    return {};
}

Result<std::int64_t> changes(store::Database& db) {
    return db.query_int64("SELECT changes()");
}

}  // namespace

Result<std::vector<PolicyAction>> RegisterReader::actions() {
    // The completion time is the latest status event that set 'done'.
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        SELECT a.id, a.reference, COALESCE(m.committee, ''), a.item, a.text, a.owner, a.due_date,
               a.status, a.created_at, r.snoozed_until, COALESCE(r.silenced, 0), a.due_text,
               (SELECT MAX(e.at) FROM action_events AS e
                WHERE e.action_id = a.id AND e.kind = 'status' AND e.to_value = 'done')
        FROM actions AS a
        JOIN meetings AS m ON m.id = a.meeting_id
        LEFT JOIN action_reminders AS r ON r.action_id = a.id
        ORDER BY a.id
    )sql"));
    std::vector<PolicyAction> out;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        PolicyAction action;
        action.id = statement.column_int64(0);
        action.reference = statement.column_text(1);
        action.committee = statement.column_text(2);
        action.item = statement.column_text(3);
        action.text = statement.column_text(4);
        action.owner = statement.column_optional_text(5);
        if (auto due = statement.column_optional_text(6)) action.due = parse_date(*due);
        action.status = statement.column_text(7);
        action.closed = action.status == "done" || action.status == "dropped";
        action.created_at = parse_instant(statement.column_text(8)).value_or(Instant{});
        if (auto until = statement.column_optional_text(9))
            action.snoozed_until = parse_date(*until);
        action.silenced = statement.column_int64(10) != 0;
        action.due_text = statement.column_optional_text(11);
        if (auto done = statement.column_optional_text(12))
            action.completed_at = parse_instant(*done);
        out.push_back(std::move(action));
    }
    return out;
}

Result<std::vector<ResolutionFacts>> RegisterReader::resolutions_since(const std::string& since) {
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        SELECT r.id, r.reference, COALESCE(m.committee, ''), r.item, r.kind, r.text
        FROM resolutions AS r JOIN meetings AS m ON m.id = r.meeting_id
        WHERE m.updated_at >= ?
        ORDER BY r.id
    )sql"));
    statement.bind_all(since);
    std::vector<ResolutionFacts> out;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        out.push_back({statement.column_int64(0), statement.column_text(1),
                       statement.column_text(2), statement.column_text(3), statement.column_text(4),
                       statement.column_text(5)});
    }
    return out;
}

Result<std::optional<ResolutionFacts>> RegisterReader::resolution(std::int64_t id) {
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        SELECT r.id, r.reference, COALESCE(m.committee, ''), r.item, r.kind, r.text
        FROM resolutions AS r JOIN meetings AS m ON m.id = r.meeting_id
        WHERE r.id = ?
    )sql"));
    statement.bind_all(id);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<ResolutionFacts>();
    return std::optional<ResolutionFacts>(ResolutionFacts{
        statement.column_int64(0), statement.column_text(1), statement.column_text(2),
        statement.column_text(3), statement.column_text(4), statement.column_text(5)});
}

Result<OwnerDirectory> RegisterReader::owners() {
    TRY_ASSIGN(
        people,
        m_db->prepare(
            "SELECT id, name, email, COALESCE(time_zone, ''), active FROM owners ORDER BY id"));
    TRY_ASSIGN(alias_rows, aliases());
    OwnerDirectory directory;
    while (true) {
        TRY_ASSIGN(has_row, people.step());
        if (!has_row) break;
        Person person{people.column_int64(0), people.column_text(1), people.column_optional_text(2),
                      people.column_text(3), people.column_int64(4) != 0};
        std::vector<std::string> names;
        for (const auto& [owner_id, alias] : alias_rows) {
            if (owner_id == person.id) names.push_back(alias);
        }
        directory.add(std::move(person), names);
    }
    return directory;
}

Result<std::int64_t> RegisterReader::add_owner(const Person& person, Instant now) {
    TRY_ASSIGN(transaction, store::Transaction::begin(*m_db));
    TRY_ASSIGN(insert, m_db->prepare("INSERT INTO owners (name, email, time_zone, active, "
                                     "created_at) VALUES (?, ?, ?, ?, ?)"));
    std::optional<std::string> zone;
    if (!person.time_zone.empty()) zone = person.time_zone;
    insert.bind_all(person.name, person.email, zone, person.active, format_instant(now));
    TRY(insert.run());
    const std::int64_t id = m_db->last_insert_rowid();
    TRY(add_alias(id, person.name));
    TRY(transaction.commit());
    return id;
}

Result<void> RegisterReader::add_alias(std::int64_t owner_id, const std::string& alias) {
    const std::string key = normalise_owner(alias);
    if (key.empty()) return Error(fmt::format("alias '{}' has no letters", alias));
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        INSERT INTO owner_aliases (alias_key, alias, owner_id) VALUES (?, ?, ?)
        ON CONFLICT (alias_key) DO UPDATE SET alias = excluded.alias, owner_id = excluded.owner_id
    )sql"));
    statement.bind_all(key, alias, owner_id);
    if (auto ran = statement.run(); !ran) {
        return Error(
            fmt::format("cannot add alias for owner {}: {}", owner_id, ran.error().message()));
    }
    return {};
}

Result<std::optional<std::int64_t>> RegisterReader::find_owner_id(const std::string& name) {
    TRY_ASSIGN(statement, m_db->prepare("SELECT owner_id FROM owner_aliases WHERE alias_key = ?"));
    statement.bind_all(normalise_owner(name));
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{statement.column_int64(0)};
}

Result<std::vector<std::pair<std::int64_t, std::string>>> RegisterReader::aliases() {
    TRY_ASSIGN(statement,
               m_db->prepare("SELECT owner_id, alias FROM owner_aliases ORDER BY owner_id, alias"));
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        out.emplace_back(statement.column_int64(0), statement.column_text(1));
    }
    return out;
}

Result<void> RegisterReader::snooze(std::int64_t action_id, std::optional<Date> until,
                                    Instant now) {
    TRY(require_action(*m_db, action_id));
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        INSERT INTO action_reminders (action_id, snoozed_until, updated_at) VALUES (?1, ?2, ?3)
        ON CONFLICT (action_id) DO UPDATE SET snoozed_until = ?2, updated_at = ?3
    )sql"));
    std::optional<std::string> text;
    if (until) text = format_date(*until);
    statement.bind_all(action_id, text, format_instant(now));
    return statement.run();
}

Result<void> RegisterReader::silence(std::int64_t action_id, bool silenced, Instant now) {
    TRY(require_action(*m_db, action_id));
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        INSERT INTO action_reminders (action_id, silenced, updated_at) VALUES (?1, ?2, ?3)
        ON CONFLICT (action_id) DO UPDATE SET silenced = ?2, updated_at = ?3
    )sql"));
    statement.bind_all(action_id, silenced, format_instant(now));
    return statement.run();
}

Result<std::vector<ChangeEvent>> RegisterReader::pending_changes(int limit) {
    TRY_ASSIGN(statement,
               m_db->prepare("SELECT id, type, action_id, resolution_id, at FROM change_events "
                             "WHERE fanned_out = 0 ORDER BY id LIMIT ?"));
    statement.bind_all(limit);
    std::vector<ChangeEvent> out;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        ChangeEvent event{
            statement.column_int64(0), statement.column_text(1), {}, {}, statement.column_text(4)};
        if (!statement.is_null(2)) event.action_id = statement.column_int64(2);
        if (!statement.is_null(3)) event.resolution_id = statement.column_int64(3);
        out.push_back(std::move(event));
    }
    return out;
}

Result<void> RegisterReader::mark_fanned_out(std::int64_t change_id) {
    TRY_ASSIGN(statement, m_db->prepare("UPDATE change_events SET fanned_out = 1 WHERE id = ?"));
    statement.bind_all(change_id);
    return statement.run();
}

Result<int> RegisterReader::calendar_sequence(std::int64_t action_id, Date due) {
    const std::string due_text = format_date(due);
    TRY_ASSIGN(statement, m_db->prepare(R"sql(
        INSERT INTO calendar_sequences (action_id, due_date, sequence) VALUES (?1, ?2, 0)
        ON CONFLICT (action_id) DO UPDATE
            SET sequence = sequence + (due_date <> ?2), due_date = ?2
        RETURNING sequence
    )sql"));
    statement.bind_all(action_id, due_text);
    TRY_ASSIGN(has_row, statement.step());
    const int sequence = has_row ? static_cast<int>(statement.column_int64(0)) : 0;
    statement.reset();
    return sequence;
}

Result<bool> RegisterReader::endpoint_disabled(const std::string& name) {
    TRY_ASSIGN(statement,
               m_db->prepare("SELECT COUNT(*) FROM webhook_endpoint_state WHERE name = ?"));
    statement.bind_all(name);
    TRY_ASSIGN(has_row, statement.step());
    return has_row && statement.column_int64(0) > 0;
}

Result<void> RegisterReader::disable_endpoint(const std::string& name, const std::string& reason,
                                              Instant now) {
    TRY_ASSIGN(
        statement,
        m_db->prepare("INSERT OR REPLACE INTO webhook_endpoint_state (name, disabled_at, reason) "
                      "VALUES (?, ?, ?)"));
    statement.bind_all(name, format_instant(now), reason);
    return statement.run();
}

Result<bool> RegisterReader::enable_endpoint(const std::string& name) {
    TRY_ASSIGN(statement, m_db->prepare("DELETE FROM webhook_endpoint_state WHERE name = ?"));
    statement.bind_all(name);
    TRY(statement.run());
    TRY_ASSIGN(changed, changes(*m_db));
    return changed > 0;
}

Result<std::vector<RegisterReader::DisabledEndpoint>> RegisterReader::disabled_endpoints() {
    TRY_ASSIGN(statement, m_db->prepare("SELECT name, disabled_at, reason "
                                        "FROM webhook_endpoint_state ORDER BY name"));
    std::vector<DisabledEndpoint> out;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        out.push_back(
            {statement.column_text(0), statement.column_text(1), statement.column_text(2)});
    }
    return out;
}

}  // namespace actiontrack::notify
