#include "parsers/normalise.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#include "parsers/byte_scan.hpp"
#include "parsers/date.hpp"
#include "parsers/text.hpp"

// Speed: normalise() runs over every byte of every document, so it makes one pass to simplify
// characters into one buffer, then walks that buffer a line at a time with string_views. A line
// is copied only when it must change (letter-spaced keywords, a truncation marker), and then into
// a scratch buffer that is reused. Per-line searches look at 16 bytes at a time (byte_scan.hpp)
// and at single bytes only where a block holds a possible marker.

namespace actiontrack::parsers {

namespace {

// text::trim, inline: it runs several times on every line. (Forced: left to itself the compiler
// calls it, and the call costs about as much as trimming a trimmed line.)
[[gnu::always_inline]] inline std::string_view trim(std::string_view s) {
    std::size_t begin = 0, end = s.size();
    while (begin < end && text::is_space(s[begin])) ++begin;
    while (end > begin && text::is_space(s[end - 1])) --end;
    // (Not substr: its range check cannot fail here, yet cost a comparison and a throw path on
    // every one of the several trims of every line.)
    return std::string_view(s.data() + begin, end - begin);
}

constexpr std::string_view k_bullet = "\xE2\x80\xA2";  // U+2022, the one bullet we keep

// The first paragraphs, where minutes print the body, the date and the venue as a title block.
constexpr std::size_t k_header_paragraphs = 6;

// The line scans load whole 16-byte blocks and look up to 3 bytes past a position, so they read
// up to this many bytes past the end of a line. Every buffer lines point into is padded by it.
constexpr std::size_t k_scan_padding = byte_scan::k_block + 3;

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

// Every sequence above starts with one of these lead bytes; other bytes are copied unread.
bool starts_replacement(unsigned char c) { return c == 0xC2 || c == 0xE2 || c == 0xEF; }

// For the sequences that are `prefix` and one more byte: that byte - 0x80 → the index in
// k_replacements plus one, or 0 for none.
constexpr std::array<std::uint8_t, 64> index_by_last_byte(std::string_view prefix) {
    std::array<std::uint8_t, 64> index{};
    for (std::size_t k = 0; k < k_replacements.size(); ++k) {
        const std::string_view from = k_replacements[k].from;
        if (from.size() == prefix.size() + 1 && from.substr(0, prefix.size()) == prefix)
            index[static_cast<unsigned char>(from.back()) - 0x80] = static_cast<std::uint8_t>(k + 1);
    }
    return index;
}
// The two commonest families: "\xC2" and a byte (no-break space, middle dot), and "\xE2\x80"
// and a byte (typographic quotes, dashes and spaces).
constexpr std::array<std::uint8_t, 64> k_after_c2 = index_by_last_byte("\xC2");
constexpr std::array<std::uint8_t, 64> k_after_e2_80 = index_by_last_byte("\xE2\x80");
// Those tables are the whole answer for their families only if no longer sequence shares a prefix.
constexpr bool only_one_byte_follows(std::string_view prefix) {
    return std::none_of(k_replacements.begin(), k_replacements.end(), [prefix](const Replacement& r) {
        return r.from.substr(0, prefix.size()) == prefix && r.from.size() != prefix.size() + 1;
    });
}
static_assert(only_one_byte_follows("\xC2") && only_one_byte_follows("\xE2\x80"));

const Replacement* by_last_byte(const std::array<std::uint8_t, 64>& index, char last) {
    const auto byte = static_cast<unsigned char>(last);
    const std::uint8_t k = byte >= 0x80 && byte < 0xC0 ? index[byte - 0x80] : 0;
    return k != 0 ? &k_replacements[k - 1] : nullptr;
}

// The replacement whose sequence starts at s[i], or null. Compares bytes inline: a document can
// hold a typographic quote or dash every few dozen bytes.
const Replacement* replacement_at(std::string_view s, std::size_t i) {
    const std::size_t left = s.size() - i;
    // The commonest families are looked up by their last byte rather than compared with every
    // sequence.
    if (left >= 2 && s[i] == '\xC2') return by_last_byte(k_after_c2, s[i + 1]);
    if (left >= 3 && s[i] == '\xE2' && s[i + 1] == '\x80') return by_last_byte(k_after_e2_80, s[i + 2]);
    for (const auto& r : k_replacements) {
        const std::string_view from = r.from;
        if (from.size() <= left && s[i + 1] == from[1] && (from.size() == 2 || s[i + 2] == from[2]) &&
            s[i] == from[0])
            return &r;
    }
    return nullptr;
}

// Bytes simplify_characters must look at: controls other than '\n', and anything non-ASCII.
bool needs_simplifying(unsigned char c) { return (c < 0x20 && c != '\n') || c >= 0x80; }
std::uint32_t needs_simplifying_block(const char* p) {
    const byte_scan::Bytes b = byte_scan::load(p);
    // Read as signed, the bytes from 0x80 up are negative: one comparison finds them and the
    // controls together.
    const auto as_signed = reinterpret_cast<byte_scan::Lanes>(b);
    return byte_scan::mask((as_signed < 0x20) & (b != '\n'));
}

// Appends the simplified form of `s` (see simplify_characters) to `out`.
void append_simplified(std::string_view s, std::string& out) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const std::size_t special = byte_scan::find_if(s.data(), i, n, needs_simplifying_block, needs_simplifying);
        out.append(s.data() + i, special - i);
        i = special;
        if (i == n) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '\r') {
                out.push_back('\n');
                if (i + 1 < n && s[i + 1] == '\n') ++i;
            } else if (c == '\t' || c == '\f' || c == '\v') {
                out.push_back(c == '\f' ? '\n' : ' ');
            }  // other control bytes are dropped
            ++i;
            continue;
        }
        if (const Replacement* r = starts_replacement(c) ? replacement_at(s, i) : nullptr) {
            out.append(r->to);
            i += r->from.size();
        } else {
            out.push_back(s[i++]);
        }
    }
}

