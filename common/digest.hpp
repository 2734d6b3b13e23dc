#pragma once
// SHA-256, HMAC-SHA256 and random bytes: the content hash that keys "ingested before", the
// webhook signatures, and the secrets of API tokens and dashboard sessions.
//
// These come from nettle, not OpenSSL: nettle's functions work on a context the caller owns,
// with no provider lookup, configuration file or global state. OpenSSL 3's EVP layer loads its
// providers on the first digest and costs the process about 2 MB of memory for good; OpenSSL is
// left to do TLS only.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack {

// Lowercase hex, 64 characters.
std::string sha256_hex(std::string_view bytes);

// The 32-byte HMAC-SHA256 of `message` under `key` (RFC 2104), raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);

// `count` bytes from the kernel's random number generator (getrandom(2)), as lowercase hex.
// Fails only when the kernel cannot provide them.
Result<std::string> random_hex(std::size_t count);

}  // namespace actiontrack
