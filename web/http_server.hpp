#pragma once
// The HTTP/1.1 server of the officer's view: JSON API, dashboard, exports and metrics.
// Beast stays behind the pimpl, so including this header costs nothing.
//
// Threading: the io_context given to the constructor is "the loop", run by one thread that owns
// the writer Store behind the WriteGate (the daemon's event loop; see write_gate.hpp). The
// listener runs there, and so does every request that writes. Reads are answered by
// WebSettings::threads threads of the server's own, each with its own io_context, SQLite
// connection (store::Reader) and metrics recorder, sharing nothing on the way; with threads = 0
// the loop answers everything itself.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "web/web_settings.hpp"

namespace boost::asio {
class io_context;
}

namespace actiontrack::web {

class WriteGate;
class Metrics;

class HttpServer {
  public:
    // Nothing happens until start(). `gate` must outlive the server.
    HttpServer(boost::asio::io_context& io, WebSettings settings, std::string db_path,
               WriteGate& gate);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    // Stops (see stop()) and joins the serving threads, cutting short whatever they still have
    // in hand. Destroy it on the loop thread or after the loop has stopped running.
    ~HttpServer();

    // Opens the read connections, starts the serving threads and listens. Fails when the
    // database cannot be read (or is older than schema 4), the time zone is unknown, or the
    // address cannot be bound (in use, bad address).
    Result<void> start();

    // Stops accepting, closes idle keep-alive connections and lets requests in hand finish;
    // the loop then runs out of server work once the serving threads have finished theirs.
    // Idempotent. Call on the loop thread.
    void stop();

    // The port actually bound (useful with port 0); 0 before start().
    std::uint16_t port() const;

    // An extra condition for /readyz: the daemon passes "the watcher is running".
    void set_readiness_check(std::function<Result<void>()> check);

    // The metrics registry, so the daemon can report document parse times to /metrics.
    // Valid after a successful start().
    Metrics& metrics();

    // The state shared with the connection coroutines; defined in http_server.cpp (public only
    // so the coroutines there can name it).
    struct Impl;

  private:
    std::shared_ptr<Impl> m_impl;  // shared with the sessions, which may outlive a stop()
};

}  // namespace actiontrack::web
