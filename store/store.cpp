#include "store/store.hpp"

#include <fmt/core.h>

#include "store/clock.hpp"
#include "store/deferred_rows.hpp"
#include "store/migrations.hpp"
#include "store/store_impl.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {
namespace {

constexpr std::string_view k_in_memory = ":memory:";
constexpr int k_busy_timeout_ms = 5000;

// The connection settings besides busy_timeout, applied once at open (STYLE 11).
Result<void> configure(Database& db, bool in_memory) {
    // WAL lets readers (the web view, a CLI `list`) run while the daemon writes. An in-memory
    // database has no file to log to; SQLite would silently stay in "memory" mode anyway.
    if (!in_memory) {
        TRY_ASSIGN(statement, db.prepare("PRAGMA journal_mode = WAL"));
        TRY_ASSIGN(has_row, statement.step());
        const std::string mode = has_row ? statement.column_text(0) : std::string();
        if (mode != "wal") {
            return Error(
                fmt::format("cannot switch '{}' to WAL journal mode (got '{}')", db.path(), mode));
        }
    }
    // NORMAL is durable across application crashes in WAL mode and loses at most the last
    // transactions on power loss, which a re-ingest of the drop folder repairs.
    TRY(db.execute("PRAGMA synchronous = NORMAL"));
    TRY(db.execute("PRAGMA foreign_keys = ON"));
    // Statement journals (and SQLite's other temporary files) in memory: an ingest statement
    // that touches more than 64 KiB of pages (a full-text flush that merges segments) spilled
    // its journal to a new file in /var/tmp - create, write, unlink - in nearly every ingest
    // transaction. They hold only what one statement changes.
    TRY(db.execute("PRAGMA temp_store = MEMORY"));
    return {};
}

// SQLite opens any file happily and only complains when it first reads a page; reading the
// schema here turns "file is not a database" into a clear message before anything is written.
Result<void> check_is_database(Database& db) {
    auto probe = db.query_int64("SELECT COUNT(*) FROM sqlite_schema");
    if (!probe) {
        return Error(
            fmt::format("'{}' is not an actiontrack database (not a readable SQLite file: {})",
                        db.path(), probe.error().message()));
    }
    return {};
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& path) {
    return open(path, StoreOptions{});
}

Result<Store> Store::open(const std::string& path, StoreOptions options) {
    TRY_ASSIGN(db, Database::open(path));
    // The busy timeout first, so that even the probe waits for a writer instead of failing.
    TRY(db.execute(fmt::format("PRAGMA busy_timeout = {}", k_busy_timeout_ms)));
    TRY(check_is_database(db));
    // Migrations before the other pragmas: a too-new database is then refused before anything
    // about it changes, and migrations run with foreign keys off, as SQLite's table-rebuild
    // procedure requires (https://sqlite.org/lang_altertable.html#otheralter).
    TRY(apply_migrations(db));
    TRY(configure(db, path == k_in_memory));
    TRY(DeferredRows::clear_stale_switch(db));
    auto impl = std::make_unique<Impl>(Impl{std::move(db), std::move(options.now)});
    if (!impl->m_now) impl->m_now = system_now;
    return Store(std::move(impl));
}

// -1 only if SQLite cannot read its own header, which open() already proved it can.
int Store::schema_version() {
    auto version = m_impl->m_db.query_int64("PRAGMA user_version");
    return version ? static_cast<int>(*version) : -1;
}

void Store::defer_checkpoints(std::function<void()> after_commit) {
    m_impl->m_db.defer_checkpoints(std::move(after_commit));
}

std::int64_t Store::wal_frames() const {
    return m_impl->m_db.wal_frames();
}

Result<bool> Store::merge_full_text(int pages) {
    Database& db = m_impl->m_db;
    // Both indexes in one transaction: one WAL commit per step instead of two.
    TRY_ASSIGN(transaction, Transaction::begin(db));
    bool merged = false;
    for (const std::string_view table : {"action_search", "resolution_search"}) {
        // FTS5's documented test for "nothing left to merge": the command changed fewer than
        // two rows (https://sqlite.org/fts5.html#the_merge_command).
        const std::int64_t before = db.total_changes();
        TRY(db.execute(fmt::format("INSERT INTO {0} ({0}, rank) VALUES ('merge', {1})", table, pages)));
        merged = merged || db.total_changes() - before >= 2;
    }
    TRY(transaction.commit());
    return merged;
}

}  // namespace actiontrack::store
