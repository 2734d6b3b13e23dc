#pragma once
// A read-only SQLite connection with its prepared statements cached: what the web server reads
// the register through, one Reader per thread that answers requests. Readers never block the
// writer and the writer never blocks them: the database is in WAL mode, so a reader sees the
// last committed state while the daemon writes. Not thread-safe: one thread per Reader.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.hpp"
#include "store/database.hpp"
#include "store/meeting_cache.hpp"
#include "store/statement.hpp"

namespace actiontrack::store {

// A cached statement on loan: resets it when the loan ends, which also ends the statement's
// read transaction (a statement left mid-rows would pin an old WAL snapshot).
class Lease {
  public:
    explicit Lease(Statement* statement) : m_statement(statement) {}
    Lease(Lease&& other) noexcept : m_statement(std::exchange(other.m_statement, nullptr)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
        if (m_statement != nullptr) m_statement->reset();
    }
    Statement& operator*() { return *m_statement; }
    Statement* operator->() { return m_statement; }

  private:
    Statement* m_statement;
};

class Reader {
  public:
    // Opens `path`, which must already hold an actiontrack register of schema 4 or later (the
    // writer creates and migrates it), with the connection tuned for many small reads: see
    // reader.cpp. Fails when the file cannot be opened or its schema is older.
    static Result<Reader> open(const std::string& path);

    // A prepared statement for `sql`, with no bindings; prepared once per distinct text. The
    // lease must end before the same text is asked for again and before the Reader dies.
    Result<Lease> statement(std::string_view sql);

    Database& db() { return *m_db; }

    // Meetings as this connection last read them, for the action list (see meeting_cache.hpp).
    MeetingCache& meetings() { return m_meetings; }

  private:
    explicit Reader(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

    std::unique_ptr<Database> m_db;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_statements;
    MeetingCache m_meetings;
};

}  // namespace actiontrack::store
