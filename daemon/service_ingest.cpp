// The ingest lanes: each takes a settled file, has a pool thread read and extract it, then
// stores it and moves it on the event-loop thread (the single writer). `workers` lanes run at
// once, so reading and extracting overlap with the previous file's transaction.

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

#include "daemon/log.hpp"
#include "daemon/service_impl.hpp"

namespace actiontrack::service {

namespace {

// Runs on a pool thread. Parameters by value: the coroutine outlives the caller's frame.
net::awaitable<PreparedDocument> prepare_on_pool(std::string path, std::int64_t max_bytes) {
    co_return prepare_document(path, max_bytes);
}

}  // namespace

net::awaitable<void> Daemon::ingest_lane() {
    for (;;) {
        // Take the next settled file, or sleep until release_due() (or a stop) wakes us.
        // The timer's expiry is set once, in run(): setting it here would cancel the other
        // lanes' waits, and the lanes would wake each other forever.
        while (m_ready.empty() && !m_stopping) {
            co_await m_lanes_wake.async_wait(net::as_tuple(net::use_awaitable));
        }
        // On a stop, files not yet started stay in the drop folder for the next start-up scan.
        if (m_stopping) co_return;
        std::string path = std::move(m_ready.front());
        m_ready.pop_front();

        std::optional<FileSignature> left;
        try {
            PreparedDocument prepared = co_await net::co_spawn(
                m_pool, prepare_on_pool(path, config().drop.max_file_bytes), net::use_awaitable);
            if (prepared.extraction) {
                for (const std::string& message : prepared.extraction->warnings) {
                    log::warning("{}: {}", path, message);
                }
            }
            CommitOptions options{.layout = m_layout,
                                  .after_ingest = config().drop.after_ingest,
                                  .month = m_month_folder.at(std::chrono::system_clock::now()),
                                  .may_be_interrupted = m_found_at_start.erase(path) > 0};
            CommitResult result = commit_document(m_db, std::move(prepared), options);
            record(path, result);
            if (result.left_in_place) left = signature_of(path);
        } catch (const std::exception& e) {
            // A bug, not a bad file: the file stays where it is, and the daemon goes on.
            log::error("{}: internal error: {}", path, e.what());
            left = signature_of(path);
        }
        m_queue.finish(path, left);
        m_status_dirty = true;
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
    if (m_context && (result.disposition == Disposition::stored ||
                      result.disposition == Disposition::updated)) {
        m_context->document_stored();
    }
}

}  // namespace actiontrack::service
