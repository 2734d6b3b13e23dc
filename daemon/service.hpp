#pragma once
// `actiontrack daemon`: the long-running service. Watches the drop folder, ingests what lands
// in it, answers SIGHUP (reload), SIGTERM/SIGINT (finish the file in hand, exit 0) and talks
// to systemd. Asio stays out of this header: the event loop is service.cpp's business; other
// subsystems (the web server, the notifier) plug in through ServiceHooks and get the loop.

#include <functional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "daemon/config.hpp"
#include "daemon/config_loader.hpp"

namespace boost::asio {
class io_context;
}

namespace actiontrack::store {
class Store;
}

namespace actiontrack::service {

// What a subsystem started by the daemon gets: the event loop (one thread; everything that
// touches it runs there), the register's single writer, the configuration as loaded, and
// places to hook stop and reload.
class ServiceContext {
  public:
    ServiceContext(boost::asio::io_context& io, store::Store& writer, const config::Config& config)
        : m_io(io), m_writer(writer), m_config(config) {}

    boost::asio::io_context& io() { return m_io; }
    // The daemon's one writer connection: use it only on the event loop's thread, where ingest
    // uses it too, so no two writes ever overlap. Valid until the loop has stopped.
    store::Store& writer() { return m_writer; }
    // The configuration at start-up. Absolute paths for the database and folders.
    const config::Config& config() const { return m_config; }

    // Called on SIGTERM/SIGINT, on the event loop, before the daemon waits for work in hand:
    // close acceptors, cancel timers, so that io_context::run() can return.
    void on_stop(std::function<void()> handler) { m_stop_handlers.push_back(std::move(handler)); }
    // Called on the event loop after a successful SIGHUP reload with the new configuration.
    void on_reload(std::function<void(const config::Config&)> handler) {
        m_reload_handlers.push_back(std::move(handler));
    }
    // Called on the event loop after each document is stored or updated (not for duplicates or
    // failures), e.g. to refresh a cache or schedule reminders.
    void on_document_stored(std::function<void()> handler) {
        m_stored_handlers.push_back(std::move(handler));
    }

    // For the daemon itself.
    void stop() const;
    void reloaded(const config::Config& config) const;
    void document_stored() const;

  private:
    boost::asio::io_context& m_io;
    store::Store& m_writer;
    const config::Config& m_config;
    std::vector<std::function<void()>> m_stop_handlers;
    std::vector<std::function<void(const config::Config&)>> m_reload_handlers;
    std::vector<std::function<void()>> m_stored_handlers;
};

// Subsystems to start inside the daemon. Each starter runs on the event loop thread after the
// database is open and the drop folder is watched, and before READY=1 is sent; it typically
// co_spawns its coroutines on context.io() and registers an on_stop handler. An error stops
// the daemon before it reports ready (exit 1).
//
//   hooks.starters.push_back([](ServiceContext& context) -> Result<void> {
//       return web::start(context);  // e.g. the web server, the notifier
//   });
struct ServiceHooks {
    std::vector<std::function<Result<void>(ServiceContext&)>> starters;
};

// Exit codes of run_daemon.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_failure = 1;   // the database or drop folder cannot be used
inline constexpr int k_exit_config = 78;   // EX_CONFIG: a bad configuration

// Runs the daemon until SIGTERM/SIGINT (returns 0) or a fatal error (returns 1).
// `overrides` are kept so that a SIGHUP reload re-reads the file and re-applies the same flags.
int run_daemon(config::LoadedConfig loaded, config::Overrides overrides,
               const ServiceHooks& hooks);

}  // namespace actiontrack::service
