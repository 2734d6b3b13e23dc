#include "daemon/config_values.hpp"

#include <fmt/core.h>

#include <array>
#include <cmath>
#include <utility>

#include "daemon/config_parser.hpp"

namespace actiontrack::config {

namespace {

template <class E>
struct Names;

template <>
struct Names<LogLevel> {
    static constexpr std::array<std::pair<std::string_view, LogLevel>, 4> k_table{{
        {"error", LogLevel::error},
        {"warning", LogLevel::warning},
        {"info", LogLevel::info},
        {"debug", LogLevel::debug},
    }};
};

template <>
struct Names<WatchMode> {
    static constexpr std::array<std::pair<std::string_view, WatchMode>, 2> k_table{{
        {"inotify", WatchMode::inotify},
        {"poll", WatchMode::poll},
    }};
};

template <>
struct Names<AfterIngest> {
    static constexpr std::array<std::pair<std::string_view, AfterIngest>, 2> k_table{{
        {"move", AfterIngest::move},
        {"leave", AfterIngest::leave},
    }};
};

template <>
struct Names<SmtpSecurity> {
    static constexpr std::array<std::pair<std::string_view, SmtpSecurity>, 3> k_table{{
        {"starttls", SmtpSecurity::starttls},
        {"tls", SmtpSecurity::tls},
        {"none", SmtpSecurity::none},
    }};
};

template <>
struct Names<MailTransportKind> {
    static constexpr std::array<std::pair<std::string_view, MailTransportKind>, 2> k_table{{
        {"smtp", MailTransportKind::smtp},
        {"sendmail", MailTransportKind::sendmail},
    }};
};

template <>
struct Names<Weekday> {
    static constexpr std::array<std::pair<std::string_view, Weekday>, 7> k_table{{
        {"monday", Weekday::monday},
        {"tuesday", Weekday::tuesday},
        {"wednesday", Weekday::wednesday},
        {"thursday", Weekday::thursday},
        {"friday", Weekday::friday},
        {"saturday", Weekday::saturday},
        {"sunday", Weekday::sunday},
    }};
};

template <class E>
std::string_view name_of(E value) {
    for (const auto& [name, candidate] : Names<E>::k_table) {
        if (candidate == value) return name;
    }
    return "?";
}

std::string format_number(double value) {
    // Whole numbers without a fraction, others with as many digits as they need ("0.25").
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return fmt::format("{}", static_cast<std::int64_t>(value));
    }
    return fmt::format("{}", value);
}

}  // namespace

Result<void> check_range(double value, const Limits& limits) {
    if (value < limits.min || value > limits.max) {
        return Error(fmt::format("must be between {} and {}", format_number(limits.min),
                                 format_number(limits.max)));
    }
    return {};
}

Result<std::chrono::milliseconds> seconds_to_duration(double seconds, const Limits& limits) {
    if (!std::isfinite(seconds)) return Error("must be a finite number of seconds");
    TRY(check_range(seconds, limits));
    return std::chrono::milliseconds(std::llround(seconds * 1000.0));
}

template <class E>
Result<E> parse_enum(std::string_view text) {
    for (const auto& [name, value] : Names<E>::k_table) {
        if (name == text) return value;
    }
    return Error(fmt::format("'{}' is not one of {}", text, enum_choices<E>()));
}

template <class E>
std::string enum_choices() {
    std::string out;
    const auto& table = Names<E>::k_table;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0) out += (i + 1 == table.size()) ? " or " : ", ";
        out += fmt::format("\"{}\"", table[i].first);
    }
    return out;
}

template Result<LogLevel> parse_enum<LogLevel>(std::string_view);
template Result<WatchMode> parse_enum<WatchMode>(std::string_view);
template Result<AfterIngest> parse_enum<AfterIngest>(std::string_view);
template Result<SmtpSecurity> parse_enum<SmtpSecurity>(std::string_view);
template Result<MailTransportKind> parse_enum<MailTransportKind>(std::string_view);
template Result<Weekday> parse_enum<Weekday>(std::string_view);
template std::string enum_choices<LogLevel>();
template std::string enum_choices<WatchMode>();
template std::string enum_choices<AfterIngest>();
template std::string enum_choices<SmtpSecurity>();
template std::string enum_choices<MailTransportKind>();
template std::string enum_choices<Weekday>();

std::string show_value(const std::string& value) {
    std::string out = "\"";
    for (char c : value) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string show_value(bool value) { return value ? "true" : "false"; }
std::string show_value(std::int64_t value) { return fmt::format("{}", value); }
std::string show_value(int value) { return fmt::format("{}", value); }

std::string show_value(std::chrono::milliseconds value) {
    return format_number(static_cast<double>(value.count()) / 1000.0);
}

std::string show_value(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += show_value(values[i]);
    }
    return out + "]";
}

std::string show_value(const std::vector<int>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += show_value(values[i]);
    }
    return out + "]";
}

std::string show_value(LogLevel value) { return show_value(std::string(name_of(value))); }
std::string show_value(WatchMode value) { return show_value(std::string(name_of(value))); }
std::string show_value(AfterIngest value) { return show_value(std::string(name_of(value))); }
std::string show_value(SmtpSecurity value) { return show_value(std::string(name_of(value))); }
std::string show_value(MailTransportKind value) {
    return show_value(std::string(name_of(value)));
}
std::string show_value(Weekday value) { return show_value(std::string(name_of(value))); }

std::string mask(const std::vector<std::string>& secrets) {
    return fmt::format("({} secret{}, not shown)", secrets.size(), secrets.size() == 1 ? "" : "s");
}

std::string mask(const std::string& secret) {
    return secret.empty() ? std::string("\"\"") : std::string("(secret, not shown)");
}

std::string_view to_string(LogLevel level) { return name_of(level); }
std::string_view to_string(WatchMode mode) { return name_of(mode); }
std::string_view to_string(AfterIngest after) { return name_of(after); }
std::string_view to_string(SmtpSecurity security) { return name_of(security); }
std::string_view to_string(MailTransportKind transport) { return name_of(transport); }
std::string_view to_string(Weekday weekday) { return name_of(weekday); }

}  // namespace actiontrack::config