// `buffer` holds `size` bytes of text followed by scan padding; the view of the text.
std::string_view pad_for_scans(std::string& buffer) {
    const std::size_t size = buffer.size();
    buffer.append(k_scan_padding, '\0');
    return std::string_view(buffer.data(), size);
}

// True when the line holds two spaces in a row. The line must lie in a padded buffer.
bool has_space_run(std::string_view line) {
    const char* p = line.data();
    const std::size_t n = line.size();
    for (std::size_t i = 0; i + 1 < n; i += byte_scan::k_block) {
        const byte_scan::Lanes pairs = (byte_scan::load(p + i) == ' ') & (byte_scan::load(p + i + 1) == ' ');
        if (byte_scan::keep_before(byte_scan::mask(pairs), i, n - 1)) return true;
    }
    return false;
}

// Labels that always begin a new paragraph even inside hard-wrapped text, grouped by their
// first letter (see k_field_label_ranges). Many are the fields of ModernGov's decision pages,
// one per line ("Decision Maker:", "Is Key decision?").
// The head of notes typed as a form ("Date: 14 October 2014 at 18.30" / "Place: ..." / "Chair:
// ...") has a field on each line, too.
constexpr std::array<std::string_view, 25> k_field_labels = {
    "Additional documents:", "Apologies:", "Chair:", "Contact:",
    "Date:", "Date of decision:", "Decided at meeting:", "Decision:", "Decision Maker:", "Decision published:",
    "Decision status:", "Effective from:", "In Attendance:", "Is Key decision?", "Is subject to call in?",
    "Location:", "Made at meeting:", "Meeting:", "Minutes:", "Place:", "Present:", "Publication date:",
    "Supporting documents:", "Time:", "Venue:"};

// For each capital, the labels in k_field_labels that start with it: [begin, end).
struct LabelRange {
    std::uint8_t begin = 0;
    std::uint8_t end = 0;
};
constexpr std::array<LabelRange, 26> k_field_label_ranges = [] {
    std::array<LabelRange, 26> ranges{};
    for (std::size_t i = 0; i < k_field_labels.size(); ++i) {
        LabelRange& r = ranges[static_cast<std::size_t>(k_field_labels[i][0] - 'A')];
        if (r.begin == r.end) r.begin = static_cast<std::uint8_t>(i);
        r.end = static_cast<std::uint8_t>(i + 1);
    }
    return ranges;
}();

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

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
    const char first = text::to_lower(line.empty() ? '\0' : line[0]);
    if (first != 'n' && first != 'i') return false;
    return (text::istarts_with(line, "No.") || text::istarts_with(line, "Item |")) &&
           line.find('|') != std::string_view::npos;
}

// A line that is only a bracketed list label: "(1)", "(b)", "(iv)". (A bare "124." is an agenda
// item's number, which the item splitter reads on its own line.)
bool is_bare_list_label(std::string_view s) {
    if (s.size() < 3 || s.size() > 6 || s.front() != '(' || s.back() != ')') return false;
    for (char c : s.substr(1, s.size() - 2))
        if (!text::is_digit(c) && !text::is_lower(c)) return false;
    return true;
}

// "8.2 The bench is broken", "4.1.2. Will chase up ...": a minute's sub-numbering, whose entries
// parish minutes put on lines of their own without ending the one before. `i` is where the first
// run of digits ends. A capital must follow, so a wrapped line starting "1.5 million" still joins.
bool starts_sub_number(std::string_view s, std::size_t i) {
    if (i == 0 || !text::is_digit(s[0])) return false;
    int levels = 0;
    while (i + 1 < s.size() && s[i] == '.' && text::is_digit(s[i + 1]) && levels < 2) {
        ++i;
        for (int k = 0; k < 3 && i < s.size() && text::is_digit(s[i]); ++k) ++i;
        ++levels;
    }
    if (levels == 0) return false;
    if (i < s.size() && s[i] == '.') ++i;
    return i + 1 < s.size() && text::is_space(s[i]) && text::is_upper(s[i + 1]);
}

bool starts_list_label(std::string_view s) {
    if (s.size() < 2) return false;
    if (s[0] == '(') {
        const std::size_t close = s.substr(0, 6).find(')');  // the label is at most "(xxxx)"
        return close != std::string_view::npos && close > 1;
    }
    std::size_t i = 0;
    while (i < s.size() && i < 3 && (text::is_digit(s[i]) || (i == 0 && text::is_lower(s[i])))) ++i;
    if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') && i + 1 < s.size() && text::is_space(s[i + 1]))
        return true;
    return starts_sub_number(s, i);
}

