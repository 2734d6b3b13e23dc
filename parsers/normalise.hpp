#pragma once
// Normalisation: decoded minutes text → a list of clean paragraphs. Undoes what exports do to
// minutes: CRLF, NBSP, typographic quotes and dashes, hard-wrapped lines, lone bullet lines,
// `|` table debris from ModernGov pages, "... view the full minutes text for item 21/44" markers.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

enum class ParagraphRole {
    text,            // ordinary prose (may be a bullet or a numbered list entry)
    minutes_marker,  // a "Minutes:" label: what follows in the item is the minute itself
    decision_marker, // a "Decision:" label (pages that print the decision and the minutes)
    title,           // text that ended in an attachment link ("... PDF 370 KB"): an item title
};

struct Paragraph {
    std::string_view text;      // whitespace collapsed, no trailing `|`; in NormalisedText::text
    ParagraphRole role = ParagraphRole::text;
    bool bullet = false;        // started by a bullet character
    bool after_blank = false;   // preceded by a blank line in the source
    bool record_start = false;  // first paragraph after a table-row boundary (`|` lines)
    std::string item_marker;    // "21/44" when the paragraph carried a truncation marker
    std::size_t offset = 0;     // byte offset in the normalised text (paragraphs joined by '\n')
};

// Move-only: the paragraphs view `text`, which lives on the heap so that moving (returning) a
// NormalisedText keeps the views valid; a copy would view the original's text.
struct NormalisedText {
    std::vector<Paragraph> paragraphs;
    bool table_dump = false;  // the source was a `|`-separated ModernGov table dump
    // The normalised text: every paragraph's text, in order, joined by '\n'. Paragraph::text is
    // the part at Paragraph::offset. One buffer rather than a string per paragraph saves an
    // allocation per paragraph, the normaliser's largest cost after the bytes themselves.
    std::unique_ptr<std::string> text = std::make_unique<std::string>();
};

// Replaces typographic characters with ASCII equivalents and NBSP/odd spaces with spaces;
// bullets become U+2022. Expects UTF-8.
std::string simplify_characters(std::string_view utf8);

// Splits decoded text into paragraphs (see Paragraph). Never fails.
NormalisedText normalise(std::string_view utf8);

// "4. Police Report": a numbered item heading, short and title-like, with no sentence end. The
// normaliser ends a paragraph after such a line; the structure reader starts an item at it.
bool is_numbered_heading_line(std::string_view s);

}  // namespace actiontrack::parsers
