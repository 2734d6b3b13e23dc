#include "store/action_writer.hpp"

#include <fmt/core.h>

#include <optional>

#include "store/action_events.hpp"
#include "store/database.hpp"
#include "store/reference_allocator.hpp"
#include "store/row_batches.hpp"
#include "store/similarity.hpp"
#include "store/vocabulary.hpp"

namespace actiontrack::store {
namespace {

// The stored fields that corrected minutes may change, as text for comparison and audit.
struct ActionFields {
    std::string text;
    std::optional<std::string> owner;
    std::optional<std::string> due_date;
    std::optional<std::string> due_text;
};

struct StoredAction {
    std::int64_t id = 0;
    std::string item;
    ActionFields fields;
    std::string status;
};

ActionFields fields_of(const parsers::Action& action) {
    std::optional<std::string> due;
    if (action.due && action.due->ok()) due = parsers::iso_date(*action.due);
    return ActionFields{action.text, action.owner, std::move(due), action.due_text};
}

Result<std::vector<StoredAction>> load_actions(Database& db, std::int64_t meeting_id) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        SELECT id, item, text, owner, due_date, due_text, status
        FROM actions WHERE meeting_id = ? ORDER BY position, id
    )sql"));
    statement.bind(1, meeting_id);
    std::vector<StoredAction> actions;
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        actions.push_back(StoredAction{
            .id = statement.column_int64(0),
            .item = statement.column_text(1),
            .fields = {statement.column_text(2), statement.column_optional_text(3),
                       statement.column_optional_text(4), statement.column_optional_text(5)},
            .status = statement.column_text(6),
        });
    }
    return actions;
}

// NULL unless the action came from a resolution of this document.
std::optional<std::int64_t> resolution_id_of(const parsers::Action& action,
                                             const std::vector<std::int64_t>& resolution_ids) {
    if (action.resolution && *action.resolution < resolution_ids.size()) {
        return resolution_ids[*action.resolution];
    }
    return std::nullopt;
}

// Inserts the actions source.actions[i] for each i in `indexes` (ascending) as 'open', each with
// a fresh reference and a 'created' event, in a few multi-row INSERTs (see row_batches.hpp).
// The ids, references and events come out in document order, as one INSERT per action gave.
// Returns the new ids in that order.
Result<std::vector<std::int64_t>> insert_actions(Database& db, std::int64_t meeting_id, const ActionSource& source,
                            const std::vector<std::size_t>& indexes,
                            ReferenceAllocator& references) {
    if (indexes.empty()) return std::vector<std::int64_t>();
    std::vector<ActionFields> fields;
    std::vector<std::string> refs;
    fields.reserve(indexes.size());
    refs.reserve(indexes.size());
    for (std::size_t index : indexes) {
        fields.push_back(fields_of(source.actions[index]));
        TRY_ASSIGN(reference, references.action(index));
        refs.push_back(std::move(reference));
    }

    constexpr std::string_view k_head = R"sql(
        INSERT INTO actions (meeting_id, resolution_id, item, text, owner, due_date, due_text,
                             due_grain, derived, status, reference, position, created_at,
                             updated_at))sql";
    // Position i + 1 is source.actions[i]; RETURNING hands back each new row's id with its
    // position, in no promised order.
    std::vector<std::int64_t> id_of_action(source.actions.size(), 0);
    TRY(insert_in_batches(
        db, k_head, 14, indexes.size(), "RETURNING id, position",
        [&](Statement& statement, std::size_t first, std::size_t count) -> Result<void> {
            int next = 1;
            for (std::size_t row = first; row < first + count; ++row) {
                const std::size_t index = indexes[row];
                const parsers::Action& action = source.actions[index];
                next = statement.bind_from(
                    next, meeting_id, resolution_id_of(action, source.resolution_ids), action.item,
                    fields[row].text, fields[row].owner, fields[row].due_date, fields[row].due_text,
                    db_text(action.due_grain), action.derived, "open", refs[row],
                    static_cast<std::int64_t>(index + 1), source.now, source.now);
            }
            while (true) {
                TRY_ASSIGN(has_row, statement.step());
                if (!has_row) break;
                const std::int64_t position = statement.column_int64(1);
                if (position < 1 || static_cast<std::size_t>(position) > id_of_action.size()) {
                    return Error(fmt::format("inserted action has position {}", position));
                }
                id_of_action[static_cast<std::size_t>(position - 1)] = statement.column_int64(0);
            }
            return {};
        }));

    const std::string note = fmt::format("from {}", source.document_path);
    std::vector<NewEvent> events;
    std::vector<std::int64_t> ids;
    events.reserve(indexes.size());
    ids.reserve(indexes.size());
    for (std::size_t index : indexes) {
        if (id_of_action[index] == 0) {
            return Error(fmt::format("action at position {} was not inserted", index + 1));
        }
        ids.push_back(id_of_action[index]);
        events.push_back(NewEvent{.action_id = id_of_action[index],
                                  .at = source.now,
                                  .who = k_ingest_actor,
                                  .kind = event_kind::created,
                                  .from_value = std::nullopt,
                                  .to_value = std::string("open"),
                                  .note = note});
    }
    TRY(append_events(db, events));
    return ids;
}

