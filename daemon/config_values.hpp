#pragma once
// Value helpers shared by the configuration parser and validator: ranges, durations,
// enumeration names and printing values back as TOML. Pure; no toml++ here.

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "daemon/config.hpp"

namespace actiontrack::config {

// The inclusive range a number must fall in (seconds for durations).
struct Limits {
    double min = std::numeric_limits<double>::lowest();
    double max = std::numeric_limits<double>::max();
};

// Fails with "must be between MIN and MAX" when `value` is outside `limits`.
Result<void> check_range(double value, const Limits& limits);

// Seconds → milliseconds, rounded to the nearest; fails when outside `limits` (in seconds).
Result<std::chrono::milliseconds> seconds_to_duration(double seconds, const Limits& limits);

// Enumerations by their names in the file. parse_enum fails with "expected one of ...".
template <class E>
Result<E> parse_enum(std::string_view text);
template <class E>
std::string enum_choices();  // "\"error\", \"warning\", \"info\" or \"debug\""

// A value as TOML would write it: strings quoted and escaped, durations in seconds.
std::string show_value(const std::string& value);
std::string show_value(bool value);
std::string show_value(std::int64_t value);
std::string show_value(int value);
std::string show_value(std::chrono::milliseconds value);
std::string show_value(const std::vector<std::string>& values);
std::string show_value(const std::vector<int>& values);
std::string show_value(LogLevel value);
std::string show_value(WatchMode value);
std::string show_value(AfterIngest value);
std::string show_value(SmtpSecurity value);
std::string show_value(MailTransportKind value);
std::string show_value(Weekday value);

// Secrets print as "(N secrets)", never their text.
std::string mask(const std::vector<std::string>& secrets);
std::string mask(const std::string& secret);

}  // namespace actiontrack::config
