#pragma once
// The rows the ingest writer owes while schema/0007's `ingest_deferral` switch is on: the
// change_events rows and the full-text rows (action_search, resolution_search) of the actions
// and resolutions it inserts, which the row-by-row INSERT triggers then skip.
//
// Why not the triggers: FTS5 flushes its pending terms into a new index segment at every
// statement of the transaction once it is part of it, and each change_events trigger run
// rebuilt the ephemeral table of its CHECK (type IN (...)). One INSERT ... SELECT per document
// (events) and per transaction (full text) does the same work once.
//
// Contract (store/ingest.cpp keeps it):
//   - switch_on() right after BEGIN, index_pending() and switch_off() right before COMMIT, so no
//     other connection ever sees the switch on;
//   - add_*_events() in the document's savepoint right after inserting its rows, so the events
//     keep the order the triggers gave them;
//   - index_pending() also before any statement that may update or delete rows still pending
//     (a correction of a meeting stored earlier in the same transaction), since the UPDATE and
//     DELETE triggers of the search tables stay row by row.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/result.hpp"

namespace actiontrack::store {

class Database;

class DeferredRows {
  public:
    static Result<void> switch_on(Database& db);
    static Result<void> switch_off(Database& db);
    // A committed switch row would silence the triggers for every writer; only a bug could
    // leave one, and this removes it. Cheap when there is none (a read).
    static Result<void> clear_stale_switch(Database& db);

    // 'resolution.created' / 'action.created' rows for these new ids, in this order.
    static Result<void> add_resolution_events(Database& db, const std::vector<std::int64_t>& ids);
    static Result<void> add_action_events(Database& db, const std::vector<std::int64_t>& ids);

    // Full-text rows to add before COMMIT.
    void defer_search(const std::vector<std::int64_t>& resolution_ids,
                      const std::vector<std::int64_t>& action_ids);

    // For a document's savepoint: mark() before it, forget_after(mark) when it is rolled back.
    struct Mark {
        std::size_t resolutions = 0;
        std::size_t actions = 0;
    };
    Mark mark() const { return {m_resolutions.size(), m_actions.size()}; }
    void forget_after(Mark mark);
    void clear();

    // Adds the pending full-text rows (one INSERT per search table) and forgets them.
    Result<void> index_pending(Database& db);
    bool empty() const { return m_resolutions.empty() && m_actions.empty(); }

  private:
    std::vector<std::int64_t> m_resolutions;
    std::vector<std::int64_t> m_actions;
};

}  // namespace actiontrack::store
