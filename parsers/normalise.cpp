#include "parsers/normalise.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::collapse_spaces;
using text::trim;

constexpr std::string_view k_bullet = "\xE2\x80\xA2";  // U+2022, the one bullet we keep

struct Replacement {
    std::string_view from;
    std::string_view to;
};
// Multi-byte UTF-8 sequences worth simplifying. Quotes and dashes become ASCII so that patterns
// ("RESOLVED -", "Children's") need one spelling; bullets from Word's Symbol font become U+2022.
constexpr std::array<Replacement, 22> k_replacements = {{
    {"\xC2\xA0", " "},           {"\xE2\x80\x89", " "},       {"\xE2\x80\xAF", " "},
    {"\xE2\x80\x82", " "},       {"\xE2\x80\x83", " "},       {"\xE2\x80\x8B", ""},
    {"\xEF\xBB\xBF", ""},        {"\xE2\x80\x98", "'"},       {"\xE2\x80\x99", "'"},
    {"\xE2\x80\x9B", "'"},       {"\xE2\x80\xB2", "'"},       {"\xE2\x80\x9C", "\""},
    {"\xE2\x80\x9D", "\""},      {"\xE2\x80\x93", "-"},       {"\xE2\x80\x94", "-"},
    {"\xE2\x88\x92", "-"},       {"\xE2\x80\xA6", "..."},     {"\xC2\xB7", k_bullet},
    {"\xE2\x96\xAA", k_bullet},  {"\xEF\x82\xB7", k_bullet},  {"\xE2\x97\x8F", k_bullet},
    {"\xC2\xAD", ""},  // soft hyphen
}};

// Labels that always begin a new paragraph even inside hard-wrapped text.
constexpr std::array<std::string_view, 9> k_field_labels = {
    "Venue:", "Contact:", "Minutes:", "Decision:", "Meeting:", "Present:", "Apologies:",
    "Supporting documents:", "Additional documents:"};

bool is_table_debris(std::string_view line) {
    bool pipe = false;
    for (char c : line) {
        if (c == '|') pipe = true;
        else if (c != '-' && c != ':' && !text::is_space(c)) return false;
    }
    return pipe || (line.size() >= 3 && line.find_first_not_of("-") == std::string_view::npos);
}

// "No. | Item |" and similar header rows of the exported agenda table.
bool is_table_header(std::string_view line) {
    return line.find('|') != std::string_view::npos &&
           (text::istarts_with(line, "No.") || text::istarts_with(line, "Item |"));
}

bool starts_list_label(std::string_view s) {
    if (s.size() < 2) return false;
    if (s[0] == '(') {
        const std::size_t close = s.find(')');
        return close != std::string_view::npos && close <= 5 && close > 1;
    }
    std::size_t i = 0;
    while (i < s.size() && i < 3 && (text::is_digit(s[i]) || (i == 0 && text::is_lower(s[i])))) ++i;
    return i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') && i + 1 < s.size() &&
           text::is_space(s[i + 1]);
}

bool starts_with_field_label(std::string_view s) {
    for (auto label : k_field_labels)
        if (s.substr(0, label.size()) == label) return true;
    return false;
}

bool starts_with_keyword(std::string_view s) {
    const std::string_view w = text::word_after(s, 0);
    return w == "RESOLVED" || w == "AGREED" || w == "NOTED" || w == "RECOMMENDED" ||
           w == "DECISION" || w == "ACTION" || w == "Resolved" || w == "Action" ||
           w == "RESOLVED:" || w == "Agreed";
}

bool ends_sentence(std::string_view s) {
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == ':' || c == ';' || c == '?' || c == '!' ||
           (s.size() >= 2 && s.substr(s.size() - 2) == ":-");
}

// Removes "... view the full minutes text for item 21/44" and returns the item number.
std::string take_truncation_marker(std::string& line) {
    constexpr std::string_view k_phrase = "view the full minutes text for item";
    const std::size_t at = text::ifind(line, k_phrase);
    if (at == std::string::npos) return {};
    std::size_t number_start = at + k_phrase.size();
    while (number_start < line.size() && line[number_start] == ' ') ++number_start;
    std::size_t number_end = number_start;
    while (number_end < line.size() && !text::is_space(line[number_end]) && line[number_end] != '|')
        ++number_end;
    std::string number = line.substr(number_start, number_end - number_start);
    while (!number.empty() && number.back() == '.') number.pop_back();
    std::size_t cut = at;
    while (cut > 0 && (line[cut - 1] == '.' || line[cut - 1] == ' ')) --cut;
    line = line.substr(0, cut) + line.substr(number_end);
    return number;
}

