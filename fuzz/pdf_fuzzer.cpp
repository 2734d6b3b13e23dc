// The PDF adapter (poppler's text layer, header/footer removal, hyphen joins), then the
// extractor with page marks.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // extract_document sniffs "%PDF-" in the first KiB; inputs without it take the text path,
    // which is cheap, so the fuzzer quickly learns to keep the header.
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)actiontrack::parsers::extract_document(bytes);
    return 0;
}
