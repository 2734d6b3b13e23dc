#pragma once
// Cleaning up the text of a paged document (a PDF's text layer) before extraction: running
// headers and footers and page-number lines go, words hyphenated across a line end are joined,
// and a k_page_mark line separates the pages so extraction can say which page a resolution
// is on. Pure and independent of the PDF library, so it is tested and fuzzed on plain lines.

#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

using PageLines = std::vector<std::string>;  // one page's lines, top to bottom, without '\n'

// Returns the pages as one text: lines joined by '\n', pages separated by a k_page_mark line.
// A line counts as a running header or footer when it is among the first or last three
// non-blank lines of at least half the pages (and of at least two), comparing with digits
// ignored ("Page 3" = "Page 4"). Page-number lines ("Page 3 of 12", "- 3 -", "3") go when they
// sit in those zones.
std::string assemble_pages(const std::vector<PageLines>& pages);

// Plain text as pages: a form feed ('\f') ends a page and '\n' a line, as text dumps of paged
// documents write them. The pages fuzzer and its tests feed assemble_pages() this way.
std::vector<PageLines> split_pages(std::string_view text);

}  // namespace actiontrack::parsers