class ParagraphBuilder {
public:
    explicit ParagraphBuilder(NormalisedText& out) : m_out(out) {}

    void blank() {
        flush();
        m_after_blank = true;
    }
    void record_boundary() {
        flush();
        m_record_start = true;
        m_after_blank = true;
    }
    void start_bullet() {
        flush();
        m_bullet = true;
    }
    void add_marker(ParagraphRole role, std::string_view label) {
        flush();
        m_current = label;
        m_role = role;
        flush();
    }
    void set_item_marker(std::string number) { m_item_marker = std::move(number); }
    // Closes the open paragraph as an item title (it ended in an attachment link).
    void end_title() {
        m_role = ParagraphRole::title;
        flush();
        m_role = ParagraphRole::text;
    }

    // Adds one line of text; joins it to the open paragraph when the line is a hard wrap.
    void add_line(std::string_view line) {
        if (!m_current.empty() && !joins(m_current, line)) flush();
        if (!m_current.empty()) m_current.push_back(' ');
        m_current.append(line);
    }

    void end_cell() { flush(); }

    void flush() {
        std::string collapsed = collapse_spaces(m_current);
        m_current.clear();
        if (collapsed.empty() && m_item_marker.empty()) {
            return;  // keep pending flags (bullet, blank) for the next real paragraph
        }
        if (collapsed.empty() && !m_out.paragraphs.empty()) {
            m_out.paragraphs.back().item_marker = std::move(m_item_marker);
            m_item_marker.clear();
            return;
        }
        Paragraph p;
        p.text = std::move(collapsed);
        p.role = m_role;
        p.bullet = m_bullet;
        p.after_blank = m_after_blank;
        p.record_start = m_record_start;
        p.item_marker = std::move(m_item_marker);
        m_out.paragraphs.push_back(std::move(p));
        m_item_marker.clear();
        m_role = ParagraphRole::text;
        m_bullet = m_after_blank = m_record_start = false;
    }

private:
    bool joins(std::string_view current, std::string_view next) const {
        if (starts_list_label(next) || starts_with_field_label(next) || starts_with_keyword(next))
            return false;
        if (starts_with_field_label(current)) return false;  // "Contact: Jo Dixon" is one line
        if (next.substr(0, k_bullet.size()) == k_bullet) return false;
        if (!ends_sentence(current)) return true;
        // A line that starts in lower case continues the sentence ("... Mr.\nand ...").
        return text::is_lower(next.front()) && current.back() != ':' && current.back() != '-';
    }

    NormalisedText& m_out;
    std::string m_current;
    ParagraphRole m_role = ParagraphRole::text;
    bool m_bullet = false;
    bool m_after_blank = true;
    bool m_record_start = false;
    std::string m_item_marker;
};

// Where a line holds an attachment link ("pdf icon PDF 267 KB", "PDF 1014 KB"), returns the
// [begin, end) of that link text; {npos, npos} when there is none.
std::pair<std::size_t, std::size_t> find_attachment_link(std::string_view line) {
    for (std::size_t at = line.find("PDF "); at != std::string_view::npos;
         at = line.find("PDF ", at + 1)) {
        std::size_t i = at + 4;
        const std::size_t digits = i;
        while (i < line.size() && (text::is_digit(line[i]) || line[i] == '.')) ++i;
        if (i == digits || i + 3 > line.size() || line[i] != ' ') continue;
        const std::string_view unit = line.substr(i + 1, 2);
        if (unit != "KB" && unit != "MB" && unit != "kB") continue;
        std::size_t begin = at;
        if (begin >= 9 && text::iequals(line.substr(begin - 9, 9), "pdf icon ")) begin -= 9;
        return {begin, i + 3};
    }
    return {std::string_view::npos, std::string_view::npos};
}

