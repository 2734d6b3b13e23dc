#include "parsers/extract.hpp"

#include <algorithm>

#include "parsers/actions.hpp"
#include "parsers/encoding.hpp"
#include "parsers/formats/docx.hpp"
#include "parsers/formats/html.hpp"
#include "parsers/formats/page_marks.hpp"
#include "parsers/formats/pdf.hpp"
#include "parsers/formats/sniff.hpp"
#include "parsers/normalise.hpp"
#include "parsers/resolutions.hpp"
#include "parsers/structure.hpp"
#include "parsers/text_tables.hpp"

namespace actiontrack::parsers {

namespace {

// Where `text` is written, searching from `offset` on: sub-resolutions "(1) ... (3) ..." share
// their keyword's offset, but the page a reader needs is the one the sub-resolution is on.
// Falls back to `offset` when the text is not found verbatim (e.g. a task reworded by a rule).
std::size_t text_offset(const NormalisedText& doc, std::size_t offset, std::string_view text) {
    const std::string_view needle = text.substr(0, std::min<std::size_t>(text.size(), 40));
    if (needle.empty()) return offset;
    auto it = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), offset,
                               [](std::size_t o, const Paragraph& p) { return o < p.offset; });
    if (it != doc.paragraphs.begin()) --it;
    constexpr std::ptrdiff_t k_window = 40;  // paragraphs; a numbered list is never longer
    for (auto end = it + std::min(k_window, doc.paragraphs.end() - it); it != end; ++it) {
        const std::size_t from = it->offset < offset ? offset - it->offset : 0;
        if (from > it->text.size()) continue;
        if (const std::size_t at = it->text.find(needle, from); at != std::string::npos) return it->offset + at;
    }
    return offset;
}

// The one pipeline every format goes through, from UTF-8 text on.
Extraction extract_utf8(std::string_view utf8, std::vector<std::string> warnings, bool paged) {
    Extraction out;
    out.warnings = std::move(warnings);
    NormalisedText doc = normalise(utf8);
    // Page marks are taken out before anything reads the paragraphs; offsets then map to pages.
    const PageStarts pages = paged ? take_page_marks(doc) : PageStarts{};
    DocumentStructure structure = analyse_structure(doc);
    ResolutionScan scan = find_resolutions(doc, structure);
    DueContext context{structure.meeting.date, structure.meeting.next_meeting};
    const auto& committee = structure.meeting.committee;
    context.scrutiny = !committee || committee->find("Scrutiny") != std::string::npos ||
                       committee->find("Overview") != std::string::npos;
    out.actions = find_actions(doc, structure, scan, context);
    out.resolutions = std::move(scan.resolutions);
    out.meeting = std::move(structure.meeting);
    for (auto& block : structure.items)
        if (!block.item.number.empty() || !block.item.title.empty()) out.items.push_back(std::move(block.item));
    if (paged) {
        for (auto& r : out.resolutions) r.page = page_at(pages, text_offset(doc, r.offset, r.text));
        for (auto& a : out.actions) a.page = page_at(pages, text_offset(doc, a.offset, a.text));
    }
    return out;
}

}  // namespace

Extraction extract(std::string_view bytes, const ExtractOptions& /*options*/) {
    std::vector<std::string> warnings;
    // Most documents are UTF-8 already and are read where they lie: copying them first would be
    // one more pass over every byte.
    std::string decoded;
    const std::string_view utf8 = decode_to_utf8(bytes, warnings, decoded);
    // Action logs typed as tables read as the adapters' tables do.
    if (auto rewritten = rewrite_text_action_logs(utf8)) return extract_utf8(*rewritten, std::move(warnings), false);
    return extract_utf8(utf8, std::move(warnings), false);
}

Result<Extraction> extract_document(std::string_view bytes, const ExtractOptions& options) {
    Result<AdaptedText> adapted = Error("");
    switch (sniff_format(bytes)) {
        case DocumentFormat::text: return extract(bytes, options);
        case DocumentFormat::html: adapted = html_to_text(bytes); break;
        case DocumentFormat::docx: adapted = docx_to_text(bytes); break;
        case DocumentFormat::pdf: adapted = pdf_to_text(bytes); break;
        case DocumentFormat::zip: return Error("binary file (a ZIP archive), not a Word document");
        case DocumentFormat::office_binary:
            return Error(
                "binary file (a legacy Word .doc or a password-protected Office file): save it as DOCX or PDF");
    }
    if (!adapted) return adapted.error();
    return extract_utf8(adapted->utf8, std::move(adapted->warnings), adapted->paged);
}

}  // namespace actiontrack::parsers
