// WAL checkpoints for the writer. Its own are deferred (run_daemon: Store::defer_checkpoints):
// a commit that took the log past SQLite's threshold used to copy ~1,000 pages into the
// database file and sync twice before returning, 15-35 ms added to the file that waited
// behind it. After each commit of the writer (ingest and web API writes alike), once the log
// has grown by k_checkpoint_frames, one checkpoint is handed to the pool, which runs it on the
// WalCheckpointer's own connection while the writer goes on committing.
//
// Copying is not enough: the log's file stops growing only when the log restarts from its
// beginning, which the writer's next transaction does only if every frame has been copied by
// then. A checkpoint copies what was committed before it began, and the commits made while it
// ran (most of them, with files a few milliseconds apart) stay behind. So when one ends, what
// is left is copied too: by another on the pool while that is much, on the event loop (between
// two commits, so that the next one restarts the log) once it is little, or the log too long.

#include <fmt/core.h>

#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <exception>

#include "daemon/log.hpp"
#include "daemon/service_impl.hpp"

namespace actiontrack::service {

namespace {

// A checkpoint is started once the writer has added this many frames (pages) to the log since
// the last one: SQLite's own default (wal_autocheckpoint), under which a 4 KB document's ~65
// frames make a checkpoint every ~15 commits, each copying ~4 MB. Fewer would mean more
// checkpoints (two syncs each) for the same pages; more, a longer log for readers to search.
constexpr std::int64_t k_checkpoint_frames = 1000;

// Frames left behind by a checkpoint that the event loop copies itself: a few small commits'
// worth, a couple of milliseconds on the loop. More than that go to the pool again.
constexpr std::int64_t k_finish_frames = k_checkpoint_frames / 4;

// Past this many frames (~16 MB with 4 KiB pages) the event loop copies whatever is left,
// however much. Files a few milliseconds apart never get there; a bulk drop, whose batches
// commit back to back, does every few thousand documents, and its next batch waits.
constexpr std::int64_t k_max_log_frames = 4 * k_checkpoint_frames;

}  // namespace

void Daemon::maybe_checkpoint() {
    if (!m_checkpointer || m_checkpoint_running) return;
    const std::int64_t frames = m_db.wal_frames();
    // A log shorter than what was copied has restarted from its beginning: every frame in it
    // is new. (A restarted log that one large batch made longer than that again is taken for
    // the old one, and its checkpoint comes that many frames late.)
    if (frames < m_checkpointed_frames) m_checkpointed_frames = 0;
    if (frames - m_checkpointed_frames >= k_checkpoint_frames) start_checkpoint();
}

void Daemon::start_checkpoint() {
    m_checkpoint_running = true;
    // One checkpoint at a time, so the checkpointer's connection is never used by two threads.
    // It and `this` outlive the job: m_checkpointer is declared before m_pool, and run() joins
    // the pool. The executor handed to the job counts as work for the loop, so run() does not
    // return before the result has been handled.
    auto loop = net::prefer(m_io.get_executor(), net::execution::outstanding_work.tracked);
    net::post(m_pool, [this, loop] {
        std::optional<Result<store::CheckpointCounts>> result;
        try {
            result.emplace(m_checkpointer->checkpoint());
        } catch (const std::exception& e) {
            result.emplace(Error(fmt::format("internal error: {}", e.what())));
        }
        net::post(loop, [this, result = std::move(*result)] { checkpoint_done(result); });
    });
}

void Daemon::checkpoint_done(const Result<store::CheckpointCounts>& result) {
    m_checkpoint_running = false;
    const std::int64_t before = m_checkpointed_frames;
    if (!note_checkpoint(result, "on the pool")) return;
    const std::int64_t frames = m_db.wal_frames();
    const std::int64_t left = frames - m_checkpointed_frames;
    if (left <= 0) return;
    if (left <= k_finish_frames || frames >= k_max_log_frames) {
        // No checkpoint is running, so the loop may use the checkpointer's connection.
        note_checkpoint(m_checkpointer->checkpoint(), "on the event loop");
    } else if (m_checkpointed_frames > before) {
        start_checkpoint();
    }
    // A checkpoint that copied nothing new was held back by a reader still reading older
    // frames: the rest waits for the next k_checkpoint_frames rather than retrying at once.
}

bool Daemon::note_checkpoint(const Result<store::CheckpointCounts>& result, const char* where) {
    if (!result) {
        // The next commit tries again; a failure that persists (another process holding the
        // checkpoint lock, a full disk) is logged once, not after every commit.
        if (result.error().message() != m_checkpoint_error) {
            m_checkpoint_error = result.error().message();
            log::warning("WAL checkpoint failed (the log grows until one succeeds): {}",
                         m_checkpoint_error);
        }
        return false;
    }
    if (!m_checkpoint_error.empty()) {
        log::info("WAL checkpoints succeed again");
        m_checkpoint_error.clear();
    }
    m_checkpointed_frames = result->checkpointed_frames;
    log::debug("WAL checkpoint {}: {} of {} frames copied", where, result->checkpointed_frames,
               result->log_frames);
    return true;
}

}  // namespace actiontrack::service
