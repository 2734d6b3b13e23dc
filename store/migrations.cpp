#include "store/migrations.hpp"

#include <fmt/core.h>

#include "store/database.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {
namespace {

struct SchemaState {
    std::int64_t version = 0;
    std::int64_t objects = 0;  // tables, indexes, triggers... of any application
};

// Both numbers from one statement, hence one snapshot: read separately, another process's
// migration could commit in between and make our own first migration look like a stranger's.
Result<SchemaState> read_state(Database& db) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        SELECT (SELECT user_version FROM pragma_user_version),
               (SELECT COUNT(*) FROM sqlite_schema)
    )sql"));
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return Error("cannot read the schema version of " + db.path());
    return SchemaState{statement.column_int64(0), statement.column_int64(1)};
}

Result<void> check_state(const Database& db, SchemaState state, std::int64_t known) {
    if (state.version > known) {
        return Error(fmt::format(
            "database '{}' has schema version {}, but this actiontrack only knows up to version "
            "{}; use a newer actiontrack (refusing to touch it)",
            db.path(), state.version, known));
    }
    if (state.version < 0) {
        return Error(fmt::format("database '{}' has a negative schema version {}", db.path(),
                                 state.version));
    }
    // Version 0 with tables in it is some other program's database: adding ours would mix two
    // applications' data in one file.
    if (state.version == 0 && state.objects > 0) {
        return Error(fmt::format(
            "'{}' is a SQLite database but not an actiontrack one (it has tables but no "
            "schema version); refusing to touch it",
            db.path()));
    }
    return {};
}

}  // namespace

Result<int> apply_migrations(Database& db, std::span<const schema::Migration> migrations) {
    const auto known = static_cast<std::int64_t>(migrations.size());
    TRY_ASSIGN(state, read_state(db));
    TRY(check_state(db, state, known));
    const std::int64_t initial = state.version;

    for (std::size_t index = 0; index < migrations.size(); ++index) {
        const schema::Migration& migration = migrations[index];
        // The embedding script checks numbering at build time; this guards hand-made spans.
        if (migration.version != static_cast<int>(index) + 1) {
            return Error(fmt::format("migration {} is out of order (expected version {})",
                                     migration.name, index + 1));
        }
        if (static_cast<std::int64_t>(index) < initial) continue;

        TRY_ASSIGN(transaction, Transaction::begin(db));
        // Re-read under the write lock: another process opening the same new file at the same
        // moment may have applied this migration while we waited for the lock.
        TRY_ASSIGN(current, db.query_int64("PRAGMA user_version"));
        if (current > static_cast<std::int64_t>(index)) continue;  // rolls back the no-op

        if (auto applied = db.execute(migration.sql); !applied) {
            return Error(
                fmt::format("migration {} failed: {}", migration.name, applied.error().message()));
        }
        // PRAGMA takes no bound parameters; the value is our own integer, never data.
        TRY(db.execute(fmt::format("PRAGMA user_version = {}", migration.version)));
        TRY(transaction.commit());
    }
    return static_cast<int>(migrations.size());
}

Result<int> apply_migrations(Database& db) {
    return apply_migrations(db, schema::migrations());
}

}  // namespace actiontrack::store
