#include "parsers/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "parsers/byte_scan.hpp"

namespace actiontrack::parsers::text {

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return trim_right(s);
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower(c);
    return out;
}

std::string collapse_spaces(std::string_view s) {
    // Most text handed here is collapsed already (normalise did it for whole paragraphs): check
    // that 16 bytes at a time and copy, instead of rebuilding it byte by byte.
    using namespace byte_scan;
    const bool trimmed = s.empty() || (!is_space(s.front()) && !is_space(s.back()));
    if (trimmed && find_pair(s.data(), 0, s.size(), ' ', ' ') == s.size() &&
        find_if(s.data(), 0, s.size(),
                [](const char* p) {
                    const Bytes b = load(p);
                    return mask((b >= static_cast<unsigned char>('\t')) & (b <= static_cast<unsigned char>('\r')));
                },
                [](unsigned char c) { return c >= '\t' && c <= '\r'; }) == s.size())
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

namespace {

inline char lower(char c) { return to_lower(c); }

// Eight bytes with ASCII capitals made lower case (other bytes as they are), all at once.
inline std::uint64_t fold8(std::uint64_t x) {
    constexpr std::uint64_t k_ones = 0x0101010101010101ull;
    constexpr std::uint64_t k_high = k_ones * 0x80;
    const std::uint64_t low7 = x & ~k_high;
    const std::uint64_t at_least_a = low7 + k_ones * (0x80 - 'A');  // high bit: low 7 bits >= 'A'
    const std::uint64_t past_z = low7 + k_ones * (0x80 - 'Z' - 1);  // high bit: low 7 bits > 'Z'
    const std::uint64_t upper = at_least_a & ~past_z & ~x & k_high;  // ASCII 'A'..'Z' only
    return x | (upper >> 2);                                        // 0x80 >> 2 == 0x20
}

inline std::uint64_t load8(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// iequals_same_size for n >= 8: eight bytes at a time, the last block overlapping the one
// before it. Kept out of line so that the short case, the usual one, saves no registers.
[[gnu::noinline]] bool iequals_long(const char* pa, const char* pb, std::size_t n) {
    for (std::size_t i = 0;; i += 8) {
        if (i + 8 > n) i = n - 8;
        const std::uint64_t x = load8(pa + i), y = load8(pb + i);
        if (x != y && fold8(x) != fold8(y)) return false;
        if (i + 8 == n) return true;
    }
}

}  // namespace

bool iequals_same_size(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const char* pa = a.data();
    const char* pb = b.data();
    if (n >= 8) return iequals_long(pa, pb, n);
    for (std::size_t i = 0; i < n; ++i)
        if (lower(pa[i]) != lower(pb[i])) return false;
    return true;
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool strip_suffix_ci(std::string_view& s, std::string_view suffix) {
    if (!iends_with(s, suffix)) return false;
    s.remove_suffix(suffix.size());
    return true;
}

bool contains_ci_sorted(std::span<const std::string_view> sorted_lower, std::string_view word) {
    constexpr std::size_t k_longest = 24;
    if (word.empty() || word.size() > k_longest) return false;
    char lower[k_longest];
    for (std::size_t i = 0; i < word.size(); ++i) lower[i] = to_lower(word[i]);
    return std::binary_search(sorted_lower.begin(), sorted_lower.end(), std::string_view(lower, word.size()));
}

std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
    constexpr auto npos = std::string_view::npos;
    if (needle.empty()) return from <= haystack.size() ? from : npos;
    if (from > haystack.size() || needle.size() > haystack.size() - from) return npos;
    // Anchor on the needle's first letter or digit: spaces, its usual first byte, are everywhere.
    std::size_t anchor = 0;
    while (anchor < needle.size() && !is_alpha(needle[anchor]) && !is_digit(needle[anchor])) ++anchor;
    if (anchor == needle.size()) anchor = 0;
    const char* const base = haystack.data();
    const std::size_t last = haystack.size() - needle.size() + anchor;  // last anchor position
    const auto matches_at = [&](std::size_t hit) {
        return iequals_same_size(std::string_view(base + hit - anchor, needle.size()), needle);
    };
    // Candidates are screened 16 positions at a time on the anchor byte and the one after it
    // (when the needle has one), both compared with 0x20 set. That equates a letter's two cases,
    // so every position where the lower-cased bytes are equal is kept; the other pairs it
    // equates ('@' and '`', say) are turned away by the full comparison.
    const bool pair = anchor + 1 < needle.size();
    const auto a0 = static_cast<unsigned char>(needle[anchor] | 0x20);
    const auto a1 = static_cast<unsigned char>(pair ? needle[anchor + 1] | 0x20 : 0);
    // Whole blocks only where their loads (16 bytes at i, and at i + 1 for the pair) lie
    // inside the haystack; the rest a byte at a time.
    const std::size_t span = byte_scan::k_block + (pair ? 1 : 0);
    std::size_t i = from + anchor;
    for (; i <= last && i + span <= haystack.size(); i += byte_scan::k_block) {
        byte_scan::Lanes hits = (byte_scan::load(base + i) | 0x20) == a0;
        if (pair) hits &= (byte_scan::load(base + i + 1) | 0x20) == a1;
        for (std::uint32_t bits = byte_scan::keep_before(byte_scan::mask(hits), i, last + 1); bits != 0;
             bits &= bits - 1) {
            const std::size_t hit = i + byte_scan::first_bit(bits);
            if (matches_at(hit)) return hit - anchor;
        }
    }
    const char lo = lower(needle[anchor]);
    for (; i <= last; ++i)
        if (lower(base[i]) == lo && matches_at(i)) return i - anchor;
    return npos;
}

std::size_t ifind_word(std::string_view haystack, std::string_view needle, std::size_t from) {
    for (std::size_t at = ifind(haystack, needle, from); at != std::string_view::npos;
         at = ifind(haystack, needle, at + 1)) {
        const bool starts = at == 0 || !is_word_char(haystack[at - 1]) || !is_word_char(needle.front());
        const std::size_t end = at + needle.size();
        const bool ends = end == haystack.size() || !is_word_char(haystack[end]) ||
                          !is_word_char(needle.back());
        if (starts && ends) return at;
    }
    return std::string_view::npos;
}

std::size_t ifind_last_word(std::string_view haystack, std::string_view needle) {
    std::size_t last = std::string_view::npos;
    for (std::size_t at = ifind_word(haystack, needle); at != std::string_view::npos;
         at = ifind_word(haystack, needle, at + needle.size()))
        last = at;
    return last;
}

Word prev_word(std::string_view s, std::size_t end) {
    std::size_t j = std::min(end, s.size());
    while (j > 0 && !is_word_char(s[j - 1])) --j;
    if (j == 0) return {{}, 0};
    const std::size_t word_end = j;
    // Whether two neighbouring characters belong to one word is decided locally (see
    // next_word), so splitting from the right gives the same words as from the left.
    while (j > 0 && (is_word_char(s[j - 1]) || (s[j - 1] == '-' && j > 1 && is_word_char(s[j - 2])))) --j;
    return {s.substr(j, word_end - j), j};
}

std::vector<Word> words(std::string_view s) {
    // Most texts split here are a phrase or a sentence: their words are noted on the stack (as
    // plain offsets, which need no initialising) and the vector is allocated once at its final
    // size, not regrown from one word up.
    constexpr std::size_t k_local = 48;
    std::size_t begin[k_local], end[k_local];
    std::size_t count = 0;
    Word w = next_word(s, 0);
    for (; !w.text.empty() && count < k_local; w = next_word(s, w.pos + w.text.size())) {
        begin[count] = w.pos;
        end[count++] = w.pos + w.text.size();
    }
    std::vector<Word> out;
    out.reserve(w.text.empty() ? count : 2 * k_local);
    for (std::size_t i = 0; i < count; ++i) out.push_back({s.substr(begin[i], end[i] - begin[i]), begin[i]});
    for (; !w.text.empty(); w = next_word(s, w.pos + w.text.size())) out.push_back(w);
    return out;
}

void words(std::string_view s, std::vector<Word>& out) {
    out.clear();
    for (Word w = next_word(s, 0); !w.text.empty(); w = next_word(s, w.pos + w.text.size())) out.push_back(w);
}

std::size_t count_words(std::string_view s, std::size_t limit) {
    std::size_t count = 0;
    for (Word w = next_word(s, 0); !w.text.empty() && count < limit; w = next_word(s, w.pos + w.text.size()))
        ++count;
    return count;
}

bool is_word_at(std::string_view s, std::size_t pos, std::size_t length) {
    if (length == 0 || pos + length > s.size() || !is_word_char(s[pos])) return false;
    const bool joined_before = pos > 0 && (is_word_char(s[pos - 1]) ||
                                           (s[pos - 1] == '-' && pos > 1 && is_word_char(s[pos - 2])));
    if (joined_before) return false;
    const std::size_t end = pos + length;
    for (std::size_t i = pos; i < end; ++i)
        if (!is_word_char(s[i]) && !(s[i] == '-' && i + 1 < end && is_word_char(s[i + 1]) && is_word_char(s[i - 1])))
            return false;
    return end == s.size() || (!is_word_char(s[end]) && !(s[end] == '-' && end + 1 < s.size() && is_word_char(s[end + 1])));
}

bool is_capitalised(std::string_view word) {
    for (char c : word) {
        if (is_upper(c)) return true;
        if (is_lower(c)) return false;
    }
    return false;
}

bool is_initials(std::string_view token) {
    std::size_t run = 0;
    for (char c : token) {
        if (is_upper(c)) {
            if (++run > 3) return false;
        } else if (c == '/' && run >= 2) {
            run = 0;
        } else {
            return false;
        }
    }
    return run >= 2;
}

bool is_all_caps(std::string_view word) {
    bool letter = false;
    for (char c : word) {
        if (is_lower(c)) return false;
        if (is_upper(c)) letter = true;
    }
    return letter;
}

std::string_view word_before(std::string_view s, std::size_t pos) {
    std::size_t end = std::min(pos, s.size());
    while (end > 0 && !is_word_char(s[end - 1])) {
        if (!is_space(s[end - 1])) return {};
        --end;
    }
    std::size_t begin = end;
    while (begin > 0 && (is_word_char(s[begin - 1]) || s[begin - 1] == '-')) --begin;
    return s.substr(begin, end - begin);
}

std::string_view word_after(std::string_view s, std::size_t pos) {
    // Past the end there is no word: callers step over a keyword's length without checking.
    // The empty view still points into `s` (at its end), as callers take positions from it.
    std::size_t begin = std::min(pos, s.size());
    while (begin < s.size() && is_space(s[begin])) ++begin;
    std::size_t end = begin;
    while (end < s.size() && (is_word_char(s[end]) || s[end] == '-')) ++end;
    return s.substr(begin, end - begin);
}

}  // namespace actiontrack::parsers::text
