#include "daemon/web_service.hpp"

#include <memory>

#include "daemon/service.hpp"
#include "web/http_server.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web_service {

Result<void> start_web_server(service::ServiceContext& context) {
    const config::Config& config = context.config();
    const config::HttpConfig& http = config.http;
    if (!http.enabled) return {};
    web::WebSettings settings;
    settings.address = http.address;
    settings.port = static_cast<std::uint16_t>(http.port);
    settings.public_url = http.public_url;
    settings.require_token_for_reads = http.require_token_for_reads;
    settings.max_body_bytes = static_cast<std::size_t>(http.max_body_bytes);
    settings.threads = static_cast<std::size_t>(http.threads);
    settings.time_zone = config.time_zone;

    // Writes from the web go through the daemon's own writer, the one ingest uses: the server
    // runs every request that writes on this event loop (see web/write_gate.hpp), so a PATCH
    // and an ingest never overlap and there is one writer connection, not two.
    auto gate = std::make_shared<web::WriteGate>(context.writer());
    const std::string& db_path = config.database.path;
    auto server = std::make_shared<web::HttpServer>(context.io(), settings, db_path, *gate);
    if (auto started = server->start(); !started)
        return Error("web server on " + http.address + ":" + std::to_string(http.port) + ": " +
                     started.error().message());
    // The stop handler keeps the server and its gate alive until the loop ends.
    context.on_stop([server, gate] { server->stop(); });
    return {};
}

}  // namespace actiontrack::web_service
