// The ingest pipeline: dispatch() has the pool read and extract settled files (workers +
// k_max_batch in flight; a small file arriving alone is prepared on the event loop),
// writer_loop() stores and moves them on the event-loop thread (the single writer) in the order
// they were dispatched, every file that is ready in one transaction (group commit). Reading and
// extracting the next files overlaps with the transaction of these. The writer's commits do
// not checkpoint the WAL; the pool does that beside them (service_checkpoint.cpp).

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <exception>

#include "daemon/log.hpp"
#include "daemon/service_impl.hpp"

namespace actiontrack::service {

namespace {

// Files up to this size, arriving alone, are read and extracted on the event loop itself.
constexpr std::int64_t k_inline_bytes = 32 * 1024;

// At most this many files share a transaction. A transaction costs a WAL commit (~0.7 ms of
// CPU for a 50 KB document's ~100 dirty pages, many of them shared with the next documents)
// and a full-text flush; 32 documents spread that to ~5% of the ingest. More would only hold
// more extracted documents in memory and delay the first file's move.
constexpr std::size_t k_max_batch = 32;

// The full-text merge steps (merge_index_step) start once no file has been seen for this long,
// so that files dropped one after another never wait for one; they are small (pages written
// per index) so that a file dropped during a step waits ~1 ms.
constexpr auto k_merge_after_quiet = std::chrono::milliseconds(200);
constexpr int k_merge_pages = 8;

}  // namespace

void Daemon::dispatch() {
    // Every worker busy, plus up to a batch of finished documents waiting for the writer: while
    // it commits one batch, the pool prepares the next (a 50 KB document's extraction holds
    // ~100 KB, so a full window is a few MB).
    const std::size_t window = static_cast<std::size_t>(config().drop.workers) + k_max_batch;
    const std::int64_t max_bytes = config().drop.max_file_bytes;
    // On a stop, files not yet started stay in the drop folder for the next start-up scan.
    while (!m_stopping && !m_ready.empty() && m_in_flight.size() < window) {
        auto item = std::make_shared<InFlight>();
        item->path = std::move(m_ready.front());
        m_ready.pop_front();
        item->may_be_interrupted = m_found_at_start.erase(item->path) > 0;
        m_in_flight.push_back(item);
        if (prepare_inline(*item)) continue;
        // The pool thread only reads item->path (not changed after this point) and builds a
        // result of its own; `item` itself is touched again only on the event loop, in the
        // handler posted back. `this` outlives both: run() returns only after the writer has
        // committed every item in flight, and joins the pool.
        net::post(m_pool, [this, item, max_bytes] {
            std::optional<PreparedDocument> prepared;
            std::string internal_error;
            try {
                prepared = prepare_document(item->path, max_bytes);
            } catch (const std::exception& e) {
                internal_error = e.what();
            } catch (...) {
                internal_error = "unknown exception";
            }
            net::post(m_io, [this, item, prepared = std::move(prepared),
                             internal_error = std::move(internal_error)]() mutable {
                item->prepared = std::move(prepared);
                item->internal_error = std::move(internal_error);
                item->done = true;
                m_writer_wake.cancel();
            });
        });
    }
}

// A small file that arrives alone (nothing else in flight or waiting) is prepared right here
// instead of on the pool: the trip to a pool thread and back is two thread wake-ups, which on
// a busy machine were most of the rename-to-row latency, while extracting 32 KiB keeps the
// event loop busy for a few milliseconds at most. Bursts still go to the pool. Not in poll
// mode, where the folder may be a network share and a read may block.
bool Daemon::prepare_inline(InFlight& item) {
    if (m_in_flight.size() != 1 || !m_ready.empty()) return false;
    if (config().drop.watch != config::WatchMode::inotify) return false;
    const auto signature = signature_of(item.path);
    if (!signature || !signature->regular || signature->size > k_inline_bytes) return false;
    try {
        item.prepared = prepare_document(item.path, config().drop.max_file_bytes);
    } catch (const std::exception& e) {
        item.internal_error = e.what();
    }
    item.done = true;
    m_writer_wake.cancel();
    return true;
}

net::awaitable<void> Daemon::writer_loop() {
    for (;;) {
        // Sleep until the oldest file in flight is ready. The timer's expiry is set once, in
        // run(); dispatch results and begin_stop() cancel the wait.
        while ((m_in_flight.empty() || !m_in_flight.front()->done) &&
               !(m_stopping && m_in_flight.empty())) {
            // Once no file has come for a while, the writer merges the full-text segments its
            // commits left (they no longer merge them: schema/0009), a small step at a time,
            // letting the loop read events between steps: a file dropped meanwhile waits one
            // step at most, and the merging waits again until files stop coming.
            if (m_index_merge_pending && m_in_flight.empty() && m_ready.empty() &&
                m_queue.waiting() == 0) {
                const auto quiet_from = m_last_file_seen + k_merge_after_quiet;
                if (net::steady_timer::clock_type::now() >= quiet_from) {
                    merge_index_step(k_merge_pages);
                    co_await net::post(m_io, net::use_awaitable);
                    continue;
                }
                // Woken at quiet_from, or earlier as always (a cancel) when a file is ready.
                m_writer_wake.expires_at(quiet_from);
                co_await m_writer_wake.async_wait(net::as_tuple(net::use_awaitable));
                m_writer_wake.expires_at(net::steady_timer::time_point::max());
                continue;
            }
            co_await m_writer_wake.async_wait(net::as_tuple(net::use_awaitable));
        }
        // Stopping with nothing in flight: everything read has been stored.
        if (m_in_flight.empty()) co_return;
        // Every file ready at the front, in dispatch order: one transaction for all of them.
        std::vector<std::shared_ptr<InFlight>> batch;
        while (!m_in_flight.empty() && m_in_flight.front()->done && batch.size() < k_max_batch) {
            batch.push_back(std::move(m_in_flight.front()));
            m_in_flight.pop_front();
        }
        // Refill the window before writing, so the pool reads the next files meanwhile.
        dispatch();
        if (batch.size() == 1) {
            commit(*batch.front());
        } else {
            commit_together(batch);
            // A backlog is being stored: merge as FTS5's automerge would have in the commit
            // (a step sized to the batch), so that the backlog leaves few segments behind for
            // the quiet spell after it, when single drops may come again.
            merge_index_step(k_merge_pages / 2 * static_cast<int>(batch.size()));
        }
        m_status_dirty = true;
        m_index_merge_pending = true;
        // In a burst the next result is usually ready already: let the loop read inotify
        // events and run its timers between two commits.
        co_await net::post(m_io, net::use_awaitable);
    }
}

void Daemon::merge_index_step(int pages) {
    auto merged = m_db.merge_full_text(pages);
    if (!merged) {
        // Another writer holding the database (the API, a hand-run sqlite3) or a full disk:
        // the next commit tries again. Searches are right meanwhile, only a little slower.
        if (merged.error().message() != m_index_merge_error) {
            m_index_merge_error = merged.error().message();
            log::warning("merging the full-text index failed (tried again after the next file): {}",
                         m_index_merge_error);
        }
        m_index_merge_pending = false;
        return;
    }
    m_index_merge_error.clear();
    m_index_merge_pending = *merged;
}

CommitOptions Daemon::commit_options(const InFlight& item) {
    return CommitOptions{.layout = m_layout,
                         .after_ingest = config().drop.after_ingest,
                         .month = m_month_folder.at(std::chrono::system_clock::now()),
                         .may_be_interrupted = item.may_be_interrupted};
}

bool Daemon::usable(const InFlight& item) {
    if (!item.internal_error.empty() || !item.prepared) return false;
    if (item.prepared->extraction) {
        for (const std::string& message : item.prepared->extraction->warnings) {
            log::warning("{}: {}", item.path, message);
        }
    }
    return true;
}

void Daemon::finish(const InFlight& item, const CommitResult& result) {
    record(item.path, result);
    std::optional<FileSignature> left;
    if (result.left_in_place) left = signature_of(item.path);
    m_queue.finish(item.path, left);
}

void Daemon::commit(InFlight& item) {
    const std::string& path = item.path;
    if (!usable(item)) {
        // A bug, not a bad file: the file stays where it is, and the daemon goes on.
        log::error("{}: internal error: {}", path, item.internal_error);
        m_queue.finish(path, signature_of(path));
        return;
    }
    try {
        finish(item, commit_document(m_db, std::move(*item.prepared), commit_options(item)));
    } catch (const std::exception& e) {
        log::error("{}: internal error: {}", path, e.what());
        m_queue.finish(path, signature_of(path));
    }
}

// Group commit: every file's rows in one transaction (each file all or nothing within it),
// then the moves. A file leaves the drop folder only after the COMMIT, so a crash before it
// leaves every file of the batch to be read again, and one after it leaves files whose rows
// are stored, which the start-up scan recognises (CommitOptions::may_be_interrupted).
void Daemon::commit_together(std::vector<std::shared_ptr<InFlight>>& batch) {
    std::vector<std::optional<CommitResult>> stored(batch.size());
    bool together = false;
    if (auto begun = m_db.begin_batch(); !begun) {
        log::error("cannot start a transaction: {}; storing files one by one",
                   begun.error().message());
    } else {
        try {
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (!usable(*batch[i])) continue;
                stored[i] = store_document(m_db, *batch[i]->prepared, commit_options(*batch[i]));
            }
            if (auto committed = m_db.commit_batch(); committed) {
                together = true;
            } else {
                log::error("cannot commit {} files together: {}; storing them one by one",
                           batch.size(), committed.error().message());
            }
        } catch (const std::exception& e) {
            m_db.rollback_batch();
            log::error("internal error storing {} files together: {}; storing them one by one",
                       batch.size(), e.what());
        }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        InFlight& item = *batch[i];
        if (!together || !stored[i]) {
            commit(item);  // rolled back (or never stored): on its own, as without a batch
            continue;
        }
        try {
            move_document(item.path, commit_options(item), *stored[i]);
            finish(item, *stored[i]);
        } catch (const std::exception& e) {
            log::error("{}: internal error: {}", item.path, e.what());
            m_queue.finish(item.path, signature_of(item.path));
        }
    }
}

void Daemon::record(const std::string& path, const CommitResult& result) {
    switch (result.disposition) {
        case Disposition::stored:
            ++m_counters.stored;
            break;
        case Disposition::updated:
            ++m_counters.updated;
            break;
        case Disposition::duplicate:
            ++m_counters.duplicate;
            break;
        case Disposition::recovered:
            ++m_counters.recovered;
            break;
        case Disposition::failed:
            ++m_counters.failed;
            break;
    }
    const std::string where =
        result.new_path.empty() ? std::string("left in place") : "moved to " + result.new_path;
    if (result.disposition == Disposition::failed) {
        log::warning("failed {}: {} ({})", path, result.detail, where);
        return;
    }
    log::info("{} {}: {} ({})", to_string(result.disposition), path, result.detail, where);
    if (m_context &&
        (result.disposition == Disposition::stored || result.disposition == Disposition::updated)) {
        m_context->document_stored();
    }
}

}  // namespace actiontrack::service
