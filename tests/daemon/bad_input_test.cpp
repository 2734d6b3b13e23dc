// Integration tests: every kind of bad input file is refused by `extract` and `ingest` in one
// line naming the file, with exit 1, and leaves the register without meetings, resolutions or
// actions (ingest logs the failure in documents, which is intended).

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace actiontrack::cli::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::StartsWith;

struct BadInput {
    std::string name;
    // Prepares the bad file in the folder and returns the argument naming it.
    std::function<std::string(const TempDir&)> make;
    std::string reason;  // expected in the message
    std::vector<std::string> extra_args = {};
};

void PrintTo(const BadInput& input, std::ostream* out) {
    *out << input.name;
}

const std::vector<BadInput>& bad_inputs() {
    static const std::vector<BadInput> inputs = {
        {"empty", [](const TempDir& dir) { return dir.write("empty.txt", ""); }, "file is empty"},
        {"binary_with_nuls",
         [](const TempDir& dir) {
             return dir.write("scan.txt", std::string("PK\x03\x04\0\0\0\0AGREED", 14));
         },
         "binary file"},
        {"mostly_control_bytes",
         [](const TempDir& dir) {
             return dir.write("noise.txt", std::string(500, '\x01') + "AGREED that");
         },
         "binary file"},
        {"over_max_size",
         [](const TempDir& dir) { return dir.write("big.txt", std::string(k_minutes)); },
         "file is too large",
         {"--max-size", "64"}},
        {"directory",
         [](const TempDir& dir) {
             fs::create_directory(dir.work() / "minutes_dir");
             return std::string("minutes_dir");
         },
         "is a directory"},
        {"missing", [](const TempDir&) { return std::string("missing.txt"); }, "no such file"},
        {"unreadable",
         [](const TempDir& dir) {
             std::string name = dir.write("secret.txt", k_minutes);
             fs::permissions(dir.work() / name, fs::perms::none);
             return name;
         },
         "permission denied"},
    };
    return inputs;
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {
  protected:
    void SetUp() override {
        // Root reads files whatever their mode, so an unreadable file cannot be made.
        if (GetParam().name == "unreadable" && ::geteuid() == 0) {
            GTEST_SKIP() << "running as root: chmod 000 does not stop root reading";
        }
    }
};

TEST_P(BadInputTest, ExtractRefusesItAndCreatesNoRegister) {
    TempDir dir;
    const std::string file = GetParam().make(dir);
    std::vector<std::string> args = {"extract", "--json"};
    args.insert(args.end(), GetParam().extra_args.begin(), GetParam().extra_args.end());
    args.push_back(file);
    RunResult run = run_actiontrack(dir, args);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, StartsWith("actiontrack: " + file + ": " + GetParam().reason));
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
}

TEST_P(BadInputTest, IngestRefusesItAndRecordsOnlyTheFailure) {
    TempDir dir;
    const std::string file = GetParam().make(dir);
    std::vector<std::string> args = {"ingest"};
    args.insert(args.end(), GetParam().extra_args.begin(), GetParam().extra_args.end());
    args.push_back(file);
    RunResult run = run_actiontrack(dir, args);
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, StartsWith("actiontrack: " + file + ": " + GetParam().reason));
    EXPECT_EQ(run.out, "");

    const fs::path db = dir.work() / "actiontrack.db";
    EXPECT_EQ(count_rows(db, "meetings"), 0);
    EXPECT_EQ(count_rows(db, "resolutions"), 0);
    EXPECT_EQ(count_rows(db, "actions"), 0);
    EXPECT_EQ(count_rows(db, "documents", "status = 'failed'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Cli, BadInputTest, ::testing::ValuesIn(bad_inputs()),
                         [](const ::testing::TestParamInfo<BadInput>& param) {
                             return param.param.name;
                         });

// --- The register: ingest, list, done. ---

}  // namespace
}  // namespace actiontrack::cli::testing
