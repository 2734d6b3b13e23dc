// Tests for the full-text indexes' merging (schema/0009, Store::merge_full_text): commits no
// longer merge segments, the writer merges them in steps, and searches find the same rows
// before, during and after.

#include <fmt/core.h>
#include <gtest/gtest.h>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::document;
using testing::inspect;
using testing::panel_meeting;
using testing::StoreTest;

std::int64_t query(const std::string& path, std::string_view sql) {
    auto value = inspect(path).query_int64(sql);
    if (!value) throw std::runtime_error(value.error().message());
    return *value;
}

// Each segment of an FTS5 index has its own rows in the %_idx table.
std::int64_t segments(const std::string& path, std::string_view table) {
    return query(path, fmt::format("SELECT COUNT(DISTINCT segid) FROM {}_idx", table));
}

std::int64_t matches(const std::string& path) {
    return query(path, "SELECT COUNT(*) FROM action_search WHERE action_search MATCH 'circulate'") * 1000 +
           query(path, "SELECT COUNT(*) FROM resolution_search WHERE resolution_search MATCH 'noted OR agreed'");
}

// Twelve documents, each in its own transaction: twelve segments per index, none merged.
void ingest_twelve(Store& store) {
    const std::string digits = "0123456789ab";
    for (char digit : digits) {
        ASSERT_TRUE(store.ingest(document(fmt::format("/drop/panel-{}.html", digit), digit), panel_meeting()));
    }
}

TEST_F(StoreTest, CommitsLeaveFullTextSegmentsUnmerged) {
    ingest_twelve(m_store);
    // With FTS5's default automerge the commits would have merged every fourth segment.
    EXPECT_GE(segments(m_path, "action_search"), 12);
    EXPECT_GE(segments(m_path, "resolution_search"), 12);
}

TEST_F(StoreTest, MergeStepsMergeTheSegmentsUntilNothingIsLeftAndSearchesStillFindTheSameRows) {
    ingest_twelve(m_store);
    const std::int64_t before = matches(m_path);
    ASSERT_GT(before, 1000);
    int steps = 0;
    for (;;) {
        auto merged = m_store.merge_full_text(2);
        ASSERT_TRUE(merged) << merged.error().message();
        if (!*merged) break;
        ++steps;
        ASSERT_LT(steps, 1000) << "merging never finished";
        EXPECT_EQ(matches(m_path), before);  // searches are right half-way through too
    }
    EXPECT_GE(steps, 1);
    EXPECT_LT(segments(m_path, "action_search"), 4);
    EXPECT_LT(segments(m_path, "resolution_search"), 4);
    EXPECT_EQ(matches(m_path), before);
    Database db = inspect(m_path);
    EXPECT_TRUE(db.execute("INSERT INTO action_search (action_search) VALUES ('integrity-check')"));
    EXPECT_TRUE(db.execute("INSERT INTO resolution_search (resolution_search) VALUES ('integrity-check')"));
    // Nothing to merge any more.
    auto again = m_store.merge_full_text(8);
    ASSERT_TRUE(again);
    EXPECT_FALSE(*again);
}

TEST_F(StoreTest, AMergeStepIsNotTakenInsideABatch) {
    ingest_twelve(m_store);
    ASSERT_TRUE(m_store.begin_batch());
    // The step needs a transaction of its own; inside the batch's it fails and leaves the
    // batch as it was.
    EXPECT_FALSE(m_store.merge_full_text(8));
    ASSERT_TRUE(m_store.ingest(document("/drop/panel-c.html", 'c'), panel_meeting()));
    EXPECT_TRUE(m_store.commit_batch());
}

}  // namespace
}  // namespace actiontrack::store
