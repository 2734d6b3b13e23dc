#include "cli_fixture.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json/parse.hpp>
#include <chrono>

#include "common/digest.hpp"
#include "store/store.hpp"

namespace actiontrack::cli::testing {

namespace fs = std::filesystem;
namespace json = boost::json;

long long count_rows(const fs::path& db, const std::string& table, const std::string& where) {
    sqlite3* handle = nullptr;
    long long count = -1;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        const std::string sql =
            "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where);
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            count = sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(handle);
    return count;
}

void seed_register(const fs::path& db) {
    using namespace std::chrono;
    parsers::Extraction extraction;
    extraction.meeting.committee = "Test Scrutiny Panel";
    extraction.meeting.date = year{2022} / March / 7;
    extraction.items.push_back({"22/4", false, "Report"});
    parsers::Action first;
    first.item = "22/4";
    first.text = std::string(k_tricky_text);
    first.owner = "Clerk";
    first.due_text = "by 31 March 2022";
    first.due = year{2022} / March / 31;
    extraction.actions.push_back(first);
    parsers::Action second;
    second.item = "22/4";
    second.text = "arrange a site visit for Members";
    second.owner = "Head of Planning";
    second.due_text = "by 30 June 2022";
    second.due = year{2022} / June / 30;
    extraction.actions.push_back(second);

    auto opened = store::Store::open(db.string());
    ASSERT_TRUE(opened) << opened.error().message();
    store::DocumentInput document;
    document.path = "seed.txt";
    document.sha256 = sha256_hex("seed");
    document.size = 4;
    auto report = opened->ingest(document, extraction);
    ASSERT_TRUE(report) << report.error().message();
    ASSERT_EQ(report->actions, 2);
}

json::array list_json(const TempDir& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"list", "--format", "json"});
    RunResult run = run_actiontrack(dir, args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    json::error_code ec;
    json::value value = json::parse(run.out, ec);
    EXPECT_FALSE(ec) << run.out;
    return value.is_array() ? value.as_array() : json::array{};
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> records(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            records.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            records.back().push_back(std::move(field));
            field.clear();
            records.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (records.back().empty() && field.empty()) records.pop_back();
    return records;
}

}  // namespace actiontrack::cli::testing
