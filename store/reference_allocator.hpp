#pragma once
// Hands out unique references (see reference.hpp) for the resolutions and new actions of one
// meeting, checking the database so that references never collide, deterministically: the
// same database state and the same extraction always give the same references.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "parsers/extraction.hpp"

namespace actiontrack::store {

class Database;

class ReferenceAllocator {
  public:
    // Chooses one base per minute of `extraction`: the first "stem/minute[-k]" under which none
    // of the references this document needs is held by another meeting. The meeting's own
    // rows are ignored in that choice, so corrected minutes keep the base they had. For a
    // correction, call after the meeting's old resolutions were deleted.
    // `stem` comes from reference_stem() of the meeting as stored.
    static Result<ReferenceAllocator> plan(Database& db, std::int64_t meeting_id,
                                           const std::string& stem,
                                           const parsers::Extraction& extraction);

    // The reference for extraction.resolutions[index] / extraction.actions[index]: its base
    // plus its 1-based place among its minute's resolutions (actions). If that is already
    // taken anywhere (say by a kept action of this meeting), the next free number is used.
    Result<std::string> resolution(std::size_t index);
    Result<std::string> action(std::size_t index);

  private:
    struct Slot {
        std::string minute;  // minute_key of the entry's item
        int sequence = 0;    // 1-based among its minute's resolutions (or actions)
    };
    enum class Kind { resolution, action };

    explicit ReferenceAllocator(Database& db) : m_db(&db) {}
    Result<bool> taken(const std::string& reference);
    Result<std::string> first_free(const Slot& slot, Kind kind);

    Database* m_db;
    std::vector<Slot> m_resolutions;
    std::vector<Slot> m_actions;
    std::map<std::string, std::string> m_bases;  // minute key → chosen base
    std::set<std::string> m_handed_out;          // not yet visible in the database
    // Whether the meeting had rows of its own when planned. Without any, plan() already proved
    // each entry's own number free, and first_free() need not ask the database again (two
    // index probes per row, ~10% of a new meeting's transaction).
    bool m_had_own_rows = true;
};

}  // namespace actiontrack::store
