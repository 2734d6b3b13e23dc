// The HTML adapter, then the extractor over what it writes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/extract.hpp"
#include "parsers/formats/html.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto text = actiontrack::parsers::html_to_text(bytes))
        (void)actiontrack::parsers::extract(text->utf8);
    return 0;
}
