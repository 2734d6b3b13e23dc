// The SMTP conversation over Asio, with TLS from the TLS plug-in (net/channel.hpp). One coroutine
// per message reads top to bottom like RFC 5321; every wait races a timer, so a silent server
// can never hold a sender forever.

#include <fmt/core.h>
#include <netdb.h>
#include <unistd.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "net/channel.hpp"
#include "notify/encoding.hpp"
#include "notify/mail_transport.hpp"
#include "notify/smtp_protocol.hpp"

namespace actiontrack::notify {
namespace {

using tcp = net::ip::tcp;
using namespace net::experimental::awaitable_operators;
constexpr std::size_t k_max_reply_bytes = 64 * 1024;

// A failed step: a DeliveryResult that says retry or dead, and why.
DeliveryResult from_reply(std::string_view step, const Reply& reply) {
    const std::string why = fmt::format("SMTP {}: {}", step, reply.summary());
    return reply.code >= 500 ? DeliveryResult::permanent(why) : DeliveryResult::transient(why);
}

// Owns the socket, the TLS state and the read buffer for one conversation. Lives in the
// smtp_send coroutine frame, so every operation it starts finishes before it is destroyed.
class SmtpSession {
  public:
    SmtpSession(net::any_io_executor executor, const SmtpSettings& settings)
        : m_settings(settings), m_socket(executor), m_channel(m_socket), m_timer(executor) {}

    // Connects to the first address that answers; true when it is a loopback address.
    net::awaitable<std::optional<DeliveryResult>> connect(bool& loopback) {
        tcp::resolver resolver(m_socket.get_executor());
        m_timer.expires_after(m_settings.timeout);
        auto resolved =
            co_await (resolver.async_resolve(m_settings.host, std::to_string(m_settings.port),
                                             net::as_tuple(net::use_awaitable)) ||
                      m_timer.async_wait(net::as_tuple(net::use_awaitable)));
        if (resolved.index() == 1) co_return DeliveryResult::transient("SMTP: resolving timed out");
        auto [resolve_error, endpoints] = std::get<0>(std::move(resolved));
        if (resolve_error) {
            co_return DeliveryResult::transient("SMTP: cannot resolve " + m_settings.host + ": " +
                                                resolve_error.message());
        }
        m_timer.expires_after(m_settings.timeout);
        auto connected = co_await (net::async_connect(m_socket, endpoints,
                                                      net::as_tuple(net::use_awaitable)) ||
                                   m_timer.async_wait(net::as_tuple(net::use_awaitable)));
        if (connected.index() == 1) co_return DeliveryResult::transient("SMTP: connect timed out");
        auto [connect_error, endpoint] = std::get<0>(std::move(connected));
        if (connect_error) {
            co_return DeliveryResult::transient(fmt::format("SMTP: cannot connect to {}:{}: {}",
                                                            m_settings.host, m_settings.port,
                                                            connect_error.message()));
        }
        loopback = endpoint.address().is_loopback();
        co_return std::nullopt;
    }

    // TLS on the connected socket: certificate chain and host name checked unless disabled.
    net::awaitable<std::optional<DeliveryResult>> start_tls() {
        // Nothing the server sent in plain text may be read as if it came over TLS (a reply
        // injected before the handshake, CVE-2011-0411 and kin).
        m_buffer.clear();
        const tls::TlsClientOptions options{m_settings.host, m_settings.verify_certificate,
                                            m_settings.ca_file};
        m_timer.expires_after(m_settings.timeout);
        auto shaken = co_await (m_channel.start_tls(options) ||
                                m_timer.async_wait(net::as_tuple(net::use_awaitable)));
        if (shaken.index() == 1)
            co_return DeliveryResult::transient("SMTP: TLS handshake timed out");
        if (const tls::IoResult& done = std::get<0>(shaken); !done.error.empty())
            co_return DeliveryResult::transient("SMTP: TLS handshake failed: " + done.error);
        co_return std::nullopt;
    }

