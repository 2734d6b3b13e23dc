#pragma once
// Page provenance for paged formats. The PDF adapter writes a k_page_mark line between pages;
// the normaliser keeps it as an ordinary character (joining it into a paragraph when the page
// break falls mid-sentence). take_page_marks() then removes the marks and remembers where each
// page starts in the normalised text, so every resolution and action offset maps to its page.

#include <cstddef>
#include <optional>
#include <vector>

namespace actiontrack::parsers {

struct NormalisedText;

// Offsets in the normalised text (paragraphs joined by '\n') at which pages 2, 3, ... start.
using PageStarts = std::vector<std::size_t>;

// Removes every page mark from `doc`, drops paragraphs that held only marks (moving their
// after-blank/bullet/record flags to the next paragraph), recomputes paragraph offsets, and
// returns the page starts.
PageStarts take_page_marks(NormalisedText& doc);

// The 1-based page holding `offset`.
int page_at(const PageStarts& starts, std::size_t offset);

}  // namespace actiontrack::parsers
