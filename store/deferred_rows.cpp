#include "store/deferred_rows.hpp"

#include <fmt/format.h>

#include <string>

#include "store/database.hpp"

namespace actiontrack::store {
namespace {

// The ids as a JSON array for json_each(): one bound text instead of a statement per row or
// a text that changes with the number of ids (and would defeat the statement cache).
std::string json_ids(const std::vector<std::int64_t>& ids) {
    return fmt::format("[{}]", fmt::join(ids, ","));
}

Result<void> run_with_ids(Database& db, std::string_view sql,
                          const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    TRY_ASSIGN(statement, db.prepare(sql));
    statement.bind(1, json_ids(ids));
    return statement.run();
}

}  // namespace

Result<void> DeferredRows::switch_on(Database& db) {
    TRY_ASSIGN(statement, db.prepare("INSERT INTO ingest_deferral (id) VALUES (1)"));
    return statement.run();
}

Result<void> DeferredRows::switch_off(Database& db) {
    TRY_ASSIGN(statement, db.prepare("DELETE FROM ingest_deferral"));
    return statement.run();
}

Result<void> DeferredRows::clear_stale_switch(Database& db) {
    TRY_ASSIGN(on, db.query_int64("SELECT EXISTS (SELECT 1 FROM ingest_deferral)"));
    if (on == 0) return {};
    return db.execute("DELETE FROM ingest_deferral");
}

// The same values as the triggers of schema/0002 write.
Result<void> DeferredRows::add_resolution_events(Database& db,
                                                 const std::vector<std::int64_t>& ids) {
    return run_with_ids(db, R"sql(
        INSERT INTO change_events (type, resolution_id, at)
        SELECT 'resolution.created', value, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        FROM json_each(?) ORDER BY key
    )sql", ids);
}

Result<void> DeferredRows::add_action_events(Database& db, const std::vector<std::int64_t>& ids) {
    return run_with_ids(db, R"sql(
        INSERT INTO change_events (type, action_id, at)
        SELECT 'action.created', a.id, a.created_at
        FROM json_each(?) AS j JOIN actions AS a ON a.id = j.value ORDER BY j.key
    )sql", ids);
}

void DeferredRows::defer_search(const std::vector<std::int64_t>& resolution_ids,
                                const std::vector<std::int64_t>& action_ids) {
    m_resolutions.insert(m_resolutions.end(), resolution_ids.begin(), resolution_ids.end());
    m_actions.insert(m_actions.end(), action_ids.begin(), action_ids.end());
}

void DeferredRows::forget_after(Mark mark) {
    if (mark.resolutions < m_resolutions.size()) m_resolutions.resize(mark.resolutions);
    if (mark.actions < m_actions.size()) m_actions.resize(mark.actions);
}

void DeferredRows::clear() {
    m_resolutions.clear();
    m_actions.clear();
}

// In rowid order: FTS5 appends ascending rowids to its pending doclists as they are, and
// flushes a segment whenever a rowid goes backwards. The values are what the INSERT triggers
// of schema/0003 would have written, read now: nothing changed them since, as the contract in
// the header makes sure.
Result<void> DeferredRows::index_pending(Database& db) {
    TRY(run_with_ids(db, R"sql(
        INSERT INTO resolution_search (rowid, text)
        SELECT r.id, r.text FROM json_each(?) AS j JOIN resolutions AS r ON r.id = j.value
        ORDER BY r.id
    )sql", m_resolutions));
    TRY(run_with_ids(db, R"sql(
        INSERT INTO action_search (rowid, text, resolution)
        SELECT a.id, a.text, COALESCE(r.text, '')
        FROM json_each(?) AS j JOIN actions AS a ON a.id = j.value
        LEFT JOIN resolutions AS r ON r.id = a.resolution_id
        ORDER BY a.id
    )sql", m_actions));
    clear();
    return {};
}

}  // namespace actiontrack::store
