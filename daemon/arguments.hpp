#pragma once
// A command's arguments scanned left to right: options ("--name", "--name=value" or
// "--name value") may appear anywhere, the rest are operands in order, and "--" ends the options.
// Deliberately tiny: every command has a handful of long options and no short ones but -h.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"

namespace actiontrack::cli {

enum class OptionArg { none, required };

struct OptionSpec {
    std::string_view name;  // without the leading "--"
    OptionArg arg = OptionArg::none;
};

class ParsedArgs {
  public:
    // True when the option was given at least once.
    bool has(std::string_view name) const;
    // The value of the last occurrence, or nullopt when the option was not given.
    std::optional<std::string> value(std::string_view name) const;
    // Every value of a repeatable option, in the order given (e.g. `daemon --set` lines).
    std::vector<std::string> values(std::string_view name) const;
    const std::vector<std::string>& operands() const { return m_operands; }

    void add_option(std::string name, std::string value);
    void add_operand(std::string operand);

  private:
    std::vector<std::pair<std::string, std::string>> m_options;  // in the order given
    std::vector<std::string> m_operands;
};

// Fails with a one-line message ("unknown option '--foo'") when an option is not in `specs`,
// lacks its value, or has a value it does not take. "-h" is read as "--help" when that is known.
Result<ParsedArgs> parse_arguments(std::span<const std::string> args,
                                   std::span<const OptionSpec> specs);

// "20971520" → 20971520. Fails unless the text is a whole decimal number in [1, 2^63).
Result<std::int64_t> parse_positive_integer(std::string_view text, std::string_view what);

}  // namespace actiontrack::cli
