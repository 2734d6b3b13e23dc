#include "parsers/formats/page_marks.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "parsers/formats/adapted_text.hpp"
#include "parsers/normalise.hpp"

namespace actiontrack::parsers {

namespace {

// Removes marks from one paragraph's text, re-collapsing the spaces around them, and appends
// the positions (in the cleaned text) where a new page begins.
std::string strip_marks(std::string_view s, std::vector<std::size_t>& positions) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, k_page_mark.size(), k_page_mark) == 0) {
            // A lead byte left without its continuation bytes just before the mark ("\xEE" or
            // "\xEE\x80", not UTF-8) would spell a new mark with the bytes after it: it goes.
            // Valid UTF-8 never ends a character that way.
            while (!out.empty() && !pending_space &&
                   (static_cast<unsigned char>(out.back()) == 0xEE ||
                    (out.size() >= 2 && static_cast<unsigned char>(out.back()) == 0x80 &&
                     static_cast<unsigned char>(out[out.size() - 2]) == 0xEE)))
                out.pop_back();
            // The next character written starts the new page; if a space is pending it goes
            // first, so the page starts one past it.
            positions.push_back(out.size() + (pending_space ? 1 : 0));
            i += k_page_mark.size();
            continue;
        }
        if (s[i] == ' ') {
            pending_space = !out.empty();
        } else {
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.push_back(s[i]);
        }
        ++i;
    }
    return out;
}

bool has_page_mark(std::string_view s) { return s.find(k_page_mark) != std::string_view::npos; }

}  // namespace

PageStarts take_page_marks(NormalisedText& doc) {
    PageStarts starts;
    std::string& all = *doc.text;
    std::size_t offset = 0;  // where the next kept paragraph goes in `all`
    Paragraph carried;  // flags of dropped mark-only paragraphs, for the next kept one
    std::vector<std::size_t> positions;
    std::string stripped;
    // Kept paragraphs are moved down in place, in `paragraphs` and in the text: earlier
    // paragraphs only shrank or went, so a paragraph is never written over before it is read.
    // Most paragraphs hold no mark and stay where they are.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        Paragraph& p = doc.paragraphs[i];
        positions.clear();
        std::string_view text = p.text;
        if (has_page_mark(text)) {
            stripped = strip_marks(text, positions);
            text = stripped;
        }
        if (text.empty() && p.item_marker.empty()) {
            for (std::size_t k = 0; k < positions.size(); ++k) starts.push_back(offset);
            carried.after_blank |= p.after_blank;
            carried.bullet |= p.bullet;
            carried.record_start |= p.record_start;
            continue;
        }
        for (std::size_t pos : positions)
            starts.push_back(offset + std::min(pos, text.size() + 1));
        p.after_blank |= carried.after_blank;
        p.bullet |= carried.bullet;
        p.record_start |= carried.record_start;
        carried = Paragraph{};
        if (kept > 0) all[offset - 1] = '\n';
        std::memmove(all.data() + offset, text.data(), text.size());
        p.text = std::string_view(all.data() + offset, text.size());
        p.offset = offset;
        offset += text.size() + 1;
        if (kept != i) doc.paragraphs[kept] = std::move(p);
        ++kept;
    }
    doc.paragraphs.resize(kept);
    all.resize(kept == 0 ? 0 : offset - 1);  // shrinking keeps the storage, so the views hold
    return starts;
}

int page_at(const PageStarts& starts, std::size_t offset) {
    return 1 + static_cast<int>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                starts.begin());
}

}  // namespace actiontrack::parsers
