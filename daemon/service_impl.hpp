#pragma once
// The daemon's internals, shared by service.cpp (start-up, signals, reload, stop, systemd),
// service_watch.cpp (inotify, polling, the settle rule), service_ingest.cpp (the ingest
// pipeline) and service_checkpoint.cpp (the writer's WAL checkpoints). The only header besides
// net/ that includes Asio; nothing outside those four files includes it.
//
// Threads: one event-loop thread runs every coroutine here and owns the Store (the single
// writer) and all bookkeeping; a small thread pool runs prepare_document (read, hash, extract)
// and the writer's WAL checkpoints (one at a time, on the WalCheckpointer's own connection),
// whose results are handed back to the loop. No locks are needed.
//
// The ingest pipeline: settled files wait in m_ready; dispatch() hands them to the pool while
// fewer than workers + a batch are in flight (every worker busy, and results ready for the
// writer); writer_loop() commits them strictly in the order they were dispatched (all that are
// ready in one transaction), so that minutes and their correction dropped one after the other
// are stored in that order however long each takes to extract, and reading and extracting the
// next files overlaps with the transaction of these.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "daemon/config_loader.hpp"
#include "daemon/drop_folder.hpp"
#include "daemon/ingest_pipeline.hpp"
#include "daemon/inotify_watch.hpp"
#include "daemon/month_folder.hpp"
#include "daemon/service.hpp"
#include "daemon/settle_queue.hpp"
#include "daemon/systemd_notify.hpp"
#include "store/store.hpp"
#include "store/wal_checkpointer.hpp"

namespace actiontrack::service {

namespace net = boost::asio;

struct Counters {
    std::int64_t stored = 0;
    std::int64_t updated = 0;
    std::int64_t duplicate = 0;
    std::int64_t recovered = 0;
    std::int64_t failed = 0;
};

class Daemon {
  public:
    // `checkpointer` checkpoints the WAL of `db`, whose own checkpoints the caller deferred;
    // without one, `db` checkpoints on its commits as SQLite does by default.
    Daemon(config::LoadedConfig loaded, config::Overrides overrides, store::Store db,
           std::optional<store::WalCheckpointer> checkpointer, DropLayout layout,
           MonthFolder month_folder);
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    // Sets up the watch and the start-up scan, starts the hooks, sends READY=1, runs the loop
    // until stopped. Returns the exit code.
    int run(const ServiceHooks& hooks);

    // Stops watching, lets the writer store the files in hand, then run() returns `exit_code`.
    // Idempotent; the first exit code wins.
    void begin_stop(int exit_code);

  private:
    // --- service.cpp
    net::awaitable<void> signal_loop();
    net::awaitable<void> watchdog_loop();
    net::awaitable<void> status_loop();
    void reload();
    std::string status_line() const;

    // --- service_watch.cpp
    Result<void> start_watching();
    net::awaitable<void> inotify_loop();
    net::awaitable<void> settle_loop();
    net::awaitable<void> rescan_loop();
    // Scans `root` (adding inotify watches for its folders in inotify mode) and notices files.
    void scan(const std::string& root, Trigger trigger);
    void handle(const WatchEvent& event);
    void notice(const std::string& path, const FileSignature& signature, Trigger trigger);
    // Moves due files that passed the final checks to the ready list and dispatches them.
    void release_due();

    // --- service_ingest.cpp
    // A file handed to the pool, in dispatch order.
    struct InFlight {
        std::string path;
        bool may_be_interrupted = false;  // see CommitOptions::may_be_interrupted
        bool done = false;                // set on the event loop when the pool is done with it
        std::optional<PreparedDocument> prepared;
        std::string internal_error;  // what prepare_document threw (a bug), when it did
    };
    void dispatch();
    bool prepare_inline(InFlight& item);
    net::awaitable<void> writer_loop();
    CommitOptions commit_options(const InFlight& item);
    // Whether the pool's result can be stored (logs the extraction's warnings when it can).
    bool usable(const InFlight& item);
    // Stores and moves one file in its own transaction.
    void commit(InFlight& item);
    // Stores every file of `batch` in one transaction, then moves them; see the .cpp.
    void commit_together(std::vector<std::shared_ptr<InFlight>>& batch);
    void finish(const InFlight& item, const CommitResult& result);
    void record(const std::string& path, const CommitResult& result);
    // One step of merging the full-text indexes (Store::merge_full_text), writing about `pages`
    // pages per index; clears m_index_merge_pending when there is nothing left to merge.
    void merge_index_step(int pages);

    // --- service_checkpoint.cpp
    // After each commit of the writer: hands a WAL checkpoint to the pool when the log has
    // grown enough since the last one.
    void maybe_checkpoint();
    void start_checkpoint();
    void checkpoint_done(const Result<store::CheckpointCounts>& result);
    // Logs a checkpoint's outcome and remembers what it copied; false when it failed.
    bool note_checkpoint(const Result<store::CheckpointCounts>& result, const char* where);

    const config::Config& config() const { return m_loaded.config; }

    config::LoadedConfig m_loaded;
    config::Overrides m_overrides;
    store::Store m_db;
    // Runs on the pool, so it is declared before m_pool: it outlives every pool job.
    std::optional<store::WalCheckpointer> m_checkpointer;
    DropLayout m_layout;
    MonthFolder m_month_folder;  // processed/YYYY/MM in config().time_zone

    net::io_context m_io{1};
    net::thread_pool m_pool;
    net::signal_set m_signals;
    net::steady_timer m_settle_wake;   // cancelled to wake settle_loop
    net::steady_timer m_writer_wake;   // cancelled to wake writer_loop
    net::steady_timer m_rescan_timer;  // cancelled on reload (new interval) and stop
    net::steady_timer m_watchdog_timer;
    net::steady_timer m_status_timer;
    std::optional<InotifyWatch> m_inotify;
    std::optional<net::posix::stream_descriptor> m_inotify_stream;

    SettleQueue m_queue;
    std::deque<std::string> m_ready;  // settled files, in progress in m_queue, not yet taken
    std::deque<std::shared_ptr<InFlight>> m_in_flight;  // with the pool or the writer
    std::unordered_set<std::string> m_found_at_start;  // see CommitOptions::may_be_interrupted
    Counters m_counters;
    bool m_checkpoint_running = false;  // a checkpoint is with the pool
    // Frames copied by the last checkpoint that completed, counted from the log's start; 0 once
    // the log restarted.
    std::int64_t m_checkpointed_frames = 0;
    std::string m_checkpoint_error;  // the last failure's message, so that it is logged once
    bool m_status_dirty = true;
    // Commits have added full-text segments that may want merging (see merge_index_step).
    bool m_index_merge_pending = true;
    // When a file was last noticed: merging waits for a quiet spell after it.
    net::steady_timer::time_point m_last_file_seen{};
    std::string m_index_merge_error;  // the last merge step's failure, logged once
    bool m_stopping = false;
    int m_exit_code = k_exit_ok;
    std::optional<ServiceContext> m_context;
    SystemdNotifier m_notifier;
};

}  // namespace actiontrack::service
