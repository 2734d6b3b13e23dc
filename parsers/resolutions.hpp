#pragma once
// Finds resolutions: the decisions a meeting recorded with AGREED, RESOLVED, NOTED or RECOMMENDED,
// split into one resolution per numbered sub-resolution.

#include <cstddef>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/extraction.hpp"
#include "parsers/normalise.hpp"
#include "parsers/structure.hpp"

namespace actiontrack::parsers {

struct ResolutionScan {
    std::vector<Resolution> resolutions;
    // Paragraph index → [begin, end) byte ranges of its text that belong to resolutions; the rest
    // is narrative to mine for actions.
    std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>> consumed;
};

// Scans the minute paragraphs of every item (agenda text is never a decision).
ResolutionScan find_resolutions(const NormalisedText& doc, const DocumentStructure& structure);

// "(a) text" / "1. text" / "2) text" / "(ii) text": the label and the text after it.
struct ListLabel {
    std::string_view label;
    std::string_view rest;
};
std::optional<ListLabel> split_list_label(std::string_view paragraph);

}  // namespace actiontrack::parsers
