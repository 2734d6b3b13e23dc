#pragma once
// A connected byte stream for a client protocol (SMTP, HTTP), plain or TLS, with one interface:
// read_some and write_all as coroutines. TLS records go through a TlsEngine (tls_engine.hpp),
// so OpenSSL stays in its plug-in. Include only where Asio is already included: the SMTP and
// webhook clients.
//
// Timeouts are the caller's: race an operation with a timer (awaitable_operators' ||, which
// cancels the loser), or use a beast::tcp_stream with an expiry as the next layer.

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "net/tls_engine.hpp"

namespace actiontrack::tls {

// The outcome of one operation: `error` is empty on success, else the network's error or what
// TLS refused, in words. `end_of_stream` marks an orderly close by the peer.
struct IoResult {
    std::string error;
    std::size_t bytes = 0;
    bool end_of_stream = false;
};

// NextLayer: a connected Asio stream (tcp::socket, beast::tcp_stream). It must outlive the
// channel. Until start_tls() succeeds, bytes go over it as they are.
template <class NextLayer>
class Channel {
  public:
    explicit Channel(NextLayer& next) : m_next(next) {}

    // The TLS handshake as the client; from then on every byte is encrypted. `error` is empty
    // on success.
    boost::asio::awaitable<IoResult> start_tls(const TlsClientOptions& options) {
        auto engine = make_tls_client(options);
        if (!engine) co_return IoResult{engine.error().message()};
        m_tls = std::move(*engine);
        while (true) {
            const TlsEngine::Status status = m_tls->handshake();
            if (IoResult sent = co_await flush(); !sent.error.empty()) co_return sent;
            if (status == TlsEngine::Status::ok) co_return IoResult{};
            if (status != TlsEngine::Status::want_input) co_return finished(status);
            if (IoResult received = co_await fill(); !received.error.empty()) co_return received;
        }
    }

    bool encrypted() const { return m_tls != nullptr; }

    // Up to `size` bytes into `out`; `bytes` says how many (at least one on success).
    boost::asio::awaitable<IoResult> read_some(char* out, std::size_t size) {
        if (!m_tls) co_return co_await next_read_some(out, size);
        while (true) {
            std::size_t produced = 0;
            const TlsEngine::Status status = m_tls->read(out, size, produced);
            // Reading can make records to send (a key update's answer, an alert).
            if (IoResult sent = co_await flush(); !sent.error.empty()) co_return sent;
            if (status == TlsEngine::Status::ok) co_return IoResult{{}, produced};
            if (status != TlsEngine::Status::want_input) co_return finished(status);
            if (IoResult received = co_await fill(); !received.error.empty()) co_return received;
        }
    }

    // All of `data`, or an error.
    boost::asio::awaitable<IoResult> write_all(std::string_view data) {
        if (!m_tls) co_return co_await next_write(data);
        while (!data.empty()) {
            std::size_t consumed = 0;
            const TlsEngine::Status status = m_tls->write(data, consumed);
            data.remove_prefix(consumed);
            if (IoResult sent = co_await flush(); !sent.error.empty()) co_return sent;
            if (status == TlsEngine::Status::ok) continue;
            if (status != TlsEngine::Status::want_input) co_return finished(status);
            if (IoResult received = co_await fill(); !received.error.empty()) co_return received;
        }
        co_return IoResult{};
    }

  private:
    IoResult finished(TlsEngine::Status status) const {
        if (status == TlsEngine::Status::closed)
            return IoResult{"the server closed the TLS session", 0, true};
        return IoResult{m_tls->error()};
    }

    // Sends the records the engine has ready.
    boost::asio::awaitable<IoResult> flush() {
        m_pending.clear();
        m_tls->take_output(m_pending);
        if (m_pending.empty()) co_return IoResult{};
        co_return co_await next_write(m_pending);
    }

    // Hands the server's next records to the engine.
    boost::asio::awaitable<IoResult> fill() {
        IoResult received = co_await next_read_some(m_records.data(), m_records.size());
        if (received.error.empty())
            m_tls->put_input(std::string_view(m_records.data(), received.bytes));
        co_return received;
    }

    boost::asio::awaitable<IoResult> next_read_some(char* out, std::size_t size) {
        auto [ec, n] = co_await m_next.async_read_some(
            boost::asio::buffer(out, size), boost::asio::as_tuple(boost::asio::use_awaitable));
        if (ec) co_return IoResult{ec.message(), n, ec == boost::asio::error::eof};
        co_return IoResult{{}, n};
    }

    boost::asio::awaitable<IoResult> next_write(std::string_view data) {
        auto [ec, n] = co_await boost::asio::async_write(
            m_next, boost::asio::buffer(data.data(), data.size()),
            boost::asio::as_tuple(boost::asio::use_awaitable));
        if (ec) co_return IoResult{ec.message(), n};
        co_return IoResult{{}, n};
    }

    NextLayer& m_next;
    std::unique_ptr<TlsEngine> m_tls;
    std::array<char, 16 * 1024> m_records{};
    std::string m_pending;
};

}  // namespace actiontrack::tls
