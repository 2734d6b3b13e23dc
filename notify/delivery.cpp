#include "notify/delivery.hpp"

#include <array>

namespace actiontrack::notify {

std::optional<std::chrono::seconds> retry_delay(Channel channel, int failed_attempts,
                                                std::int64_t row_id,
                                                std::optional<std::chrono::seconds> retry_after) {
    using std::chrono::seconds;
    using namespace std::chrono_literals;
    if (failed_attempts < 1) return seconds{0};
    const auto step = static_cast<std::size_t>(failed_attempts - 1);
    if (channel == Channel::webhook) {
        static constexpr std::array<seconds, 9> k_schedule = {5s,  5min, 30min, 2h, 5h,
                                                              10h, 14h,  20h,   24h};
        if (step >= k_schedule.size()) return std::nullopt;
        seconds delay = k_schedule[step];
        if (retry_after && *retry_after > delay) delay = std::min<seconds>(*retry_after, 24h);
        return delay;
    }
    static constexpr std::array<seconds, 10> k_backoff = {1min, 5min, 15min, 30min, 1h,
                                                          2h,   4h,   8h,    12h,   24h};
    if (step >= k_backoff.size()) return std::nullopt;
    const seconds base = k_backoff[step];
    // A cheap integer hash of (row, attempt): 0..19 percent extra.
    auto mix = static_cast<std::uint64_t>(row_id) * 0x9E3779B97F4A7C15ULL +
               static_cast<std::uint64_t>(failed_attempts) * 0xBF58476D1CE4E5B9ULL;
    mix ^= mix >> 31;
    const auto percent = static_cast<std::int64_t>(mix % 20);
    return base + seconds{base.count() * percent / 100};
}

}  // namespace actiontrack::notify
