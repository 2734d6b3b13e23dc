#pragma once
// The append-only audit trail of actions (table action_events; triggers forbid UPDATE/DELETE).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace actiontrack::store {

class Database;
struct ActionEvent;

// The `who` of changes made by reading minutes rather than by a person.
inline constexpr std::string_view k_ingest_actor = "ingest";

// Event kinds, as stored (CHECK constraint in schema/0001_initial.sql).
namespace event_kind {
inline constexpr std::string_view created = "created";
inline constexpr std::string_view status = "status";
inline constexpr std::string_view updated = "updated";
inline constexpr std::string_view carried_over = "carried_over";
}  // namespace event_kind

struct NewEvent {
    std::int64_t action_id = 0;
    std::string_view at;
    std::string_view who;
    std::string_view kind;
    std::optional<std::string> from_value;
    std::optional<std::string> to_value;
    std::string_view note;
};

Result<void> append_event(Database& db, const NewEvent& event);
// Appends `events` in order (their ids ascend in that order) in a few multi-row INSERTs.
Result<void> append_events(Database& db, const std::vector<NewEvent>& events);

// All events of one action, oldest first (by id: `at` has one-second resolution).
Result<std::vector<ActionEvent>> read_events(Database& db, std::int64_t action_id);

}  // namespace actiontrack::store
