#pragma once
// Timestamps as the store writes them: UTC, ISO 8601, whole seconds, "2026-11-26T20:31:00Z".
// Text sorts chronologically, which the SQL relies on.

#include <chrono>
#include <string>

namespace actiontrack::store {

std::string utc_timestamp(std::chrono::system_clock::time_point time);

// utc_timestamp of the system clock; the default when StoreOptions::now is not set.
std::string system_now();

}  // namespace actiontrack::store
