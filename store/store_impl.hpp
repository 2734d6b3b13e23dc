#pragma once
// Store's private state, shared by the .cpp files that implement Store's members.

#include <functional>
#include <string>

#include "store/database.hpp"
#include "store/store.hpp"

namespace actiontrack::store {

struct Store::Impl {
    Database m_db;
    std::function<std::string()> m_now;  // never empty
};

}  // namespace actiontrack::store
