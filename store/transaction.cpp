#include "store/transaction.hpp"

#include <utility>

#include "store/database.hpp"

namespace actiontrack::store {

Result<Transaction> Transaction::begin(Database& db) {
    TRY(db.execute("BEGIN IMMEDIATE"));
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
    TRY(m_db->execute("COMMIT"));
    m_db = nullptr;
    return {};
}

}  // namespace actiontrack::store
