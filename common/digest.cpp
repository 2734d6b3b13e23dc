#include "common/digest.hpp"

#include <gcrypt.h>
#include <sys/random.h>

#include <cerrno>
#include <cstring>

#include "common/hex.hpp"

namespace actiontrack {
namespace {

constexpr std::size_t k_sha256_size = 32;

// libgcrypt must be told once, before any other call, that it is in use; secure memory (for
// keys that must never be swapped out) is not needed for hashing and is left off.
void ensure_initialised() {
    static const bool initialised = [] {
        gcry_check_version(nullptr);
        gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
        gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
        return true;
    }();
    (void)initialised;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    ensure_initialised();
    std::string digest(k_sha256_size, '\0');
    gcry_md_hash_buffer(GCRY_MD_SHA256, digest.data(), bytes.data(), bytes.size());
    return to_hex(digest);
}

Result<std::string> hmac_sha256(std::string_view key, std::string_view message) {
    ensure_initialised();
    gcry_mac_hd_t handle = nullptr;
    if (const gcry_error_t failed = gcry_mac_open(&handle, GCRY_MAC_HMAC_SHA256, 0, nullptr))
        return Error(std::string("cannot compute HMAC-SHA256: ") + gcry_strerror(failed));
    std::string mac(k_sha256_size, '\0');
    std::size_t length = mac.size();
    gcry_error_t failed = gcry_mac_setkey(handle, key.data(), key.size());
    if (!failed) failed = gcry_mac_write(handle, message.data(), message.size());
    if (!failed) failed = gcry_mac_read(handle, mac.data(), &length);
    gcry_mac_close(handle);
    if (failed) return Error(std::string("cannot compute HMAC-SHA256: ") + gcry_strerror(failed));
    return mac;
}

Result<std::string> random_hex(std::size_t count) {
    std::string bytes(count, '\0');
    std::size_t filled = 0;
    while (filled < count) {
        // Blocks only until the kernel's pool is first initialised at boot; a signal can cut a
        // large request short, so loop until every byte is there.
        const ssize_t n = getrandom(bytes.data() + filled, count - filled, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Error(std::string("cannot get random bytes: ") + std::strerror(errno));
        filled += static_cast<std::size_t>(n);
    }
    return to_hex(bytes);
}

}  // namespace actiontrack
