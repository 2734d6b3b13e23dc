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

// What one checkpoint found and did, in WAL frames (one frame holds one page).
struct CheckpointCounts {
    int log_frames = 0;           // frames in the WAL when the checkpoint ran
    int checkpointed_frames = 0;  // of those, now copied into the database file
};

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
    // Rows changed by this connection since it opened (sqlite3_total_changes64).
    std::int64_t total_changes() const;

    const std::string& path() const { return m_path; }

    // --- The write-ahead log.

    // Stops this connection from checkpointing the WAL itself: by default a commit that leaves
    // 1,000 frames or more in the log copies them into the database file before returning,
    // which makes that one commit tens of milliseconds slower. From now on the log grows until
    // another connection checkpoints it (see WalCheckpointer), and wal_frames() tells how long
    // it is. Other connections to the file keep their own setting. `after_commit`, when set,
    // is called after each commit of this connection, from inside SQLite, on the committing
    // thread: it must neither use this Database nor throw (post work elsewhere instead).
    void defer_checkpoints(std::function<void()> after_commit = {});
    // The number of frames in the WAL just after this connection's last commit, counted from
    // the log's start (so it drops when a commit restarts the log); 0 before the first commit
    // after defer_checkpoints(), and always 0 without it.
    std::int64_t wal_frames() const { return m_wal ? m_wal->frames : 0; }

    // Copies as many WAL frames into the database file as it can without waiting for any lock
    // (SQLITE_CHECKPOINT_PASSIVE): frames that a reader's snapshot still needs, or that were
    // committed after it began, stay in the log. Writers and readers on other connections go
    // on meanwhile. Returns the counts; fails when another connection is checkpointing the
    // same file (SQLITE_BUSY), on an I/O error, or when the database is not in WAL mode.
    Result<CheckpointCounts> checkpoint();

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
    // What SQLite's WAL hook updates and calls; on the heap, as SQLite keeps its address
    // across a move of the Database. Null until defer_checkpoints().
    struct WalHook {
        std::int64_t frames = 0;
        std::function<void()> after_commit;
    };
    static int run_wal_hook(void* context, sqlite3* db, const char* name, int frames) noexcept;
    std::unique_ptr<WalHook> m_wal;
};

}  // namespace actiontrack::store
