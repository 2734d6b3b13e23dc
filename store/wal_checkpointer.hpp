#pragma once
// Checkpoints the write-ahead log of a register from a connection of its own, so that the
// writer, whose checkpoints are deferred (Store::defer_checkpoints), never copies the log into
// the database file on its commit path. Not thread-safe, but not tied to a thread either: the
// daemon opens it on the main thread and runs it on its pool, one checkpoint at a time.

#include <string>

#include "common/result.hpp"
#include "store/database.hpp"

namespace actiontrack::store {

class WalCheckpointer {
  public:
    // Opens a second connection to the register at `path`, which a Store must already have
    // opened (it creates and migrates the file and switches it to WAL mode). Fails when the
    // file cannot be opened or read, or is not in WAL mode (":memory:" never is).
    static Result<WalCheckpointer> open(const std::string& path);

    // One PASSIVE checkpoint (see Database::checkpoint): it takes none of the locks that the
    // writer or a reader needs, so they go on while it copies. When it copied every frame
    // (checkpointed_frames == log_frames) and no reader still reads from the log, the writer's
    // next transaction starts the log again from its beginning, which keeps the file's size
    // bounded. Fails as Database::checkpoint does; the next call may succeed.
    Result<CheckpointCounts> checkpoint() { return m_db.checkpoint(); }

  private:
    explicit WalCheckpointer(Database db) : m_db(std::move(db)) {}

    Database m_db;
};

}  // namespace actiontrack::store
