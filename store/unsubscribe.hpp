#pragma once
// Opt-outs from mailing lists (the weekly digest), by per-recipient tokens in the messages'
// List-Unsubscribe URLs (RFC 8058): table unsubscribe_tokens, schema/0006_unsubscribe.sql.

#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack::store {

class Database;

// `address`'s token for `list`: the one it already has, or a new random one (a write, so `db`
// must be the writer's connection). Fails only on a database error.
Result<std::string> unsubscribe_token(Database& db, std::string_view list, std::string_view address,
                                      std::string_view now);

// Whether `address` (ignoring ASCII case) has opted out of `list`.
Result<bool> is_unsubscribed(Database& db, std::string_view list, std::string_view address);

struct Subscription {
    std::string list;
    std::string address;
    bool unsubscribed = false;
};
// The subscription a token stands for; nullopt for a token never handed out.
Result<std::optional<Subscription>> find_unsubscribe_token(Database& db, std::string_view token);

// Records the opt-out of the token's subscription at `now` (once: a second call keeps the first
// time). Returns its subscription, or nullopt for an unknown token (nothing written).
Result<std::optional<Subscription>> unsubscribe(Database& db, std::string_view token,
                                                std::string_view now);

}  // namespace actiontrack::store