// "Date / 13th June 2017", "Venue / Trust Offices": a meeting's details typed as a two-column
// table and flattened with slashes. The slash's place is looked at first: most lines fail there.
bool starts_with_slashed_field(std::string_view s) {
    if (s.size() < 10) return false;
    return (s[5] == '/' && (starts_with(s, "Date / ") || starts_with(s, "Time / "))) ||
           (s[6] == '/' && starts_with(s, "Venue / ")) || (s[8] == '/' && starts_with(s, "Present / "));
}

bool starts_with_field_label(std::string_view s) {
    if (s.empty() || !text::is_upper(s[0])) return false;
    const LabelRange r = k_field_label_ranges[static_cast<std::size_t>(s[0] - 'A')];
    // (The second byte turns most labels away before a full comparison; every label is longer
    // than two bytes.)
    for (std::size_t i = r.begin; i < r.end; ++i)
        if (s.size() >= k_field_labels[i].size() && s[1] == k_field_labels[i][1] && starts_with(s, k_field_labels[i]))
            return true;
    return false;
}

// "AB to arrange a letter", "IJ will notify HC", "AB is to organise": a line of notes that opens
// with the owner's initials starts an entry of its own, whatever the line before ended with.
bool starts_initials_entry(std::string_view s) {
    if (s.size() < 6 || !text::is_upper(s[0]) || !text::is_upper(s[1])) return false;
    const std::size_t space = s.find(' ');
    if (space == std::string_view::npos || !text::is_initials(s.substr(0, space))) return false;
    const std::string_view rest = s.substr(space + 1);
    return starts_with(rest, "to ") || starts_with(rest, "is to ") || starts_with(rest, "will ");
}

// Whether the last word of `s` is a little word that a sentence does not end on ("the", "of",
// "asked"): a line ending in one is a hard wrap of the sentence going on below it.
bool ends_in_little_word(std::string_view s) {
    static constexpr std::string_view k_little[] = {"the", "of", "and", "or", "to", "a", "an", "in", "for",
                                                   "on", "with", "by", "at", "from", "that", "be", "was",
                                                   "were", "asked", "requested", "invited", "would", "will"};
    const std::string_view last = text::prev_word(s, s.size()).text;
    for (std::string_view little : k_little)
        if (text::iequals(last, little)) return true;
    return false;
}

// "Chairman to meet with John Seiler ...", "Clerk will write to ...": a line that gives a role a
// task, as informal notes put one task per line without full stops. (A role "to the" is a title:
// "Clerk to the Council".)
bool starts_role_entry(std::string_view s) {
    switch (s.front()) {  // the first letters of the roles below
        case 'C': case 'S': case 'T': case 'O': break;
        default: return false;
    }
    const text::Word role = text::next_word(s, 0);
    if (role.text != "Chair" && role.text != "Chairman" && role.text != "Chairperson" && role.text != "Clerk" &&
        role.text != "Secretary" && role.text != "Treasurer" && role.text != "Officers")
        return false;
    const std::string_view rest = trim(s.substr(role.pos + role.text.size()));
    const bool will = starts_with(rest, "will ");
    if (!will && !starts_with(rest, "to ")) return false;
    const std::string_view verb = text::word_after(rest, will ? 5 : 3);
    return !verb.empty() && text::is_lower(verb.front()) && verb != "the" && verb != "a" && verb != "an";
}

// `s` must not start with a space (lines are trimmed).
bool starts_with_keyword(std::string_view s) {
    if (s.empty()) return false;
    switch (s[0]) {  // the first letters of the keywords below
        case 'R': case 'A': case 'N': case 'D': break;
        default: return false;
    }
    const std::string_view w = text::word_after(s, 0);
    return w == "RESOLVED" || w == "AGREED" || w == "NOTED" || w == "RECOMMENDED" ||
           w == "DECISION" || w == "ACTION" || w == "Resolved" || w == "Action" ||
           w == "RESOLVED:" || w == "Agreed";
}

// "Overview and Scrutiny Committee" over "Tuesday, 16th September, 2014 7.30 pm": a short
// heading that ends in a capitalised word, and a line that starts with a day of the week.
bool is_dateline_under_heading(std::string_view heading, std::string_view next) {
    // Asked of every wrapped line: a weekday's capital, or its absence, is seen before the word
    // is taken out.
    const std::size_t first = text::skip_spaces(next, 0);
    if (first == next.size() || !text::is_upper(next[first])) return false;
    if (!is_capitalised_weekday(text::word_after(next, first))) return false;
    if (heading.size() > 100 || text::has_more_words_than(heading, 10)) return false;
    return text::is_capitalised(text::prev_word(heading, heading.size()).text);
}

