#include "common/digest.hpp"

#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

namespace actiontrack {
namespace {

std::string to_hex(const std::uint8_t* bytes, std::size_t size) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * size);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(k_hex[bytes[i] >> 4]);
        out.push_back(k_hex[bytes[i] & 0x0f]);
    }
    return out;
}

const std::uint8_t* as_bytes(std::string_view text) {
    return reinterpret_cast<const std::uint8_t*>(text.data());
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, bytes.size(), as_bytes(bytes));
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&context, digest.size(), digest.data());
    return to_hex(digest.data(), digest.size());
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    hmac_sha256_ctx context;
    hmac_sha256_set_key(&context, key.size(), as_bytes(key));
    hmac_sha256_update(&context, message.size(), as_bytes(message));
    std::string mac(SHA256_DIGEST_SIZE, '\0');
    hmac_sha256_digest(&context, SHA256_DIGEST_SIZE, reinterpret_cast<std::uint8_t*>(mac.data()));
    return mac;
}

Result<std::string> random_hex(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    std::size_t filled = 0;
    while (filled < count) {
        // Blocks only until the kernel's pool is first initialised at boot; a signal can cut a
        // large request short, so loop until every byte is there.
        const ssize_t n = getrandom(bytes.data() + filled, count - filled, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error(std::string("cannot get random bytes: ") + std::strerror(errno));
        filled += static_cast<std::size_t>(n);
    }
    return to_hex(bytes.data(), bytes.size());
}

}  // namespace actiontrack
