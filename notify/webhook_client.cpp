// Standard Webhooks delivery: one POST per attempt, HTTP or HTTPS (TLS from the TLS plug-in,
// net/channel.hpp), Beast's HTTP message and parser, and one deadline for the whole exchange
// (resolve, connect, TLS, write, read).

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <chrono>
#include <sstream>

#include "net/channel.hpp"
#include "notify/webhook_sender.hpp"

namespace actiontrack::notify {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using namespace net::experimental::awaitable_operators;

struct Url {
    bool tls = false;
    std::string host;
    std::string port;
    std::string target;
};

std::optional<Url> parse_url(std::string_view url) {
    Url out;
    if (url.starts_with("https://")) {
        out.tls = true;
        url.remove_prefix(8);
    } else if (url.starts_with("http://")) {
        url.remove_prefix(7);
    } else {
        return std::nullopt;
    }
    const auto slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    out.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
        out.port = std::string(authority.substr(colon + 1));
        authority = authority.substr(0, colon);
    } else {
        out.port = out.tls ? "443" : "80";
    }
    out.host = std::string(authority);
    if (out.host.empty()) return std::nullopt;
    return out;
}

// An IMF-fixdate, the HTTP-date senders must use (RFC 9110 5.6.7): "Sun, 06 Nov 1994 08:49:37
// GMT". nullopt for anything else (the obsolete RFC 850 and asctime forms are not worth it).
std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text) {
    if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") {
        return std::nullopt;
    }
    auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        const char* first = text.data() + at;
        const auto [end, ec] = std::from_chars(first, first + length, value);
        if (ec != std::errc() || end != first + length) return std::nullopt;
        return value;
    };
    constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    // "Sun, 06 Nov 1994 08:49:37 GMT": every field at a fixed offset.
    const auto month = months.find(text.substr(8, 3));
    const auto day = number(5, 2), year = number(12, 4);
    const auto hour = number(17, 2), minute = number(20, 2), second = number(23, 2);
    if (month == std::string_view::npos || month % 3 != 0 || !day || !year || !hour || !minute ||
        !second || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' ||
        text[22] != ':') {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                          std::chrono::month{static_cast<unsigned>(month / 3 + 1)},
                                          std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    return std::chrono::sys_days{ymd} + std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
           std::chrono::seconds{*second};
}

// Retry-After (RFC 9110 10.2.3) is either delay-seconds ("120") or an HTTP-date; a date is turned
// into a delay from `now`. nullopt when neither parses or the moment has passed.
std::optional<std::chrono::seconds> retry_after(std::string_view header,
                                                std::chrono::system_clock::time_point now) {
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), seconds);
    if (ec == std::errc() && end == header.data() + header.size()) {
        if (seconds > 0) return std::chrono::seconds{seconds};
        return std::nullopt;
    }
    const auto at = parse_http_date(header);
    if (!at) return std::nullopt;
    const auto delay = std::chrono::ceil<std::chrono::seconds>(*at - now);
    if (delay <= std::chrono::seconds{0}) return std::nullopt;
    return delay;
}

DeliveryResult classify(const http::response<http::string_body>& response) {
    const unsigned status = response.result_int();
    if (status >= 200 && status < 300) return DeliveryResult::ok();
    const std::string why = fmt::format("HTTP {}", status);
    if (status == 410) return {Disposition::gone, why, {}};
    if (status == 408 || status == 429 || status >= 500) {
        DeliveryResult result = DeliveryResult::transient(why);
        result.retry_after =
            retry_after(response[http::field::retry_after], std::chrono::system_clock::now());
        return result;
    }
    // 3xx included: following a redirect would send the signed body somewhere unconfigured.
    return DeliveryResult::permanent(why);
}

http::request<http::string_body> make_request(const Url& url, const WebhookRequest& request) {
    http::request<http::string_body> out{http::verb::post, url.target, 11};
    out.set(http::field::host, url.host);
    out.set(http::field::user_agent, "actiontrack-webhooks");
    out.set(http::field::content_type, "application/json");
    out.set("webhook-id", request.id);
    out.set("webhook-timestamp", std::to_string(request.timestamp));
    out.set("webhook-signature", request.signature);
    out.body() = request.body;
    out.prepare_payload();
    return out;
}

