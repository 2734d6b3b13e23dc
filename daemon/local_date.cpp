#include "daemon/local_date.hpp"

#include <fmt/core.h>

#include <ctime>

namespace actiontrack::cli {

std::string local_date_today() {
    // localtime_r, not std::chrono::current_zone: gcc 12's libstdc++ has no time zone database.
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace actiontrack::cli
