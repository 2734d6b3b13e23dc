#include "notify/webhook_events.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <boost/json.hpp>
#include <functional>

#include "notify/time_text.hpp"

namespace actiontrack::notify {

std::string webhook_body(std::string_view type, Instant timestamp, const PolicyAction* action,
                         const ResolutionFacts* resolution) {
    boost::json::object data;
    if (action != nullptr) {
        data["id"] = action->id;
        data["reference"] = action->reference;
        data["committee"] = action->committee;
        data["item"] = action->item;
        data["text"] = action->text;
        data["owner"] = action->owner ? boost::json::value(*action->owner) : nullptr;
        data["due_date"] = action->due ? boost::json::value(format_date(*action->due)) : nullptr;
        data["status"] = action->status;
    }
    if (resolution != nullptr) {
        data["id"] = resolution->id;
        data["reference"] = resolution->reference;
        data["committee"] = resolution->committee;
        data["item"] = resolution->item;
        data["kind"] = resolution->kind;
        data["text"] = resolution->text;
    }
    boost::json::object body;
    body["type"] = type;
    body["timestamp"] = format_instant(timestamp);
    body["data"] = std::move(data);
    return boost::json::serialize(body);
}

std::string digest_webhook_body(Instant timestamp, Date local_date,
                                const std::optional<std::string>& committee, const Digest& digest) {
    boost::json::object data;
    data["date"] = format_date(local_date);
    data["committee"] = committee ? boost::json::value(*committee) : nullptr;
    data["subject"] = digest.subject;
    data["text"] = digest.text;
    boost::json::object body;
    body["type"] = "digest.weekly";
    body["timestamp"] = format_instant(timestamp);
    body["data"] = std::move(data);
    return boost::json::serialize(body);
}

std::vector<NewMessage> webhook_rows(const std::vector<WebhookEndpoint>& endpoints,
                                     std::string_view type, const std::string& event_key,
                                     const std::string& body) {
    std::vector<NewMessage> rows;
    for (const WebhookEndpoint& endpoint : endpoints) {
        const bool wanted = endpoint.events.empty() ||
                            std::find(endpoint.events.begin(), endpoint.events.end(), type) !=
                                endpoint.events.end();
        if (!wanted) continue;
        const std::string key = fmt::format("webhook:{}:{}", endpoint.name, event_key);
        rows.push_back(NewMessage{key, Channel::webhook, endpoint.name, std::string(type), "",
                                  fmt::format("msg_{:016x}", std::hash<std::string>{}(key)), body});
    }
    return rows;
}

}  // namespace actiontrack::notify