// "Monday, 9th July, 2018": a line that is a weekday, a date and perhaps a time. What follows
// it (the venue, "Attendance Details") is another line of the header, not the same sentence.
bool is_weekday_dateline(std::string_view line) {
    if (line.size() > 60 || !is_capitalised_weekday(text::word_after(line, 0))) return false;
    if (text::has_more_words_than(line, 8)) return false;
    const auto dates = find_dates(line);
    return dates.size() == 1 && dates.front().pos <= 12 && to_date(dates.front()).has_value();
}

// "ALBURY PARISH COUNCIL MEETING", "QUADRING PARISH COUNCIL": a short line in capitals, as the
// body's name is printed at the head of the minutes. Words only (no digits, no sentence end).
bool is_capitals_title(std::string_view line) {
    if (line.size() < 6 || line.size() > 80) return false;
    // The characters first: most lines fail at their first lower-case letter.
    int letters = 0;
    for (char c : line) {
        if (text::is_lower(c) || text::is_digit(c)) return false;
        if (text::is_upper(c)) ++letters;
        else if (c != ' ' && c != '&' && c != '-' && c != '\'' && c != ',') return false;
    }
    if (letters < 5 || text::has_more_words_than(line, 8)) return false;
    // "MINUTES OF THE" / "MEETING HELD ON ...": a title that runs on to the next line.
    const std::string_view last = text::prev_word(line, line.size()).text;
    for (std::string_view joining : {"THE", "OF", "AND", "FOR", "TO", "A", "AN", "IN", "ON", "AT", "BY"})
        if (last == joining) return false;
    return true;
}

// "Temple Normanton Parish Council" over "Clerk / RFO: Dorothy Neal": a short line that ends
// with the word for a body is the body's name, a line of its own at the head of the minutes.
bool is_body_title(std::string_view line) {
    if (line.empty() || !text::is_upper(line.front()) || line.size() > 80 || text::has_more_words_than(line, 8)) return false;
    static constexpr std::array<std::string_view, 15> k_body_words = {
        "council", "committee", "commissioners", "board", "panel", "trust", "authority", "association",
        "partnership", "forum", "cabinet", "trustees", "governors", "assembly", "sub-committee"};
    return text::contains_ci(k_body_words, text::prev_word(line, line.size()).text);
}

bool ends_sentence(std::string_view s) {
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == ':' || c == ';' || c == '?' || c == '!' ||
           (s.size() >= 2 && s.substr(s.size() - 2) == ":-");
}

constexpr std::string_view k_truncation_phrase = "view the full minutes text for item";

// The first "view the full minutes text for item" (in any case) at or after `from`, or npos.
// Screens blocks for "v..w" rather than calling text::ifind, whose memchr on 'v' stops every
// few dozen bytes. `text` must lie in a padded buffer.
std::size_t find_truncation_phrase(std::string_view text, std::size_t from) {
    const char* p = text.data();
    for (std::size_t block = from; block < text.size(); block += byte_scan::k_block) {
        // 'v' with 'w' three bytes on ("view"): a pair rare enough in prose that two loads
        // screen as well as four.
        const byte_scan::Lanes view = ((byte_scan::load(p + block) | 0x20) == 'v') &
                                      ((byte_scan::load(p + block + 3) | 0x20) == 'w');
        for (std::uint32_t bits = byte_scan::keep_before(byte_scan::mask(view), block, text.size()); bits != 0;
             bits &= bits - 1) {
            const std::size_t at = block + byte_scan::first_bit(bits);
            if (text::iequals(text.substr(at, k_truncation_phrase.size()), k_truncation_phrase)) return at;
        }
    }
    return std::string_view::npos;
}

bool is_newline(unsigned char c) { return c == '\n'; }
std::uint32_t newline_block(const char* p) { return byte_scan::mask(byte_scan::load(p) == '\n'); }

// Removes "... view the full minutes text for item 21/44" from `line` and returns the item
// number; the shortened line is written to `scratch` (padded) and `line` points to it.
std::string take_truncation_marker(std::string_view& line, std::string& scratch) {
    const std::size_t at = text::ifind(line, k_truncation_phrase);
    if (at == std::string_view::npos) return {};
    std::size_t number_start = at + k_truncation_phrase.size();
    while (number_start < line.size() && line[number_start] == ' ') ++number_start;
    std::size_t number_end = number_start;
    while (number_end < line.size() && !text::is_space(line[number_end]) && line[number_end] != '|')
        ++number_end;
    std::string number(line.substr(number_start, number_end - number_start));
    while (!number.empty() && number.back() == '.') number.pop_back();
    std::size_t cut = at;
    while (cut > 0 && (line[cut - 1] == '.' || line[cut - 1] == ' ')) --cut;
    scratch.assign(line.substr(0, cut));
    scratch.append(line.substr(number_end));
    line = pad_for_scans(scratch);
    return number;
}

