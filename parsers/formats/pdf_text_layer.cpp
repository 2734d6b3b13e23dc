// The PDF plug-in (actiontrack-pdf.so): poppler's text layer as lines per page. See
// pdf_text_layer.hpp for why it is a plug-in; pdf.cpp turns its result into text.

#include "parsers/formats/pdf_text_layer.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

#include "parsers/text.hpp"

namespace actiontrack::parsers {
namespace {

// A vertical step from one line to the next larger than this many line heights is a gap
// between paragraphs; it becomes a blank line, which the normaliser reads as a paragraph end.
// Within a paragraph the step is about 1.1-1.3 heights; between paragraphs Word adds 6-12 pt.
constexpr double k_paragraph_gap = 1.45;

// poppler reports syntax errors in damaged files on stderr by default. Parsers do no I/O, so
// the library's one process-wide hook is pointed at a no-op, once.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// The page's words, in poppler's reading order, assembled into lines: a new line starts when
// a word's top moves by more than half a line height. Blank lines mark paragraph gaps. We
// build lines ourselves rather than take page::text() because only the word boxes tell where
// one paragraph ends and the next begins.
PageLines page_lines(const poppler::page& page, std::size_t& letters) {
    PageLines lines;
    std::string line;
    double line_top = 0;
    double line_height = 0;
    bool open = false;
    for (const poppler::text_box& box : page.text_list()) {
        const poppler::byte_array utf8 = box.text().to_utf8();
        const std::string_view word(utf8.data(), utf8.size());
        for (char c : word) letters += text::is_alpha(c) ? 1 : 0;
        const poppler::rectf r = box.bbox();
        const double height = std::max(r.height(), 1.0);
        const double step = std::abs(r.top() - line_top);
        if (open && step > 0.5 * std::max(height, line_height)) {
            lines.push_back(std::move(line));
            line.clear();
            if (step > k_paragraph_gap * std::max(height, line_height)) lines.emplace_back();
            open = false;
        }
        if (!open) {
            line_top = r.top();
            line_height = height;
            open = true;
        }
        line.append(word);
        if (box.has_space_after()) line.push_back(' ');
    }
    if (open) lines.push_back(std::move(line));
    return lines;
}

void read_text_layer(const char* data, std::size_t size, PdfTextLayer& out) {
    silence_poppler();
    if (size > static_cast<std::size_t>(INT_MAX)) {
        out.error = "unreadable PDF: file too large";
        return;
    }
    // load_from_raw_data does not copy: `data` outlives the document within this function.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(data, static_cast<int>(size)));
    if (!doc) {
        out.error = "unreadable PDF: damaged, or not a PDF";
        return;
    }
    if (doc->is_locked()) {
        out.error = "encrypted PDF: a password is needed";
        return;
    }
    const int count = doc->pages();
    if (count <= 0) {
        out.error = "unreadable PDF: no pages";
        return;
    }
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        out.pages.push_back(page ? page_lines(*page, out.letters) : PageLines{});
    }
}

}  // namespace
}  // namespace actiontrack::parsers

extern "C" __attribute__((visibility("default"))) void actiontrack_pdf_text_layer(
    const char* data, std::size_t size, actiontrack::parsers::PdfTextLayer* out) {
    try {
        actiontrack::parsers::read_text_layer(data, size, *out);
    } catch (const std::exception& e) {
        out->error = std::string("unreadable PDF: ") + e.what();
    }
}
