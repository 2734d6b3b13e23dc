#pragma once
// Writing a table from an HTML page or a Word document as text the extractor reads.
// An action log ("Action | Responsible Officer | Due date | Status") becomes one
// "ACTION: <owner> to <action> by <due>." line per row, the form the action rules already
// read; any other table becomes its cells' paragraphs, short rows as "cell | cell | cell".

#include <string>
#include <vector>

namespace actiontrack::parsers {

using TableCell = std::vector<std::string>;  // the cell's paragraphs, trimmed, none empty
using TableRow = std::vector<TableCell>;

// Appends the table to `out` as paragraphs separated by blank lines.
void append_table(std::string& out, const std::vector<TableRow>& rows);

// Whether a header row names an action log's columns: an action and who owns it.
bool is_action_log_header(const TableRow& header);

// Appends one paragraph (whitespace inside is kept) followed by a blank line; empty text adds
// nothing.
void append_paragraph(std::string& out, std::string_view paragraph);

// Splits text written by append_paragraph back into its paragraphs.
std::vector<std::string> split_paragraphs(std::string_view text);

}  // namespace actiontrack::parsers
