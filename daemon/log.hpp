#pragma once
// The daemon's log: one line per event on stderr. Under systemd (JOURNAL_STREAM set) each line
// starts with a "<N>" syslog priority and has no timestamp, because journald adds its own and
// reads the prefix as the priority; on a terminal, lines start with a UTC time and the level.
// Format strings are literals checked at compile time (fmt::format_string). Thread-safe: each
// line is written with a single fwrite.

#include <fmt/core.h>

#include <string_view>
#include <utility>

#include "daemon/config.hpp"

namespace actiontrack::log {

// Messages above `level` are dropped. Safe to call while other threads log (SIGHUP reload).
void set_level(config::LogLevel level);
bool enabled(config::LogLevel level);

// Decides the line format from the environment (JOURNAL_STREAM); called once at start-up.
void detect_journal();

void write(config::LogLevel level, std::string_view message);

template <class... Args>
void error(fmt::format_string<Args...> format, Args&&... args) {
    write(config::LogLevel::error, fmt::format(format, std::forward<Args>(args)...));
}

template <class... Args>
void warning(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(config::LogLevel::warning)) {
        write(config::LogLevel::warning, fmt::format(format, std::forward<Args>(args)...));
    }
}

template <class... Args>
void info(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(config::LogLevel::info)) {
        write(config::LogLevel::info, fmt::format(format, std::forward<Args>(args)...));
    }
}

template <class... Args>
void debug(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(config::LogLevel::debug)) {
        write(config::LogLevel::debug, fmt::format(format, std::forward<Args>(args)...));
    }
}

}  // namespace actiontrack::log
