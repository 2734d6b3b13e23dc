#include "parsers/extract.hpp"

#include "parsers/actions.hpp"
#include "parsers/encoding.hpp"
#include "parsers/normalise.hpp"
#include "parsers/resolutions.hpp"
#include "parsers/structure.hpp"

namespace actiontrack::parsers {

Extraction extract(std::string_view bytes, const ExtractOptions& /*options*/) {
    Extraction out;
    const std::string utf8 = decode_to_utf8(bytes, out.warnings);
    const NormalisedText doc = normalise(utf8);
    DocumentStructure structure = analyse_structure(doc);
    ResolutionScan scan = find_resolutions(doc, structure);
    const DueContext context{structure.meeting.date, structure.meeting.next_meeting};
    out.actions = find_actions(doc, structure, scan, context);
    out.resolutions = std::move(scan.resolutions);
    out.meeting = std::move(structure.meeting);
    for (auto& block : structure.items)
        if (!block.item.number.empty() || !block.item.title.empty()) out.items.push_back(std::move(block.item));
    return out;
}

}  // namespace actiontrack::parsers
