#pragma once
// The web application without the network: one Request in, one Response out. Routing,
// authentication, conditional GETs and error mapping live here; http_server.cpp only moves
// bytes. Tests can call handle() directly. Used from one thread; the server runs one App per
// serving thread, each with its own SQLite connection.

#include <functional>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "store/reader.hpp"
#include "web/http_types.hpp"
#include "web/metrics.hpp"
#include "web/today.hpp"
#include "web/web_settings.hpp"

namespace actiontrack::web {

class WriteGate;

class App {
  public:
    // `gate` is null for an App that only reads: it answers requests that write with a 500
    // (the server never sends it one; see http_server.cpp). `metrics` must outlive the App.
    App(WebSettings settings, Today today, store::Reader reader, WriteGate* gate, Metrics& metrics);

    // Never throws: an exception from a handler (a bug) becomes a 500 with a short detail.
    Response handle(const Request& request);

    // An extra readiness condition for /readyz (the daemon: "is the watcher running?").
    void set_readiness_check(std::function<Result<void>()> check) {
        m_readiness = std::move(check);
    }
    store::Reader& reader() { return m_reader; }
    const WebSettings& settings() const { return m_settings; }

  private:
    Response route(Request const& request);

    WebSettings m_settings;
    Today m_today;
    store::Reader m_reader;
    WriteGate* m_gate;
    Metrics* m_metrics;
    std::function<Result<void>()> m_readiness;
};

}  // namespace actiontrack::web
