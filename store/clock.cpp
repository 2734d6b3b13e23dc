#include "store/clock.hpp"

#include <fmt/core.h>

namespace actiontrack::store {

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
    using namespace std::chrono;
    // system_clock counts UTC (Unix time) in C++20, so no time-zone lookup is involved.
    const auto seconds = floor<std::chrono::seconds>(time);
    const auto day = floor<days>(seconds);
    const year_month_day date{day};
    const hh_mm_ss clock_time{seconds - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                       clock_time.hours().count(), clock_time.minutes().count(),
                       clock_time.seconds().count());
}

std::string system_now() {
    return utc_timestamp(std::chrono::system_clock::now());
}

}  // namespace actiontrack::store
