// The daemon's life cycle: start-up in the order that makes READY=1 honest, signals, SIGHUP
// reload, graceful stop, and what systemd hears (STATUS=, WATCHDOG=1).

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <exception>
#include <filesystem>

#include "daemon/log.hpp"
#include "daemon/service_impl.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace actiontrack::service {

namespace {

// The handler every co_spawn gets: an exception escaping a coroutine is a bug; it is logged
// and the daemon stops with a failure rather than running on half-alive.
struct ReportEscape {
    Daemon* daemon;
    const char* what;
    void operator()(const std::exception_ptr& error) const;
};

std::string absolute_path(const std::string& path) {
    if (path == ":memory:") return path;
    return std::filesystem::absolute(path).lexically_normal().string();
}

}  // namespace

void ServiceContext::stop() const {
    for (const auto& handler : m_stop_handlers) handler();
}

void ServiceContext::reloaded(const config::Config& config) const {
    for (const auto& handler : m_reload_handlers) handler(config);
}

void ServiceContext::document_stored() const {
    for (const auto& handler : m_stored_handlers) handler();
}

Daemon::Daemon(config::LoadedConfig loaded, config::Overrides overrides, store::Store db,
               std::optional<store::WalCheckpointer> checkpointer, DropLayout layout,
               MonthFolder month_folder)
    : m_loaded(std::move(loaded)),
      m_overrides(std::move(overrides)),
      m_db(std::move(db)),
      m_checkpointer(std::move(checkpointer)),
      m_layout(std::move(layout)),
      m_month_folder(month_folder),
      m_pool(static_cast<std::size_t>(m_loaded.config.drop.workers)),
      m_signals(m_io, SIGTERM, SIGINT, SIGHUP),
      m_settle_wake(m_io),
      m_writer_wake(m_io),
      m_rescan_timer(m_io),
      m_watchdog_timer(m_io),
      m_status_timer(m_io),
      m_queue(m_loaded.config.drop.settle, m_loaded.config.drop.rename_settle) {
    if (m_checkpointer) {
        // Every commit of the writer counts, the web API's as well as the ingest's. The hook
        // runs inside the commit, where the Store must not be used: the check comes after it.
        m_db.defer_checkpoints([this] { net::post(m_io, [this] { maybe_checkpoint(); }); });
    }
}

int Daemon::run(const ServiceHooks& hooks) {
    if (auto watching = start_watching(); !watching) {
        log::error("{}", watching.error().message());
        return k_exit_failure;
    }
    m_context.emplace(m_io, m_db, m_loaded.config);
    for (const auto& start : hooks.starters) {
        if (auto started = start(*m_context); !started) {
            log::error("cannot start: {}", started.error().message());
            return k_exit_failure;
        }
    }

    // The writer waits on this timer when it has nothing to commit; it never expires, and
    // dispatch() and the pool's results cancel it.
    m_writer_wake.expires_at(net::steady_timer::time_point::max());
    auto spawn = [this](net::awaitable<void> coroutine, const char* what) {
        net::co_spawn(m_io, std::move(coroutine), ReportEscape{this, what});
    };
    spawn(signal_loop(), "signal handling");
    if (m_inotify_stream) spawn(inotify_loop(), "the inotify watcher");
    spawn(settle_loop(), "the settle timer");
    spawn(rescan_loop(), "the rescan timer");
    spawn(status_loop(), "status reporting");
    if (m_notifier.watchdog_interval()) spawn(watchdog_loop(), "the watchdog");
    spawn(writer_loop(), "the ingest writer");

    // Everything is up: configuration read, migrations applied, the folder watched and its
    // existing files queued, the hooks (listeners) started.
    log::info("watching {} ({}), database {}; {} files found at start-up", m_layout.drop,
              config::to_string(config().drop.watch), config().database.path,
              m_found_at_start.size());
    m_notifier.ready(status_line());
#if defined(__GLIBC__)
    // Start-up's temporaries (configuration, migrations, the first scan) are freed by now, but
    // malloc keeps their pages: give the free ones back once the loops above have made their
    // first allocations. Measured: the idle heap falls from 672 to 532 kB resident.
    net::post(m_io, [] { ::malloc_trim(0); });
#endif

    m_io.run();
    // The loop only runs out of work after begin_stop, once the writer has committed every
    // file in flight and a checkpoint under way has reported back: the pool has nothing left
    // to do.
    m_pool.join();
    log::info("stopped: {}", status_line());
    return m_exit_code;
}

