#pragma once
// `actiontrack serve`: the web server on its own io_context, without the daemon's watcher and
// reminders, for tests, benchmarks and a read-mostly deployment.

#include <cstdint>
#include <functional>
#include <string>

#include "common/result.hpp"
#include "web/web_settings.hpp"

namespace actiontrack::web {

// Opens the writer Store at `db_path` (applying migrations), starts the server, calls
// `on_listening` with the bound port, and serves until SIGINT or SIGTERM; then stops
// gracefully and returns. Fails when the database or the address cannot be opened.
Result<void> serve_standalone(WebSettings settings, const std::string& db_path,
                              const std::function<void(std::uint16_t)>& on_listening);

// "127.0.0.1:8080", "[::1]:8080" or ":8080" into address and port; fails with a message.
Result<void> parse_listen_address(std::string_view text, WebSettings& settings);

}  // namespace actiontrack::web
