// Tests for the group commit (Store::begin_batch / commit_batch) and for the rows the ingest
// writer adds itself instead of the INSERT triggers (store/deferred_rows.hpp, schema/0007).

#include <gtest/gtest.h>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::count_rows;
using testing::document;
using testing::inspect;
using testing::open_store;
using testing::panel_meeting;
using testing::StoreTest;

// Every row of a query as one line of text, in the query's order.
std::vector<std::string> lines(const std::string& path, std::string_view sql) {
    Database db = inspect(path);
    auto statement = db.prepare(sql);
    if (!statement) throw std::runtime_error(statement.error().message());
    std::vector<std::string> values;
    while (*statement->step()) values.push_back(statement->column_text(0));
    return values;
}

// What the triggers of schema/0002 and 0003 maintain, and what the writer now writes for them
// ("at" of resolution events is the wall clock, so it is left out).
std::vector<std::string> derived_rows(const std::string& path) {
    std::vector<std::string> rows;
    for (std::string_view sql : {
             "SELECT type || ' ' || COALESCE(action_id, '-') || ' ' || "
             "COALESCE(resolution_id, '-') FROM change_events ORDER BY id",
             "SELECT 'action.created at ' || at FROM change_events "
             "WHERE type = 'action.created' ORDER BY id",
             "SELECT rowid || ' ' || text || ' / ' || resolution FROM action_search ORDER BY rowid",
             "SELECT rowid || ' ' || text FROM resolution_search ORDER BY rowid",
             // The indexes themselves, not only their content tables.
             "SELECT rowid FROM action_search WHERE action_search MATCH 'circulate' ORDER BY rowid",
             "SELECT rowid FROM resolution_search WHERE resolution_search MATCH 'noted OR agreed' "
             "ORDER BY rowid",
             "SELECT COUNT(*) FROM ingest_deferral",
         }) {
        for (std::string& line : lines(path, sql)) rows.push_back(std::move(line));
    }
    return rows;
}

// The panel meeting corrected: one action gone, one new.
parsers::Extraction corrected() {
    parsers::Extraction extraction = panel_meeting();
    extraction.actions.pop_back();
    extraction.actions.push_back(testing::action("22/5", "Write to the regional schools commissioner",
                                                 std::string("Director of Education"),
                                                 std::nullopt));
    return extraction;
}

TEST_F(StoreTest, ABatchWritesTheSameDerivedRowsAsOneTransactionPerDocument) {
    ASSERT_TRUE(m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    ASSERT_TRUE(m_store.ingest(document("/drop/panel-v2.html", 'b'), corrected()));

    testing::TempDir other_dir;
    const std::string other_path = other_dir.file("register.db");
    Store batched = open_store(other_path);
    ASSERT_TRUE(batched.begin_batch());
    // The correction of a meeting stored earlier in the same batch: its search rows must be
    // there before the correction's UPDATE and DELETE triggers touch them.
    ASSERT_TRUE(batched.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    ASSERT_TRUE(batched.ingest(document("/drop/panel-v2.html", 'b'), corrected()));
    ASSERT_TRUE(batched.commit_batch());

    const std::vector<std::string> expected = derived_rows(m_path);
    EXPECT_EQ(derived_rows(other_path), expected);
    EXPECT_GT(expected.size(), 10u);
}

TEST_F(StoreTest, OtherWritersStillGetTheTriggers) {
    ASSERT_TRUE(m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    Database db = inspect(m_path);
    ASSERT_TRUE(db.execute(
        "INSERT INTO actions (meeting_id, item, text, due_grain, derived, status, reference, "
        "position, created_at, updated_at) SELECT id, '9', 'Paint the bikeshed', 'day', 0, "
        "'open', 'X/1', 99, 'now', 'now' FROM meetings"));
    EXPECT_EQ(lines(m_path, "SELECT COUNT(*) FROM action_search WHERE action_search MATCH "
                            "'bikeshed'"),
              (std::vector<std::string>{"1"}));
    EXPECT_EQ(lines(m_path, "SELECT COUNT(*) FROM change_events WHERE action_id = "
                            "(SELECT id FROM actions WHERE reference = 'X/1')"),
              (std::vector<std::string>{"1"}));
}

TEST_F(StoreTest, AFailingDocumentInABatchIsUndoneAloneAndTheRestCommits) {
    {
        Database db = inspect(m_path);
        ASSERT_TRUE(db.execute(
            "CREATE TRIGGER sabotage BEFORE INSERT ON documents WHEN NEW.path = '/drop/bad.html' "
            "AND NEW.status = 'ingested' "
            "BEGIN SELECT RAISE(ABORT, 'sabotaged'); END"));
    }
    parsers::Extraction other = panel_meeting();
    other.meeting.committee = "Planning Committee";
    ASSERT_TRUE(m_store.begin_batch());
    ASSERT_TRUE(m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    auto bad = m_store.ingest(document("/drop/bad.html", 'b'), other);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message().find("sabotaged"), std::string::npos);
    ASSERT_TRUE(m_store.record_failure(document("/drop/bad.html", 'b'), "sabotaged"));
    other.meeting.committee = "Licensing Committee";
    ASSERT_TRUE(m_store.ingest(document("/drop/licensing.html", 'c'), other));
    // Nothing is visible to other connections before the commit.
    EXPECT_EQ(count_rows(m_path, "documents"), 0);
    ASSERT_TRUE(m_store.commit_batch());

    EXPECT_EQ(lines(m_path, "SELECT status || ' ' || path FROM documents ORDER BY id"),
              (std::vector<std::string>{"ingested /drop/panel.html", "failed /drop/bad.html",
                                        "ingested /drop/licensing.html"}));
    EXPECT_EQ(count_rows(m_path, "meetings"), 2);
    EXPECT_EQ(count_rows(m_path, "resolutions"), 4);
    EXPECT_EQ(count_rows(m_path, "resolution_search"), 4);
    EXPECT_EQ(count_rows(m_path, "action_search"), count_rows(m_path, "actions"));
    EXPECT_EQ(lines(m_path, "SELECT COUNT(*) FROM change_events WHERE type = "
                            "'resolution.created' AND resolution_id IN (SELECT id FROM resolutions)"),
              (std::vector<std::string>{"4"}));
    EXPECT_EQ(count_rows(m_path, "change_events"), 4 + count_rows(m_path, "actions"));
    EXPECT_EQ(count_rows(m_path, "ingest_deferral"), 0);
}

TEST_F(StoreTest, ARolledBackBatchLeavesNothingAndTheStoreGoesOn) {
    ASSERT_TRUE(m_store.begin_batch());
    EXPECT_FALSE(m_store.begin_batch());
    ASSERT_TRUE(m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    m_store.rollback_batch();
    for (std::string_view table :
         {"documents", "meetings", "resolutions", "actions", "change_events", "action_search"}) {
        EXPECT_EQ(count_rows(m_path, table), 0) << table;
    }
    EXPECT_FALSE(m_store.commit_batch());
    auto again = m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting());
    ASSERT_TRUE(again) << again.error().message();
    EXPECT_EQ(again->outcome, IngestOutcome::stored);
    EXPECT_EQ(count_rows(m_path, "ingest_deferral"), 0);
}

}  // namespace
}  // namespace actiontrack::store