// "23.001.It was resolved ...", "01.For the clerk ...": a minute number typed against its
// text. The number and the text are written apart (into `scratch`, padded like every line the
// block scans read) so that the number reads as a label and the text as a sentence.
std::string_view separate_glued_number(std::string_view line, std::string& scratch) {
    if (line.size() < 4 || !text::is_digit(line[0])) return line;
    std::size_t i = 0;
    while (i < line.size() && (text::is_digit(line[i]) || line[i] == '.')) ++i;
    if (i < 3 || i >= line.size() || line[i - 1] != '.' || !text::is_upper(line[i])) return line;
    // Two letters at least after the dot: "1.A" may be a reference, "01.For" is a word.
    if (i + 1 >= line.size() || !text::is_lower(line[i + 1])) return line;
    scratch.assign(line.substr(0, i));
    scratch.push_back(' ');
    scratch.append(line.substr(i));
    return pad_for_scans(scratch);  // the line's readers scan 16 bytes at a time
}

// Whether the builder must collapse runs of spaces in what it is given.
enum class SpaceRuns { none, possible };

// Writes paragraphs straight into NormalisedText::text: the open paragraph is the text's tail,
// from m_start on. Paragraph::text is set once the text stops growing (see normalise()).
class ParagraphBuilder {
public:
    explicit ParagraphBuilder(NormalisedText& out) : m_out(out), m_text(*out.text) {}

