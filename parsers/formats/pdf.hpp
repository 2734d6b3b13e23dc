#pragma once
// PDF minutes → normalisable text, from the text layer that poppler reads in reading order.

#include <string_view>

#include "common/result.hpp"
#include "parsers/formats/adapted_text.hpp"

namespace actiontrack::parsers {

// The text of every page, cleaned by assemble_pages() (running headers and footers and page
// numbers removed, hyphenated line ends joined), with k_page_mark lines between pages
// (AdaptedText::paged is true). Fails with "no text layer: OCR needed" for a scan (pages but
// no text), "encrypted PDF: a password is needed" and "unreadable PDF: ..." for damaged files,
// and "PDF support is not installed (actiontrack-pdf.so not found)" without its plug-in.
Result<AdaptedText> pdf_to_text(std::string_view bytes);

}  // namespace actiontrack::parsers
