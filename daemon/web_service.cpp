#include "daemon/web_service.hpp"

#include <memory>

#include "daemon/service.hpp"
#include "store/store.hpp"
#include "web/http_server.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web_service {

Result<void> start_web_server(service::ServiceContext& context) {
    const config::HttpConfig& http = context.config().http;
    if (!http.enabled) return {};
    web::WebSettings settings;
    settings.address = http.address;
    settings.port = static_cast<std::uint16_t>(http.port);
    settings.public_url = http.public_url;
    settings.require_token_for_reads = http.require_token_for_reads;
    settings.max_body_bytes = static_cast<std::size_t>(http.max_body_bytes);

    // The web server's writes go through a Store of its own, used only on the daemon's one
    // event-loop thread: the ingest writer runs on that thread too, so no two writes ever
    // overlap, which is what "one writer" protects; SQLite's lock and busy_timeout back it up.
    const std::string& db_path = context.config().database.path;
    auto writer = store::Store::open(db_path);
    if (!writer) return Error("web server: " + writer.error().message());
    auto store = std::make_shared<store::Store>(std::move(*writer));
    auto gate = std::make_shared<web::WriteGate>(*store);
    auto server = std::make_shared<web::HttpServer>(context.io(), settings, db_path, *gate);
    if (auto started = server->start(); !started)
        return Error("web server on " + http.address + ":" + std::to_string(http.port) + ": " +
                     started.error().message());
    // The stop handler keeps the server, its gate and its store alive until the loop ends.
    context.on_stop([server, gate, store] { server->stop(); });
    return {};
}

}  // namespace actiontrack::web_service
