#include "parsers/text.hpp"

#include <algorithm>
#include <array>
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

// ASCII lower-casing by table: the case-insensitive searches below run over every sentence of
// every document, so they are kept to a table look-up and memchr.
constexpr std::array<char, 256> make_lower_table() {
    std::array<char, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[static_cast<std::size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return table;
}
constexpr std::array<char, 256> k_lower = make_lower_table();

inline char lower(char c) { return k_lower[static_cast<unsigned char>(c)]; }

}  // namespace

bool iequals_same_size(std::string_view a, std::string_view b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
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
    const char lo = lower(needle[anchor]);
    const char up = is_lower(lo) ? static_cast<char>(lo - 'a' + 'A') : lo;
    const char* const base = haystack.data();
    const std::size_t last = haystack.size() - needle.size() + anchor;  // last anchor position
    // The next position of each case of the anchor, found lazily and reused.
    std::size_t next_lo = from + anchor, next_up = up == lo ? npos : from + anchor;
    auto find_from = [&](char c, std::size_t at) -> std::size_t {
        if (at > last) return npos;
        const void* hit = std::memchr(base + at, c, last - at + 1);
        return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base) : npos;
    };
    next_lo = find_from(lo, next_lo);
    if (up != lo) next_up = find_from(up, next_up);
    while (next_lo != npos || next_up != npos) {
        const bool take_lo = next_up == npos || (next_lo != npos && next_lo < next_up);
        const std::size_t hit = take_lo ? next_lo : next_up;
        const std::size_t at = hit - anchor;
        if (iequals(haystack.substr(at, needle.size()), needle)) return at;
        if (take_lo) next_lo = find_from(lo, hit + 1);
        else next_up = find_from(up, hit + 1);
    }
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

Word next_word(std::string_view s, std::size_t from) {
    std::size_t i = from;
    while (i < s.size() && !is_word_char(s[i])) ++i;
    if (i >= s.size()) return {{}, s.size()};
    std::size_t j = i + 1;
    // A hyphen between word characters stays inside the word: "Lawrence-Orumwense".
    while (j < s.size() && (is_word_char(s[j]) || (s[j] == '-' && j + 1 < s.size() && is_word_char(s[j + 1]))))
        ++j;
    return {s.substr(i, j - i), i};
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
    std::vector<Word> out;
    for (Word w = next_word(s, 0); !w.text.empty(); w = next_word(s, w.pos + w.text.size())) out.push_back(w);
    return out;
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
    std::size_t begin = pos;
    while (begin < s.size() && is_space(s[begin])) ++begin;
    std::size_t end = begin;
    while (end < s.size() && (is_word_char(s[end]) || s[end] == '-')) ++end;
    return s.substr(begin, end - begin);
}

}  // namespace actiontrack::parsers::text
