#pragma once
// The notifier's own SQLite connection to the register. Opening it runs the store's migrations
// (so the outbox tables exist) and sets the same pragmas the store does.

#include <string>

#include "common/result.hpp"
#include "store/database.hpp"

namespace actiontrack::notify {

// Opens the register at `path`, applying pending migrations. Fails like store::Store::open.
Result<store::Database> open_notify_db(const std::string& path);

}  // namespace actiontrack::notify