    // Reads one complete (possibly multi-line) reply.
    net::awaitable<std::optional<Reply>> read_reply(std::string& error) {
        Reply reply;
        while (true) {
            const std::size_t end = m_buffer.find("\r\n");
            if (end == std::string::npos) {
                if (m_buffer.size() > k_max_reply_bytes) {
                    error = "SMTP: the server's reply is too long";
                    co_return std::nullopt;
                }
                m_timer.expires_after(m_settings.timeout);
                auto read = co_await (m_channel.read_some(m_chunk.data(), m_chunk.size()) ||
                                      m_timer.async_wait(net::as_tuple(net::use_awaitable)));
                if (read.index() == 1) {
                    error = "SMTP: timed out waiting for the server";
                    co_return std::nullopt;
                }
                const tls::IoResult& received = std::get<0>(read);
                if (!received.error.empty()) {
                    error = "SMTP: connection lost: " + received.error;
                    co_return std::nullopt;
                }
                m_buffer.append(m_chunk.data(), received.bytes);
                continue;
            }
            const auto line = parse_reply_line(std::string_view(m_buffer).substr(0, end + 2));
            m_buffer.erase(0, end + 2);
            if (!line) {
                error = "SMTP: malformed reply from the server";
                co_return std::nullopt;
            }
            reply.code = line->code;
            reply.lines.push_back(line->text);
            if (!line->more) co_return reply;
        }
    }

    net::awaitable<bool> write(std::string data, std::string& error) {
        m_timer.expires_after(m_settings.timeout);
        auto written = co_await (m_channel.write_all(data) ||
                                 m_timer.async_wait(net::as_tuple(net::use_awaitable)));
        if (written.index() == 1) {
            error = "SMTP: timed out sending to the server";
            co_return false;
        }
        if (const tls::IoResult& sent = std::get<0>(written); !sent.error.empty()) {
            error = "SMTP: connection lost: " + sent.error;
            co_return false;
        }
        co_return true;
    }

    // Sends one command line and reads the reply; nullopt (and `error`) on a network failure.
    net::awaitable<std::optional<Reply>> command(std::string line, std::string& error) {
        // Named, not a temporary in the co_await expression: gcc 12 mishandles those.
        std::string data = std::move(line) + "\r\n";
        if (!co_await write(std::move(data), error)) co_return std::nullopt;
        co_return co_await read_reply(error);
    }

    bool tls() const { return m_channel.encrypted(); }

  private:
    const SmtpSettings& m_settings;
    tcp::socket m_socket;
    tls::Channel<tcp::socket> m_channel;
    net::steady_timer m_timer;
    std::array<char, 4096> m_chunk{};
    std::string m_buffer;  // received, not yet read as reply lines
};

}  // namespace

std::string local_host_name() {
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) != 0) return "localhost";
    std::string host(name.data());
    if (host.find('.') != std::string::npos) return host;
    addrinfo hints{};
    hints.ai_flags = AI_CANONNAME;
    addrinfo* info = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &info) == 0 && info != nullptr) {
        if (info->ai_canonname != nullptr) host = info->ai_canonname;
        freeaddrinfo(info);
    }
    return host;
}

