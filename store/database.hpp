#pragma once
// RAII wrapper for one SQLite connection. Store uses exactly one, on one thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.hpp"
#include "store/statement.hpp"

struct sqlite3;

namespace actiontrack::store {

class Database {
  public:
    // Opens (creating if missing) the database file at `path`; ":memory:" gives a private
    // in-memory database. Only opens the connection: SQLite reads the file lazily, so a file
    // that is not a database is reported by the first query, not here.
    static Result<Database> open(const std::string& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more `;`-separated statements that take no parameters (migrations, PRAGMAs,
    // BEGIN/COMMIT). Never use it with text that came from data.
    Result<void> execute(std::string_view sql);

    // Prepares one statement; fails on a syntax error or unknown table/column. Statements are
    // cached by their SQL text: when the Statement is destroyed it is reset and kept, and the
    // next prepare() of the same text reuses it instead of compiling the SQL again (which for
    // an INSERT with triggers costs more than running it). Every Statement must be destroyed
    // before its Database, as before.
    Result<Statement> prepare(std::string_view sql);

    // Convenience for a query that yields one integer (COUNT(*), PRAGMA user_version).
    Result<std::int64_t> query_int64(std::string_view sql);

    // The rowid of the most recent successful INSERT on this connection.
    // False in autocommit mode: no BEGIN, or SQLite rolled the transaction back by itself
    // (it may on SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, SQLITE_BUSY).
    bool in_transaction() const;
    std::int64_t last_insert_rowid() const;

    const std::string& path() const { return m_path; }

  private:
    // Idle prepared statements by SQL text. Node-based, so the lists' addresses (which
    // Statements hold) stay valid as texts are added; on the heap, so they survive a move of
    // the Database.
    struct TextHash {
        using is_transparent = void;  // find() by string_view, without a std::string copy
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    using StatementCache =
        std::unordered_map<std::string, Statement::IdleList, TextHash, std::equal_to<>>;

    Database(sqlite3* db, std::string path);
    Error error(std::string_view what) const;
    void finalize_cached();

    sqlite3* m_db = nullptr;
    std::string m_path;
    std::unique_ptr<StatementCache> m_cache;
};

}  // namespace actiontrack::store