// Splits a line at inline markers (bullets, "Minutes:", attachment links) and feeds the pieces.
void add_segmented_line(ParagraphBuilder& builder, std::string_view line) {
    while (!line.empty()) {
        const std::size_t bullet = line.find(k_bullet);
        const std::size_t minutes = line.find("Minutes:");
        const std::size_t decision = line.find("Decision:");
        const auto [link_begin, link_end] = find_attachment_link(line);
        std::size_t first = std::min({bullet, minutes, decision, link_begin});
        if (first == std::string_view::npos) {
            builder.add_line(trim(line));
            return;
        }
        const std::string_view before = trim(line.substr(0, first));
        if (first == link_begin) {
            if (!before.empty()) builder.add_line(before);
            builder.end_title();
            line = line.substr(link_end);
            continue;
        }
        if (!before.empty()) builder.add_line(before);
        if (first == bullet) {
            builder.start_bullet();
            line = line.substr(bullet + k_bullet.size());
        } else if (first == minutes) {
            builder.add_marker(ParagraphRole::minutes_marker, "Minutes:");
            line = line.substr(minutes + 8);
        } else {
            builder.add_marker(ParagraphRole::decision_marker, "Decision:");
            line = line.substr(decision + 9);
        }
        line = trim(line);
    }
}

// "R E S O L V E D - T H A T": some councils letter-space their decision keywords. Only the
// keywords are collapsed; other spaced capitals (initials, acronyms) are left as written.
std::string collapse_letter_spacing(std::string line) {
    static constexpr std::array<std::string_view, 7> k_spaced_words = {
        "RESOLVED", "AGREED", "NOTED", "RECOMMENDED", "THAT", "DECISION", "ACTION"};
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t j = i;
        std::string letters;
        while (j < line.size() && text::is_upper(line[j]) && (j == i || line[j - 1] == ' ') &&
               (j + 1 == line.size() || line[j + 1] == ' ' || !text::is_alpha(line[j + 1]))) {
            letters.push_back(line[j]);
            j += (j + 1 < line.size() && line[j + 1] == ' ') ? 2 : 1;
        }
        const bool starts_word = i == 0 || !text::is_alpha(line[i - 1]);
        bool keyword = false;
        for (auto w : k_spaced_words) keyword |= letters == w;
        if (starts_word && letters.size() >= 4 && keyword) {
            out.append(letters);
            if (j <= line.size() && j > 0 && line[j - 1] == ' ') out.push_back(' ');
            i = j;
            continue;
        }
        out.push_back(line[i++]);
    }
    return out;
}

std::string_view strip_document_links(std::string_view line) {
    for (std::string_view label : {"Additional documents:", "Supporting documents:"}) {
        const std::size_t at = line.find(label);
        if (at != std::string_view::npos && trim(line.substr(at + label.size())).empty())
            return trim(line.substr(0, at));
    }
    return line;
}

}  // namespace

std::string simplify_characters(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '\r') {
                out.push_back('\n');
                if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
            } else if (c == '\t' || c == '\f' || c == '\v') {
                out.push_back(c == '\f' ? '\n' : ' ');
            } else if (c >= 0x20 || c == '\n') {
                out.push_back(static_cast<char>(c));
            }
            ++i;
            continue;
        }
        bool replaced = false;
        for (const auto& r : k_replacements) {
            if (s.compare(i, r.from.size(), r.from) == 0) {
                out.append(r.to);
                i += r.from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out.push_back(s[i++]);
    }
    return out;
}

NormalisedText normalise(std::string_view utf8) {
    const std::string simple = simplify_characters(utf8);
    NormalisedText out;
    ParagraphBuilder builder(out);
    std::size_t pipe_lines = 0;

    std::size_t start = 0;
    while (start <= simple.size()) {
        std::size_t end = simple.find('\n', start);
        if (end == std::string::npos) end = simple.size();
        std::string line(trim(std::string_view(simple).substr(start, end - start)));
        start = end + 1;

        if (line.empty()) {
            builder.blank();
        } else if (is_table_debris(line) || is_table_header(line)) {
            if (line.find('|') != std::string::npos) ++pipe_lines;
            builder.record_boundary();
        } else {
            if (line.find("  ") != std::string::npos || line.find(' ') == 1) line = collapse_letter_spacing(std::move(line));
            std::string marker = take_truncation_marker(line);
            std::string_view view = trim(line);
            bool cell_end = false;
            while (!view.empty() && view.back() == '|') {
                view.remove_suffix(1);
                view = trim(view);
                cell_end = true;
            }
            if (cell_end) ++pipe_lines;
            view = strip_document_links(view);
            if (!view.empty()) add_segmented_line(builder, view);
            if (!marker.empty()) builder.set_item_marker(std::move(marker));
            if (cell_end) builder.end_cell();
        }
        if (end == simple.size()) break;
    }
    builder.flush();
    out.table_dump = pipe_lines >= 2;

    std::size_t offset = 0;
    for (auto& p : out.paragraphs) {
        p.offset = offset;
        offset += p.text.size() + 1;
    }
    return out;
}

}  // namespace actiontrack::parsers
