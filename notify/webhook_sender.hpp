#pragma once
// The seam for webhook deliveries, and Standard Webhooks signing (pure).

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "notify/delivery.hpp"
#include "notify/settings.hpp"

namespace actiontrack::notify {

namespace net = boost::asio;

struct WebhookRequest {
    std::string url;
    std::string id;              // webhook-id: stable across retries
    std::int64_t timestamp = 0;  // webhook-timestamp: seconds since the epoch of this attempt
    std::string body;
    std::string signature;  // webhook-signature: "v1,<b64> v1,<b64>"
    std::string ca_file;    // the endpoint's extra trusted CA (PEM) for https://; empty: none
};

class WebhookSender {
  public:
    virtual ~WebhookSender() = default;
    // POSTs the request; 2xx delivered; 410 gone; 408, 429, 5xx and network errors retry
    // (with Retry-After when given); anything else, redirects included, dead.
    virtual net::awaitable<DeliveryResult> post(WebhookRequest request) = 0;
};

// "v1,<base64 HMAC-SHA256(key, id.timestamp.body)>" for each "whsec_<base64 key>" secret,
// space-separated (two during a rotation). Fails on a secret that is not whsec_ + Base64.
Result<std::string> sign_webhook(const std::vector<std::string>& secrets, std::string_view id,
                                 std::int64_t timestamp, std::string_view body);

// Beast over HTTP and HTTPS (chain and host name verified against the system store, plus the
// request's ca_file, or else the sender's `ca_file`, when set): 15 s for the whole exchange, no
// redirects followed, response bodies capped at 64 KiB.
class BeastWebhookSender final : public WebhookSender {
  public:
    explicit BeastWebhookSender(std::string ca_file = {},
                                std::chrono::seconds timeout = std::chrono::seconds{15})
        : m_ca_file(std::move(ca_file)), m_timeout(timeout) {}
    net::awaitable<DeliveryResult> post(WebhookRequest request) override;

  private:
    std::string m_ca_file;
    std::chrono::seconds m_timeout;
};

}  // namespace actiontrack::notify
