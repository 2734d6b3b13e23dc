#pragma once
// Bytes as lowercase hex: digests, secrets and opaque page cursors.

#include <string>
#include <string_view>

namespace actiontrack {

inline std::string to_hex(std::string_view bytes) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        out.push_back(k_hex[byte >> 4]);
        out.push_back(k_hex[byte & 0x0f]);
    }
    return out;
}

}  // namespace actiontrack
