#include "daemon/arguments.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

namespace actiontrack::cli {
namespace {

constexpr std::array<OptionSpec, 3> k_specs = {{
    {"json", OptionArg::none},
    {"db", OptionArg::required},
    {"help", OptionArg::none},
}};

struct Case {
    std::vector<std::string> args;
    std::string error;  // expected error message; empty when parsing succeeds
    std::vector<std::string> operands;
    std::string db;  // expected --db value, "" when absent
    bool json = false;
};

TEST(Arguments, ParsesOptionsAnywhereAndReportsMistakes) {
    const std::vector<Case> cases = {
        {{"a.txt"}, "", {"a.txt"}, "", false},
        {{"--json", "a.txt"}, "", {"a.txt"}, "", true},
        {{"a.txt", "--json"}, "", {"a.txt"}, "", true},
        {{"--db", "x.db", "a", "b"}, "", {"a", "b"}, "x.db", false},
        {{"--db=x.db", "a"}, "", {"a"}, "x.db", false},
        {{"--db", "one.db", "--db", "two.db"}, "", {}, "two.db", false},
        {{"--", "--json"}, "", {"--json"}, "", false},
        {{"-"}, "", {"-"}, "", false},
        {{"--nope"}, "unknown option '--nope'", {}, "", false},
        {{"-x"}, "unknown option '-x'", {}, "", false},
        {{"--db"}, "option '--db' needs a value", {}, "", false},
        {{"--json=yes"}, "option '--json' takes no value", {}, "", false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(::testing::PrintToString(c.args));
        auto parsed = parse_arguments(c.args, k_specs);
        if (!c.error.empty()) {
            ASSERT_FALSE(parsed);
            EXPECT_EQ(parsed.error().message(), c.error);
            continue;
        }
        ASSERT_TRUE(parsed) << parsed.error().message();
        EXPECT_EQ(parsed->operands(), c.operands);
        EXPECT_EQ(parsed->value("db").value_or(""), c.db);
        EXPECT_EQ(parsed->has("json"), c.json);
    }
}

TEST(Arguments, ShortHelpOnlyWhenHelpIsKnown) {
    const std::vector<std::string> args = {"-h"};
    auto parsed = parse_arguments(args, k_specs);
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed->has("help"));
    EXPECT_FALSE(parse_arguments(args, std::span<const OptionSpec>(k_specs).first(2)));
}

TEST(Arguments, PositiveIntegers) {
    EXPECT_EQ(*parse_positive_integer("20971520", "n"), 20971520);
    for (std::string_view bad : {"", "0", "-3", "12x", "1.5", "99999999999999999999"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(parse_positive_integer(bad, "n"));
    }
    EXPECT_EQ(parse_positive_integer("abc", "ID").error().message(),
              "ID must be a positive whole number, not 'abc'");
}

}  // namespace
}  // namespace actiontrack::cli
