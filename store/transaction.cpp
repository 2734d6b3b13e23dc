#include "store/transaction.hpp"

#include <utility>

#include "store/database.hpp"

namespace actiontrack::store {

// BEGIN and COMMIT go through prepare(), not execute(): the writer runs them once per
// document, and a cached statement skips compiling them every time.
Result<Transaction> Transaction::begin(Database& db) {
    TRY_ASSIGN(statement, db.prepare("BEGIN IMMEDIATE"));
    TRY(statement.run());
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction::~Transaction() {
    if (m_db != nullptr) {
        // Nothing useful can be done with a failed rollback here; SQLite rolls back on its own
        // when the connection closes, and the caller is already returning an error.
        (void)m_db->execute("ROLLBACK");
    }
}

Result<void> Transaction::commit() {
    TRY_ASSIGN(statement, m_db->prepare("COMMIT"));
    TRY(statement.run());
    m_db = nullptr;
    return {};
}

// Savepoints do not nest here (one document at a time), so one fixed name will do.
Result<Savepoint> Savepoint::begin(Database& db) {
    TRY_ASSIGN(statement, db.prepare("SAVEPOINT document"));
    TRY(statement.run());
    return Savepoint(db);
}

Savepoint::Savepoint(Savepoint&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Savepoint::~Savepoint() {
    if (m_db != nullptr) {
        // ROLLBACK TO undoes the changes but leaves the savepoint open; RELEASE closes it.
        (void)m_db->execute("ROLLBACK TO document");
        (void)m_db->execute("RELEASE document");
    }
}

Result<void> Savepoint::release() {
    TRY_ASSIGN(statement, m_db->prepare("RELEASE document"));
    TRY(statement.run());
    m_db = nullptr;
    return {};
}

}  // namespace actiontrack::store
