#include "parsers/text_tables.hpp"

#include <cstdint>
#include <vector>

#include "parsers/byte_scan.hpp"
#include "parsers/formats/table_text.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

struct Line {
    std::string_view text;  // without its line break
    std::size_t begin = 0;  // offset in the document
    std::size_t end = 0;    // offset just past the line break
};

std::vector<Line> split_lines(std::string_view s) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
        std::string_view text = s.substr(start, (nl == std::string_view::npos ? s.size() : nl) - start);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        lines.push_back({text, start, end});
        start = end;
    }
    return lines;
}

bool is_blank(std::string_view line) { return text::trim(line).empty(); }

// ---- Tables with "|" between cells.

TableRow pipe_cells(std::string_view line) {
    TableRow row;
    line = text::trim(line);
    if (!line.empty() && line.front() == '|') line.remove_prefix(1);
    if (!line.empty() && line.back() == '|') line.remove_suffix(1);
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t bar = line.find('|', start);
        if (bar == std::string_view::npos) bar = line.size();
        const std::string_view cell = text::trim(line.substr(start, bar - start));
        row.push_back(cell.empty() ? TableCell{} : TableCell{std::string(cell)});
        start = bar + 1;
    }
    return row;
}

// "---|---|---", "|:--|--:|": the line under a header.
bool is_rule_row(std::string_view line) {
    bool dash = false;
    for (char c : line) {
        if (c == '-') dash = true;
        else if (c != '|' && c != ':' && c != ' ' && c != '+') return false;
    }
    return dash;
}

// ---- Tables lined up with spaces.

// A cell of a lined-up row: where it starts, in characters (not bytes: a "£" or an accent is one
// column), and its text.
struct Segment {
    std::size_t column = 0;
    std::size_t width = 0;
    std::string_view text;
};

// Splits a line at runs of two or more spaces.
std::vector<Segment> segments(std::string_view line) {
    std::vector<Segment> out;
    std::size_t column = 0;
    std::size_t i = 0;
    auto advance = [&](std::size_t k) {
        // UTF-8 continuation bytes take no column of their own.
        if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80) ++column;
    };
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') advance(i++);
        if (i >= line.size()) break;
        const std::size_t start = i, start_column = column;
        std::size_t end = i;
        while (i < line.size()) {
            if (line[i] == ' ' && (i + 1 >= line.size() || line[i + 1] == ' ')) break;
            advance(i++);
            end = i;
        }
        out.push_back({start_column, column - start_column, line.substr(start, end - start)});
    }
    return out;
}

TableRow cells_of(const std::vector<Segment>& segs) {
    TableRow row;
    for (const auto& s : segs) row.push_back(TableCell{std::string(s.text)});
    return row;
}

// The column a segment belongs to: the last whose start is at or before it (two characters of
// slack: converters do not always line up to the character).
std::size_t column_of(const std::vector<std::size_t>& starts, std::size_t column) {
    std::size_t k = 0;
    while (k + 1 < starts.size() && starts[k + 1] <= column + 2) ++k;
    return k;
}

class Rewriter {
public:
    explicit Rewriter(std::string_view doc) : m_doc(doc) {}

    std::optional<std::string> run() {
        // Most minutes say "action" somewhere ("ACTION: Clerk to ..."), few have a table: the
        // lines are only split once a line naming an action also has cells.
        if (!has_header_candidate()) return std::nullopt;
        m_lines = split_lines(m_doc);
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            if (!may_be_header(m_lines[i].text)) continue;
            std::size_t after = pipe_table(i);
            if (after == i) after = lined_up_table(i);
            if (after != i) i = after - 1;
        }
        if (!m_changed) return std::nullopt;
        m_out.append(m_doc.substr(m_copied));
        return std::move(m_out);
    }

