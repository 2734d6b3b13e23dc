#include "parsers/formats/pdf.hpp"

#include "parsers/formats/format_plugins.hpp"
#include "parsers/formats/page_layout.hpp"
#include "parsers/formats/pdf_text_layer.hpp"

namespace actiontrack::parsers {

namespace {

// Fewer letters than this in the whole text layer means the pages are images: a scan. Page
// furniture added by a scanner's software ("Page 1") stays below it.
constexpr std::size_t k_min_letters = 20;

}  // namespace

Result<AdaptedText> pdf_to_text(std::string_view bytes) {
    // poppler is loaded on the first PDF, from the plug-in (pdf_text_layer.hpp).
    static const LoadedPlugin reader = load_plugin(k_pdf_plugin);
    if (reader.entry == nullptr) return Error(reader.error);
    PdfTextLayer layer;
    reinterpret_cast<PdfTextLayerEntry>(reader.entry)(bytes.data(), bytes.size(), &layer);
    if (!layer.error.empty()) return Error(layer.error);
    if (layer.letters < k_min_letters) return Error("no text layer: OCR needed");

    AdaptedText out;
    out.utf8 = assemble_pages(layer.pages);
    out.paged = true;
    return out;
}

}  // namespace actiontrack::parsers
