#pragma once
// The web application without the network: one Request in, one Response out. Routing,
// authentication, conditional GETs and error mapping live here; http_server.cpp only moves
// bytes. Tests can call handle() directly. Used from one thread.

#include <functional>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "web/http_types.hpp"
#include "web/metrics.hpp"
#include "web/reader.hpp"
#include "web/web_settings.hpp"

namespace actiontrack::web {

class WriteGate;

class App {
  public:
    App(WebSettings settings, Reader reader, WriteGate& gate);

    // Never throws: an exception from a handler (a bug) becomes a 500 with a short detail.
    Response handle(const Request& request);

    // An extra readiness condition for /readyz (the daemon: "is the watcher running?").
    void set_readiness_check(std::function<Result<void>()> check) {
        m_readiness = std::move(check);
    }
    Metrics& metrics() { return m_metrics; }
    Reader& reader() { return m_reader; }
    const WebSettings& settings() const { return m_settings; }

  private:
    Response route(Request const& request);

    WebSettings m_settings;
    Reader m_reader;
    WriteGate* m_gate;
    Metrics m_metrics;
    std::function<Result<void>()> m_readiness;
};

}  // namespace actiontrack::web
