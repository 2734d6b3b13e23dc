#pragma once
// The extractor's public entry point: bytes of one minutes document in, an Extraction out.
// Pure: no files, clock, logging or globals, so it can be unit-tested and fuzzed directly.

#include <string_view>

#include "parsers/extraction.hpp"

namespace actiontrack::parsers {

struct ExtractOptions {
    // Nothing yet; the municipal-year and financial-quarter conventions land here.
};

// Never fails: text that is not valid UTF-8 is read as Windows-1252 and a warning is added.
// Deciding whether bytes are a document at all (empty, binary) is the caller's job.
Extraction extract(std::string_view bytes, const ExtractOptions& options = {});

}  // namespace actiontrack::parsers
