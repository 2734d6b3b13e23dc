#pragma once
// Word documents (.docx, Office Open XML) → normalisable text, read with libzip and pugixml in
// a plug-in (docx.cpp and docx_numbering.cpp, built as actiontrack-docx.so: see
// plugin_boundary.hpp), loaded on the first DOCX.

#include <string_view>

#include "common/result.hpp"
#include "parsers/formats/adapted_text.hpp"

namespace actiontrack::parsers {

// Reads word/document.xml: paragraphs in order, list numbering written out as Word prints it
// ("(1) ", "(a) ", "1. ", from word/numbering.xml and paragraph styles in word/styles.xml),
// tables (see table_text.hpp), tracked changes as if accepted (insertions kept, deletions
// dropped). Headers, footers, footnotes, comments and text boxes are not read.
// Fails with a one-line reason for a corrupt or encrypted archive, a ZIP without
// word/document.xml, malformed XML, or a part larger than 256 MiB unpacked (a ZIP bomb); and
// with "DOCX support is not installed (actiontrack-docx.so not found)" without its plug-in.
Result<AdaptedText> docx_to_text(std::string_view bytes);

}  // namespace actiontrack::parsers
