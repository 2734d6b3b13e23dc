#include "parsers/sentences.hpp"

#include <array>
#include <cstdint>

#include "parsers/byte_scan.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

// True when `word` is one of the abbreviations, ignoring ASCII case. The word is folded once
// rather than compared with text::iequals per entry: this runs at every full stop.
bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 14> k_abbreviations = {
        "mr", "mrs", "ms", "dr", "cllr", "st", "no", "e.g", "i.e", "etc", "prof", "cf", "approx", "nos"};
    constexpr std::size_t k_longest = 6;  // "approx"
    if (word.empty() || word.size() > k_longest) return false;
    char lower[k_longest];
    for (std::size_t i = 0; i < word.size(); ++i) lower[i] = text::to_lower(word[i]);
    const std::string_view folded(lower, word.size());
    for (auto a : k_abbreviations)
        if (a == folded) return true;
    return false;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && text::is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && text::is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool ends_clause(char c) { return c == '.' || c == '?' || c == '!'; }

// Bit k set where at[k] is one of ".?!" and at[k + 1] == ' ', for k < 16: reads at[0..16].
std::uint32_t stop_bits(const char* at) {
    const byte_scan::Bytes b = byte_scan::load(at);
    return byte_scan::mask(((b == '.') | (b == '?') | (b == '!')) & (byte_scan::load(at + 1) == ' '));
}

// The next i >= from with p[i] in ".?!" and p[i + 1] == ' ' (i + 1 < p.size()), or p.size().
// Most bytes are neither, so 16 are screened at once.
std::size_t next_stop(std::string_view p, std::size_t from) {
    constexpr std::size_t k_read = byte_scan::k_block + 1;  // bytes stop_bits reads
    std::size_t i = from;
    for (; i + k_read <= p.size(); i += byte_scan::k_block)
        if (const std::uint32_t bits = stop_bits(p.data() + i)) return i + byte_scan::first_bit(bits);
    // Fewer than a block's positions are left: rather than each byte in turn, the text's last
    // block is screened (it overlaps what was already screened, whose bits are dropped).
    if (p.size() >= k_read && i + 1 < p.size()) {
        const std::size_t base = p.size() - k_read;  // i - base is 1 to 15
        const std::uint32_t bits = stop_bits(p.data() + base) & (~std::uint32_t{0} << (i - base));
        return bits != 0 ? base + byte_scan::first_bit(bits) : p.size();
    }
    for (; i + 1 < p.size(); ++i)
        if (ends_clause(p[i]) && p[i + 1] == ' ') return i;
    return p.size();
}

}  // namespace

std::vector<std::string_view> split_sentences(std::string_view p) {
    std::vector<std::string_view> out;
    out.reserve(4);  // most paragraphs have a few sentences; saves the first regrowths
    split_sentences(p, out);
    return out;
}

void split_sentences(std::string_view p, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t start = 0;
    for (std::size_t i = next_stop(p, 0); i < p.size(); i = next_stop(p, i + 1)) {
        const char c = p[i];
        std::size_t next = i + 2;
        while (next < p.size() && (p[next] == ' ' || p[next] == '"' || p[next] == '\'')) ++next;
        if (next >= p.size() || !(text::is_upper(p[next]) || text::is_digit(p[next]))) continue;
        if (c == '.') {
            const std::string_view before = text::word_before(p, i);
            if (before.size() == 1 && text::is_upper(before[0])) continue;  // an initial
            if (is_abbreviation(before)) continue;
        }
        out.push_back(trim(p.substr(start, i + 1 - start)));
        start = i + 2;
    }
    if (start < p.size()) out.push_back(trim(p.substr(start)));
}

}  // namespace actiontrack::parsers
