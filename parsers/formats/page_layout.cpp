#include "parsers/formats/page_layout.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "parsers/formats/adapted_text.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

constexpr std::size_t k_zone = 3;  // lines at the top and at the bottom that may be furniture

// The comparison key of a candidate header/footer line: lower case, digit runs as '#',
// whitespace collapsed. Page numbers and dates in running headers then compare equal.
std::string furniture_key(std::string_view line) {
    std::string key;
    bool digits = false;
    for (char c : text::collapse_spaces(line)) {
        if (text::is_digit(c)) {
            if (!digits) key.push_back('#');
            digits = true;
            continue;
        }
        digits = false;
        key.push_back(text::to_lower(c));
    }
    return key;
}

// "Page 3", "Page 3 of 12", "3 of 12", "- 3 -", "[3]", "3", "Page | 3": returns the first
// number when the line is only a page number; -1 otherwise. `bare` tells whether the word
// "page" or "of" was present (a bare "3" needs more evidence).
int page_number_line(std::string_view line, bool& bare) {
    bare = true;
    int first = -1;
    std::size_t numbers = 0;
    for (const auto& w : text::words(line)) {
        if (text::is_digit(w.text[0])) {
            for (char c : w.text)
                if (!text::is_digit(c)) return -1;
            if (w.text.size() > 4) return -1;
            if (first < 0) first = std::stoi(std::string(w.text));
            ++numbers;
        } else if (text::iequals(w.text, "page") || text::iequals(w.text, "of") ||
                   text::iequals(w.text, "p")) {
            bare = false;
        } else {
            return -1;
        }
    }
    for (char c : line)
        if (!text::is_alpha(c) && !text::is_digit(c) && c != ' ' && c != '-' && c != '|' &&
            c != '[' && c != ']' && c != '.' && c != '(' && c != ')')
            return -1;
    return numbers >= 1 && numbers <= 2 ? first : -1;
}

// Indices of the first and last k_zone non-blank lines of a page.
std::vector<std::size_t> zone_lines(const PageLines& page) {
    std::vector<std::size_t> nonblank;
    for (std::size_t i = 0; i < page.size(); ++i)
        if (!text::trim(page[i]).empty()) nonblank.push_back(i);
    if (nonblank.size() <= 2 * k_zone) return nonblank;
    std::vector<std::size_t> out(nonblank.begin(), nonblank.begin() + k_zone);
    out.insert(out.end(), nonblank.end() - k_zone, nonblank.end());
    return out;
}

std::vector<PageLines> drop_furniture(const std::vector<PageLines>& pages) {
    std::unordered_map<std::string, std::size_t> pages_with;
    std::vector<std::vector<std::size_t>> zones;
    for (const auto& page : pages) {
        zones.push_back(zone_lines(page));
        std::set<std::string> seen;
        for (std::size_t i : zones.back()) seen.insert(furniture_key(page[i]));
        for (const auto& key : seen) ++pages_with[key];
    }
    const std::size_t needed = std::max<std::size_t>(2, (pages.size() + 1) / 2);
    std::vector<PageLines> out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::vector<bool> drop(pages[p].size(), false);
        for (std::size_t i : zones[p]) {
            const std::string_view line = text::trim(pages[p][i]);
            bool bare = true;
            const int number = page_number_line(line, bare);
            const int physical = static_cast<int>(p) + 1;
            // A bare number is a page number only when it is close to the page's position (a
            // cover page shifts printed numbers); otherwise it may be an item number.
            if (number >= 0 && (!bare || std::abs(number - physical) <= 2)) drop[i] = true;
            if (pages.size() >= 2 && line.size() <= 120 &&
                pages_with[furniture_key(line)] >= needed)
                drop[i] = true;
        }
        PageLines kept;
        for (std::size_t i = 0; i < pages[p].size(); ++i)
            if (!drop[i]) kept.push_back(pages[p][i]);
        out.push_back(std::move(kept));
    }
    return out;
}

// Length of the hyphen that ends `line` when it splits a word ("recom-"), else 0. A soft
// hyphen (U+00AD) counts too; " -" (a dash) and "e-" ("e-mail") do not.
std::size_t split_hyphen(std::string_view line) {
    std::size_t len = 0;
    if (line.ends_with("\xC2\xAD"))
        len = 2;
    else if (line.ends_with("-"))
        len = 1;
    if (len == 0 || line.size() < len + 2) return 0;
    const char a = line[line.size() - len - 1];
    const char b = line[line.size() - len - 2];
    return text::is_alpha(a) && text::is_alpha(b) ? len : 0;
}

}  // namespace

std::vector<PageLines> split_pages(std::string_view text) {
    std::vector<PageLines> pages(1);
    std::string line;
    for (char c : text) {
        if (c == '\f') {
            pages.back().push_back(std::move(line));
            line.clear();
            pages.emplace_back();
        } else if (c == '\n') {
            pages.back().push_back(std::move(line));
            line.clear();
        } else {
            line.push_back(c);
        }
    }
    pages.back().push_back(std::move(line));
    return pages;
}

std::string assemble_pages(const std::vector<PageLines>& pages) {
    // One flat list with a mark entry between pages, so that joining across a page break is
    // the same operation as joining across a line.
    std::vector<std::string> lines;
    const std::vector<PageLines> clean = drop_furniture(pages);
    for (std::size_t p = 0; p < clean.size(); ++p) {
        if (p > 0) lines.emplace_back(k_page_mark);
        for (const auto& line : clean[p]) {
            // A PDF may itself contain U+E000 (private-use glyphs of symbol fonts); only the
            // marks written here may mean a page break. Bytes that are not UTF-8 either side of
            // a removed mark can spell another ("\xEE" + mark + "\x80\x80"), so the search
            // resumes two bytes back.
            std::string own(text::trim_right(line));
            for (std::size_t at = own.find(k_page_mark); at != std::string::npos;
                 at = own.find(k_page_mark, at >= 2 ? at - 2 : 0))
                own.erase(at, k_page_mark.size());
            lines.push_back(std::move(own));
        }
    }
    std::string out;
    std::vector<bool> consumed(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (consumed[i]) continue;
        std::string line = std::move(lines[i]);
        // Join "recom-" + "mended ..."; the next text line may lie beyond a page mark, which
        // then stays after the joined line (the word starts on the earlier page).
        std::size_t cursor = i + 1;
        for (std::size_t hyphen = split_hyphen(line); hyphen > 0; hyphen = split_hyphen(line)) {
            std::size_t next = cursor;
            while (next < lines.size() && lines[next] == k_page_mark) ++next;
            if (next >= lines.size()) break;
            const std::string_view following = text::trim(lines[next]);
            if (following.empty() || !text::is_lower(following.front())) break;
            line.resize(line.size() - hyphen);
            line.append(following);
            consumed[next] = true;
            cursor = next + 1;
        }
        out.append(line);
        out.push_back('\n');
    }
    return out;
}

}  // namespace actiontrack::parsers
