#include "daemon/table.hpp"

#include <algorithm>

namespace actiontrack::cli {

namespace {

bool is_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xc0) == 0x80;
}

// The byte length of the first `count` code points of `text` (all of it when shorter).
std::size_t prefix_bytes(std::string_view text, std::size_t count) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < text.size(); ++i) {
        if (!is_continuation(text[i]) && seen++ == count) break;
    }
    return i;
}

std::string single_line(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

std::string truncate_text(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    std::string out(text.substr(0, prefix_bytes(text, width - 1)));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    width = std::max<std::size_t>(width, 1);
    auto flush = [&] {
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
    };
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        std::size_t needed = display_width(line) + (line.empty() ? 0 : 1) + display_width(word);
        if (needed > width) flush();
        // A word longer than a whole line is split wherever the line ends.
        while (display_width(word) > width) {
            std::size_t cut = prefix_bytes(word, width);
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
        }
        if (!line.empty()) line += ' ';
        line += word;
    }
    flush();
    if (lines.empty()) lines.emplace_back();
    return lines;
}

Table::Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(m_columns.size());
    for (auto& cell : cells) cell = single_line(cell);
    m_rows.push_back(std::move(cells));
}

std::string Table::render() const {
    std::vector<std::size_t> widths;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        std::size_t width = display_width(m_columns[c].header);
        for (const auto& row : m_rows) width = std::max(width, display_width(row[c]));
        widths.push_back(std::min(width, std::max(m_columns[c].max_width, std::size_t{1})));
    }

    std::string out;
    // Pads every cell but the last, so that no line ends in spaces.
    auto append_line = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) line += "  ";
            line += cells[c];
            if (c + 1 < cells.size()) line.append(widths[c] - display_width(cells[c]), ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
    };

    std::vector<std::string> header;
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        header.push_back(truncate_text(m_columns[c].header, widths[c]));
        rule.emplace_back(widths[c], '-');
    }
    append_line(header);
    append_line(rule);

    for (const auto& row : m_rows) {
        // Each cell becomes one or more lines; the row is as tall as its tallest cell.
        std::vector<std::vector<std::string>> cell_lines;
        std::size_t height = 1;
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (m_columns[c].overflow == Overflow::wrap) {
                cell_lines.push_back(wrap_text(row[c], widths[c]));
            } else {
                cell_lines.push_back({truncate_text(row[c], widths[c])});
            }
            height = std::max(height, cell_lines.back().size());
        }
        for (std::size_t l = 0; l < height; ++l) {
            std::vector<std::string> cells;
            for (const auto& lines : cell_lines) cells.push_back(l < lines.size() ? lines[l] : "");
            append_line(cells);
        }
    }
    return out;
}

}  // namespace actiontrack::cli
