#include "store/cursor.hpp"

#include <charconv>

#include "common/hex.hpp"

namespace actiontrack::store {
namespace {

constexpr std::string_view k_hex = "0123456789abcdef";
constexpr char k_separator = '\x1f';  // the ASCII unit separator never occurs in a key

}  // namespace

std::string encode_cursor(const Cursor& cursor) {
    return to_hex(cursor.key + k_separator + std::to_string(cursor.id));
}

std::optional<Cursor> decode_cursor(std::string_view text) {
    if (text.size() % 2 != 0 || text.size() > 512) return std::nullopt;
    std::string plain;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const auto high = k_hex.find(text[i]);
        const auto low = k_hex.find(text[i + 1]);
        if (high == std::string_view::npos || low == std::string_view::npos) return std::nullopt;
        plain.push_back(static_cast<char>(high * 16 + low));
    }
    const std::size_t separator = plain.rfind(k_separator);
    if (separator == std::string::npos) return std::nullopt;
    Cursor cursor;
    cursor.key = plain.substr(0, separator);
    const std::string_view digits = std::string_view(plain).substr(separator + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cursor.id);
    if (ec != std::errc() || end != digits.data() + digits.size() || cursor.id < 0) {
        return std::nullopt;
    }
    return cursor;
}

}  // namespace actiontrack::store
