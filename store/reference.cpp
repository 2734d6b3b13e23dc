#include "store/reference.hpp"

#include <fmt/core.h>

#include <array>
#include <vector>

namespace actiontrack::store {
namespace {

constexpr std::string_view k_no_committee = "MTG";

// Words that never contribute an initial, even when capitalised ("Committee of The Whole").
constexpr std::array<std::string_view, 12> k_minor_words = {"a",  "an", "and", "at", "by",  "for",
                                                            "in", "of", "on",  "or", "the", "to"};

bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
    return is_ascii_upper(c) || is_ascii_lower(c) || is_ascii_digit(c);
}
char to_ascii_upper(char c) {
    return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

// Apostrophes and non-ASCII bytes stay inside a word so "People's" and "People’s" are one
// word; everything else (spaces, hyphens, commas, brackets) separates words.
bool is_word_byte(char c) {
    return is_ascii_alnum(c) || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && is_word_byte(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

bool is_minor(std::string_view word) {
    for (std::string_view minor : k_minor_words) {
        if (word.size() != minor.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < word.size() && same; ++i) {
            same = (is_ascii_upper(word[i]) ? static_cast<char>(word[i] - 'A' + 'a') : word[i]) ==
                   minor[i];
        }
        if (same) return true;
    }
    return false;
}

// ICT, SEND, 2: kept whole because their initial alone would lose the meaning.
bool is_kept_whole(std::string_view word) {
    bool has_upper = false;
    for (char c : word) {
        if (is_ascii_lower(c) || !is_ascii_alnum(c)) return false;
        has_upper = has_upper || is_ascii_upper(c);
    }
    return word.size() >= 2 || !has_upper;  // a lone digit is kept whole too
}

std::string initials(const std::vector<std::string_view>& words, bool capitalised_only) {
    std::string out;
    for (std::string_view word : words) {
        if (is_minor(word)) continue;
        if (is_kept_whole(word)) {
            out += word;
        } else if (is_ascii_upper(word.front()) ||
                   (!capitalised_only && is_ascii_lower(word.front()))) {
            out += to_ascii_upper(word.front());
        }
    }
    return out;
}

}  // namespace

std::string committee_acronym(std::string_view committee) {
    const std::vector<std::string_view> words = split_words(committee);
    std::string acronym = initials(words, /*capitalised_only=*/true);
    // "planning committee" written in lower case still deserves "PC" rather than "MTG".
    if (acronym.empty()) acronym = initials(words, /*capitalised_only=*/false);
    if (acronym.empty()) acronym = k_no_committee;
    return acronym;
}

std::string municipal_year(std::optional<parsers::Date> date) {
    if (!date || !date->ok()) return "undated";
    const int year = static_cast<int>(date->year());
    // The council year starts at the annual meeting in May: January to April belong to the
    // year that started the previous May.
    const int start = static_cast<unsigned>(date->month()) >= 5 ? year : year - 1;
    return fmt::format("{:02}-{:02}", ((start % 100) + 100) % 100, ((start + 1) % 100 + 100) % 100);
}

std::string minute_key(std::string_view item_number) {
    std::string key;
    bool pending_separator = false;
    for (char c : item_number) {
        if (!is_ascii_alnum(c)) {
            pending_separator = true;
            continue;
        }
        if (pending_separator && !key.empty()) key += '.';
        pending_separator = false;
        key += c;
    }
    return key.empty() ? std::string("0") : key;
}

std::string reference_stem(const std::optional<std::string>& committee,
                           std::optional<parsers::Date> date) {
    return fmt::format("{}/{}", committee_acronym(committee.value_or("")), municipal_year(date));
}

std::string minute_base(std::string_view stem, std::string_view minute, int attempt) {
    if (attempt <= 1) return fmt::format("{}/{}", stem, minute);
    return fmt::format("{}/{}-{}", stem, minute, attempt);
}

std::string resolution_reference(std::string_view base, int sequence) {
    return fmt::format("{}.{}", base, sequence);
}

std::string action_reference(std::string_view base, int sequence) {
    return fmt::format("{}.A{}", base, sequence);
}

}  // namespace actiontrack::store
