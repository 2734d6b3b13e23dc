#pragma once
// Byte-level encodings for mail and webhooks: Base64, quoted-printable, RFC 2047 encoded words.
// Pure functions over bytes.

#include <optional>
#include <string>
#include <string_view>

namespace actiontrack::notify {

// RFC 4648 Base64 with padding, no line breaks.
std::string base64_encode(std::string_view bytes);
// The bytes, or nullopt when `text` is not padded Base64.
std::optional<std::string> base64_decode(std::string_view text);
// Base64 broken into CRLF-terminated lines of 76 characters (MIME bodies).
std::string base64_lines(std::string_view bytes);

// RFC 2045 quoted-printable of UTF-8 text: lines end in CRLF (LF and CRLF in the input both
// become CRLF), soft breaks keep every line at most 76 characters, "=" and bytes >= 0x80 are
// escaped, and trailing spaces are encoded. A "." at the start of a line is encoded too, so
// the body survives naive transports.
std::string quoted_printable(std::string_view text);

// A header value safe to put after "Name: ": CR, LF and other controls become spaces (so no
// value can start a new header), and text that is not plain printable ASCII becomes RFC 2047
// UTF-8 "B" encoded words of at most 75 characters, separated by folding whitespace.
std::string encode_header_text(std::string_view text);

// `text` with every CR, LF, tab and other ASCII control replaced by a space.
std::string without_controls(std::string_view text);

}  // namespace actiontrack::notify
