// The paged-text path without poppler: the input is split into pages at '\f' and lines at
// '\n' (split_pages()), cleaned by assemble_pages(), normalised, and the page marks taken out
// again. Checks the invariants extraction relies on: no mark survives, offsets are consistent,
// pages ascend.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/formats/adapted_text.hpp"
#include "parsers/formats/page_layout.hpp"
#include "parsers/formats/page_marks.hpp"
#include "parsers/normalise.hpp"

using namespace actiontrack::parsers;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    NormalisedText doc = normalise(assemble_pages(split_pages(bytes)));
    const PageStarts starts = take_page_marks(doc);
    std::size_t offset = 0;
    for (const auto& p : doc.paragraphs) {
        if (p.offset != offset || p.text.find(k_page_mark) != std::string::npos) std::abort();
        offset += p.text.size() + 1;
    }
    for (std::size_t i = 1; i < starts.size(); ++i)
        if (starts[i] < starts[i - 1]) std::abort();
    if (!starts.empty() && page_at(starts, offset) != static_cast<int>(starts.size()) + 1)
        std::abort();
    return 0;
}
