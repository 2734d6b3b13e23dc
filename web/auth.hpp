#pragma once
// Who is asking: Bearer tokens (API) and session cookies (dashboard). Secrets are random
// 32-byte values in hex; the database keeps only their SHA-256.

#include <optional>
#include <string>
#include <string_view>

#include "common/digest.hpp"
#include "common/result.hpp"

namespace actiontrack::store {
class Reader;
}

namespace actiontrack::web {

// A new random secret: 32 bytes from the kernel's random number generator, as 64 lowercase hex
// characters (the database keeps their sha256_hex, from common/digest.hpp).
Result<std::string> random_secret();

// The token in "Bearer <token>", or nullopt when the header is missing or another scheme.
std::optional<std::string> bearer_token(std::string_view authorization);

// The value of cookie `name` in a Cookie header, or nullopt.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

// The name of the live token whose secret is `token`; nullopt when unknown or revoked.
Result<std::optional<std::string>> token_name(store::Reader& reader, const std::string& token);

struct Session {
    std::string who;   // the token's name
    std::string csrf;  // must come back with every form post
};
// The live, unexpired session whose cookie value is `cookie`; nullopt otherwise.
Result<std::optional<Session>> find_session(store::Reader& reader, const std::string& cookie,
                                            const std::string& now);

// Constant-time comparison, for CSRF tokens.
bool equal_secrets(std::string_view a, std::string_view b);

inline constexpr std::string_view k_session_cookie = "actiontrack_session";

}  // namespace actiontrack::web