net::awaitable<void> Daemon::signal_loop() {
    for (;;) {
        auto [error, signal] = co_await m_signals.async_wait(net::as_tuple(net::use_awaitable));
        if (error || m_stopping) co_return;
        if (signal == SIGHUP) {
            reload();
            continue;
        }
        log::info("{} received: finishing the files in hand, then stopping",
                  signal == SIGTERM ? "SIGTERM" : "SIGINT");
        begin_stop(k_exit_ok);
        co_return;
    }
}

void Daemon::begin_stop(int exit_code) {
    if (m_stopping) return;
    m_stopping = true;
    m_exit_code = exit_code;
    m_notifier.stopping();
    if (m_context) m_context->stop();
    // Closing the watch and cancelling every timer lets each coroutine see m_stopping and
    // return; the writer first stores (and moves) the files already read or being read.
    m_signals.cancel();
    if (m_inotify_stream) {
        boost::system::error_code ignored;
        m_inotify_stream->cancel(ignored);
    }
    m_settle_wake.cancel();
    m_writer_wake.cancel();
    m_rescan_timer.cancel();
    m_watchdog_timer.cancel();
    m_status_timer.cancel();
}

void Daemon::reload() {
    m_notifier.reloading();
    auto loaded = config::load_config(m_overrides);
    if (!loaded) {
        log::error("reload: keeping the running configuration: {}", loaded.error().message());
        m_notifier.reloaded(status_line());
        return;
    }
    config::Config& running = m_loaded.config;
    const config::Config& next = loaded->config;
    // What the running daemon can change on the fly. The folders, the database, the watch
    // mode and the thread count are wired into the running loop: they need a restart.
    const DropLayout next_layout =
        make_layout(next.drop.folder, next.drop.processed_folder, next.drop.failed_folder);
    if (next_layout.drop != m_layout.drop || next_layout.processed != m_layout.processed ||
        next_layout.failed != m_layout.failed ||
        absolute_path(next.database.path) != running.database.path ||
        next.drop.watch != running.drop.watch || next.drop.workers != running.drop.workers) {
        log::warning("reload: changes to the folders, database, watch mode or workers take "
                     "effect after a restart");
    }
    if (next.notify.enabled != running.notify.enabled) {
        log::warning("reload: notify.enabled = {} takes effect after a restart",
                     next.notify.enabled);
    }
    running.log_level = next.log_level;
    if (next.time_zone != running.time_zone) {
        if (auto months = MonthFolder::in_zone(next.time_zone); months) {
            m_month_folder = *months;
        } else {
            log::warning("reload: {}; processed/ months stay in {}", months.error().message(),
                         running.time_zone);
        }
    }
    running.time_zone = next.time_zone;
    running.drop.poll_interval = next.drop.poll_interval;
    running.drop.settle = next.drop.settle;
    running.drop.rename_settle = next.drop.rename_settle;
    running.drop.rescan_interval = next.drop.rescan_interval;
    running.drop.ignore = next.drop.ignore;
    running.drop.after_ingest = next.drop.after_ingest;
    running.drop.max_file_bytes = next.drop.max_file_bytes;
    running.http = next.http;
    running.notify = next.notify;
    running.smtp = next.smtp;
    running.webhooks = next.webhooks;
    running.owners = next.owners;
    m_loaded.origins = std::move(loaded->origins);
    log::set_level(running.log_level);
    m_queue.set_settle(running.drop.settle, running.drop.rename_settle);
    m_rescan_timer.cancel();  // picks up the new interval
    if (m_context) m_context->reloaded(running);
    log::info("reloaded the configuration from {}",
              loaded->file.empty() ? std::string("the command line") : loaded->file);
    m_notifier.reloaded(status_line());
}

