#pragma once
// An Extraction for people: the meeting's facts, then a table of resolutions and a table of
// actions. What `extract --table` prints.

#include <string>

#include "parsers/extraction.hpp"

namespace actiontrack::cli {

// Facts the document does not state show as "-". Long texts wrap inside their column.
std::string extraction_table(const parsers::Extraction& extraction);

// Just the actions table (item, owner, due, text); `ingest` prints it for what it stored.
std::string extraction_actions_table(const parsers::Extraction& extraction);

}  // namespace actiontrack::cli
