#pragma once
// Turning bytes of unknown encoding into UTF-8. Pure; never fails.

#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// Decodes to UTF-8: strips a UTF-8 BOM, converts UTF-16 LE/BE with a BOM, and reads anything
// that is not valid UTF-8 as Windows-1252 (what old council documents use), adding a warning.
std::string decode_to_utf8(std::string_view bytes, std::vector<std::string>& warnings);

// The same text as decode_to_utf8, without copying what is UTF-8 already: a view of `bytes`
// (less a UTF-8 BOM) when they are valid UTF-8, else a view of `storage`, which then holds the
// decoded text. The view is valid as long as both `bytes` and `storage` are.
std::string_view decode_to_utf8(std::string_view bytes, std::vector<std::string>& warnings,
                                std::string& storage);

// Reads every byte as Windows-1252 (what browsers do for pages labelled ISO-8859-1 or
// Windows-1252). Never fails.
std::string decode_windows_1252(std::string_view bytes);

// Appends the UTF-8 encoding of a code point (invalid ones become U+FFFD).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace actiontrack::parsers
