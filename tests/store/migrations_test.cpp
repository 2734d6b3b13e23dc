// Tests for store/migrations.cpp and the checks Store::open makes before trusting a file.

#include "store/migrations.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

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

// Migration 0010's checks, one probe each: an INSERT into the checked table with the checked
// column's value left open ({}), a value the check admits and one it refuses. The tables are
// those ingest writes for every row of a document, and outbox.
struct CheckProbe {
    std::string_view table, insert, good, bad;
};
constexpr std::string_view k_document_row =
    "INSERT INTO documents (path, sha256, size, received_at, status) VALUES ('a.txt', 'ab', 1, 'now', {})";
constexpr std::string_view k_resolution_row =
    "INSERT INTO resolutions (meeting_id, item, kind, label, text, reference, position) "
    "VALUES (1, '', {}, '', 'text', 'R1', 1)";
constexpr std::string_view k_action_grain_row =
    "INSERT INTO actions (meeting_id, item, text, due_grain, derived, status, reference, position, "
    "created_at, updated_at) VALUES (1, '', 'text', {}, 0, 'open', 'A1', 1, 'now', 'now')";
constexpr std::string_view k_action_status_row =
    "INSERT INTO actions (meeting_id, item, text, due_grain, derived, status, reference, position, "
    "created_at, updated_at) VALUES (1, '', 'text', 'day', 0, {}, 'A1', 1, 'now', 'now')";
constexpr std::string_view k_action_rag_row =
    "INSERT INTO actions (meeting_id, item, text, due_grain, derived, status, reference, position, "
    "created_at, updated_at, rag_override) VALUES (1, '', 'text', 'day', 0, 'open', 'A1', 1, 'now', 'now', {})";
constexpr CheckProbe k_check_probes[] = {
    {"documents", k_document_row, "'duplicate'", "'stored'"},
    {"documents", k_document_row, "'ingested'", "'Ingested'"},
    {"resolutions", k_resolution_row, "'recommended'", "'decided'"},
    {"resolutions", k_resolution_row, "'agreed'", "''"},
    {"actions", k_action_grain_row, "'quarter'", "'year'"},
    {"actions", k_action_status_row, "'dropped'", "'closed'"},
    {"actions", k_action_status_row, "'in_progress'", "'in progress'"},
    {"actions", k_action_rag_row, "NULL", "'amber '"},
    {"actions", k_action_rag_row, "'green'", "'blue'"},
    {"action_events",
     "INSERT INTO action_events (action_id, at, who, kind, note) VALUES (1, 'now', 'ingest', {}, '')",
     "'carried_over'", "'deleted'"},
    {"change_events", "INSERT INTO change_events (type, action_id, at) VALUES ({}, 1, 'now')",
     "'resolution.created'", "'resolution.deleted'"},
    {"outbox",
     "INSERT INTO outbox (idempotency_key, channel, recipient, kind, subject, message_id, payload, "
     "status, next_attempt_at, created_at) VALUES ('k', 'email', 'a@b', 'test', '', 'm', '', {}, 'now', 'now')",
     "'dead'", "'failed'"},
};

std::string with_value(const CheckProbe& probe, std::string_view value) {
    return fmt::format(fmt::runtime(probe.insert), value);
}

// One admitted row per table (a second would collide on the tables' unique references).
std::vector<const CheckProbe*> one_probe_per_table() {
    std::vector<const CheckProbe*> chosen;
    for (const CheckProbe& probe : k_check_probes) {
        if (std::none_of(chosen.begin(), chosen.end(),
                         [&](const CheckProbe* taken) { return taken->table == probe.table; }))
            chosen.push_back(&probe);
    }
    return chosen;
}

