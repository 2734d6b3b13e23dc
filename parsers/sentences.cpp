#include "parsers/sentences.hpp"

#include <array>

#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 14> k_abbreviations = {
        "mr", "mrs", "ms", "dr", "cllr", "st", "no", "e.g", "i.e", "etc", "prof", "cf", "approx", "nos"};
    for (auto a : k_abbreviations)
        if (text::iequals(a, word)) return true;
    return false;
}

}  // namespace

std::vector<std::string_view> split_sentences(std::string_view p) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        const char c = p[i];
        if (c != '.' && c != '?' && c != '!') continue;
        if (p[i + 1] != ' ') continue;
        std::size_t next = i + 2;
        while (next < p.size() && (p[next] == ' ' || p[next] == '"' || p[next] == '\'')) ++next;
        if (next >= p.size() || !(text::is_upper(p[next]) || text::is_digit(p[next]))) continue;
        if (c == '.') {
            const std::string_view before = text::word_before(p, i);
            if (before.size() == 1 && text::is_upper(before[0])) continue;  // an initial
            if (is_abbreviation(before)) continue;
        }
        out.push_back(text::trim(p.substr(start, i + 1 - start)));
        start = i + 2;
    }
    if (start < p.size()) out.push_back(text::trim(p.substr(start)));
    return out;
}


}  // namespace actiontrack::parsers
