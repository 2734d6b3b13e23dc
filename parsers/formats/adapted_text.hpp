#pragma once
// What a format adapter (HTML, DOCX, PDF) hands to the text pipeline: UTF-8 text laid out the
// way the plain-text normaliser reads best — one paragraph per line, blank lines between
// blocks, headings as their own paragraphs, list numbers written out as "(1) " — so that the
// resolution, action and date rules exist once and every format goes through them.

#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

// A line holding only this private-use character (U+E000) marks a page break. Only paged
// formats (PDF) emit it; take_page_marks() removes it again after normalisation.
inline constexpr std::string_view k_page_mark = "\xEE\x80\x80";

struct AdaptedText {
    std::string utf8;                   // the document as normalisable text
    std::vector<std::string> warnings;  // e.g. a charset fallback; shown to the user
    bool paged = false;                 // true when k_page_mark lines separate the pages
};

}  // namespace actiontrack::parsers
