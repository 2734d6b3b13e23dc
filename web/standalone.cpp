#include "web/standalone.hpp"

#include <fmt/core.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <charconv>
#include <csignal>

#include "store/store.hpp"
#include "web/http_server.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web {

namespace net = boost::asio;

Result<void> serve_standalone(WebSettings settings, const std::string& db_path,
                              const std::function<void(std::uint16_t)>& on_listening) {
    // The writer first: it creates or migrates the database that the server's reader opens.
    TRY_ASSIGN(writer, store::Store::open(db_path));
    WriteGate gate(writer);
    // This thread runs the loop: it owns the writer and answers every request that writes (see
    // write_gate.hpp); the server's own threads answer the reads.
    net::io_context io(1);
    HttpServer server(io, std::move(settings), db_path, gate);
    TRY(server.start());
    net::signal_set signals(io, SIGINT, SIGTERM);
    // The handler captures the server by reference: both live until io.run() returns below.
    signals.async_wait([&server](const boost::system::error_code& ec, int) {
        if (!ec) server.stop();
    });
    on_listening(server.port());
    io.run();
    return {};
}

Result<void> parse_listen_address(std::string_view text, WebSettings& settings) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
        return Error(fmt::format("'{}' is not ADDRESS:PORT", text));
    }
    std::string_view address = text.substr(0, colon);
    const std::string_view port = text.substr(colon + 1);
    if (address.starts_with('[') && address.ends_with(']')) {
        address = address.substr(1, address.size() - 2);
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value > 65535) {
        return Error(fmt::format("'{}' is not a port number", port));
    }
    settings.address = address.empty() ? std::string("127.0.0.1") : std::string(address);
    settings.port = static_cast<std::uint16_t>(value);
    return {};
}

}  // namespace actiontrack::web
