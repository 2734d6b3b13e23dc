// The Beast side of the server, in the style of Boost 1.81's
// example/http/server/awaitable/http_server_awaitable.cpp: one coroutine accepts, one coroutine
// per connection reads a request, hands it to an App, writes the response, and loops while the
// connection is kept alive. Every read and write has a deadline (tcp_stream::expires_after).
//
// Threads: the listener runs on the loop (the io_context the server was given, whose thread
// owns the writer). Each accepted connection is handed to one of the serving threads' lanes in
// turn and lives there; its reads are answered by that lane's App. A request that writes (or
// asks /readyz, whose check belongs to the daemon) is carried to the loop's App for the time of
// its handling (co_spawn onto the loop, awaited), so every write still happens on the writer's
// thread, one at a time, as before.
//
// Lifetimes: Impl is held by shared_ptr; the listener and every session coroutine hold a copy,
// so the loop's App and the registry live until the last session has finished, even if
// HttpServer itself is destroyed first. The serving threads' lanes are torn down by
// ~HttpServer, after their threads are joined.

#include "web/http_server.hpp"

#include <fmt/core.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <deque>
#include <list>
#include <optional>
#include <thread>

#include "store/reader.hpp"
#include "web/app.hpp"
#include "web/metrics.hpp"
#include "web/query_string.hpp"
#include "web/today.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

using WorkGuard = net::executor_work_guard<net::io_context::executor_type>;

// Where a connection lives: an App (with its own SQLite connection) and the connections
// waiting for a request, which stop() closes. A connection busy with a request is not in the
// list, so stop() never cuts a response short. Touched only from the lane's own thread.
struct Lane {
    std::optional<App> app;
    Metrics::Recorder* recorder = nullptr;
    std::list<beast::tcp_stream*> idle;
};

// A serving thread's lane with the thread and its io_context. The io_context is the last
// member, so it is destroyed first: any coroutine frames still in it go before the App.
struct ServingThread {
    Lane lane;
    std::optional<WorkGuard> guard;  // keeps run() going until stop()
    std::thread thread;
    net::io_context io{1};
};

}  // namespace

struct HttpServer::Impl {
    net::io_context& m_io;  // the loop
    WebSettings m_settings;
    std::string m_db_path;
    WriteGate& m_gate;
    Metrics m_metrics;
    std::function<Result<void>()> m_readiness;
    Lane m_loop_lane;                     // writes, /readyz; everything when threads == 0
    std::deque<ServingThread> m_threads;  // a deque: lanes never move once started
    std::optional<tcp::acceptor> m_acceptor;
    std::atomic<bool> m_stopping = false;  // read by every lane
    std::uint16_t m_port = 0;
    std::size_t m_next_thread = 0;
    // The loop must keep running while a serving thread may still hand it a write: released
    // when the last serving thread has finished (loop thread only).
    std::optional<WorkGuard> m_loop_guard;
    std::size_t m_threads_running = 0;

    Impl(net::io_context& io, WebSettings settings, std::string db_path, WriteGate& gate)
        : m_io(io), m_settings(std::move(settings)), m_db_path(std::move(db_path)), m_gate(gate) {}
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

// Requests the loop's App must answer: every write (the writer is the loop's), and /readyz,
// whose extra check is the daemon's and may only be called on the loop.
bool belongs_to_loop(const http::request<http::string_body>& message) {
    switch (message.method()) {
        case http::verb::get:
        case http::verb::head: {
            const std::string_view target(message.target().data(), message.target().size());
            return target.substr(0, target.find('?')) == "/readyz";
        }
        case http::verb::post:
        case http::verb::patch:
        case http::verb::put:
        case http::verb::delete_:
            return true;
        default:
            // Other methods only ever get a 405, which any App can give.
            return false;
    }
}

// Runs on the loop: the request by value, since the session that asked waits on another thread.
net::awaitable<Response> handle_on_loop(ImplPtr impl, Request request) {
    co_return impl->m_loop_lane.app->handle(request);
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

// One connection, on its lane's thread: parameters by value (STYLE 7), the Impl kept alive by
// the shared_ptr; `lane` lives as long as the Impl or until ~HttpServer has joined its thread.
net::awaitable<void> run_session(tcp::socket socket, ImplPtr impl, Lane* lane) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    const WebSettings& settings = impl->m_settings;
    const bool on_loop = lane == &impl->m_loop_lane;
    while (!impl->m_stopping) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(settings.max_body_bytes);
        parser.header_limit(static_cast<std::uint32_t>(settings.max_header_bytes));
        // One deadline covers the idle wait and the whole request: a client that trickles
        // bytes (slow loris) is cut off when it expires.
        stream.expires_after(settings.request_timeout);
        lane->idle.push_front(&stream);
        const auto idle_entry = lane->idle.begin();
        auto [ec, ignored] = co_await http::async_read(stream, buffer, parser,
                                                        net::as_tuple(net::use_awaitable));
        lane->idle.erase(idle_entry);
        if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
            ec == beast::error::timeout || ec == net::error::connection_reset ||
            ec == net::error::eof) {
            break;
        }
        if (ec) {
            // Malformed or oversized: answer once, then close (the stream is out of step).
            Response response = read_error_response(ec);
            lane->recorder->observe_request("(unparsed)", response.status, 0);
            auto message = to_message(std::move(response), 11, false, false);
            stream.expires_after(std::chrono::seconds(10));
            auto [write_ec, written] = co_await http::async_write(
                stream, message, net::as_tuple(net::use_awaitable));
            if (!write_ec) co_await linger_close(stream);
            break;
        }
        const auto& message = parser.get();
        const auto started = std::chrono::steady_clock::now();
        Response response;
        if (!on_loop && belongs_to_loop(message)) {
            response = co_await net::co_spawn(impl->m_io, handle_on_loop(impl, to_request(message)),
                                              net::use_awaitable);
        } else {
            response = lane->app->handle(to_request(message));
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        lane->recorder->observe_request(response.route.empty() ? "(other)" : response.route,
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
        // The next serving thread in turn gets the connection (the loop, when there are none):
        // the socket is opened on that thread's io_context and never changes thread.
        ServingThread* target = nullptr;
        if (!impl->m_threads.empty()) {
            target = &impl->m_threads[impl->m_next_thread++ % impl->m_threads.size()];
        }
        auto executor = target != nullptr ? target->io.get_executor() : impl->m_io.get_executor();
        auto [ec, socket] =
            co_await impl->m_acceptor->async_accept(executor, net::as_tuple(net::use_awaitable));
        if (ec == net::error::operation_aborted || impl->m_stopping) break;
        if (ec) continue;  // e.g. too many open files: keep serving the connections we have
        socket.set_option(tcp::no_delay(true), ec);
        Lane* lane = target != nullptr ? &target->lane : &impl->m_loop_lane;
        net::co_spawn(executor, run_session(std::move(socket), impl, lane), net::detached);
    }
}

// Ends a serving thread's connections: run on that thread (its idle list is its own).
void stop_lane(Lane& lane, std::optional<WorkGuard>& guard) {
    beast::error_code ec;
    for (beast::tcp_stream* stream : lane.idle) stream->socket().cancel(ec);
    guard.reset();
}

}  // namespace

