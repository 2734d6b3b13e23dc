// The Beast side of the server, in the style of Boost 1.81's
// example/http/server/awaitable/http_server_awaitable.cpp: one coroutine accepts, one coroutine
// per connection reads a request, hands it to App, writes the response, and loops while the
// connection is kept alive. Every read and write has a deadline (tcp_stream::expires_after).
//
// Lifetimes: Impl is held by shared_ptr; the listener and every session coroutine hold a copy,
// so the App and the connection registry live until the last session has finished, even if
// HttpServer itself is destroyed first.

#include "web/http_server.hpp"

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <list>
#include <optional>

#include "web/app.hpp"
#include "web/query_string.hpp"
#include "web/reader.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct HttpServer::Impl {
    net::io_context& m_io;
    WebSettings m_settings;
    std::string m_db_path;
    WriteGate& m_gate;
    std::optional<App> m_app;
    std::optional<tcp::acceptor> m_acceptor;
    std::function<Result<void>()> m_readiness;
    bool m_stopping = false;
    std::uint16_t m_port = 0;
    // Connections waiting for a request; stop() closes these. A connection busy with a request
    // is not in the list, so stop() never cuts a response short.
    std::list<beast::tcp_stream*> m_idle;
};

namespace {

using ImplPtr = std::shared_ptr<HttpServer::Impl>;

Request to_request(const http::request<http::string_body>& message) {
    Request request;
    const std::string_view target(message.target().data(), message.target().size());
    request.method = std::string(message.method_string());
    request.target = std::string(target);
    const std::size_t question = target.find('?');
    request.path = percent_decode(target.substr(0, question), false).value_or(std::string("\x01") + "undecodable");
    if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
    request.authorization = std::string(message[http::field::authorization]);
    request.cookie = std::string(message[http::field::cookie]);
    request.content_type = std::string(message[http::field::content_type]);
    request.if_match = std::string(message[http::field::if_match]);
    request.if_none_match = std::string(message[http::field::if_none_match]);
    request.body = message.body();
    return request;
}

http::response<http::string_body> to_message(Response response, unsigned version,
                                             bool keep_alive, bool head) {
    http::response<http::string_body> message{static_cast<http::status>(response.status),
                                              version};
    message.set(http::field::server, "actiontrack");
    if (response.status != 304 && response.status != 204) {
        message.set(http::field::content_type, response.content_type);
    }
    message.set(http::field::cache_control, response.cache_control);
    message.set("X-Content-Type-Options", "nosniff");
    if (!response.etag.empty()) message.set(http::field::etag, response.etag);
    for (auto& [name, value] : response.headers) message.insert(name, value);
    message.keep_alive(keep_alive);
    if (head) {
        message.content_length(response.body.size());
    } else {
        message.body() = std::move(response.body);
        message.prepare_payload();
    }
    return message;
}

// An error found while reading, before any App is involved.
Response read_error_response(const beast::error_code& ec) {
    if (ec == http::error::body_limit) {
        return json_error(413, "payload too large", "the request body is over the limit");
    }
    if (ec == http::error::header_limit) {
        return json_error(431, "request header fields too large", "the headers are over 16 KiB");
    }
    return json_error(400, "bad request", ec.message());
}

// After an error reply on a connection whose request we did not read to the end, stop sending
// and drain what the client still sends for a moment: closing with unread bytes would make the
// kernel send a reset, which can destroy our reply before the client reads it.
net::awaitable<void> linger_close(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, 8192> sink{};
    std::size_t drained = 0;
    stream.expires_after(std::chrono::seconds(2));
    while (drained < 8 * 1024 * 1024) {
        auto [read_ec, n] = co_await stream.async_read_some(
            net::buffer(sink), net::as_tuple(net::use_awaitable));
        if (read_ec) break;
        drained += n;
    }
    stream.socket().close(ec);
}

// One connection: parameters by value (STYLE 7), the Impl kept alive by the shared_ptr.
net::awaitable<void> run_session(tcp::socket socket, ImplPtr impl) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    const WebSettings& settings = impl->m_settings;
    while (!impl->m_stopping) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(settings.max_body_bytes);
        parser.header_limit(static_cast<std::uint32_t>(settings.max_header_bytes));
        // One deadline covers the idle wait and the whole request: a client that trickles
        // bytes (slow loris) is cut off when it expires.
        stream.expires_after(settings.request_timeout);
        impl->m_idle.push_front(&stream);
        const auto idle_entry = impl->m_idle.begin();
        auto [ec, ignored] = co_await http::async_read(stream, buffer, parser,
                                                        net::as_tuple(net::use_awaitable));
        impl->m_idle.erase(idle_entry);
        if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
            ec == beast::error::timeout || ec == net::error::connection_reset ||
            ec == net::error::eof) {
            break;
        }
        if (ec) {
            // Malformed or oversized: answer once, then close (the stream is out of step).
            Response response = read_error_response(ec);
            impl->m_app->metrics().observe_request("(unparsed)", response.status, 0);
            auto message = to_message(std::move(response), 11, false, false);
            stream.expires_after(std::chrono::seconds(10));
            auto [write_ec, written] = co_await http::async_write(
                stream, message, net::as_tuple(net::use_awaitable));
            if (!write_ec) co_await linger_close(stream);
            break;
        }
        const auto& message = parser.get();
        const auto started = std::chrono::steady_clock::now();
        Request request = to_request(message);
        Response response = impl->m_app->handle(request);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        impl->m_app->metrics().observe_request(response.route.empty() ? "(other)" : response.route,
                                               response.status, took.count());
        const bool keep_alive = message.keep_alive() && !impl->m_stopping;
        auto reply = to_message(std::move(response), message.version(), keep_alive,
                                message.method() == http::verb::head);
        stream.expires_after(std::chrono::seconds(30));
        auto [write_ec, written] =
            co_await http::async_write(stream, reply, net::as_tuple(net::use_awaitable));
        if (write_ec || !keep_alive) break;
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

