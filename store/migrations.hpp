#pragma once
// Brings a database's schema up to the version this binary knows, one migration at a time.

#include <span>

#include "common/result.hpp"
#include "schema/embedded.hpp"

namespace actiontrack::store {

class Database;

// Applies every migration whose version is above the database's PRAGMA user_version, each in
// its own transaction together with the user_version bump, so a crash leaves the database at
// some whole version; safe against another process migrating the same file at the same time.
// Returns the resulting version (migrations.size()). Fails, changing nothing, when the
// database's version is newer than the last migration or it is version 0 yet already holds
// tables (another program's database). When a migration fails, that one is rolled back and
// earlier ones stay applied.
Result<int> apply_migrations(Database& db, std::span<const schema::Migration> migrations);

// Same, with the migrations compiled into this binary.
Result<int> apply_migrations(Database& db);

}  // namespace actiontrack::store
