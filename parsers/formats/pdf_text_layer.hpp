#pragma once
// The boundary between the PDF adapter (pdf.cpp, in the parsers library) and the plug-in that
// reads PDFs with poppler (pdf_text_layer.cpp, built as actiontrack-pdf.so). See
// plugin_boundary.hpp for why formats are plug-ins; poppler alone brings some twenty shared
// libraries (NSS, lcms2, freetype, tiff, ...). Unlike the HTML and DOCX plug-ins, this one hands
// back lines per page, which pdf.cpp assembles into text.

#include <cstddef>
#include <string>
#include <vector>

#include "parsers/formats/page_layout.hpp"
#include "parsers/formats/plugin_boundary.hpp"

namespace actiontrack::parsers {

struct PdfTextLayer {
    std::string error;             // empty on success; else what is wrong with the file
    std::vector<PageLines> pages;  // each page's lines in reading order; blank = paragraph gap
    std::size_t letters = 0;       // ASCII letters in the whole text layer (a scan has ~none)
};

// The plug-in's entry point:
//   void actiontrack_pdf_text_layer(const char* data, std::size_t size, PdfTextLayer* out);
inline constexpr FormatPlugin k_pdf_plugin{"PDF", "actiontrack-pdf.so",
                                           "actiontrack_pdf_text_layer"};
using PdfTextLayerEntry = void (*)(const char* data, std::size_t size, PdfTextLayer* out);

}  // namespace actiontrack::parsers