net::awaitable<void> run_listener(ImplPtr impl) {
    while (!impl->m_stopping) {
        auto [ec, socket] =
            co_await impl->m_acceptor->async_accept(net::as_tuple(net::use_awaitable));
        if (ec == net::error::operation_aborted || impl->m_stopping) break;
        if (ec) continue;  // e.g. too many open files: keep serving the connections we have
        socket.set_option(tcp::no_delay(true), ec);
        net::co_spawn(impl->m_io, run_session(std::move(socket), impl), net::detached);
    }
}

}  // namespace

HttpServer::HttpServer(net::io_context& io, WebSettings settings, std::string db_path,
                       WriteGate& gate)
    : m_impl(std::make_shared<Impl>(Impl{io, std::move(settings), std::move(db_path), gate, {},
                                         {}, {}, false, 0, {}})) {}

HttpServer::~HttpServer() {
    stop();
}

Result<void> HttpServer::start() {
    Impl& impl = *m_impl;
    TRY_ASSIGN(reader, Reader::open(impl.m_db_path));
    impl.m_app.emplace(impl.m_settings, std::move(reader), impl.m_gate);
    if (impl.m_readiness) impl.m_app->set_readiness_check(impl.m_readiness);

    beast::error_code ec;
    const auto address = net::ip::make_address(impl.m_settings.address, ec);
    if (ec) return Error(fmt::format("bad listen address '{}'", impl.m_settings.address));
    const tcp::endpoint endpoint(address, impl.m_settings.port);
    tcp::acceptor acceptor(impl.m_io);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        return Error(fmt::format("cannot listen on {}:{}: {}", impl.m_settings.address,
                                 impl.m_settings.port, ec.message()));
    }
    impl.m_port = acceptor.local_endpoint().port();
    impl.m_acceptor.emplace(std::move(acceptor));
    net::co_spawn(impl.m_io, run_listener(m_impl), net::detached);
    return {};
}

void HttpServer::stop() {
    Impl& impl = *m_impl;
    if (impl.m_stopping) return;
    impl.m_stopping = true;
    beast::error_code ec;
    if (impl.m_acceptor) impl.m_acceptor->close(ec);
    // Idle connections are waiting in async_read; cancelling ends their coroutines. Busy ones
    // finish their response and then see m_stopping.
    for (beast::tcp_stream* stream : impl.m_idle) stream->socket().cancel(ec);
}

std::uint16_t HttpServer::port() const {
    return m_impl->m_port;
}

void HttpServer::set_readiness_check(std::function<Result<void>()> check) {
    m_impl->m_readiness = check;
    if (m_impl->m_app) m_impl->m_app->set_readiness_check(std::move(check));
}

Metrics& HttpServer::metrics() {
    return m_impl->m_app->metrics();
}

}  // namespace actiontrack::web
