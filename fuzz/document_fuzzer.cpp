// The whole entry point: sniffing, whichever adapter it picks, the extractor, page mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/extract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)actiontrack::parsers::extract_document(bytes);
    return 0;
}