HttpServer::HttpServer(net::io_context& io, WebSettings settings, std::string db_path,
                       WriteGate& gate)
    : m_impl(std::make_shared<Impl>(io, std::move(settings), std::move(db_path), gate)) {}

HttpServer::~HttpServer() {
    stop();
    // After a graceful stop the threads have already left run(); otherwise stopping their
    // io_contexts cuts short what they still have in hand, so the joins cannot hang.
    for (ServingThread& thread : m_impl->m_threads) {
        thread.io.stop();
        if (thread.thread.joinable()) thread.thread.join();
    }
    m_impl->m_threads.clear();
    m_impl->m_loop_guard.reset();
}

Result<void> HttpServer::start() {
    Impl& impl = *m_impl;
    TRY_ASSIGN(today, Today::in_zone(impl.m_settings.time_zone));
    {
        TRY_ASSIGN(reader, store::Reader::open(impl.m_db_path));
        impl.m_loop_lane.app.emplace(impl.m_settings, today, std::move(reader), &impl.m_gate,
                                     impl.m_metrics);
        impl.m_loop_lane.recorder = &impl.m_metrics.add_recorder();
        if (impl.m_readiness) impl.m_loop_lane.app->set_readiness_check(impl.m_readiness);
    }
    for (std::size_t i = 0; i < impl.m_settings.threads; ++i) {
        TRY_ASSIGN(reader, store::Reader::open(impl.m_db_path));
        ServingThread& thread = impl.m_threads.emplace_back();
        // No WriteGate: writes never reach a serving thread's App (see belongs_to_loop).
        thread.lane.app.emplace(impl.m_settings, today, std::move(reader), nullptr, impl.m_metrics);
        thread.lane.recorder = &impl.m_metrics.add_recorder();
    }

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

    if (!impl.m_threads.empty()) impl.m_loop_guard.emplace(impl.m_io.get_executor());
    for (ServingThread& thread : impl.m_threads) {
        thread.guard.emplace(thread.io.get_executor());
        ++impl.m_threads_running;
        // The thread tells the loop when it is done; the last one lets the loop run out.
        thread.thread = std::thread([&thread, impl_ptr = m_impl] {
            thread.io.run();
            net::post(impl_ptr->m_io, [impl_ptr] {
                if (--impl_ptr->m_threads_running == 0) impl_ptr->m_loop_guard.reset();
            });
        });
    }
    net::co_spawn(impl.m_io, run_listener(m_impl), net::detached);
    return {};
}

void HttpServer::stop() {
    Impl& impl = *m_impl;
    if (impl.m_stopping.exchange(true)) return;
    beast::error_code ec;
    if (impl.m_acceptor) impl.m_acceptor->close(ec);
    // Idle connections are waiting in async_read; cancelling ends their coroutines. Busy ones
    // finish their response and then see m_stopping.
    for (beast::tcp_stream* stream : impl.m_loop_lane.idle) stream->socket().cancel(ec);
    for (ServingThread& thread : impl.m_threads) {
        net::post(thread.io, [&thread] { stop_lane(thread.lane, thread.guard); });
    }
}

std::uint16_t HttpServer::port() const {
    return m_impl->m_port;
}

void HttpServer::set_readiness_check(std::function<Result<void>()> check) {
    m_impl->m_readiness = check;
    if (m_impl->m_loop_lane.app) m_impl->m_loop_lane.app->set_readiness_check(std::move(check));
}

Metrics& HttpServer::metrics() {
    return m_impl->m_metrics;
}

}  // namespace actiontrack::web
