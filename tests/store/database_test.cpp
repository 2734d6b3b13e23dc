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