int tables_built_by(Database& db, std::string_view insert) {
    auto plan = db.prepare("EXPLAIN " + std::string(insert));
    if (!plan) throw std::runtime_error(plan.error().message());
    int opened = 0;
    for (;;) {
        auto row = plan->step();
        if (!row) throw std::runtime_error(row.error().message());
        if (!*row) return opened;
        if (plan->column_text(1) == "OpenEphemeral") ++opened;
    }
}

// Migration 0010: SQLite 3.40 builds an in-memory table for every `x IN (three or more
// constants)` CHECK on every row it writes; spelled as comparisons, the checks build none.
TEST(Migrations, RowChecksOfTheIngestedTablesBuildNoTables) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    open_store(path);
    Database db = inspect(path);
    for (const CheckProbe& probe : k_check_probes) {
        EXPECT_EQ(tables_built_by(db, with_value(probe, probe.good)), 0) << probe.table;
    }
}

// ... and they admit exactly what they admitted before: every value each one named, and no
// other.
TEST(Migrations, RowChecksStillRefuseWordsOutsideTheirLists) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    open_store(path);
    Database db = inspect(path);
    ASSERT_TRUE(db.execute("PRAGMA foreign_keys = OFF"));
    for (const CheckProbe& probe : k_check_probes) {
        const std::string good = with_value(probe, probe.good);
        const std::string bad = with_value(probe, probe.bad);
        ASSERT_TRUE(db.execute("SAVEPOINT probe"));
        EXPECT_TRUE(db.execute(good)) << good;
        ASSERT_TRUE(db.execute("ROLLBACK TO probe"));
        auto refused = db.execute(bad);
        ASSERT_FALSE(refused) << bad;
        EXPECT_NE(refused.error().message().find("CHECK constraint failed"), std::string::npos)
            << refused.error().message();
        ASSERT_TRUE(db.execute("RELEASE probe"));
    }
}

// A register made by the previous release keeps its rows, passes an integrity check, and
// tells other connections that its schema changed.
TEST(Migrations, RowChecksRewriteUpgradesAnExistingRegister) {
    TempDir dir;
    const std::string path = dir.file("register.db");
    const auto migrations = schema::migrations();
    std::size_t before_checks = 0;
    while (before_checks < migrations.size() &&
           migrations[before_checks].name != "0010_checks_without_lookup_tables")
        ++before_checks;
    ASSERT_LT(before_checks, migrations.size());
    const std::vector<const CheckProbe*> rows = one_probe_per_table();
    {
        auto old = Database::open(path);
        ASSERT_TRUE(old);
        ASSERT_TRUE(apply_migrations(*old, migrations.first(before_checks)));
        ASSERT_TRUE(old->execute("PRAGMA foreign_keys = OFF"));
        for (const CheckProbe* row : rows) {
            const std::string insert = with_value(*row, row->good);
            ASSERT_TRUE(old->execute(insert)) << row->table;
            EXPECT_GT(tables_built_by(*old, insert), 0) << row->table;
        }
    }
    Database watcher = inspect(path);
    const auto cookie = *watcher.query_int64("PRAGMA schema_version");
    const auto rows_in = [&](std::string_view table) {
        return *watcher.query_int64(fmt::format("SELECT COUNT(*) FROM {}", table));
    };
    std::vector<std::int64_t> rows_before;
    for (const CheckProbe* row : rows) rows_before.push_back(rows_in(row->table));

    open_store(path);
    EXPECT_GT(*watcher.query_int64("PRAGMA schema_version"), cookie);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_GT(rows_before[i], 0) << rows[i]->table;
        EXPECT_EQ(rows_in(rows[i]->table), rows_before[i]) << rows[i]->table;
        EXPECT_EQ(tables_built_by(watcher, with_value(*rows[i], rows[i]->good)), 0) << rows[i]->table;
    }
    auto check = watcher.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check);
    ASSERT_TRUE(*check->step());
    EXPECT_EQ(check->column_text(0), "ok");
    EXPECT_EQ(*watcher.query_int64(
                  "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'schema_cookie_bump'"),
              0);
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