    void blank() {
        // "(1)" on a line of its own, its text after a blank line: ModernGov's numbered
        // decisions, a table row of two cells, flattened to text. The number waits for its text.
        if (m_open && is_bare_list_label(open_text())) return;
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
        open();
        m_text.append(label);
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

    // Adds one trimmed line of text; joins it to the open paragraph when the line is a hard wrap.
    void add_line(std::string_view line, SpaceRuns runs) {
        if (line.empty()) return;
        if (m_open && !joins(open_text(), line)) flush();
        if (m_open) m_text.push_back(' ');
        else open();
        m_text.append(line);
        m_last_line_size = line.size();
        if (runs == SpaceRuns::possible) m_space_runs = true;
    }

    void end_cell() {
        if (m_open && is_bare_list_label(open_text())) return;  // as in blank()
        flush();
    }

    void flush() {
        // The open paragraph holds trimmed, non-empty lines joined by single spaces, so it is
        // never empty, and neither is its collapsed form.
        if (!m_open) {
            if (m_item_marker.empty()) return;  // keep pending flags (bullet, blank) for the next real paragraph
            if (!m_out.paragraphs.empty()) {
                m_out.paragraphs.back().item_marker = std::move(m_item_marker);
                m_item_marker.clear();
                return;
            }
            open();  // a first paragraph with no text, only an item marker
        }
        if (m_space_runs)
            m_text.resize(m_start + collapse_space_runs(m_text.data() + m_start, m_text.size() - m_start));
        Paragraph& p = m_out.paragraphs.emplace_back();
        p.offset = m_start;
        p.role = m_role;
        p.bullet = m_bullet;
        p.after_blank = m_after_blank;
        p.record_start = m_record_start;
        if (!m_item_marker.empty()) {  // rare: most paragraphs carry no marker
            p.item_marker = std::move(m_item_marker);
            m_item_marker.clear();
        }
        m_open = false;
        m_space_runs = false;
        m_role = ParagraphRole::text;
        m_bullet = m_after_blank = m_record_start = false;
    }

private:
    // Starts a paragraph at the end of the text, after a '\n' when others come before it.
    void open() {
        if (!m_out.paragraphs.empty()) m_text.push_back('\n');
        m_start = m_text.size();
        m_open = true;
    }
    std::string_view open_text() const { return std::string_view(m_text).substr(m_start); }

    bool joins(std::string_view current, std::string_view next) const {
        if (is_bare_list_label(current) && !starts_list_label(next) && !is_bare_list_label(next)) return true;
        if (starts_list_label(next) || starts_with_field_label(next) || starts_with_keyword(next) ||
            starts_with_slashed_field(next))
            return false;
        if (starts_with_field_label(current) || starts_with_slashed_field(current)) return false;  // "Contact: Jo Dixon" is one line
        // "ACTION KR to contact the roads department" is one line, full stop or not.
        if (current.front() == 'A' && (starts_with(current, "ACTION ") || starts_with(current, "Action:")) &&
            text::is_upper(next.front()))
            return false;
        if (next.substr(0, k_bullet.size()) == k_bullet) return false;
        if (is_dateline_under_heading(current, next)) return false;
        // The head of the minutes, where the body's name, the date and the venue are lines of
        // their own without punctuation: a dateline ends its paragraph, and a title in capitals
        // is a paragraph of its own (lines in capitals that follow one another stay together).
        if (m_out.paragraphs.size() < k_header_paragraphs) {
            // (A time on the next line, "7.00 pm - 9.40 pm", still belongs to the date.)
            if (!text::is_digit(next.front()) && is_weekday_dateline(current)) return false;
            if (is_capitals_title(current) != is_capitals_title(next)) return false;
            if (text::is_upper(next.front()) && is_body_title(current)) return false;
        }
        // A title line: "MINUTES OF WILSFORD PARISH COUNCIL MEETING HELD ON ..." under a page
        // heading. (Asked of every wrapped line: its first letter rules most lines out.)
        if (next.front() == 'M' && (starts_with(next, "MINUTES OF ") || starts_with(next, "Minutes of ")))
            return false;
        if (next.front() == 'T' &&
            (starts_with(next, "The Meeting of the ") || starts_with(next, "The meeting of the ")))
            return false;
        if (starts_initials_entry(next)) return false;
        if (starts_role_entry(next) && !ends_in_little_word(current)) return false;
        if (text::is_upper(next.front()) && is_numbered_heading_line(current)) return false;
        // Word and web pages put a paragraph on one long line: a line far longer than any page's
        // wrap width ended its paragraph, full stop or not ("NH has a meeting on Monday at which
        // he will raise the issue" / "Clerk read out the Police report.").
        if (m_last_line_size > k_unwrapped_line && text::is_upper(next.front())) return false;
        if (!ends_sentence(current)) return true;
        // A line that starts in lower case continues the sentence ("... Mr.\nand ...").
        return text::is_lower(next.front()) && current.back() != ':' && current.back() != '-';
    }

    // Makes every run of spaces in s[0, n) one space, in place, and returns the new length. The
    // only whitespace left in a line after simplify_characters is ' ', and lines are trimmed, so
    // this equals collapse_spaces.
    static std::size_t collapse_space_runs(char* s, std::size_t n) {
        std::size_t out = 0, i = 0;
        while (i < n) {
            const std::size_t run = byte_scan::find_pair(s, i, n, ' ', ' ');
            const std::size_t keep = run == n ? n : run + 1;  // up to and including the run's first space
            std::memmove(s + out, s + i, keep - i);
            out += keep - i;
            if (run == n) break;
            i = run + 2;
            while (i < n && s[i] == ' ') ++i;
        }
        return out;
    }

    NormalisedText& m_out;
    std::string& m_text;     // m_out.text
    // Longer than the widest wrapped line of a PDF or a plain-text email (about 120 bytes).
    static constexpr std::size_t k_unwrapped_line = 180;
    bool m_open = false;     // a paragraph is open: m_text[m_start, end)
    std::size_t m_last_line_size = 0;  // the last line added to the open paragraph
    std::size_t m_start = 0;
    bool m_space_runs = false;  // the open paragraph may hold runs of spaces
    ParagraphRole m_role = ParagraphRole::text;
    bool m_bullet = false;
    bool m_after_blank = true;
    bool m_record_start = false;
    std::string m_item_marker;
};

// The end of an attachment size written at `at` ("PDF 267 KB"), or npos when there is none.
std::size_t attachment_size_end(std::string_view line, std::size_t at) {
    if (line.compare(at, 4, "PDF ") != 0) return std::string_view::npos;
    std::size_t i = at + 4;
    const std::size_t digits = i;
    while (i < line.size() && (text::is_digit(line[i]) || line[i] == '.')) ++i;
    if (i == digits || i + 3 > line.size() || line[i] != ' ') return std::string_view::npos;
    const std::string_view unit = line.substr(i + 1, 2);
    if (unit != "KB" && unit != "MB" && unit != "kB") return std::string_view::npos;
    return i + 3;
}

enum class InlineMarker { none, bullet, minutes, decision, attachment_link };

struct InlineMarkerAt {
    InlineMarker kind = InlineMarker::none;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The marker, if any, that starts at `at`: a bullet, "Minutes:", "Decision:", or an attachment
// link ("pdf icon PDF 267 KB", "PDF 1014 KB").
InlineMarkerAt marker_at(std::string_view line, std::size_t at) {
    switch (line[at]) {
        case '\xE2':
            if (line.compare(at, k_bullet.size(), k_bullet) == 0)
                return {InlineMarker::bullet, at, at + k_bullet.size()};
            break;
        case 'M':
            if (line.compare(at, 8, "Minutes:") == 0) return {InlineMarker::minutes, at, at + 8};
            break;
        case 'D':
            if (line.compare(at, 9, "Decision:") == 0) return {InlineMarker::decision, at, at + 9};
            break;
        default: {  // 'p' or 'P'
            if (text::iequals(line.substr(at, 9), "pdf icon ")) {
                if (const std::size_t end = attachment_size_end(line, at + 9); end != std::string_view::npos)
                    return {InlineMarker::attachment_link, at, end};
            }
            if (const std::size_t end = attachment_size_end(line, at); end != std::string_view::npos)
                return {InlineMarker::attachment_link, at, end};
            break;
        }
    }
    return {};
}

// The first inline marker in the line. Blocks of 16 bytes are screened for the markers' first
// bytes ("\xE2", "Mi", "De", "pd" in any case) and only those positions are checked. The line
// must lie in a padded buffer.
InlineMarkerAt find_inline_marker(std::string_view line) {
    const char* p = line.data();
    const std::size_t n = line.size();
    for (std::size_t i = 0; i < n; i += byte_scan::k_block) {
        const byte_scan::Bytes b0 = byte_scan::load(p + i);
        const byte_scan::Bytes b1 = byte_scan::load(p + i + 1);
        const byte_scan::Lanes candidates = (b0 == 0xE2) | ((b0 == 'M') & (b1 == 'i')) |
                                            ((b0 == 'D') & (b1 == 'e')) |
                                            (((b0 | 0x20) == 'p') & ((b1 | 0x20) == 'd'));
        for (std::uint32_t bits = byte_scan::keep_before(byte_scan::mask(candidates), i, n); bits != 0;
             bits &= bits - 1) {
            const InlineMarkerAt marker = marker_at(line, i + byte_scan::first_bit(bits));
            if (marker.kind != InlineMarker::none) return marker;
        }
    }
    return {};
}

// Splits a line at inline markers (bullets, "Minutes:", attachment links) and feeds the pieces.
void add_segmented_line(ParagraphBuilder& builder, std::string_view line, SpaceRuns runs) {
    while (!line.empty()) {
        const InlineMarkerAt marker = find_inline_marker(line);
        if (marker.kind == InlineMarker::none) {
            builder.add_line(trim(line), runs);
            return;
        }
        const std::string_view before = trim(line.substr(0, marker.begin));
        if (!before.empty()) builder.add_line(before, runs);
        line = line.substr(marker.end);
        switch (marker.kind) {
            case InlineMarker::attachment_link:
                builder.end_title();
                continue;  // what follows the link is not trimmed: it may be the rest of the title row
            case InlineMarker::bullet: builder.start_bullet(); break;
            case InlineMarker::minutes: builder.add_marker(ParagraphRole::minutes_marker, "Minutes:"); break;
            case InlineMarker::decision: builder.add_marker(ParagraphRole::decision_marker, "Decision:"); break;
            case InlineMarker::none: break;
        }
        line = trim(line);
    }
}

// "R E S O L V E D - T H A T": some councils letter-space their decision keywords. Only the
// keywords are collapsed; other spaced capitals (initials, acronyms) are left as written.
class LetterSpacing {
public:
    // The line with spaced keywords closed up: `line` itself when it has none, else a view of
    // `scratch` (padded).
    static std::string_view collapse(std::string_view line, std::string& scratch) {
        const char* p = line.data();
        const std::size_t n = line.size();
        std::size_t copied = 0;  // line[0, copied) is already in scratch; nothing starts before it
        for (std::size_t block = 0; block < n; block += byte_scan::k_block) {
            // Four spaced letters start "X Y "; only such positions are looked at.
            const byte_scan::Bytes b0 = byte_scan::load(p + block);
            const byte_scan::Bytes b2 = byte_scan::load(p + block + 2);
            const byte_scan::Lanes starts = ((b0 - 'A') < 26) & (byte_scan::load(p + block + 1) == ' ') &
                                            ((b2 - 'A') < 26) & (byte_scan::load(p + block + 3) == ' ');
            for (std::uint32_t bits = byte_scan::keep_before(byte_scan::mask(starts), block, n); bits != 0;
                 bits &= bits - 1) {
                const std::size_t i = block + byte_scan::first_bit(bits);
                Keyword keyword;
                if (i < copied || !spaced_keyword_at(line, i, keyword)) continue;
                if (copied == 0) scratch.clear();
                scratch.append(line.substr(copied, i - copied));
                scratch.append(keyword.letters, keyword.count);
                if (line[keyword.end - 1] == ' ') scratch.push_back(' ');
                copied = keyword.end;
            }
        }
        if (copied == 0) return line;
        scratch.append(line.substr(copied));
        return pad_for_scans(scratch);
    }

private:
    static constexpr std::array<std::string_view, 7> k_spaced_words = {
        "RESOLVED", "AGREED", "NOTED", "RECOMMENDED", "THAT", "DECISION", "ACTION"};
    static constexpr std::size_t k_longest = 11;  // "RECOMMENDED"

