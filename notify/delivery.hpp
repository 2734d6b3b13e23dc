#pragma once
// What a sender reports about one delivery attempt, and when to try again. Pure.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "notify/policy.hpp"

namespace actiontrack::notify {

enum class Disposition {
    delivered,  // accepted by the server / receiver (2xx)
    retry,      // a transient failure: network, timeout, SMTP 4xx, HTTP 408/429/5xx
    dead,       // permanent: SMTP 5xx, another HTTP status, a message we cannot send
    gone,       // HTTP 410: the endpoint is disabled until re-enabled; the row is dead
};

struct DeliveryResult {
    Disposition disposition = Disposition::delivered;
    std::string error;                                // empty when delivered
    std::optional<std::chrono::seconds> retry_after;  // HTTP Retry-After, when given

    static DeliveryResult ok() { return {}; }
    static DeliveryResult transient(std::string why) {
        return {Disposition::retry, std::move(why), {}};
    }
    static DeliveryResult permanent(std::string why) {
        return {Disposition::dead, std::move(why), {}};
    }
};

// The delay before attempt `failed_attempts + 1`, or nullopt when the row should be marked dead.
// Webhooks follow the Standard Webhooks schedule 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h,
// 24 h (a Retry-After longer than the step wins, capped at 24 h). E-mail backs off 1 min, 5 min,
// 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 12 h, 24 h, each stretched by up to 20 % of jitter derived
// from `row_id` (deterministic, so a test clock can predict it; different rows spread out).
std::optional<std::chrono::seconds> retry_delay(Channel channel, int failed_attempts,
                                                std::int64_t row_id,
                                                std::optional<std::chrono::seconds> retry_after);

}  // namespace actiontrack::notify
