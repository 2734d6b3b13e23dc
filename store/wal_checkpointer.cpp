#include "store/wal_checkpointer.hpp"

#include <fmt/core.h>

namespace actiontrack::store {

namespace {

// As the Store's: the first read waits for a writer that is recovering the log.
constexpr int k_busy_timeout_ms = 5000;

// Asking without a value reports the mode and changes nothing.
Result<std::string> journal_mode(Database& db) {
    TRY_ASSIGN(statement, db.prepare("PRAGMA journal_mode"));
    TRY_ASSIGN(has_row, statement.step());
    return has_row ? statement.column_text(0) : std::string();
}

}  // namespace

Result<WalCheckpointer> WalCheckpointer::open(const std::string& path) {
    TRY_ASSIGN(db, Database::open(path));
    TRY(db.execute(fmt::format("PRAGMA busy_timeout = {}", k_busy_timeout_ms)));
    // A connection opens the log only when it first reads the database; until then a
    // checkpoint silently does nothing. This read also proves the file is a database.
    auto probe = db.query_int64("SELECT COUNT(*) FROM sqlite_schema");
    if (!probe) {
        return Error(
            fmt::format("'{}' is not a readable SQLite file: {}", path, probe.error().message()));
    }
    TRY_ASSIGN(mode, journal_mode(db));
    if (mode != "wal") {
        return Error(
            fmt::format("'{}' is not in WAL journal mode (it is in '{}' mode)", path, mode));
    }
    return WalCheckpointer(std::move(db));
}

}  // namespace actiontrack::store
