#include "parsers/text.hpp"

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

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
    if (needle.size() > haystack.size()) return std::string_view::npos;
    const char first = to_lower(needle[0]);
    for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
        if (to_lower(haystack[i]) != first) continue;
        if (iequals(haystack.substr(i, needle.size()), needle)) return i;
    }
    return std::string_view::npos;
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

std::vector<Word> words(std::string_view s) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_word_char(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() &&
               (is_word_char(s[j]) ||
                (s[j] == '-' && j + 1 < s.size() && is_word_char(s[j + 1]) && j > i)))
            ++j;
        out.push_back({s.substr(i, j - i), i});
        i = j;
    }
    return out;
}

bool is_capitalised(std::string_view word) {
    for (char c : word) {
        if (is_upper(c)) return true;
        if (is_lower(c)) return false;
    }
    return false;
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
