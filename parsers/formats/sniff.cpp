#include "parsers/formats/sniff.hpp"

#include <array>

#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

// Markup that only an HTML page starts with. Checked after leading whitespace, a BOM and
// comments, case-insensitively.
constexpr std::array<std::string_view, 7> k_html_openers = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<?xml"};

// Markers of the ModernGov page templates; a fragment saved from one may begin with any tag.
constexpr std::array<std::string_view, 4> k_moderngov_markers = {
    "mgIssueHistory", "ieListDocuments", "mgAgendaItem", "modern.gov"};

std::string_view skip_preamble(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    for (;;) {
        while (!s.empty() && text::is_space(s.front())) s.remove_prefix(1);
        if (!s.starts_with("<!--")) return s;
        const std::size_t end = s.find("-->");
        if (end == std::string_view::npos) return {};
        s.remove_prefix(end + 3);
    }
}

bool looks_like_html(std::string_view bytes) {
    const std::string_view head = skip_preamble(bytes.substr(0, 8192));
    if (head.empty() || head.front() != '<') return false;
    for (auto opener : k_html_openers) {
        if (!text::istarts_with(head, opener)) continue;
        // An XML declaration is HTML only when an <html> element follows (XHTML).
        return opener != "<?xml" || text::ifind(head, "<html") != std::string_view::npos;
    }
    // A fragment ("<div class=...>"): HTML when it is a ModernGov page or has a body-ish tag.
    for (auto marker : k_moderngov_markers)
        if (head.find(marker) != std::string_view::npos) return true;
    for (std::string_view tag : {"<div", "<p>", "<p ", "<table", "<h1", "<h2", "<ul", "<ol"})
        if (text::istarts_with(head, tag)) return true;
    return false;
}

}  // namespace

std::string_view to_string(DocumentFormat format) {
    switch (format) {
        case DocumentFormat::text:
            return "text";
        case DocumentFormat::html:
            return "HTML";
        case DocumentFormat::docx:
            return "DOCX";
        case DocumentFormat::pdf:
            return "PDF";
        case DocumentFormat::zip:
            return "ZIP";
        case DocumentFormat::office_binary:
            return "legacy Office";
    }
    return "text";
}

DocumentFormat sniff_format(std::string_view bytes) {
    // A UTF-16 BOM means text even if the bytes that follow happen to spell something else.
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return DocumentFormat::text;
    // Readers accept "%PDF-" anywhere in the first KiB (some generators prepend junk).
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return DocumentFormat::pdf;
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return DocumentFormat::office_binary;
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) {
        // Member names are stored uncompressed in the local headers and the central directory,
        // so a plain search finds them without opening the archive.
        return bytes.find("word/document.xml") != std::string_view::npos ? DocumentFormat::docx
                                                                         : DocumentFormat::zip;
    }
    if (looks_like_html(bytes)) return DocumentFormat::html;
    return DocumentFormat::text;
}

}  // namespace actiontrack::parsers