// The macro keeps each protocol step one line: run the command, and return what a failure means.
// The command line is built into a named variable first: gcc 12 mishandles temporaries that
// live across a co_await.
#define SMTP_STEP(reply, step, line, ok)                                   \
    std::string reply##_line = (line);                                     \
    auto reply = co_await session.command(std::move(reply##_line), error); \
    if (!reply) co_return DeliveryResult::transient(error);                \
    if (!(ok)) co_return from_reply(step, *reply)

net::awaitable<DeliveryResult> smtp_send(SmtpSettings settings, Envelope envelope,
                                         std::string message) {
    if (envelope.to.empty()) co_return DeliveryResult::permanent("no recipients");
    for (const std::string& address : envelope.to) {
        if (address.find_first_of("\r\n<>") != std::string::npos) {
            co_return DeliveryResult::permanent("invalid recipient address");
        }
    }
    const std::string helo = settings.helo_name.empty() ? local_host_name() : settings.helo_name;
    SmtpSession session(co_await net::this_coro::executor, settings);
    std::string error;

    bool loopback = false;
    if (auto failed = co_await session.connect(loopback)) co_return *failed;
    if (settings.security == SmtpSecurity::implicit_tls) {
        if (auto failed = co_await session.start_tls()) co_return *failed;
    }
    auto greeting = co_await session.read_reply(error);
    if (!greeting) co_return DeliveryResult::transient(error);
    if (greeting->code != 220) co_return from_reply("greeting", *greeting);

    SMTP_STEP(ehlo, "EHLO", "EHLO " + helo, ehlo->code == 250);
    Reply capabilities = *ehlo;
    if (settings.security == SmtpSecurity::starttls) {
        if (capabilities.has_extension("STARTTLS")) {
            SMTP_STEP(go, "STARTTLS", "STARTTLS", go->code == 220);
            if (auto failed = co_await session.start_tls()) co_return *failed;
            // RFC 3207: forget everything learnt before TLS and ask again.
            SMTP_STEP(again, "EHLO", "EHLO " + helo, again->code == 250);
            capabilities = *again;
        } else if (!(loopback && settings.allow_plaintext_on_loopback)) {
            co_return DeliveryResult::transient(
                "SMTP: the server does not offer STARTTLS, which is required");
        }
    } else if (settings.security == SmtpSecurity::none &&
               !(loopback && settings.allow_plaintext_on_loopback)) {
        co_return DeliveryResult::permanent(
            "SMTP: plain text is only allowed to a loopback server with "
            "allow_plaintext_on_loopback");
    }

    if (!settings.username.empty()) {
        if (!session.tls()) {
            co_return DeliveryResult::permanent("SMTP: refusing to send the password without TLS");
        }
        if (capabilities.has_auth("PLAIN")) {
            const std::string token =
                base64_encode(std::string(1, '\0') + settings.username + '\0' + settings.password);
            SMTP_STEP(auth, "AUTH", "AUTH PLAIN " + token, auth->code == 235);
        } else if (capabilities.has_auth("LOGIN")) {
            SMTP_STEP(auth, "AUTH", "AUTH LOGIN", auth->code == 334);
            SMTP_STEP(user, "AUTH", base64_encode(settings.username), user->code == 334);
            SMTP_STEP(pass, "AUTH", base64_encode(settings.password), pass->code == 235);
        } else {
            co_return DeliveryResult::permanent(
                "SMTP: the server offers neither AUTH PLAIN nor LOGIN");
        }
    }

    SMTP_STEP(mail, "MAIL FROM", "MAIL FROM:<" + envelope.from + ">", mail->code == 250);
    for (const std::string& address : envelope.to) {
        SMTP_STEP(rcpt, "RCPT TO", "RCPT TO:<" + address + ">",
                  rcpt->code == 250 || rcpt->code == 251);
    }
    SMTP_STEP(data, "DATA", "DATA", data->code == 354);
    std::string stuffed = dot_stuff(message);
    if (!co_await session.write(std::move(stuffed), error)) {
        co_return DeliveryResult::transient(error);
    }
    auto accepted = co_await session.read_reply(error);
    if (!accepted) co_return DeliveryResult::transient(error);
    if (accepted->code != 250) co_return from_reply("end of DATA", *accepted);
    // The message is accepted; a failed QUIT changes nothing.
    std::string quit = "QUIT";
    co_await session.command(std::move(quit), error);
    co_return DeliveryResult::ok();
}

#undef SMTP_STEP

net::awaitable<DeliveryResult> SmtpTransport::send(Envelope envelope, std::string message) {
    co_return co_await smtp_send(m_settings, std::move(envelope), std::move(message));
}

}  // namespace actiontrack::notify
