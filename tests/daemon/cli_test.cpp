// Integration tests of the command line itself, running the real binary: version, help, and
// usage errors (exit 2) for every command.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace actiontrack::cli::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(Cli, VersionAndHelp) {
    TempDir dir;
    RunResult version = run_actiontrack(dir, {"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_THAT(version.out, StartsWith("actiontrack 0."));

    RunResult help = run_actiontrack(dir, {"--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_THAT(help.out, StartsWith("Usage: actiontrack COMMAND"));
    for (const std::string command : {"extract", "ingest", "list", "done"}) {
        SCOPED_TRACE(command);
        EXPECT_THAT(help.out, HasSubstr("  " + command + " "));
        for (const std::string flag : {"--help", "-h"}) {
            RunResult run = run_actiontrack(dir, {command, flag});
            EXPECT_EQ(run.exit_code, 0);
            EXPECT_THAT(run.out, StartsWith("Usage: actiontrack " + command));
            EXPECT_EQ(run.err, "");
        }
        EXPECT_EQ(run_actiontrack(dir, {"help", command}).exit_code, 0);
    }
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
}

TEST(Cli, UsageErrorsExitTwo) {
    TempDir dir;
    const std::string minutes = dir.write("minutes.txt", k_minutes);
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"frobnicate"},
        {"--frobnicate"},
        {"extract"},
        {"extract", "--bogus", minutes},
        {"extract", "--json", "--table", minutes},
        {"extract", minutes, minutes},
        {"extract", "--max-size", "lots", minutes},
        {"extract", "--max-size"},
        {"ingest"},
        {"list", "--due-before", "2022-13-01"},
        {"list", "--due-before", "next week"},
        {"list", "--format", "xml"},
        {"list", "--status", "finished"},
        {"list", "stray"},
        {"done"},
        {"done", "abc"},
        {"done", "0"},
        {"done", "1", "2"},
    };
    for (const auto& args : cases) {
        SCOPED_TRACE(::testing::PrintToString(args));
        RunResult run = run_actiontrack(dir, args);
        EXPECT_EQ(run.exit_code, 2);
        EXPECT_THAT(run.err, StartsWith("actiontrack"));
        EXPECT_THAT(run.err, HasSubstr("--help"));
        EXPECT_EQ(run.out, "");
    }
    EXPECT_THAT(run_actiontrack(dir, {"frobnicate"}).err,
                HasSubstr("unknown command 'frobnicate'"));
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
}

}  // namespace
}  // namespace actiontrack::cli::testing
