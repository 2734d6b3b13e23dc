#include "store/action_events.hpp"

#include "store/database.hpp"
#include "store/row_batches.hpp"
#include "store/store.hpp"

namespace actiontrack::store {

Result<void> append_event(Database& db, const NewEvent& event) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        INSERT INTO action_events (action_id, at, who, kind, from_value, to_value, note)
        VALUES (?, ?, ?, ?, ?, ?, ?)
    )sql"));
    statement.bind_all(event.action_id, event.at, event.who, event.kind, event.from_value,
                       event.to_value, event.note);
    return statement.run();
}

Result<void> append_events(Database& db, const std::vector<NewEvent>& events) {
    constexpr std::string_view k_head =
        "INSERT INTO action_events (action_id, at, who, kind, from_value, to_value, note)";
    return insert_in_batches(
        db, k_head, 7, events.size(), "",
        [&](Statement& statement, std::size_t first, std::size_t count) -> Result<void> {
            int next = 1;
            for (std::size_t i = first; i < first + count; ++i) {
                const NewEvent& event = events[i];
                next = statement.bind_from(next, event.action_id, event.at, event.who, event.kind,
                                           event.from_value, event.to_value, event.note);
            }
            return statement.run();
        });
}

Result<std::vector<ActionEvent>> read_events(Database& db, std::int64_t action_id) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        SELECT id, at, who, kind, from_value, to_value, note
        FROM action_events WHERE action_id = ? ORDER BY id
    )sql"));
    statement.bind(1, action_id);
    std::vector<ActionEvent> events;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        events.push_back(ActionEvent{
            .id = statement.column_int64(0),
            .at = statement.column_text(1),
            .who = statement.column_text(2),
            .kind = statement.column_text(3),
            .from_value = statement.column_optional_text(4),
            .to_value = statement.column_optional_text(5),
            .note = statement.column_text(6),
        });
    }
    return events;
}

}  // namespace actiontrack::store
