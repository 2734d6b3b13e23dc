#pragma once
// The boundary between the PDF adapter (pdf.cpp, in the parsers library) and the plug-in that
// reads PDFs with poppler (pdf_text_layer.cpp, built as actiontrack-pdf.so).
//
// Why a plug-in: poppler brings some twenty shared libraries (NSS, lcms2, freetype, tiff, ...)
// whose loading and relocation cost ~7 MB of resident memory in every process that links it,
// including a daemon that may never see a PDF. pdf.cpp loads the plug-in with dlopen on the
// first PDF instead. Both sides are built together from this header by the same compiler, so
// C++ types may cross; the entry point has C linkage only so that dlsym finds it by name.

#include <cstddef>
#include <string>
#include <vector>

#include "parsers/formats/page_layout.hpp"

namespace actiontrack::parsers {

struct PdfTextLayer {
    std::string error;            // empty on success; else what is wrong with the file
    std::vector<PageLines> pages;  // each page's lines in reading order; blank = paragraph gap
    std::size_t letters = 0;       // ASCII letters in the whole text layer (a scan has ~none)
};

// The plug-in's file name, and the name of its entry point:
//   void actiontrack_pdf_text_layer(const char* data, std::size_t size, PdfTextLayer* out);
inline constexpr const char* k_pdf_plugin_file = "actiontrack-pdf.so";
inline constexpr const char* k_pdf_plugin_entry = "actiontrack_pdf_text_layer";
using PdfTextLayerEntry = void (*)(const char* data, std::size_t size, PdfTextLayer* out);

}  // namespace actiontrack::parsers
