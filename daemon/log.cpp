#include "daemon/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace actiontrack::log {

namespace {

std::atomic<int> g_level{static_cast<int>(config::LogLevel::info)};
std::atomic<bool> g_journal{false};

// syslog(3) priorities, which journald reads from the "<N>" prefix.
int priority(config::LogLevel level) {
    switch (level) {
        case config::LogLevel::error:
            return 3;
        case config::LogLevel::warning:
            return 4;
        case config::LogLevel::info:
            return 6;
        case config::LogLevel::debug:
            return 7;
    }
    return 6;
}

std::string_view label(config::LogLevel level) {
    switch (level) {
        case config::LogLevel::error:
            return "error";
        case config::LogLevel::warning:
            return "warning";
        case config::LogLevel::info:
            return "info";
        case config::LogLevel::debug:
            return "debug";
    }
    return "info";
}

std::string timestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    return fmt::format("{:02}:{:02}:{:02}.{:03}Z", utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
}

}  // namespace

void set_level(config::LogLevel level) { g_level.store(static_cast<int>(level)); }

bool enabled(config::LogLevel level) { return static_cast<int>(level) <= g_level.load(); }

void detect_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    g_journal.store(stream != nullptr && *stream != '\0');
}

void write(config::LogLevel level, std::string_view message) {
    // One line per event: a message with a newline in it (a file name, a reason) would split
    // into two journal entries, the second without a priority.
    std::string line;
    if (g_journal.load()) {
        line = fmt::format("<{}>", priority(level));
    } else {
        line = fmt::format("{} {}: ", timestamp(), label(level));
    }
    for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace actiontrack::log
