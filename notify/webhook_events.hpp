#pragma once
// Webhook payloads: {"type", "timestamp", "data"} JSON bodies, and the outbox rows that carry
// them to each endpoint that wants the event type.

#include <optional>
#include <string>
#include <vector>

#include "notify/digest.hpp"
#include "notify/outbox.hpp"
#include "notify/policy.hpp"
#include "notify/register_reader.hpp"
#include "notify/settings.hpp"

namespace actiontrack::notify {

// The JSON body for an event about `action` (or, for resolution.created, `resolution`).
std::string webhook_body(std::string_view type, Instant timestamp, const PolicyAction* action,
                         const ResolutionFacts* resolution);

// The digest.weekly body: the digest's local date, committee (null for the whole register),
// subject and plain text.
std::string digest_webhook_body(Instant timestamp, Date local_date,
                                const std::optional<std::string>& committee, const Digest& digest);

// One outbox row per endpoint whose event list admits `type`. `event_key` identifies the
// event (e.g. "change:42" or "due:7:2024-05-17"); the webhook-id is derived from it and the
// endpoint, so retries and re-queues keep it.
std::vector<NewMessage> webhook_rows(const std::vector<WebhookEndpoint>& endpoints,
                                     std::string_view type, const std::string& event_key,
                                     const std::string& body);

}  // namespace actiontrack::notify