std::string Daemon::status_line() const {
    return fmt::format("{} stored, {} updated, {} duplicate, {} failed; {} waiting, {} in progress",
                       m_counters.stored, m_counters.updated, m_counters.duplicate,
                       m_counters.failed, m_queue.waiting(), m_queue.busy());
}

net::awaitable<void> Daemon::status_loop() {
    // STATUS= at most once a second: `systemctl status` stays current without a datagram per
    // file during a bulk drop.
    while (!m_stopping) {
        if (m_status_dirty) {
            m_status_dirty = false;
            m_notifier.status(status_line());
        }
        m_status_timer.expires_after(std::chrono::seconds(1));
        co_await m_status_timer.async_wait(net::as_tuple(net::use_awaitable));
    }
}

net::awaitable<void> Daemon::watchdog_loop() {
    // Pinged from the event loop itself, so a loop stuck in a handler misses its pings and
    // systemd restarts the service.
    const auto interval = *m_notifier.watchdog_interval();
    while (!m_stopping) {
        m_notifier.watchdog();
        m_watchdog_timer.expires_after(interval);
        co_await m_watchdog_timer.async_wait(net::as_tuple(net::use_awaitable));
    }
}

namespace {

void ReportEscape::operator()(const std::exception_ptr& error) const {
    if (!error) return;
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        log::error("internal error in {}: {}", what, e.what());
    } catch (...) {
        log::error("internal error in {}", what);
    }
    daemon->begin_stop(k_exit_failure);
}

}  // namespace

int run_daemon(config::LoadedConfig loaded, config::Overrides overrides,
               const ServiceHooks& hooks) {
    log::detect_journal();
    log::set_level(loaded.config.log_level);
    DropLayout layout = make_layout(loaded.config.drop.folder, loaded.config.drop.processed_folder,
                                    loaded.config.drop.failed_folder);
    if (auto prepared = prepare_layout(layout); !prepared) {
        log::error("{}", prepared.error().message());
        return k_exit_failure;
    }
    // The configuration loader checked that the zone's file exists; this reads it.
    auto month_folder = MonthFolder::in_zone(loaded.config.time_zone);
    if (!month_folder) {
        log::error("time_zone: {}", month_folder.error().message());
        return k_exit_config;
    }
    auto db = store::Store::open(loaded.config.database.path);
    if (!db) {
        log::error("{}: {}", loaded.config.database.path, db.error().message());
        return k_exit_failure;
    }
    // The writer's WAL checkpoints run on the pool, from a connection of their own, so that no
    // commit pays for one (service_checkpoint.cpp). Without that connection the writer keeps
    // SQLite's own checkpoints: slower commits now and then, but a log that stays bounded.
    std::optional<store::WalCheckpointer> checkpointer;
    if (loaded.config.database.path != ":memory:") {
        if (auto opened = store::WalCheckpointer::open(loaded.config.database.path); opened) {
            checkpointer.emplace(std::move(*opened));  // the Daemon defers the writer's own
        } else {
            log::warning("the writer checkpoints the WAL itself: {}", opened.error().message());
        }
    }
    // Absolute from here on: the hooks and the log should not depend on the working folder.
    loaded.config.database.path = absolute_path(loaded.config.database.path);
    loaded.config.drop.folder = layout.drop;
    Daemon daemon(std::move(loaded), std::move(overrides), std::move(*db), std::move(checkpointer),
                  std::move(layout), *month_folder);
    return daemon.run(hooks);
}

}  // namespace actiontrack::service
