#include "store/reader.hpp"

namespace actiontrack::store {

namespace {

// The first schema whose indexes and tallies the reads in action_reads.cpp rely on.
constexpr std::int64_t k_first_schema = 4;

}  // namespace

Result<Reader> Reader::open(const std::string& path) {
    TRY_ASSIGN(db, Database::open(path));
    // Every pragma here is per connection, so each Reader sets its own.
    TRY(db.execute("PRAGMA busy_timeout = 5000"));
    // query_only makes any write through this connection an error: the writer is elsewhere.
    TRY(db.execute("PRAGMA query_only = ON"));
    // A 64 MiB page cache and a 256 MiB memory map per connection: with them the hot pages of
    // the indexes stay in this process and a page read is a memory access, not a read() call.
    // The prototype measured the filtered list three times faster with both.
    TRY(db.execute("PRAGMA cache_size = -65536"));
    TRY(db.execute("PRAGMA mmap_size = 268435456"));
    TRY(db.execute("PRAGMA temp_store = MEMORY"));
    TRY_ASSIGN(version, db.query_int64("PRAGMA user_version"));
    if (version < k_first_schema) {
        return Error("'" + path + "' is not an actiontrack register of schema 4 or later");
    }
    // The writer put the file in WAL mode; a reader that found it otherwise would block it.
    {
        TRY_ASSIGN(mode, db.prepare("PRAGMA journal_mode"));
        TRY_ASSIGN(has_mode, mode.step());
        if (!has_mode || mode.column_text(0) != "wal") {
            return Error("'" + path + "' is not in WAL mode; open it with the writer first");
        }
    }
    return Reader(std::make_unique<Database>(std::move(db)));
}

Result<Lease> Reader::statement(std::string_view sql) {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        TRY_ASSIGN(prepared, m_db->prepare(sql));
        found =
            m_statements.emplace(std::string(sql), std::make_unique<Statement>(std::move(prepared)))
                .first;
    }
    return Lease(found->second.get());
}

}  // namespace actiontrack::store
