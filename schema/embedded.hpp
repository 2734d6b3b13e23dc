#pragma once
// The schema migrations compiled into the binary. The definition is generated at build time from
// schema/NNNN_*.sql by schema/embed_migrations.cmake; store/migrations.cpp applies them.

#include <span>
#include <string_view>

namespace actiontrack::schema {

struct Migration {
    int version;            // N of NNNN_name.sql; versions run 1, 2, 3... without gaps
    std::string_view name;  // "0001_initial"
    std::string_view sql;   // the whole file, possibly several statements
};

// All migrations, ordered by version: entry i has version i + 1. Never empty.
std::span<const Migration> migrations();

}  // namespace actiontrack::schema
