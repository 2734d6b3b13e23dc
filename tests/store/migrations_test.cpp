// Tests for store/migrations.cpp and the checks Store::open makes before trusting a file.

#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "schema/embedded.hpp"
#include "store/database.hpp"
#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::count_rows;
using testing::inspect;
using testing::open_store;
using testing::TempDir;

TEST(EmbeddedMigrations, AreNumberedFromOneWithoutGaps) {
    const auto migrations = schema::migrations();
    ASSERT_FALSE(migrations.empty());
    EXPECT_EQ(migrations.front().name, "0001_initial");
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
        // Every migration has at least one statement (not every one creates something).
        EXPECT_NE(migrations[i].sql.find(';'), std::string_view::npos);
    }
    // The whole file is embedded, up to its last statement.
    EXPECT_NE(migrations.front().sql.find("action_events_no_delete"), std::string_view::npos);
}

TEST(Migrations, ApplyAllAndSetUserVersionToTheirCount) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    Store store = open_store(path);
    const int expected = static_cast<int>(schema::migrations().size());
    EXPECT_EQ(store.schema_version(), expected);
    Database db = inspect(path);
    EXPECT_EQ(*db.query_int64("PRAGMA user_version"), expected);
    for (std::string_view table :
         {"documents", "meetings", "items", "resolutions", "actions", "action_events"}) {
        EXPECT_EQ(count_rows(path, table), 0) << table;
    }
}

TEST(Migrations, ReopeningAppliesNothingTwice) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    { Store first = open_store(path); }
    Store second = open_store(path);
    EXPECT_EQ(second.schema_version(), static_cast<int>(schema::migrations().size()));
}

TEST(Migrations, OpenSetsThePragmas) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    Store store = open_store(path);
    // journal_mode is stored in the file, so a second connection sees it.
    Database db = inspect(path);
    auto statement = db.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(statement);
    ASSERT_TRUE(*statement->step());
    EXPECT_EQ(statement->column_text(0), "wal");
}

TEST(Migrations, InMemoryDatabaseWorks) {
    auto store = Store::open(":memory:");
    ASSERT_TRUE(store) << store.error().message();
    EXPECT_EQ(store->schema_version(), static_cast<int>(schema::migrations().size()));
}

TEST(Migrations, TwoConnectionsCreatingOneFileAtOnceBothSucceed) {
    // The daemon and a CLI command may race to create the register; neither may fail with
    // "table already exists".
    for (int round = 0; round < 10; ++round) {
        TempDir dir;
        const std::string path = dir.file("register.db");
        std::string errors[2];
        auto open_one = [&path](std::string& error) {
            auto store = Store::open(path);
            if (!store) error = store.error().message();
        };
        std::thread first(open_one, std::ref(errors[0]));
        std::thread second(open_one, std::ref(errors[1]));
        first.join();
        second.join();
        EXPECT_EQ(errors[0], "");
        EXPECT_EQ(errors[1], "");
        EXPECT_EQ(*inspect(path).query_int64("PRAGMA user_version"),
                  static_cast<std::int64_t>(schema::migrations().size()));
    }
}

TEST(Migrations, RefuseADatabaseNewerThanTheBinary) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    { Store store = open_store(path); }
    const int too_new = static_cast<int>(schema::migrations().size()) + 1;
    {
        Database db = inspect(path);
        ASSERT_TRUE(db.execute("PRAGMA user_version = " + std::to_string(too_new)));
    }
    auto store = Store::open(path);
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().message().find("schema version " + std::to_string(too_new)),
              std::string::npos)
        << store.error().message();
    EXPECT_NE(store.error().message().find("newer actiontrack"), std::string::npos);
    // Refused without touching it.
    EXPECT_EQ(*inspect(path).query_int64("PRAGMA user_version"), too_new);
}

TEST(Migrations, RefuseAFileThatIsNotADatabase) {
    TempDir dir;
    const std::string path = dir.file("minutes.txt");
    {
        std::ofstream out(path, std::ios::binary);
        out << "MINUTES of the Planning Committee held on 7 June 2022.\n";
        for (int i = 0; i < 100; ++i) out << "RESOLVED that the application be approved.\n";
    }
    auto store = Store::open(path);
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().message().find("is not an actiontrack database"), std::string::npos)
        << store.error().message();
    EXPECT_NE(store.error().message().find(path), std::string::npos);
}

TEST(Migrations, RefuseAnotherProgramsDatabase) {
    TempDir dir;
    const std::string path = dir.file("other.db");
    {
        Database db = inspect(path);
        ASSERT_TRUE(db.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)"));
    }
    auto store = Store::open(path);
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().message().find("not an actiontrack one"), std::string::npos)
        << store.error().message();
    EXPECT_EQ(*inspect(path).query_int64("SELECT COUNT(*) FROM sqlite_schema"), 1);
}

TEST(Migrations, AFailingMigrationIsRolledBackAndReported) {
    auto db = Database::open(":memory:");
    ASSERT_TRUE(db);
    const schema::Migration migrations[] = {
        {1, "0001_good", "CREATE TABLE t (id INTEGER PRIMARY KEY);"},
        {2, "0002_bad", "CREATE TABLE u (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);"},
    };
    auto applied = apply_migrations(*db, migrations);
    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().message().find("0002_bad"), std::string::npos);
    EXPECT_EQ(*db->query_int64("PRAGMA user_version"), 1);
    // Table u was created inside the failed migration's transaction and must be gone.
    EXPECT_EQ(*db->query_int64("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'u'"), 0);
    EXPECT_EQ(*db->query_int64("SELECT COUNT(*) FROM sqlite_schema WHERE name = 't'"), 1);
}

TEST(Migrations, RefuseOutOfOrderMigrations) {
    auto db = Database::open(":memory:");
    ASSERT_TRUE(db);
    const schema::Migration migrations[] = {{2, "0002_first", "CREATE TABLE t (id INTEGER);"}};
    EXPECT_FALSE(apply_migrations(*db, migrations));
}

}  // namespace
}  // namespace actiontrack::store
