#pragma once
// Bringing a meeting's stored actions in line with the actions of its latest document, without
// ever losing an action's identity or history. Runs inside the ingest transaction.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "parsers/extraction.hpp"

namespace actiontrack::store {

class Database;
class ReferenceAllocator;

struct ActionMerge {
    int kept = 0;      // stored actions recognised in the document (id, status, history kept)
    int inserted = 0;  // new actions
    int dropped = 0;   // stored actions missing from the document, now 'dropped'
    std::vector<std::int64_t> inserted_ids;  // the new actions' ids, in document order
};

struct ActionSource {
    const std::vector<parsers::Action>& actions;      // the document's actions, in order
    const std::vector<std::int64_t>& resolution_ids;  // the document's resolutions' new ids
    std::string_view document_path;                   // quoted in audit notes
    const std::string& now;
};

// Matches the meeting's stored actions (of any status) to `source.actions` one-to-one: same
// item and word-set similarity >= k_same_action_similarity, best pairs first.
//  - Matched: keeps id, reference and status; takes the new text, owner and due date, and
//    appends one 'updated' event per changed field (from/to values, note naming the field).
//  - Stored but unmatched: set to 'dropped' with a 'status' event "not in corrected minutes"
//    (already dropped ones are left alone). Never deleted: the audit trail must survive.
//  - New: inserted as 'open' with a 'created' event and a fresh reference.
// For a brand-new meeting nothing is stored yet, so every action is simply inserted.
Result<ActionMerge> merge_actions(Database& db, std::int64_t meeting_id, const ActionSource& source,
                                  ReferenceAllocator& references);

}  // namespace actiontrack::store
