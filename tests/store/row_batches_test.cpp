// Tests for the ingest writer's multi-row INSERTs (store/row_batches.cpp).

#include "store/row_batches.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace actiontrack::store {
namespace {

TEST(RowBatches, WritesOnePlaceholderGroupPerRow) {
    EXPECT_EQ(multi_row_sql("INSERT INTO t (a, b)", 2, 3, ""),
              "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)");
    EXPECT_EQ(multi_row_sql("INSERT INTO t (a)", 1, 1, "RETURNING a"),
              "INSERT INTO t (a) VALUES (?) RETURNING a");
}

// How many rows go in each statement, and that every row arrives once, in order.
TEST(RowBatches, InsertsEveryRowInPowerOfTwoChunks) {
    struct Case {
        std::size_t rows;
        std::vector<std::size_t> chunks;
    };
    const std::vector<Case> cases = {
        {0, {}}, {1, {1}}, {32, {32}}, {43, {32, 8, 2, 1}}, {70, {32, 32, 4, 2}},
    };
    for (const Case& c : cases) {
        auto db = Database::open(":memory:");
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"));
        std::vector<std::size_t> chunks;
        auto inserted = insert_in_batches(
            *db, "INSERT INTO t (n)", 1, c.rows, "",
            [&](Statement& statement, std::size_t first, std::size_t count) -> Result<void> {
                chunks.push_back(count);
                int next = 1;
                for (std::size_t i = first; i < first + count; ++i) {
                    next = statement.bind_from(next, static_cast<std::int64_t>(i));
                }
                return statement.run();
            });
        ASSERT_TRUE(inserted) << inserted.error().message();
        EXPECT_EQ(chunks, c.chunks) << c.rows << " rows";
        auto select = db->prepare("SELECT n FROM t ORDER BY id");
        ASSERT_TRUE(select);
        std::int64_t expected = 0;
        while (*select->step()) EXPECT_EQ(select->column_int64(0), expected++);
        EXPECT_EQ(expected, static_cast<std::int64_t>(c.rows));
    }
}

TEST(RowBatches, StopsAtTheFirstFailure) {
    auto db = Database::open(":memory:");
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->execute("CREATE TABLE t (n INTEGER NOT NULL)"));
    int calls = 0;
    auto inserted =
        insert_in_batches(*db, "INSERT INTO t (n)", 1, 40, "",
                          [&](Statement& statement, std::size_t, std::size_t) -> Result<void> {
                              ++calls;
                              return statement.run();  // nothing bound: NOT NULL fails
                          });
    EXPECT_FALSE(inserted);
    EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace actiontrack::store
