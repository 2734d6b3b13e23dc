#pragma once
// HTML minutes (a ModernGov "Agenda and minutes" page, mgIssueHistory/ieListDocuments pages,
// CMIS and eSCRIBE exports) → normalisable text. Parsed with libxml2's HTML parser, which
// recovers from broken markup, is linear in nesting depth and runs ~6x faster than gumbo.

#include <string_view>

#include "common/result.hpp"
#include "parsers/formats/adapted_text.hpp"

namespace actiontrack::parsers {

// Keeps headings, paragraphs, lists (an <ol>'s numbering written out as "(1) ", "(a) "),
// tables (see table_text.hpp) and line breaks; drops scripts, styles, navigation, page
// headers and footers, forms and hidden elements. Decodes the bytes by the page's declared
// charset (ISO-8859-1 and ASCII read as Windows-1252, as browsers do), falling back to UTF-8 and
// then Windows-1252 with a warning. Never fails on any input; the Result is for symmetry with
// the other adapters.
Result<AdaptedText> html_to_text(std::string_view bytes);

}  // namespace actiontrack::parsers
