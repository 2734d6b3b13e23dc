#pragma once
// Fixed-width text tables for terminals: a header line, a rule, then one row per record.
// Widths are counted in UTF-8 code points, which is right for the Latin text of minutes
// (wide CJK characters would misalign, and are not expected here).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::cli {

// What a cell does when its text is wider than the column.
enum class Overflow {
    truncate,  // cut and end with "…"
    wrap,      // continue on the next lines, breaking between words where possible
};

struct Column {
    std::string header;
    std::size_t max_width = 40;  // the column is as wide as its widest cell, up to this
    Overflow overflow = Overflow::truncate;
};

class Table {
  public:
    explicit Table(std::vector<Column> columns);

    // Cells are single-line: runs of whitespace (including newlines) become one space. Missing
    // cells are blank; extra cells are ignored.
    void add_row(std::vector<std::string> cells);

    bool empty() const { return m_rows.empty(); }

    // The whole table, every line ending in '\n', no trailing spaces. Columns are two spaces apart.
    std::string render() const;

  private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

// The number of code points in UTF-8 text (bytes that are not continuation bytes).
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` code points, ending in "…" when it was cut.
std::string truncate_text(std::string_view text, std::size_t width);

// `text` split into lines of at most `width` code points, between words when possible.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace actiontrack::cli
