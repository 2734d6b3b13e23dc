#include "notify/dispatcher.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace actiontrack::notify {
namespace {

std::vector<std::string> split_addresses(const std::string& recipients) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= recipients.size()) {
        const auto comma = std::min(recipients.find(',', start), recipients.size());
        std::string one = recipients.substr(start, comma - start);
        one.erase(0, one.find_first_not_of(' '));
        if (!one.empty()) out.push_back(one);
        start = comma + 1;
    }
    return out;
}

const WebhookEndpoint* find_endpoint(const NotifySettings& settings, const std::string& name) {
    for (const WebhookEndpoint& endpoint : settings.webhooks) {
        if (endpoint.name == name) return &endpoint;
    }
    return nullptr;
}

// One webhook row: checks the endpoint, signs this attempt and posts it.
net::awaitable<DeliveryResult> deliver_webhook(OutboxRow row, RegisterReader& reader,
                                               WebhookSender& webhooks,
                                               const NotifySettings& settings, Instant now) {
    const WebhookEndpoint* endpoint = find_endpoint(settings, row.recipient);
    if (endpoint == nullptr) co_return DeliveryResult::permanent("no such webhook endpoint");
    auto disabled = reader.endpoint_disabled(endpoint->name);
    if (disabled && *disabled) co_return DeliveryResult::permanent("endpoint disabled (410 Gone)");
    const std::int64_t timestamp = now.time_since_epoch().count();
    auto signature = sign_webhook(endpoint->secrets, row.message_id, timestamp, row.payload);
    if (!signature) co_return DeliveryResult::permanent(signature.error().message());
    // A named request, not a temporary inside the co_await expression (gcc 12 miscompiles
    // those).
    WebhookRequest request{endpoint->url, row.message_id, timestamp,
                           row.payload,   *signature,     endpoint->ca_file};
    co_return co_await webhooks.post(std::move(request));
}

}  // namespace

Instant SystemClock::now() const {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

net::awaitable<Result<DispatchCounts>> dispatch_due(Outbox& outbox, RegisterReader& reader,
                                                    MailTransport& mail, WebhookSender& webhooks,
                                                    const NotifySettings& settings,
                                                    const Clock& clock, int limit,
                                                    std::function<void()> after_delivery) {
    DispatchCounts counts;
    auto claimed = outbox.claim(clock.now(), settings.lease, limit);
    if (!claimed) co_return claimed.error();
    for (OutboxRow& row : *claimed) {
        DeliveryResult result;
        if (row.channel == Channel::email) {
            // Named arguments, not temporaries inside the co_await expression: gcc 12
            // destroys those wrongly (it crashed here).
            Envelope envelope{settings.from.address, split_addresses(row.recipient)};
            std::string payload = row.payload;
            result = co_await mail.send(std::move(envelope), std::move(payload));
        } else {
            result = co_await deliver_webhook(row, reader, webhooks, settings, clock.now());
        }
        // The window the outbox's lease exists for: delivered, not yet recorded as sent.
        if (result.disposition == Disposition::delivered && after_delivery) after_delivery();
        if (result.disposition == Disposition::gone) {
            auto disabled = reader.disable_endpoint(row.recipient, "410 Gone", clock.now());
            if (!disabled) co_return disabled.error();
        }
        auto recorded = outbox.record(row, result, clock.now());
        if (!recorded) co_return recorded.error();
        // Counted by what the outbox made of it: a retry past the end of the schedule is dead.
        switch (*recorded) {
            case OutboxStatus::sent:
                ++counts.delivered;
                break;
            case OutboxStatus::pending:
                ++counts.retried;
                break;
            case OutboxStatus::dead:
                ++counts.dead;
                break;
        }
    }
    co_return counts;
}

}  // namespace actiontrack::notify
