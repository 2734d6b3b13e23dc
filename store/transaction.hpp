#pragma once
// RAII transaction: rolls back in its destructor unless commit() succeeded, so every early
// `return Error(...)` between begin() and commit() leaves the database untouched.

#include "common/result.hpp"

namespace actiontrack::store {

class Database;

class Transaction {
  public:
    // BEGIN IMMEDIATE: takes the write lock up front, so a concurrent writer makes us wait
    // (busy_timeout) at the start instead of failing half-way with SQLITE_BUSY on upgrade.
    static Result<Transaction> begin(Database& db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Makes the changes durable. After a failed commit the destructor still rolls back.
    Result<void> commit();

  private:
    explicit Transaction(Database& db) : m_db(&db) {}

    Database* m_db;  // null once committed or moved from
};

// RAII savepoint inside an open transaction: one document of a group commit. Its changes are
// undone in the destructor unless release() succeeded, and the transaction goes on.
class Savepoint {
  public:
    static Result<Savepoint> begin(Database& db);

    Savepoint(Savepoint&& other) noexcept;
    Savepoint& operator=(Savepoint&&) = delete;
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    ~Savepoint();

    // Keeps the changes (they become durable with the transaction's COMMIT).
    Result<void> release();

  private:
    explicit Savepoint(Database& db) : m_db(&db) {}

    Database* m_db;  // null once released or moved from
};

}  // namespace actiontrack::store