    struct Keyword {
        char letters[k_longest];
        std::size_t count = 0;
        std::size_t end = 0;  // just past the last letter and the space after it
    };

    // A keyword of at least four single capitals separated by spaces, starting a word at `i`.
    static bool spaced_keyword_at(std::string_view line, std::size_t i, Keyword& keyword) {
        const std::size_t n = line.size();
        // Four letters need "X Y", so most positions are ruled out by three bytes.
        if (!text::is_upper(line[i]) || i + 2 >= n || line[i + 1] != ' ' || !text::is_upper(line[i + 2]))
            return false;
        if (i > 0 && text::is_alpha(line[i - 1])) return false;
        std::size_t j = i;
        while (j < n && text::is_upper(line[j]) && (j == i || line[j - 1] == ' ') &&
               (j + 1 == n || line[j + 1] == ' ' || !text::is_alpha(line[j + 1]))) {
            if (keyword.count == k_longest) return false;  // longer than any keyword
            keyword.letters[keyword.count++] = line[j];
            j += (j + 1 < n && line[j + 1] == ' ') ? 2 : 1;
        }
        if (keyword.count < 4) return false;
        const std::string_view letters(keyword.letters, keyword.count);
        if (std::find(k_spaced_words.begin(), k_spaced_words.end(), letters) == k_spaced_words.end())
            return false;
        keyword.end = j;
        return true;
    }
};

// Drops a trailing "Additional documents:" or "Supporting documents:" (links that follow an
// item on ModernGov pages). `line` is trimmed, so the label must end it.
std::string_view strip_document_links(std::string_view line) {
    if (line.empty() || line.back() != ':') return line;  // both labels end in ':'
    for (std::string_view label : {"Additional documents:", "Supporting documents:"}) {
        if (ends_with(line, label) && line.find(label) == line.size() - label.size())
            return trim(line.substr(0, line.size() - label.size()));
    }
    return line;
}

// Reads a document's lines into paragraphs.
class LineReader {
public:
    explicit LineReader(NormalisedText& out) : m_out(out), m_builder(out) {}

