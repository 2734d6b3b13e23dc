// Tests for the RAII SQLite wrappers: store/database.cpp, statement.cpp, transaction.cpp.

#include "store/database.hpp"

#include <gtest/gtest.h>

#include "store/transaction.hpp"

namespace actiontrack::store {
namespace {

Database memory_database() {
    auto db = Database::open(":memory:");
    if (!db) throw std::runtime_error(db.error().message());
    auto created = db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    if (!created) throw std::runtime_error(created.error().message());
    return std::move(db).value();
}

TEST(Statement, BindsAndReadsValuesIncludingNull) {
    Database db = memory_database();
    auto insert = db.prepare("INSERT INTO t (id, name) VALUES (?, ?)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->bind_all(std::int64_t{7}, std::string("it's; DROP TABLE t")).run());
    insert->reset();
    ASSERT_TRUE(insert->bind_all(std::int64_t{8}, std::nullopt).run());

    auto select = db.prepare("SELECT id, name FROM t ORDER BY id");
    ASSERT_TRUE(select);
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->column_int64(0), 7);
    EXPECT_EQ(select->column_text(1), "it's; DROP TABLE t");
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->column_optional_text(1), std::nullopt);
    EXPECT_FALSE(*select->step());
}

TEST(Statement, ReportsABadBindOnStep) {
    Database db = memory_database();
    auto insert = db.prepare("INSERT INTO t (id) VALUES (?)");
    ASSERT_TRUE(insert);
    insert->bind(5, std::int64_t{1});  // no fifth placeholder
    auto ran = insert->run();
    ASSERT_FALSE(ran);
    EXPECT_NE(ran.error().message().find("parameter 5"), std::string::npos)
        << ran.error().message();
}

// Database::prepare keeps statements by their text; a reused one must behave like a new one.
TEST(StatementCache, AReusedStatementStartsWithNoBindings) {
    Database db = memory_database();
    {
        auto first = db.prepare("SELECT ?1 IS NULL");
        ASSERT_TRUE(first);
        first->bind(1, std::int64_t{5});
        ASSERT_TRUE(*first->step());
        EXPECT_EQ(first->column_int64(0), 0);
    }
    auto again = db.prepare("SELECT ?1 IS NULL");
    ASSERT_TRUE(again);
    ASSERT_TRUE(*again->step());
    EXPECT_EQ(again->column_int64(0), 1);
}

TEST(StatementCache, APartlyReadStatementStartsOverWhenReused) {
    Database db = memory_database();
    ASSERT_TRUE(db.execute("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
    constexpr std::string_view k_select = "SELECT name FROM t ORDER BY id";
    {
        auto select = db.prepare(k_select);
        ASSERT_TRUE(select);
        ASSERT_TRUE(*select->step());
        ASSERT_TRUE(*select->step());
        EXPECT_EQ(select->column_text(0), "b");
    }
    auto select = db.prepare(k_select);
    ASSERT_TRUE(select);
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->column_text(0), "a");
}

TEST(StatementCache, TheSameTextTwiceAtOnceGivesTwoStatements) {
    Database db = memory_database();
    ASSERT_TRUE(db.execute("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b')"));
    constexpr std::string_view k_select = "SELECT name FROM t WHERE id >= ? ORDER BY id";
    auto outer = db.prepare(k_select);
    ASSERT_TRUE(outer);
    outer->bind(1, std::int64_t{1});
    ASSERT_TRUE(*outer->step());
    {
        auto inner = db.prepare(k_select);
        ASSERT_TRUE(inner);
        inner->bind(1, std::int64_t{2});
        ASSERT_TRUE(*inner->step());
        EXPECT_EQ(inner->column_text(0), "b");
    }
    EXPECT_EQ(outer->column_text(0), "a");
    ASSERT_TRUE(*outer->step());
    EXPECT_EQ(outer->column_text(0), "b");
}

TEST(StatementCache, CachedStatementsSurviveAMoveOfTheDatabase) {
    Database db = memory_database();
    ASSERT_TRUE(db.query_int64("SELECT COUNT(*) FROM t"));
    Database moved = std::move(db);
    auto count = moved.query_int64("SELECT COUNT(*) FROM t");
    ASSERT_TRUE(count) << count.error().message();
    EXPECT_EQ(*count, 0);
}

TEST(StatementCache, ASchemaChangeBetweenUsesIsPickedUp) {
    Database db = memory_database();
    ASSERT_TRUE(db.query_int64("SELECT COUNT(*) FROM t"));
    ASSERT_TRUE(db.execute("DROP TABLE t; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)"));
    auto count = db.query_int64("SELECT COUNT(*) FROM t");
    ASSERT_TRUE(count) << count.error().message();
    EXPECT_EQ(*count, 1);
}

TEST(Database, PrepareReportsSqlErrors) {
    Database db = memory_database();
    auto statement = db.prepare("SELECT nothing FROM nowhere");
    ASSERT_FALSE(statement);
    EXPECT_NE(statement.error().message().find("nowhere"), std::string::npos);
}

TEST(Transaction, RollsBackUnlessCommitted) {
    Database db = memory_database();
    {
        auto transaction = Transaction::begin(db);
        ASSERT_TRUE(transaction);
        ASSERT_TRUE(db.execute("INSERT INTO t (id, name) VALUES (1, 'gone')"));
    }
    EXPECT_EQ(*db.query_int64("SELECT COUNT(*) FROM t"), 0);
    {
        auto transaction = Transaction::begin(db);
        ASSERT_TRUE(transaction);
        ASSERT_TRUE(db.execute("INSERT INTO t (id, name) VALUES (2, 'kept')"));
        ASSERT_TRUE(transaction->commit());
    }
    EXPECT_EQ(*db.query_int64("SELECT COUNT(*) FROM t"), 1);
}

}  // namespace
}  // namespace actiontrack::store
