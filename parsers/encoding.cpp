#include "parsers/encoding.hpp"

#include <array>
#include <cstdint>

#include "parsers/byte_scan.hpp"

namespace actiontrack::parsers {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F; the rest of 0xA0..0xFF equals Latin-1.
// Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to their C1 control points, as browsers do.
constexpr std::array<char32_t, 32> k_cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

bool is_non_ascii(unsigned char c) { return c >= 0x80; }
std::uint32_t non_ascii_block(const char* p) { return byte_scan::mask(byte_scan::load(p) >= 0x80); }

// The index of the next non-ASCII byte at or after `from`, or s.size(). Minutes are mostly
// ASCII, so the checks and conversions below skip 16 bytes at a time between such bytes.
std::size_t next_non_ascii(std::string_view s, std::size_t from) {
    return byte_scan::find_if(s.data(), from, s.size(), non_ascii_block, is_non_ascii);
}

std::string decode_utf16(std::string_view bytes, bool little_endian) {
    std::string out;
    out.reserve(bytes.size());
    auto unit = [&](std::size_t i) -> char32_t {
        const auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
        return static_cast<char32_t>(hi << 8 | lo);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        append_utf8(out, cp);
    }
    return out;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_valid_utf8(std::string_view s) {
    const std::size_t n = s.size();
    for (std::size_t i = next_non_ascii(s, 0); i < n; i = next_non_ascii(s, i)) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        constexpr std::array<char32_t, 5> k_min = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < k_min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

std::string decode_to_utf8(std::string_view bytes, std::vector<std::string>& warnings) {
    std::string storage;
    const std::string_view utf8 = decode_to_utf8(bytes, warnings, storage);
    return utf8.data() == storage.data() ? std::move(storage) : std::string(utf8);
}

std::string_view decode_to_utf8(std::string_view bytes, std::vector<std::string>& warnings,
                                std::string& storage) {
    if (bytes.size() >= 2) {
        const auto b0 = static_cast<unsigned char>(bytes[0]);
        const auto b1 = static_cast<unsigned char>(bytes[1]);
        if (b0 == 0xFF && b1 == 0xFE) return storage = decode_utf16(bytes.substr(2), true);
        if (b0 == 0xFE && b1 == 0xFF) return storage = decode_utf16(bytes.substr(2), false);
    }
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (is_valid_utf8(bytes)) return bytes;

    warnings.emplace_back("not valid UTF-8: read as Windows-1252");
    return storage = decode_windows_1252(bytes);
}

std::string decode_windows_1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t high = next_non_ascii(bytes, i);
        out.append(bytes.substr(i, high - i));  // ASCII is the same in both
        if (high == bytes.size()) break;
        const auto c = static_cast<unsigned char>(bytes[high]);
        append_utf8(out, c < 0xA0 ? k_cp1252_high[c - 0x80] : char32_t{c});
        i = high + 1;
    }
    return out;
}

}  // namespace actiontrack::parsers
