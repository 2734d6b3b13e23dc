#pragma once
// Document structure: which paragraphs form the meeting header, which form each agenda item, and
// within an item which paragraphs are the agenda preview and which are the minute itself.

#include <cstddef>
#include <vector>

#include "parsers/extraction.hpp"
#include "parsers/normalise.hpp"

namespace actiontrack::parsers {

struct ItemBlock {
    Item item;
    std::vector<std::size_t> agenda;   // paragraph indices of the agenda text (never decisions)
    std::vector<std::size_t> minutes;  // paragraph indices of the minute text
    bool has_minutes_marker = false;
    bool has_decision_marker = false;  // the page prints a "Decision:" block besides the minute
};

struct DocumentStructure {
    MeetingFacts meeting;
    std::vector<ItemBlock> items;  // in document order; the first may be an unnamed lead-in
};

// Never fails; a fragment with no recognisable header gives empty meeting facts and one item.
DocumentStructure analyse_structure(const NormalisedText& doc);

// Word-overlap similarity of two committee names (Jaccard of lower-case words), 0..1.
double committee_similarity(std::string_view a, std::string_view b);

}  // namespace actiontrack::parsers
