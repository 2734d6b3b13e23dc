#pragma once
// The web server's settings: a plain struct with defaults; the daemon fills it from the [http]
// section of its config, `actiontrack serve` from its options.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace actiontrack::web {

struct WebSettings {
    std::string address = "127.0.0.1";  // where to listen; loopback unless configured
    std::uint16_t port = 8080;          // 0 picks a free port (tests); see HttpServer::port()
    std::string public_url;             // e.g. "https://actions.example.gov.uk"; for links, UIDs
    bool require_token_for_reads = false;  // reads need a Bearer token or a session too
    std::size_t max_body_bytes = 1024 * 1024;  // request bodies above this get 413
    std::size_t max_header_bytes = 16 * 1024;  // request line + headers above this get 431
    // A whole request (headers and body) must arrive within this time, and an idle keep-alive
    // connection is closed after it: a slow-loris client cannot hold a connection longer.
    std::chrono::seconds request_timeout{15};
    std::chrono::hours session_lifetime{12};  // dashboard log-in cookie lifetime
    // Threads that answer reads, each with its own SQLite connection; requests that write are
    // always answered on the loop thread, which owns the writer. 0: the loop answers all.
    std::size_t threads = 2;
    // The IANA zone whose date is "today" for overdue, amber and "due this week".
    std::string time_zone = "Europe/London";
};

}  // namespace actiontrack::web
