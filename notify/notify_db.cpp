#include "notify/notify_db.hpp"

#include "store/store.hpp"

namespace actiontrack::notify {

Result<store::Database> open_notify_db(const std::string& path) {
    // Store::open is the one place that migrates and checks the file; it is closed again at
    // once, and our connection then shares the (WAL) file with whichever Store is the writer.
    // An in-memory database would be a different one per connection, so it is refused.
    if (path == ":memory:") return Error("the notifier needs a database file, not :memory:");
    { TRY_ASSIGN(migrated, store::Store::open(path)); }
    TRY_ASSIGN(db, store::Database::open(path));
    TRY(db.execute("PRAGMA busy_timeout = 5000"));
    TRY(db.execute("PRAGMA foreign_keys = ON"));
    TRY(db.execute("PRAGMA synchronous = NORMAL"));
    return db;
}

}  // namespace actiontrack::notify
