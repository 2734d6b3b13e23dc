#pragma once
// Finds follow-up actions: tasks someone must do after the meeting, from resolutions that direct
// work and from narrative commitments, with their owners and due phrases.

#include <cstddef>
#include <string_view>
#include <vector>

#include "parsers/due.hpp"
#include "parsers/extraction.hpp"
#include "parsers/normalise.hpp"
#include "parsers/resolutions.hpp"
#include "parsers/structure.hpp"

namespace actiontrack::parsers {

std::vector<Action> find_actions(const NormalisedText& doc, const DocumentStructure& structure,
                                 const ResolutionScan& resolutions, const DueContext& context);


}  // namespace actiontrack::parsers
