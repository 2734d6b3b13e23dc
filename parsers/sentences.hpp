#pragma once
// Sentence boundaries in minutes prose. Pure.

#include <string_view>
#include <vector>

namespace actiontrack::parsers {

// Splits prose into sentences, keeping abbreviations ("Mr.", "Cllr.", "e.g.") and initials
// ("S. Butcher") inside their sentence. The views point into `paragraph`.
std::vector<std::string_view> split_sentences(std::string_view paragraph);
// The same sentences, written into `out` (its contents replaced). A caller that splits many
// paragraphs can keep one vector for all of them and save an allocation per paragraph.
void split_sentences(std::string_view paragraph, std::vector<std::string_view>& out);

}  // namespace actiontrack::parsers
