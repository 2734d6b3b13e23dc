#include "store/database.hpp"

#include <fmt/core.h>
#include <sqlite3.h>

#include <cstring>
#include <mutex>
#include <utility>

namespace actiontrack::store {

namespace {

// Distinct SQL texts kept prepared per connection. The ingest writer uses about 45 (with the
// multi-row INSERTs' chunk sizes); the bound keeps a connection that builds many different
// texts (filters) from holding hundreds of compiled statements: the texts past it are simply
// not cached.
constexpr std::size_t k_max_cached_texts = 96;

// Process-wide SQLite settings; they only take effect before SQLite initialises itself, i.e.
// before the first connection is opened, and are silently refused after that.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        // No bulk page-cache allocation: by default every pager allocates 20 pages (~90 KB) up
        // front, and every ephemeral b-tree is a pager: the CHECK (x IN (...)) constraints of
        // resolutions and actions build one per INSERT. Those ~90 KB blocks were freed at the
        // end of each statement, glibc returned them to the kernel (heap trim) and the next
        // INSERT faulted the pages in again: about 40% of the ingest writer's time. Pages are
        // now allocated one by one as they are needed.
        sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
        // No memory statistics: nothing reads them (sqlite3_memory_used and friends), and
        // keeping them takes a global mutex on every one of SQLite's many mallocs and frees.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

}  // namespace

Database::Database(sqlite3* db, std::string path)
    : m_db(db), m_path(std::move(path)), m_cache(std::make_unique<StatementCache>()) {}

Result<Database> Database::open(const std::string& path) {
    configure_sqlite_once();
    sqlite3* db = nullptr;
    // NOMUTEX: a Database is used from one thread at a time (see store.hpp), so SQLite's own
    // per-connection mutex would only cost time.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (code != SQLITE_OK) {
        // On most failures SQLite still allocates a handle that carries the message.
        std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
        sqlite3_close(db);
        return Error(fmt::format("cannot open database '{}': {}", path, message));
    }
    sqlite3_extended_result_codes(db, 1);
    return Database(db, path);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache)),
      m_wal(std::move(other.m_wal)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        finalize_cached();
        sqlite3_close(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
        m_wal = std::move(other.m_wal);
    }
    return *this;
}

// sqlite3_close (not _v2) fails if statements are still open; every Statement is a scoped local
// that dies before the Database that made it, and the cached idle ones are finalized here first.
Database::~Database() {
    finalize_cached();
    sqlite3_close(m_db);
}

void Database::finalize_cached() {
    if (!m_cache) return;
    for (auto& [sql, idle] : *m_cache) {
        for (sqlite3_stmt* statement : idle) sqlite3_finalize(statement);
        idle.clear();
    }
}

Error Database::error(std::string_view what) const {
    return Error(fmt::format("{}: {}", what, sqlite3_errmsg(m_db)));
}

Result<void> Database::execute(std::string_view sql) {
    // sqlite3_exec needs a NUL-terminated string; the copy is cheap next to the work.
    const std::string text(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string reason = message != nullptr ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        return Error(fmt::format("SQLite error on '{}': {}", m_path, reason));
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    Statement::IdleList* home = nullptr;
    auto found = m_cache->find(sql);
    if (found != m_cache->end()) {
        home = &found->second;
        if (!home->empty()) {
            sqlite3_stmt* statement = home->back();
            home->pop_back();
            return Statement(m_db, statement, home);
        }
    }
    sqlite3_stmt* statement = nullptr;
    const int code =
        sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return error(fmt::format("cannot prepare '{}'", sql));
    // Only texts that prepared cleanly are remembered; an empty text (a comment) yields no
    // statement and nothing to cache.
    if (home == nullptr && statement != nullptr && m_cache->size() < k_max_cached_texts) {
        home = &m_cache->try_emplace(std::string(sql)).first->second;
    }
    return Statement(m_db, statement, statement != nullptr ? home : nullptr);
}

Result<std::int64_t> Database::query_int64(std::string_view sql) {
    TRY_ASSIGN(statement, prepare(sql));
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return Error(fmt::format("query returned no row: {}", sql));
    return statement.column_int64(0);
}

bool Database::in_transaction() const {
    return sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

std::int64_t Database::total_changes() const {
    return sqlite3_total_changes64(m_db);
}

// SQLite calls this after each commit of a connection with deferred checkpoints, once per
// database written, with the WAL's length in frames. Installing it replaced SQLite's own hook,
// the one that checkpoints past wal_autocheckpoint frames: that is what defers them.
int Database::run_wal_hook(void* context, sqlite3* /*db*/, const char* name,
                           int frames) noexcept {
    // Only the main database: an ATTACHed one has a log of its own.
    if (std::strcmp(name, "main") != 0) return SQLITE_OK;
    auto& hook = *static_cast<WalHook*>(context);
    hook.frames = frames;
    if (hook.after_commit) hook.after_commit();
    return SQLITE_OK;
}

void Database::defer_checkpoints(std::function<void()> after_commit) {
    if (!m_wal) m_wal = std::make_unique<WalHook>();
    m_wal->after_commit = std::move(after_commit);
    sqlite3_wal_hook(m_db, run_wal_hook, m_wal.get());
}

Result<CheckpointCounts> Database::checkpoint() {
    int log = -1;
    int copied = -1;
    const int code =
        sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    if (code != SQLITE_OK) return error(fmt::format("cannot checkpoint '{}'", m_path));
    // SQLite leaves both at -1, and reports success, when the connection has no WAL open: the
    // database is in another journal mode, or this connection has not read it yet.
    if (log < 0) {
        return Error(
            fmt::format("cannot checkpoint '{}': no write-ahead log (not in WAL mode)", m_path));
    }
    return CheckpointCounts{.log_frames = log, .checkpointed_frames = copied};
}

}  // namespace actiontrack::store
