#include "web/reader.hpp"

namespace actiontrack::web {

Result<Reader> Reader::open(const std::string& path) {
    TRY_ASSIGN(db, store::Database::open(path));
    TRY(db.execute("PRAGMA busy_timeout = 5000"));
    // query_only makes any write through this connection an error: the writer is elsewhere.
    TRY(db.execute("PRAGMA query_only = ON"));
    TRY(db.execute("PRAGMA cache_size = -65536"));
    TRY(db.execute("PRAGMA mmap_size = 268435456"));
    TRY(db.execute("PRAGMA temp_store = MEMORY"));
    TRY_ASSIGN(version, db.query_int64("PRAGMA user_version"));
    if (version < 3) {
        return Error("'" + path + "' is not an actiontrack register of schema 3 or later");
    }
    return Reader(std::make_unique<store::Database>(std::move(db)));
}

Result<Lease> Reader::statement(const std::string& sql) {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        TRY_ASSIGN(prepared, m_db->prepare(sql));
        found = m_statements
                    .emplace(sql, std::make_unique<store::Statement>(std::move(prepared)))
                    .first;
    }
    return Lease(found->second.get());
}

}  // namespace actiontrack::web