private:
    // A header names the action and has cells: "|" between them, or two spaces.
    static bool may_be_header(std::string_view line) {
        return line.size() <= 240 && text::ifind(line, "action") != std::string_view::npos &&
               (line.find('|') != std::string_view::npos || line.find("  ") != std::string_view::npos);
    }

    bool has_header_candidate() const {
        std::size_t from = 0;
        for (std::size_t at; (at = find_action(from)) != std::string_view::npos;) {
            const std::size_t begin = m_doc.rfind('\n', at);
            const std::size_t line_begin = begin == std::string_view::npos ? 0 : begin + 1;
            const std::size_t end = m_doc.find('\n', at);
            const std::size_t line_end = end == std::string_view::npos ? m_doc.size() : end;
            if (may_be_header(m_doc.substr(line_begin, line_end - line_begin))) return true;
            from = line_end;  // the next line
        }
        return false;
    }

    // Where "action" (in any case) first occurs at or after `from`, or npos. The scan looks at
    // sixteen positions at a time for its "ct" (either case: OR-ing 0x20 folds it), which comes
    // every few hundred bytes of minutes where an 'a' comes every dozen.
    std::size_t find_action(std::size_t from) const {
        const char* const p = m_doc.data();
        const std::size_t n = m_doc.size();
        const auto c = static_cast<unsigned char>('c');
        const auto t = static_cast<unsigned char>('t');
        auto action_around = [&](std::size_t ct) { return text::iequals(m_doc.substr(ct - 1, 6), "action"); };
        std::size_t k = from + 1;  // where the "ct" of an "action" at `from` would be
        for (; k + byte_scan::k_block + 1 <= n; k += byte_scan::k_block) {
            const byte_scan::Lanes pairs = ((byte_scan::load(p + k) | 0x20) == c) & ((byte_scan::load(p + k + 1) | 0x20) == t);
            for (std::uint32_t bits = byte_scan::mask(pairs); bits != 0; bits &= bits - 1)
                if (const std::size_t ct = k + byte_scan::first_bit(bits); action_around(ct)) return ct - 1;
        }
        for (; k + 1 < n; ++k)
            if ((p[k] | 0x20) == 'c' && (p[k + 1] | 0x20) == 't' && action_around(k)) return k - 1;
        return std::string_view::npos;
    }

    // Replaces lines [first, after) with the table's rewritten rows.
    void replace(std::size_t first, std::size_t after, const std::vector<TableRow>& rows) {
        m_out.append(m_doc.substr(m_copied, m_lines[first].begin - m_copied));
        if (!m_out.empty() && m_out.back() != '\n') m_out.push_back('\n');
        m_out.push_back('\n');
        append_table(m_out, rows);
        m_copied = m_lines[after - 1].end;
        m_changed = true;
    }

    // Returns the line after the table, or `first` when there is none here.
    std::size_t pipe_table(std::size_t first) {
        const std::string_view header = m_lines[first].text;
        if (header.find('|') == std::string_view::npos) return first;
        std::vector<TableRow> rows{pipe_cells(header)};
        if (rows.front().size() < 3 || !is_action_log_header(rows.front())) return first;
        std::size_t i = first + 1;
        for (; i < m_lines.size(); ++i) {
            const std::string_view line = m_lines[i].text;
            if (line.find('|') == std::string_view::npos) break;
            if (is_rule_row(line)) continue;
            rows.push_back(pipe_cells(line));
        }
        if (rows.size() < 2) return first;
        replace(first, i, rows);
        return i;
    }

    // Column headings are short labels: prose with two spaces after its full stops is not a
    // header, whatever words it uses.
    static bool looks_like_headings(const std::vector<Segment>& head) {
        for (const auto& h : head)
            if (h.text.size() > 30 || h.text.back() == '.' || h.text.back() == ',') return false;
        return true;
    }

    std::size_t lined_up_table(std::size_t first) {
        const auto head = segments(m_lines[first].text);
        if (head.size() < 3 || !looks_like_headings(head) || !is_action_log_header(cells_of(head))) return first;
        std::vector<std::size_t> starts;
        for (const auto& h : head) starts.push_back(h.column);
        const std::size_t columns = starts.size();
        std::vector<TableRow> rows{TableRow(columns)};
        for (std::size_t c = 0; c < columns; ++c) rows[0][c].emplace_back(head[c].text);
        bool header_done = false;
        std::size_t blank_run = 0;
        std::size_t i = first + 1, last_used = first;
        for (; i < m_lines.size(); ++i) {
            const std::string_view line = m_lines[i].text;
            if (is_blank(line)) {
                if (++blank_run >= 2) break;
                continue;
            }
            blank_run = 0;
            const auto segs = segments(line);
            // Prose across the columns ends the table: a segment running over a column start.
            bool prose = false;
            for (const auto& s : segs)
                for (std::size_t k = 1; k < columns; ++k)
                    prose |= s.column + 2 < starts[k] && s.column + s.width > starts[k] + 2;
            if (prose) break;
            std::vector<std::string> cells(columns);
            for (const auto& s : segs) {
                auto& cell = cells[column_of(starts, s.column)];
                if (!cell.empty()) cell.push_back(' ');  // two spaces inside a cell's text
                cell.append(s.text);
            }
            // A row starts where the first two columns both have text ("01.05  Action tracker
            // Safeguarding ...", "Circulate the figures  Head of Finance ..."). A line with the
            // first column empty continues the row above (a wrapped cell), and so does one with
            // only the first ("May 2012", a heading between rows).
            const bool starts_row = !cells[0].empty() && !cells[1].empty();
            if (!header_done && !starts_row) {
                // "DATE  DATE  COMMENT" under "TARGET  NEW  STATUS/": the header's second line.
                for (std::size_t c = 0; c < columns; ++c)
                    if (!cells[c].empty()) rows[0][c].emplace_back(cells[c]);
                last_used = i;
                continue;
            }
            header_done = true;
            if (starts_row) rows.emplace_back(columns);
            if (rows.size() < 2) continue;
            for (std::size_t c = 0; c < columns; ++c) {
                if (cells[c].empty()) continue;
                auto& cell = rows.back()[c];
                if (cell.empty()) cell.emplace_back(cells[c]);
                else cell.back().append(" ").append(cells[c]);
            }
            last_used = i;
        }
        if (rows.size() < 2) return first;
        // Header cells of two lines read as one ("TARGET DATE").
        for (auto& cell : rows[0])
            if (cell.size() > 1) {
                std::string joined;
                for (const auto& part : cell) joined += (joined.empty() ? "" : " ") + part;
                cell = {joined};
            }
        replace(first, last_used + 1, rows);
        return last_used + 1;
    }

    std::string_view m_doc;
    std::vector<Line> m_lines;
    std::string m_out;
    std::size_t m_copied = 0;
    bool m_changed = false;
};

}  // namespace

std::optional<std::string> rewrite_text_action_logs(std::string_view utf8) {
    // Rewriter::run looks for a header candidate (a line naming "action" with cells) before it
    // splits anything, so a document without the word costs one search.
    return Rewriter(utf8).run();
}

}  // namespace actiontrack::parsers
