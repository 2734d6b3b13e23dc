#pragma once
// What crosses between the parsers library and a format plug-in (actiontrack-pdf.so,
// actiontrack-html.so, actiontrack-docx.so), on both sides of the boundary.
//
// The libraries that read PDF (poppler and some twenty more), HTML (libxml2, which brings ICU)
// and DOCX (libzip, pugixml) are loaded on the first document of their format
// (common/plugins.hpp says why), so a daemon that only sees text maps none of them. A plug-in
// catches its own exceptions: failures come back as text.

#include <cstddef>
#include <string>

#include "common/plugins.hpp"
#include "parsers/formats/adapted_text.hpp"

namespace actiontrack::parsers {

// A format plug-in: the format (as named in messages), its file name, and its entry point.
using FormatPlugin = PluginSpec;

// The HTML and DOCX plug-ins: the document's bytes in, its adapted text (or why not) out.
//   void ENTRY(const char* data, std::size_t size, PluginText* out);
struct PluginText {
    std::string error;  // empty on success; else what is wrong with the document
    AdaptedText text;
};
using TextPluginEntry = void (*)(const char* data, std::size_t size, PluginText* out);

inline constexpr FormatPlugin k_html_plugin{"HTML", "actiontrack-html.so",
                                            "actiontrack_html_to_text"};
inline constexpr FormatPlugin k_docx_plugin{"DOCX", "actiontrack-docx.so",
                                            "actiontrack_docx_to_text"};

}  // namespace actiontrack::parsers
