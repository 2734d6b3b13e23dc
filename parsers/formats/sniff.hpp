#pragma once
// Deciding what kind of document a byte string is, by its content. File names lie (a ".doc"
// that is HTML, a ".txt" that is a PDF), so the extension is never consulted.

#include <string_view>

namespace actiontrack::parsers {

enum class DocumentFormat {
    text,           // plain text: UTF-8, UTF-16 with a BOM, or Windows-1252
    html,           // an HTML page (ModernGov, CMIS, eSCRIBE exports, a browser's "Save as")
    docx,           // a Word 2007+ document: a ZIP holding word/document.xml
    pdf,            // a PDF file
    zip,            // a ZIP archive that is not a Word document
    office_binary,  // an OLE2 compound file: a legacy .doc or a password-protected DOCX
};

std::string_view to_string(DocumentFormat format);

// Pure and cheap (looks at the first few KiB and, for ZIPs, scans for a member name).
// Anything that is not recognisably PDF, ZIP or HTML is text; the text extractor never fails.
DocumentFormat sniff_format(std::string_view bytes);

}  // namespace actiontrack::parsers
