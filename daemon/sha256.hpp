#pragma once
// The SHA-256 of a document's exact bytes: the store's key for "ingested before".

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack::cli {

// Lowercase hex, 64 characters. Fails only if OpenSSL cannot provide the digest (e.g. a broken
// FIPS configuration).
Result<std::string> sha256_hex(std::string_view bytes);

}  // namespace actiontrack::cli
