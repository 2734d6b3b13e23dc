#pragma once
// Instants and dates as the register stores them: "2026-11-26T20:31:00Z" and "2026-11-26".

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace actiontrack::notify {

std::string format_instant(std::chrono::sys_seconds time);
std::string format_date(std::chrono::sys_days day);
// Accepts "YYYY-MM-DDTHH:MM:SSZ" (and "YYYY-MM-DD HH:MM:SS", read as UTC); nullopt otherwise.
std::optional<std::chrono::sys_seconds> parse_instant(std::string_view text);
std::optional<std::chrono::sys_days> parse_date(std::string_view text);

}  // namespace actiontrack::notify
