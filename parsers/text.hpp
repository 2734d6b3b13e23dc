#pragma once
// Small ASCII-oriented string helpers shared by the parsers. UTF-8 bytes >= 0x80 are treated as
// letters, which is what word matching on English minutes needs.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers::text {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// The offset in `whole` just past `part`, which must be a view into it (a word that
// word_after() or next_word() took out of it).
inline std::size_t end_of(std::string_view whole, std::string_view part) {
    return static_cast<std::size_t>(part.data() - whole.data()) + part.size();
}
// The first position at or after `i` that holds no space (s.size() when there is none).
inline std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }

namespace detail {
// Byte tables for the helpers below that run on every byte of every sentence: one load instead
// of a chain of range comparisons.
inline constexpr std::array<bool, 256> k_word_char = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                             (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
    return table;
}();
inline constexpr std::array<char, 256> k_lower = [] {
    std::array<char, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[static_cast<std::size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return table;
}();
}  // namespace detail

// Letters, digits, apostrophes and any UTF-8 byte: the characters that make up a word.
inline bool is_word_char(char c) { return detail::k_word_char[static_cast<unsigned char>(c)]; }
inline char to_lower(char c) { return detail::k_lower[static_cast<unsigned char>(c)]; }

std::string_view trim(std::string_view s);
std::string_view trim_right(std::string_view s);
std::string to_lower(std::string_view s);
// Collapses every run of whitespace into one space and trims the ends.
std::string collapse_spaces(std::string_view s);
// Case-insensitive equality of strings of the same size (the out-of-line half of iequals).
bool iequals_same_size(std::string_view a, std::string_view b);
// Inline so that the common cases, a size mismatch or a first letter that differs, cost a
// comparison or two: word lists are checked with it (contains_ci) for many words of every
// sentence.
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return to_lower(a[0]) == to_lower(b[0]) && iequals_same_size(a, b);
}
// Inline so that the usual answer, a first letter that differs, costs a look-up: callers ask it
// of many prefixes for every sentence.
[[gnu::always_inline]] inline bool istarts_with(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    if (prefix.empty()) return true;
    return to_lower(s[0]) == to_lower(prefix[0]) && iequals_same_size(s.substr(0, prefix.size()), prefix);
}
bool iends_with(std::string_view s, std::string_view suffix);
// Drops `suffix` (ignoring ASCII case) from the end of `s` when it is there; says whether it was.
bool strip_suffix_ci(std::string_view& s, std::string_view suffix);
// Case-insensitive search; npos when absent.
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);
// Like ifind, but the match must start and end on word boundaries.
std::size_t ifind_word(std::string_view haystack, std::string_view needle, std::size_t from = 0);
// The last match ifind_word would give ("the clause's own 'that'"); npos when absent.
std::size_t ifind_last_word(std::string_view haystack, std::string_view needle);

// True when `word` equals one of `list`, ignoring ASCII case.
template <std::size_t N>
bool contains_ci(const std::array<std::string_view, N>& list, std::string_view word) {
    for (auto item : list)
        if (iequals(item, word)) return true;
    return false;
}

// True when `word` equals one of `sorted_lower` (lower-case words in ascending order), ignoring
// ASCII case: one folding of the word and a binary search, for long lists asked about often.
// Words longer than 24 bytes are in no such list.
bool contains_ci_sorted(std::span<const std::string_view> sorted_lower, std::string_view word);

struct Word {
    std::string_view text;
    std::size_t pos = 0;  // byte offset in the string the word came from
};
// Splits into words: maximal runs of word characters (hyphens inside a word are kept).
std::vector<Word> words(std::string_view s);
// The same words, written into `out` (its contents replaced): for a caller that splits many
// texts and can keep one vector for all of them.
void words(std::string_view s, std::vector<Word>& out);
// The first word that starts at or after `from`, as words() would split it; its text is empty
// when there is none. Walking a string with it allocates nothing and can stop early. (Inline:
// it is the inner loop of words() and of many callers' own walks.)
inline Word next_word(std::string_view s, std::size_t from) {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = from;
    while (i < n && !is_word_char(p[i])) ++i;
    if (i >= n) return {{}, n};
    std::size_t j = i + 1;
    // A hyphen between word characters stays inside the word: "Lawrence-Orumwense".
    while (j < n) {
        if (is_word_char(p[j])) ++j;
        else if (p[j] == '-' && j + 1 < n && is_word_char(p[j + 1])) j += 2;
        else break;
    }
    return {std::string_view(p + i, j - i), i};
}
// How many words words(s) would give, counting no further than `limit`: min(words(s).size(),
// limit). For "more than N words?" questions, without building the list.
std::size_t count_words(std::string_view s, std::size_t limit = static_cast<std::size_t>(-1));
// Whether `s` has more than `n` words: the walk stops at word n + 1.
inline bool has_more_words_than(std::string_view s, std::size_t n) { return count_words(s, n + 1) > n; }
// The last word that ends at or before `end`, as words(s.substr(0, end)) would split it; its
// text is empty when there is none. For walking back from a position without splitting all
// that comes before it.
Word prev_word(std::string_view s, std::size_t end);
// True when s[pos, pos + length) is exactly one of the words words(s) gives.
bool is_word_at(std::string_view s, std::size_t pos, std::size_t length);

// True when the word's first letter is upper case ("Officer", "ACTION").
bool is_capitalised(std::string_view word);
// True when the word has at least one letter and no lower-case letters ("RESOLVED", "OSB").
bool is_all_caps(std::string_view word);
// "IJ", "AMC", "MW/YO": a person's initials, two or three capitals, or several such joined by "/".
bool is_initials(std::string_view token);

// The word ending just before `pos` (skipping spaces), or empty.
std::string_view word_before(std::string_view s, std::size_t pos);
// The word starting at or after `pos` (skipping spaces), or empty (also when `pos` is past the end).
std::string_view word_after(std::string_view s, std::size_t pos);

}  // namespace actiontrack::parsers::text
