#pragma once
// Everything the notifier reads from (and the few reminder settings it writes to) the register,
// over its own connection: actions as the policy sees them, the owners directory, snooze and
// silence, the change feed, calendar sequences and disabled webhook endpoints.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "notify/owners.hpp"
#include "notify/policy.hpp"

namespace actiontrack::store {
class Database;
}

namespace actiontrack::notify {

struct ChangeEvent {
    std::int64_t id = 0;
    std::string type;  // "action.created", ...
    std::optional<std::int64_t> action_id;
    std::optional<std::int64_t> resolution_id;
    std::string at;
};

struct ResolutionFacts {
    std::int64_t id = 0;
    std::string reference;
    std::string committee;
    std::string item;
    std::string kind;
    std::string text;
};

class RegisterReader {
  public:
    explicit RegisterReader(store::Database& db) : m_db(&db) {}

    // Every action (closed ones too, flagged), with snooze/silence and completion time, by id.
    Result<std::vector<PolicyAction>> actions();
    // Resolutions of meetings whose document was stored at or after `since`, by id.
    Result<std::vector<ResolutionFacts>> resolutions_since(const std::string& since);
    // One resolution by id; nullopt when there is none (deleted by a correction meanwhile).
    Result<std::optional<ResolutionFacts>> resolution(std::int64_t id);

    // The owners directory from the owners and owner_aliases tables.
    Result<OwnerDirectory> owners();
    // Adds a person (and their name as an alias); returns the id.
    Result<std::int64_t> add_owner(const Person& person, Instant now);
    // Adds an alias for owner `owner_id`; fails when there is no such owner.
    Result<void> add_alias(std::int64_t owner_id, const std::string& alias);
    // The owner whose name or alias matches `name_or_alias`, or nullopt.
    Result<std::optional<std::int64_t>> find_owner_id(const std::string& name_or_alias);
    // Every alias of every owner, as (owner id, alias), by owner then alias.
    Result<std::vector<std::pair<std::int64_t, std::string>>> aliases();

    // Snooze until `until` (nullopt clears it) / silence on or off. Fail for an unknown action.
    Result<void> snooze(std::int64_t action_id, std::optional<Date> until, Instant now);
    Result<void> silence(std::int64_t action_id, bool silenced, Instant now);

    // Change events not yet turned into webhook rows, oldest first.
    Result<std::vector<ChangeEvent>> pending_changes(int limit);
    Result<void> mark_fanned_out(std::int64_t change_id);

    // The ICS SEQUENCE for the action's event with `due`: unchanged while the date is, one more
    // each time it moves (0 the first time).
    Result<int> calendar_sequence(std::int64_t action_id, Date due);

    Result<bool> endpoint_disabled(const std::string& name);
    Result<void> disable_endpoint(const std::string& name, const std::string& reason, Instant now);
    // Re-enables an endpoint; false when it was not disabled.
    Result<bool> enable_endpoint(const std::string& name);
    // The disabled endpoints as (name, disabled at, reason), by name.
    struct DisabledEndpoint {
        std::string name;
        std::string disabled_at;
        std::string reason;
    };
    Result<std::vector<DisabledEndpoint>> disabled_endpoints();

    store::Database& db() { return *m_db; }

  private:
    store::Database* m_db;
};

}  // namespace actiontrack::notify
