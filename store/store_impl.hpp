#pragma once
// Store's private state, shared by the .cpp files that implement Store's members.

#include <functional>
#include <optional>
#include <string>

#include "store/database.hpp"
#include "store/deferred_rows.hpp"
#include "store/store.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {

struct Store::Impl {
    Database m_db;
    std::function<std::string()> m_now;  // never empty
    // The open ingest transaction (see Store::begin_batch) and the full-text rows it owes.
    std::optional<Transaction> m_batch{};
    DeferredRows m_deferred{};
};

}  // namespace actiontrack::store
