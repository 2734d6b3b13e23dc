#pragma once
// SHA-256, HMAC-SHA256 and random bytes: the content hash that keys "ingested before", the
// webhook signatures, and the secrets of API tokens and dashboard sessions.
//
// The hashes come from libgcrypt, not OpenSSL: OpenSSL 3's EVP layer loads its providers on the
// first digest and costs the process about 2 MB of memory for good, and OpenSSL is only loaded
// for TLS (net/tls_engine.hpp). libgcrypt hashes as fast as OpenSSL (AVX2 code; 50 KB in ~130 µs
// here, where nettle takes ~210 µs), and libsystemd maps it already.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack {

// Lowercase hex, 64 characters.
std::string sha256_hex(std::string_view bytes);

// The 32-byte HMAC-SHA256 of `message` under `key` (RFC 2104), raw bytes. Fails only when
// libgcrypt refuses (e.g. a key too short for FIPS mode).
Result<std::string> hmac_sha256(std::string_view key, std::string_view message);

// `count` bytes from the kernel's random number generator (getrandom(2)), as lowercase hex.
// Fails only when the kernel cannot provide them.
Result<std::string> random_hex(std::size_t count);

}  // namespace actiontrack
