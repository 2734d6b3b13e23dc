#pragma once
// HTML minutes (a ModernGov "Agenda and minutes" page, mgIssueHistory/ieListDocuments pages,
// CMIS and eSCRIBE exports) → normalisable text. Parsed with libxml2's HTML parser, which
// recovers from broken markup, is linear in nesting depth and runs ~6x faster than gumbo. The
// parser lives in a plug-in (html.cpp, built as actiontrack-html.so: see plugin_boundary.hpp),
// loaded on the first HTML page.

#include <string_view>

#include "common/result.hpp"
#include "parsers/formats/adapted_text.hpp"

namespace actiontrack::parsers {

// Keeps headings, paragraphs, lists (an <ol>'s numbering written out as "(1) ", "(a) "),
// tables (see table_text.hpp) and line breaks; drops scripts, styles, navigation, page
// headers and footers, forms and hidden elements. Decodes the bytes by the page's declared
// charset (ISO-8859-1 and ASCII read as Windows-1252, as browsers do), falling back to UTF-8 and
// then Windows-1252 with a warning. Fails only for a page over 2 GiB, or with "HTML support is
// not installed (actiontrack-html.so not found)" (or "cannot be loaded: ...") without its
// plug-in; never because of the markup.
Result<AdaptedText> html_to_text(std::string_view bytes);

}  // namespace actiontrack::parsers
