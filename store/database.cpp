#include "store/database.hpp"

#include <fmt/core.h>
#include <sqlite3.h>

#include <utility>

namespace actiontrack::store {

namespace {

// Process-wide SQLite settings, made once before the first connection (sqlite3_config only
// works before SQLite initialises itself). Memory statistics off: with them on, every
// allocation SQLite makes takes one global mutex, which the web server's reader threads would
// all queue on; nothing here reads the statistics.
void configure_sqlite_once() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if too late: harmless
        return true;
    }();
    (void)configured;
}

}  // namespace

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
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

// sqlite3_close (not _v2) fails if statements are still open; every Statement is a scoped local
// that dies before the Database that made it, so that never happens.
Database::~Database() {
    sqlite3_close(m_db);
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
    sqlite3_stmt* statement = nullptr;
    const int code =
        sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return error(fmt::format("cannot prepare '{}'", sql));
    return Statement(m_db, statement);
}

Result<std::int64_t> Database::query_int64(std::string_view sql) {
    TRY_ASSIGN(statement, prepare(sql));
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return Error(fmt::format("query returned no row: {}", sql));
    return statement.column_int64(0);
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

}  // namespace actiontrack::store