// Appends an 'updated' event when one field changed; returns whether it did.
Result<bool> audit_change(Database& db, const StoredAction& stored, const ActionSource& source,
                          std::string_view field, const std::optional<std::string>& before,
                          const std::optional<std::string>& after) {
    if (before == after) return false;
    const std::string note = fmt::format("{} changed by {}", field, source.document_path);
    TRY(append_event(db, NewEvent{.action_id = stored.id,
                                  .at = source.now,
                                  .who = k_ingest_actor,
                                  .kind = event_kind::updated,
                                  .from_value = before,
                                  .to_value = after,
                                  .note = note}));
    return true;
}

Result<void> update_action(Database& db, const StoredAction& stored, const ActionSource& source,
                           std::size_t index) {
    const parsers::Action& action = source.actions[index];
    const ActionFields fields = fields_of(action);
    TRY_ASSIGN(text_changed,
               audit_change(db, stored, source, "text", stored.fields.text, fields.text));
    TRY_ASSIGN(owner_changed,
               audit_change(db, stored, source, "owner", stored.fields.owner, fields.owner));
    TRY_ASSIGN(due_changed, audit_change(db, stored, source, "due_date", stored.fields.due_date,
                                         fields.due_date));
    TRY_ASSIGN(due_text_changed, audit_change(db, stored, source, "due_text",
                                              stored.fields.due_text, fields.due_text));
    const bool changed = text_changed || owner_changed || due_changed || due_text_changed;

    // Grain, derivation, position and the resolution link follow the document silently: they
    // describe how the minutes are laid out, not a change anybody needs to review.
    TRY_ASSIGN(statement, db.prepare(R"sql(
        UPDATE actions
        SET resolution_id = ?, text = ?, owner = ?, due_date = ?, due_text = ?, due_grain = ?,
            derived = ?, position = ?, updated_at = CASE WHEN ? THEN ? ELSE updated_at END
        WHERE id = ?
    )sql"));
    statement.bind_all(resolution_id_of(action, source.resolution_ids), fields.text, fields.owner,
                       fields.due_date, fields.due_text, db_text(action.due_grain), action.derived,
                       static_cast<std::int64_t>(index + 1), changed, source.now, stored.id);
    return statement.run();
}

Result<void> drop_action(Database& db, const StoredAction& stored, const ActionSource& source) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        UPDATE actions SET status = 'dropped', updated_at = ? WHERE id = ?
    )sql"));
    statement.bind_all(source.now, stored.id);
    TRY(statement.run());
    const std::string note = fmt::format("not in corrected minutes {}", source.document_path);
    return append_event(db, NewEvent{.action_id = stored.id,
                                     .at = source.now,
                                     .who = k_ingest_actor,
                                     .kind = event_kind::status,
                                     .from_value = stored.status,
                                     .to_value = std::string("dropped"),
                                     .note = note});
}

}  // namespace

Result<ActionMerge> merge_actions(Database& db, std::int64_t meeting_id, const ActionSource& source,
                                  ReferenceAllocator& references) {
    TRY_ASSIGN(stored, load_actions(db, meeting_id));

    std::vector<MatchCandidate> old_entries;
    for (const StoredAction& action : stored)
        old_entries.push_back({action.item, action.fields.text});
    std::vector<MatchCandidate> new_entries;
    for (const parsers::Action& action : source.actions)
        new_entries.push_back({action.item, action.text});

    std::vector<std::optional<std::size_t>> match_of_new(source.actions.size());
    std::vector<bool> old_matched(stored.size(), false);
    for (const Match& match : match_best_first(old_entries, new_entries)) {
        match_of_new[match.new_index] = match.old_index;
        old_matched[match.old_index] = true;
    }

    ActionMerge merge;
    // Kept actions first, so their references are in the database before new actions look for
    // free numbers. Both loops run in document order, which keeps the result deterministic.
    for (std::size_t i = 0; i < source.actions.size(); ++i) {
        if (!match_of_new[i]) continue;
        TRY(update_action(db, stored[*match_of_new[i]], source, i));
        ++merge.kept;
    }
    for (std::size_t o = 0; o < stored.size(); ++o) {
        if (old_matched[o] || stored[o].status == "dropped") continue;
        TRY(drop_action(db, stored[o], source));
        ++merge.dropped;
    }
    std::vector<std::size_t> new_actions;
    for (std::size_t i = 0; i < source.actions.size(); ++i) {
        if (!match_of_new[i]) new_actions.push_back(i);
    }
    TRY_ASSIGN(inserted_ids, insert_actions(db, meeting_id, source, new_actions, references));
    merge.inserted = static_cast<int>(new_actions.size());
    merge.inserted_ids = std::move(inserted_ids);
    return merge;
}

}  // namespace actiontrack::store