    void read(std::string_view text) {
        std::size_t next_truncation = find_truncation_phrase(text, 0);
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = byte_scan::find_if(text.data(), start, text.size(), newline_block, is_newline);
            // The phrase holds no newline, so a match found in the whole text lies in one line.
            const bool truncated = next_truncation < end;
            if (truncated) next_truncation = find_truncation_phrase(text, end);
            read_line(trim(text.substr(start, end - start)), truncated);
            if (end == text.size()) break;
            start = end + 1;
        }
        m_builder.flush();
        m_out.table_dump = m_pipe_lines >= 2;
    }

private:
    void read_line(std::string_view line, bool truncated) {
        if (line.empty()) {
            m_builder.blank();
            return;
        }
        if (is_table_debris(line) || is_table_header(line)) {
            if (line.find('|') != std::string_view::npos) ++m_pipe_lines;
            m_builder.record_boundary();
            return;
        }
        SpaceRuns runs = has_space_run(line) ? SpaceRuns::possible : SpaceRuns::none;
        if (runs == SpaceRuns::possible || (line.size() > 1 && line[1] == ' ')) {
            const std::string_view collapsed = LetterSpacing::collapse(line, m_spacing_scratch);
            if (collapsed.data() != line.data()) runs = SpaceRuns::possible;
            line = collapsed;
        }
        std::string marker;
        if (truncated) {
            marker = take_truncation_marker(line, m_marker_scratch);
            runs = SpaceRuns::possible;  // the cut may have joined spaces
        }
        std::string_view view = trim(line);
        bool cell_end = false;
        while (!view.empty() && view.back() == '|') {
            view.remove_suffix(1);
            view = trim(view);
            cell_end = true;
        }
        if (cell_end) ++m_pipe_lines;
        view = strip_document_links(view);
        view = separate_glued_number(view, m_glued_scratch);
        if (!view.empty()) add_segmented_line(m_builder, view, runs);
        if (!marker.empty()) m_builder.set_item_marker(std::move(marker));
        if (cell_end) m_builder.end_cell();
    }

    NormalisedText& m_out;
    ParagraphBuilder m_builder;
    std::size_t m_pipe_lines = 0;
    std::string m_spacing_scratch;
    std::string m_marker_scratch;
    std::string m_glued_scratch;  // separate_glued_number's line
};

}  // namespace

// "4. Police Report" over "PC Hobbs reported ...": a numbered item heading on a line of its own
// with its text on the next line, in notes typed without blank lines. Short, title-like (a
// capital first word, no sentence end, not ending in a little word as a wrapped line of a
// numbered paragraph so often does: "1. The Committee considered the").
bool is_numbered_heading_line(std::string_view s) {
    if (s.size() > 48 || !text::is_digit(s[0])) return false;
    std::size_t i = 0;
    while (i < s.size() && i < 3 && text::is_digit(s[i])) ++i;
    if (i < s.size() && (s[i] == '.' || s[i] == ')')) ++i;
    if (i >= s.size() || !text::is_space(s[i])) return false;
    const std::string_view title = trim(s.substr(i));
    if (title.empty() || !text::is_upper(title[0]) || ends_sentence(title) || title.back() == ',') return false;
    std::size_t words = 0, capitalised = 0;
    std::string_view last;
    for (text::Word w = text::next_word(title, 0); !w.text.empty(); w = text::next_word(title, w.pos + w.text.size())) {
        if (++words > 6) return false;
        if (text::is_upper(w.text[0])) ++capitalised;
        last = w.text;
    }
    // "28 July 2021" is a date line, not item 28.
    return words > 0 && capitalised * 2 >= words && !ends_in_little_word(last) && !match_date_at(s, 0);
}

std::string simplify_characters(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_simplified(s, out);
    return out;
}

NormalisedText normalise(std::string_view utf8) {
    std::string buffer;
    buffer.reserve(utf8.size() + utf8.size() / 16 + k_scan_padding);  // bullets may grow by a byte
    append_simplified(utf8, buffer);
    const std::string_view text = pad_for_scans(buffer);

    NormalisedText out;
    out.paragraphs.reserve(text.size() / 64 + 8);  // minutes have about one paragraph per 100 bytes
    out.text->reserve(text.size() + text.size() / 16);  // joins and markers may add a little
    LineReader(out).read(text);

    // The text has stopped growing, so views into it stay valid. Each paragraph runs from its
    // offset to the '\n' before the next one.
    const std::string& all = *out.text;
    for (std::size_t i = 0; i < out.paragraphs.size(); ++i) {
        Paragraph& p = out.paragraphs[i];
        const std::size_t end = i + 1 < out.paragraphs.size() ? out.paragraphs[i + 1].offset - 1 : all.size();
        p.text = std::string_view(all).substr(p.offset, end - p.offset);
    }
    return out;
}

}  // namespace actiontrack::parsers
