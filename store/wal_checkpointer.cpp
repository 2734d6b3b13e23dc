#include "store/wal_checkpointer.hpp"

#include <fmt/core.h>

namespace actiontrack::store {

namespace {

// As the Store's: the first read waits for a writer that is recovering the log.
constexpr int k_busy_timeout_ms = 5000;

}  // namespace

Result<WalCheckpointer> WalCheckpointer::open(const std::string& path) {
    TRY_ASSIGN(db, Database::open(path));
    TRY(db.execute(fmt::format("PRAGMA busy_timeout = {}", k_busy_timeout_ms)));
    // A connection opens the log only when it first reads the database; until then a
    // checkpoint silently does nothing. Reading the header's schema version does that and proves
    // the file is a database, without parsing the schema: this connection never prepares a
    // statement on a table, and the parsed schema (~80 kB) would sit in the idle daemon's heap.
    auto probe = db.query_int64("PRAGMA schema_version");
    if (!probe) {
        return Error(
            fmt::format("'{}' is not a readable SQLite file: {}", path, probe.error().message()));
    }
    // PRAGMA journal_mode would parse the schema too; a checkpoint answers the same question
    // (a database not in WAL mode has no log to count) and is harmless at start-up.
    TRY(db.checkpoint());
    return WalCheckpointer(std::move(db));
}

}  // namespace actiontrack::store
