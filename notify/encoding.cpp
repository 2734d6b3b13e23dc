#include "notify/encoding.hpp"

#include <array>
#include <cstdint>

namespace actiontrack::notify {
namespace {

constexpr std::string_view k_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view k_hex = "0123456789ABCDEF";

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

bool is_plain_ascii(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f) return false;
    }
    // "=?" would be read as the start of an encoded word.
    return text.find("=?") == std::string_view::npos;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xf0) return 4;
    if (lead >= 0xe0) return 3;
    if (lead >= 0xc0) return 2;
    return 1;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v =
            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
            static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
            static_cast<unsigned char>(bytes[i + 2]);
        out += k_alphabet[v >> 18 & 63];
        out += k_alphabet[v >> 12 & 63];
        out += k_alphabet[v >> 6 & 63];
        out += k_alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2)
            v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += k_alphabet[v >> 18 & 63];
        out += k_alphabet[v >> 12 & 63];
        out += rest == 2 ? k_alphabet[v >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        std::array<int, 4> v{};
        int padding = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && i + 4 == text.size() && j >= 2) {
                ++padding;
                v[j] = 0;
                continue;
            }
            if (padding > 0) return std::nullopt;
            v[j] = base64_value(c);
            if (v[j] < 0) return std::nullopt;
        }
        const std::uint32_t word =
            static_cast<std::uint32_t>(v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3]);
        out += static_cast<char>(word >> 16 & 0xff);
        if (padding < 2) out += static_cast<char>(word >> 8 & 0xff);
        if (padding < 1) out += static_cast<char>(word & 0xff);
    }
    return out;
}

std::string base64_lines(std::string_view bytes) {
    const std::string flat = base64_encode(bytes);
    std::string out;
    for (std::size_t i = 0; i < flat.size(); i += 76) {
        out += flat.substr(i, 76);
        out += "\r\n";
    }
    return out;
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::string line;  // the current encoded line, without its CRLF
    auto flush_line = [&out, &line]() {
        // Trailing whitespace would be stripped by transports: encode the last one.
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            const char last = line.back();
            line.pop_back();
            line += last == ' ' ? "=20" : "=09";
        }
        out += line;
        out += "\r\n";
        line.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (byte == '\n' || byte == '\r') {
            flush_line();
            continue;
        }
        std::string token;
        const bool literal =
            (byte >= 33 && byte <= 126 && byte != '=') || byte == ' ' || byte == '\t';
        if (literal && !(byte == '.' && line.empty())) {
            token = static_cast<char>(byte);
        } else {
            token = {'=', k_hex[byte >> 4], k_hex[byte & 15]};
        }
        // 75 characters plus the soft break "=" make the 76 allowed.
        if (line.size() + token.size() > 75) {
            out += line;
            out += "=\r\n";
            line.clear();
            if (token == ".") token = "=2E";
        }
        line += token;
    }
    if (!line.empty()) flush_line();
    return out;
}

std::string without_controls(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) c = ' ';
    }
    return out;
}

std::string encode_header_text(std::string_view raw) {
    const std::string text = without_controls(raw);
    if (is_plain_ascii(text)) return text;
    // Each encoded word carries whole UTF-8 characters: at most 45 bytes → 60 Base64 characters,
    // plus "=?UTF-8?B?" and "?=" stays within RFC 2047's 75.
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start;
        while (end < text.size()) {
            const std::size_t next = end + utf8_length(static_cast<unsigned char>(text[end]));
            if (next - start > 45) break;
            end = next;
        }
        if (end == start) end = std::min(text.size(), start + 1);
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?";
        out += base64_encode(std::string_view(text).substr(start, end - start));
        out += "?=";
        start = end;
    }
    return out;
}

}  // namespace actiontrack::notify
