#include "daemon/arguments.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <limits>

namespace actiontrack::cli {

bool ParsedArgs::has(std::string_view name) const {
    return std::any_of(m_options.begin(), m_options.end(),
                       [&](const auto& option) { return option.first == name; });
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    // Last one wins, as with most tools, so an alias or a script default can be overridden.
    auto it = std::find_if(m_options.rbegin(), m_options.rend(),
                           [&](const auto& option) { return option.first == name; });
    if (it == m_options.rend()) return std::nullopt;
    return it->second;
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
    std::vector<std::string> found;
    for (const auto& option : m_options) {
        if (option.first == name) found.push_back(option.second);
    }
    return found;
}

void ParsedArgs::add_option(std::string name, std::string value) {
    m_options.emplace_back(std::move(name), std::move(value));
}

void ParsedArgs::add_operand(std::string operand) {
    m_operands.push_back(std::move(operand));
}

namespace {

const OptionSpec* find_spec(std::span<const OptionSpec> specs, std::string_view name) {
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const OptionSpec& spec) { return spec.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

}  // namespace

Result<ParsedArgs> parse_arguments(std::span<const std::string> args,
                                   std::span<const OptionSpec> specs) {
    ParsedArgs parsed;
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        if (options_ended || arg == "-" || !arg.starts_with('-')) {
            parsed.add_operand(std::string(arg));
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        if (arg == "-h" && find_spec(specs, "help") != nullptr) {
            parsed.add_option("help", "");
            continue;
        }
        if (!arg.starts_with("--")) return Error(fmt::format("unknown option '{}'", arg));

        std::string_view name = arg.substr(2);
        std::optional<std::string_view> inline_value;
        if (auto eq = name.find('='); eq != std::string_view::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* spec = find_spec(specs, name);
        if (spec == nullptr) return Error(fmt::format("unknown option '--{}'", name));

        if (spec->arg == OptionArg::none) {
            if (inline_value) return Error(fmt::format("option '--{}' takes no value", name));
            parsed.add_option(std::string(name), "");
        } else if (inline_value) {
            parsed.add_option(std::string(name), std::string(*inline_value));
        } else if (i + 1 < args.size()) {
            parsed.add_option(std::string(name), args[++i]);
        } else {
            return Error(fmt::format("option '--{}' needs a value", name));
        }
    }
    return parsed;
}

Result<std::int64_t> parse_positive_integer(std::string_view text, std::string_view what) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || value < 1) {
        return Error(fmt::format("{} must be a positive whole number, not '{}'", what, text));
    }
    return value;
}

}  // namespace actiontrack::cli
