#include "store/reference_allocator.hpp"

#include "store/database.hpp"
#include "store/reference.hpp"

namespace actiontrack::store {
namespace {

// Far more than any real collision chain; only stops a runaway loop on a corrupt database.
constexpr int k_max_attempts = 10000;

constexpr std::string_view k_held_by_other_meeting = R"sql(
SELECT EXISTS (SELECT 1 FROM resolutions WHERE reference = ?1 AND meeting_id <> ?2)
    OR EXISTS (SELECT 1 FROM actions WHERE reference = ?1 AND meeting_id <> ?2)
)sql";

constexpr std::string_view k_has_rows = R"sql(
SELECT EXISTS (SELECT 1 FROM resolutions WHERE meeting_id = ?1)
    OR EXISTS (SELECT 1 FROM actions WHERE meeting_id = ?1)
)sql";

constexpr std::string_view k_held_by_anyone = R"sql(
SELECT EXISTS (SELECT 1 FROM resolutions WHERE reference = ?1)
    OR EXISTS (SELECT 1 FROM actions WHERE reference = ?1)
)sql";

// Numbers entries 1, 2, 3... within each minute, in document order, and records how many each
// minute has.
template <class Entry, class Slot>
void number_by_minute(const std::vector<Entry>& entries, std::vector<Slot>& slots,
                      std::map<std::string, int>& counts) {
    for (const Entry& entry : entries) {
        std::string minute = minute_key(entry.item);
        const int sequence = ++counts[minute];
        slots.push_back(Slot{std::move(minute), sequence});
    }
}

Result<bool> query_flag(Statement& statement) {
    TRY_ASSIGN(has_row, statement.step());
    return has_row && statement.column_int64(0) != 0;
}

Result<bool> held_by_other_meeting(Database& db, const std::string& reference,
                                   std::int64_t meeting_id) {
    TRY_ASSIGN(statement, db.prepare(k_held_by_other_meeting));
    statement.bind_all(reference, meeting_id);
    return query_flag(statement);
}

// Whether none of base.1..base.<resolutions> and base.A1..base.A<actions> belongs to another
// meeting than `meeting_id`.
Result<bool> is_free(Database& db, const std::string& base, int resolutions, int actions,
                     std::int64_t meeting_id) {
    for (int n = 1; n <= resolutions; ++n) {
        TRY_ASSIGN(held, held_by_other_meeting(db, resolution_reference(base, n), meeting_id));
        if (held) return false;
    }
    for (int n = 1; n <= actions; ++n) {
        TRY_ASSIGN(held, held_by_other_meeting(db, action_reference(base, n), meeting_id));
        if (held) return false;
    }
    return true;
}

}  // namespace

Result<ReferenceAllocator> ReferenceAllocator::plan(Database& db, std::int64_t meeting_id,
                                                    const std::string& stem,
                                                    const parsers::Extraction& extraction) {
    ReferenceAllocator allocator(db);
    {
        TRY_ASSIGN(statement, db.prepare(k_has_rows));
        statement.bind(1, meeting_id);
        TRY_ASSIGN(had_own_rows, query_flag(statement));
        allocator.m_had_own_rows = had_own_rows;
    }

    std::map<std::string, int> resolution_counts;
    std::map<std::string, int> action_counts;
    number_by_minute(extraction.resolutions, allocator.m_resolutions, resolution_counts);
    number_by_minute(extraction.actions, allocator.m_actions, action_counts);

    // Every minute that appears, in key order (a stable order makes the choice deterministic).
    std::set<std::string> minutes;
    for (const auto& [minute, count] : resolution_counts) minutes.insert(minute);
    for (const auto& [minute, count] : action_counts) minutes.insert(minute);

    for (const std::string& minute : minutes) {
        for (int attempt = 1;; ++attempt) {
            if (attempt > k_max_attempts) return Error("cannot find a free reference for " + stem);
            std::string base = minute_base(stem, minute, attempt);
            TRY_ASSIGN(free, is_free(db, base, resolution_counts[minute], action_counts[minute],
                                     meeting_id));
            if (free) {
                allocator.m_bases.emplace(minute, std::move(base));
                break;
            }
        }
    }
    return allocator;
}

Result<bool> ReferenceAllocator::taken(const std::string& reference) {
    if (m_handed_out.contains(reference)) return true;
    TRY_ASSIGN(statement, m_db->prepare(k_held_by_anyone));
    statement.bind(1, reference);
    return query_flag(statement);
}

Result<std::string> ReferenceAllocator::first_free(const Slot& slot, Kind kind) {
    const std::string& base = m_bases.at(slot.minute);
    for (int n = slot.sequence; n < slot.sequence + k_max_attempts; ++n) {
        std::string reference =
            kind == Kind::action ? action_reference(base, n) : resolution_reference(base, n);
        // Held by another meeting: plan() said no for the entry's own number (n == sequence).
        const bool proved_free = !m_had_own_rows && n == slot.sequence;
        bool is_taken = m_handed_out.contains(reference);
        if (!is_taken && !proved_free) {
            TRY_ASSIGN(held, taken(reference));
            is_taken = held;
        }
        if (!is_taken) {
            m_handed_out.insert(reference);
            return reference;
        }
    }
    return Error("cannot find a free reference under " + base);
}

Result<std::string> ReferenceAllocator::resolution(std::size_t index) {
    return first_free(m_resolutions.at(index), Kind::resolution);
}

Result<std::string> ReferenceAllocator::action(std::size_t index) {
    return first_free(m_actions.at(index), Kind::action);
}

}  // namespace actiontrack::store
