#pragma once
// Brings a database's schema up to the version this binary knows, one migration at a time.

#include <span>

#include "common/result.hpp"
#include "schema/embedded.hpp"

namespace actiontrack::store {

class Database;

// Applies every migration whose version is above the database's PRAGMA user_version, each in
// its own transaction together with the user_version bump, so a crash leaves the database at
// some whole version. Returns the resulting version (migrations.size()). Fails, changing
// nothing, when the database's version is newer than the last migration, or when a migration
// fails (that migration is rolled back; earlier ones stay applied).
Result<int> apply_migrations(Database& db, std::span<const schema::Migration> migrations);

// Same, with the migrations compiled into this binary.
Result<int> apply_migrations(Database& db);

}  // namespace actiontrack::store
