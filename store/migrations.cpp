#include "store/migrations.hpp"

#include <fmt/core.h>

#include "store/database.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {

Result<int> apply_migrations(Database& db, std::span<const schema::Migration> migrations) {
    TRY_ASSIGN(current, db.query_int64("PRAGMA user_version"));
    const auto known = static_cast<std::int64_t>(migrations.size());
    if (current > known) {
        return Error(fmt::format(
            "database '{}' has schema version {}, but this actiontrack only knows up to version "
            "{}; use a newer actiontrack (refusing to touch it)",
            db.path(), current, known));
    }
    if (current < 0) {
        return Error(
            fmt::format("database '{}' has a negative schema version {}", db.path(), current));
    }

    for (auto index = static_cast<std::size_t>(current); index < migrations.size(); ++index) {
        const schema::Migration& migration = migrations[index];
        // The embedding script checks numbering at build time; this guards hand-made spans.
        if (migration.version != static_cast<int>(index) + 1) {
            return Error(fmt::format("migration {} is out of order (expected version {})",
                                     migration.name, index + 1));
        }
        TRY_ASSIGN(transaction, Transaction::begin(db));
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
