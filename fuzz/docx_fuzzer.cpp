// The DOCX adapter (libzip + pugixml), then the extractor over what it writes. Seed with real
// .docx files: mutations of a valid archive reach the XML walker; random bytes only the ZIP
// reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/extract.hpp"
#include "parsers/formats/docx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto text = actiontrack::parsers::docx_to_text(bytes))
        (void)actiontrack::parsers::extract(text->utf8);
    return 0;
}
