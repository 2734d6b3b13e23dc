#include "daemon/sha256.hpp"

#include <openssl/evp.h>

#include <array>

namespace actiontrack::cli {

Result<std::string> sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    // The one-shot EVP_Digest manages its own context, so there is nothing to free on failure.
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
        1) {
        return Error("cannot compute SHA-256 (OpenSSL EVP_Digest failed)");
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(k_hex[digest[i] >> 4]);
        hex.push_back(k_hex[digest[i] & 0x0f]);
    }
    return hex;
}

}  // namespace actiontrack::cli
