// Integration tests of `actiontrack extract`, running the real binary. Extraction quality is the
// parsers' tests' business: the minutes here are plain and the assertions about what is found
// are deliberately loose; what is checked is the contract's shape and the command's behaviour.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace actiontrack::cli::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(Cli, ExtractJsonFollowsTheContract) {
    TempDir dir;
    const std::string minutes = dir.write("minutes.txt", k_minutes);
    RunResult run = run_actiontrack(dir, {"extract", "--json", minutes});
    ASSERT_EQ(run.exit_code, 0) << run.err;

    json::error_code ec;
    const json::value value = json::parse(run.out, ec);
    ASSERT_FALSE(ec) << run.out;
    const json::object& root = value.as_object();
    for (const char* key : {"meeting", "items", "resolutions", "actions"}) {
        EXPECT_TRUE(root.contains(key)) << key;
    }
    const json::object& meeting = root.at("meeting").as_object();
    for (const char* key : {"committee", "date", "time", "venue", "contact", "next_meeting"}) {
        ASSERT_TRUE(meeting.contains(key)) << key;
        EXPECT_TRUE(meeting.at(key).is_string() || meeting.at(key).is_null()) << key;
    }
    for (const auto& item : root.at("items").as_array()) {
        EXPECT_TRUE(item.as_object().contains("number"));
        EXPECT_TRUE(item.as_object().contains("title"));
    }
    bool agreed = false;
    for (const auto& resolution : root.at("resolutions").as_array()) {
        const json::object& object = resolution.as_object();
        EXPECT_TRUE(object.at("item").is_string() || object.at("item").is_null());
        EXPECT_TRUE(object.at("text").is_string());
        agreed = agreed || object.at("kind") == "agreed";
    }
    EXPECT_TRUE(agreed) << run.out;
    for (const auto& action : root.at("actions").as_array()) {
        const json::object& object = action.as_object();
        EXPECT_TRUE(object.at("text").is_string());
        for (const char* key : {"item", "owner", "due_text", "due"}) {
            EXPECT_TRUE(object.at(key).is_string() || object.at(key).is_null()) << key;
        }
    }
    // extract never touches a register.
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
}

TEST(Cli, ExtractPrintsTablesByDefault) {
    TempDir dir;
    const std::string minutes = dir.write("minutes.txt", k_minutes);
    for (const auto& args :
         {std::vector<std::string>{"extract", minutes}, {"extract", "--table", minutes}}) {
        RunResult run = run_actiontrack(dir, args);
        ASSERT_EQ(run.exit_code, 0) << run.err;
        EXPECT_THAT(run.out, StartsWith("Committee"));
        EXPECT_THAT(run.out, HasSubstr("\nResolutions ("));
        EXPECT_THAT(run.out, HasSubstr("\nActions ("));
    }
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
}

TEST(Cli, ExtractWarningsGoToStderrWithTheFileName) {
    TempDir dir;
    // \x93 and \x94 are Windows-1252 quotes, invalid as UTF-8: the extractor falls back and warns.
    const std::string minutes =
        dir.write("cp1252.txt", std::string(k_minutes) + "\x93Quoted\x94 in the old way.\n");
    RunResult run = run_actiontrack(dir, {"extract", "--json", minutes});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.err, HasSubstr("actiontrack: cp1252.txt: warning: "));
    json::error_code ec;
    (void)json::parse(run.out, ec);
    EXPECT_FALSE(ec);
}

TEST(Cli, ExtractAcceptsUtf16WithByteOrderMark) {
    TempDir dir;
    std::string utf16 = "\xff\xfe";
    for (char c : k_minutes) {
        utf16 += c;
        utf16 += '\0';
    }
    const std::string minutes = dir.write("utf16.txt", utf16);
    RunResult run = run_actiontrack(dir, {"extract", "--json", minutes});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.err, ::testing::Not(HasSubstr("binary")));
}

// --- Bad input: every command refuses it in one line naming the file, with exit 1. ---

}  // namespace
}  // namespace actiontrack::cli::testing
