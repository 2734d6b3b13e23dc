#pragma once
// An Extraction as the JSON object of the extraction contract (docs: shared eval CONTRACT.md):
// meeting, items, resolutions and actions, with null for whatever the document does not state.

#include <boost/json/value.hpp>

#include "parsers/extraction.hpp"

namespace actiontrack::cli {

// Keys in the contract's order. An empty item number or title is null (the text does not state
// it). "inferred": true appears only on items whose number was deduced and "derived": true only
// on actions added by rule, so the common case stays identical to the labelled gold files.
// Warnings are not part of the contract; callers report them separately.
boost::json::value to_contract_json(const parsers::Extraction& extraction);

}  // namespace actiontrack::cli