// Write the request and read the response on `channel` (plain or TLS), within the expiry of
// the tcp_stream underneath.
net::awaitable<DeliveryResult> exchange(tls::Channel<beast::tcp_stream>& channel,
                                        http::request<http::string_body> request) {
    std::ostringstream serialised;
    serialised << request;
    const std::string bytes = std::move(serialised).str();
    if (tls::IoResult sent = co_await channel.write_all(bytes); !sent.error.empty())
        co_return DeliveryResult::transient("webhook: " + sent.error);

    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024);
    parser.eager(true);
    std::string unparsed;  // the parser takes a complete header at once, so bytes may wait here
    std::array<char, 8 * 1024> chunk;
    while (!parser.is_done()) {
        tls::IoResult received = co_await channel.read_some(chunk.data(), chunk.size());
        beast::error_code ec;
        if (received.end_of_stream) {
            parser.put_eof(ec);  // a body that runs to the end of the connection ends here
            if (ec || !parser.is_done())
                co_return DeliveryResult::transient("webhook: the receiver closed the connection");
            break;
        }
        if (!received.error.empty()) co_return DeliveryResult::transient("webhook: " + received.error);
        unparsed.append(chunk.data(), received.bytes);
        while (!unparsed.empty() && !parser.is_done()) {
            const std::size_t used = parser.put(net::buffer(unparsed), ec);
            unparsed.erase(0, used);
            if (ec == http::error::need_more) break;
            if (ec) co_return DeliveryResult::transient("webhook: " + ec.message());
            if (used == 0) break;
        }
    }
    co_return classify(parser.get());
}

}  // namespace

net::awaitable<DeliveryResult> BeastWebhookSender::post(WebhookRequest request) {
    const auto url = parse_url(request.url);
    if (!url) co_return DeliveryResult::permanent("webhook: unsupported URL " + request.url);
    auto executor = co_await net::this_coro::executor;
    const auto deadline = std::chrono::steady_clock::now() + m_timeout;

    tcp::resolver resolver(executor);
    net::steady_timer timer(executor, deadline);
    auto resolved =
        co_await (resolver.async_resolve(url->host, url->port, net::as_tuple(net::use_awaitable)) ||
                  timer.async_wait(net::as_tuple(net::use_awaitable)));
    if (resolved.index() == 1) co_return DeliveryResult::transient("webhook: resolve timed out");
    auto [resolve_error, endpoints] = std::get<0>(std::move(resolved));
    if (resolve_error) co_return DeliveryResult::transient("webhook: " + resolve_error.message());

    // tcp_stream's expiry covers every operation after it is set, including the TLS records.
    beast::tcp_stream tcp_stream(executor);
    tcp_stream.expires_at(deadline);
    auto [connect_error, endpoint] =
        co_await tcp_stream.async_connect(endpoints, net::as_tuple(net::use_awaitable));
    if (connect_error) co_return DeliveryResult::transient("webhook: " + connect_error.message());
    tls::Channel<beast::tcp_stream> channel(tcp_stream);
    if (url->tls) {
        // A missing CA file is an operator's mistake that a later attempt may not repeat (the
        // file can be restored), so it is retried rather than thrown.
        const std::string& ca_file = request.ca_file.empty() ? m_ca_file : request.ca_file;
        const tls::TlsClientOptions options{url->host, true, ca_file};
        if (tls::IoResult shaken = co_await channel.start_tls(options); !shaken.error.empty())
            co_return DeliveryResult::transient("webhook: TLS: " + shaken.error);
    }
    // Named, not a temporary in the co_await expression: gcc 12 mishandles those.
    auto http_request = make_request(*url, request);
    co_return co_await exchange(channel, std::move(http_request));
}

}  // namespace actiontrack::notify
