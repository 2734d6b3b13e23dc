#pragma once
// The extractor's public entry point: bytes of one minutes document in, an Extraction out.
// Pure: no files, clock, logging or globals, so it can be unit-tested and fuzzed directly.

#include <string_view>

#include "common/result.hpp"
#include "parsers/extraction.hpp"

namespace actiontrack::parsers {

struct ExtractOptions {
    // Nothing yet; the municipal-year and financial-quarter conventions land here.
};

// Never fails: text that is not valid UTF-8 is read as Windows-1252 and a warning is added.
// Deciding whether bytes are a document at all (empty, binary) is the caller's job.
Extraction extract(std::string_view bytes, const ExtractOptions& options = {});

// Any supported document: the format is sniffed from the content (see formats/sniff.hpp) —
// PDF, DOCX, HTML, else text as extract() reads it. Resolutions and actions from a PDF carry
// their page. Fails with a one-line reason when the document cannot be read: "no text layer:
// OCR needed" (a scanned PDF), an encrypted PDF, a corrupt DOCX archive, a ZIP that is not a
// Word document, a legacy binary Office file.
Result<Extraction> extract_document(std::string_view bytes, const ExtractOptions& options = {});

}  // namespace actiontrack::parsers
