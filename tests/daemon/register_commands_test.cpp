// Integration tests of the commands that use the register: ingest, list and done, running the
// real binary in a fresh folder.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
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

TEST(Cli, IngestGoesOnAfterABadFile) {
    TempDir dir;
    const std::string good = dir.write("good.txt", k_minutes);
    const std::string empty = dir.write("empty.txt", "");
    RunResult run = run_actiontrack(dir, {"ingest", empty, good});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, HasSubstr("actiontrack: empty.txt: file is empty"));
    EXPECT_THAT(run.out, StartsWith("stored good.txt: meeting "));
    EXPECT_EQ(count_rows(dir.work() / "actiontrack.db", "meetings"), 1);
}

TEST(Cli, IngestingTheSameFileTwiceIsADuplicate) {
    TempDir dir;
    const std::string minutes = dir.write("minutes.txt", k_minutes);
    RunResult first = run_actiontrack(dir, {"ingest", minutes});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_THAT(first.out, StartsWith("stored minutes.txt: meeting "));
    const std::size_t actions = list_json(dir).size();

    RunResult second = run_actiontrack(dir, {"ingest", "--db", "actiontrack.db", minutes});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_THAT(second.out, StartsWith("duplicate minutes.txt"));
    EXPECT_EQ(list_json(dir).size(), actions);
    EXPECT_EQ(count_rows(dir.work() / "actiontrack.db", "meetings"), 1);
}

TEST(Cli, IngestHonoursDbPath) {
    TempDir dir;
    const std::string minutes = dir.write("minutes.txt", k_minutes);
    RunResult run = run_actiontrack(dir, {"ingest", "--db", "elsewhere.db", minutes});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir.work() / "elsewhere.db"));
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
}

TEST(Cli, IngestLeavesTheFullTextIndexesMerged) {
    // Each file is stored in a transaction of its own, and commits no longer merge the
    // full-text segments (schema/0009): without the command's final merge, twelve files would
    // leave twelve segments in each index.
    TempDir dir;
    std::vector<std::string> args = {"ingest"};
    for (int n = 0; n < 12; ++n) {
        args.push_back(dir.write("minutes-" + std::to_string(n) + ".txt",
                                 std::string(k_minutes) + "\nCopy " + std::to_string(n) + "\n"));
    }
    RunResult run = run_actiontrack(dir, args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const fs::path db = dir.work() / "actiontrack.db";
    for (const std::string index : {"action_search", "resolution_search"}) {
        const long long segments = count_rows(db, "(SELECT DISTINCT segid FROM " + index + "_idx)");
        EXPECT_GE(segments, 1) << index;
        EXPECT_LT(segments, 4) << index;
    }
}

TEST(Cli, DoneChangesTheStatusListShows) {
    TempDir dir;
    ASSERT_NO_FATAL_FAILURE(seed_register(dir.work() / "actiontrack.db"));
    ASSERT_EQ(list_json(dir, {"--status", "done"}).size(), 0u);
    const json::array open = list_json(dir, {"--status", "open"});
    ASSERT_EQ(open.size(), 2u);
    const std::int64_t id = open[0].at("id").as_int64();

    RunResult run = run_actiontrack(dir, {"done", std::to_string(id), "--note", "sent on 8 March"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("done"));

    const json::array done = list_json(dir, {"--status", "done"});
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].at("id").as_int64(), id);
    EXPECT_EQ(done[0].at("status"), "done");
    EXPECT_EQ(list_json(dir, {"--status", "open"}).size(), 1u);
}

TEST(Cli, DoneOnAnUnknownIdFails) {
    TempDir dir;
    ASSERT_NO_FATAL_FAILURE(seed_register(dir.work() / "actiontrack.db"));
    RunResult run = run_actiontrack(dir, {"done", "9999"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, StartsWith("actiontrack: actiontrack.db: "));
}

TEST(Cli, ListAndDoneNeedAnExistingRegister) {
    TempDir dir;
    for (const auto& args :
         {std::vector<std::string>{"list"}, {"done", "1"}, {"list", "--db", "typo.db"}}) {
        RunResult run = run_actiontrack(dir, args);
        EXPECT_EQ(run.exit_code, 1);
        EXPECT_THAT(run.err, HasSubstr(".db: no register here"));
    }
    EXPECT_FALSE(fs::exists(dir.work() / "actiontrack.db"));
    EXPECT_FALSE(fs::exists(dir.work() / "typo.db"));
}

TEST(Cli, ListFormats) {
    TempDir dir;
    ASSERT_NO_FATAL_FAILURE(seed_register(dir.work() / "actiontrack.db"));

    RunResult table = run_actiontrack(dir, {"list"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_THAT(table.out, StartsWith("ID"));
    EXPECT_THAT(table.out, HasSubstr("Head of Planning"));
    EXPECT_THAT(table.out, HasSubstr("2022-06-30"));

    RunResult csv = run_actiontrack(dir, {"list", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_THAT(csv.out, StartsWith("id,reference,committee,meeting_date,item,text,owner,due_date,"
                                    "due_text,status,created_at,updated_at\r\n"));
    EXPECT_THAT(csv.out, HasSubstr(",\"circulate the \"\"final\"\" report, with appendices\","));
    const auto records = parse_csv(csv.out);
    ASSERT_EQ(records.size(), 3u);
    const auto& header = records[0];
    const auto text_column = std::find(header.begin(), header.end(), "text") - header.begin();
    for (const auto& record : records) ASSERT_EQ(record.size(), header.size());
    EXPECT_TRUE(records[1][static_cast<std::size_t>(text_column)] == k_tricky_text ||
                records[2][static_cast<std::size_t>(text_column)] == k_tricky_text);
}

TEST(Cli, ListFilters) {
    TempDir dir;
    ASSERT_NO_FATAL_FAILURE(seed_register(dir.work() / "actiontrack.db"));
    const json::array before_april = list_json(dir, {"--due-before", "2022-04-01"});
    ASSERT_EQ(before_april.size(), 1u);
    EXPECT_EQ(before_april[0].at("text").as_string(), k_tricky_text);
    EXPECT_EQ(before_april[0].at("due_date"), "2022-03-31");

    const json::array planning = list_json(dir, {"--owner", "planning"});
    ASSERT_EQ(planning.size(), 1u);
    EXPECT_EQ(planning[0].at("owner"), "Head of Planning");

    // Both seeded actions fell due in 2022 and are open, so both are overdue today.
    EXPECT_EQ(list_json(dir, {"--overdue"}).size(), 2u);
}

}  // namespace
}  // namespace actiontrack::cli::testing
