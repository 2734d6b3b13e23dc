#pragma once
// Comma-separated values as RFC 4180 writes them, so spreadsheets and Python's csv module read
// the register back exactly.

#include <span>
#include <string>
#include <string_view>

namespace actiontrack::cli {

// The field as is, or in double quotes with inner quotes doubled when it contains a comma, a
// double quote, a carriage return or a line feed.
std::string csv_field(std::string_view text);

// The fields joined by commas, ending in CRLF (RFC 4180's line break).
std::string csv_record(std::span<const std::string> fields);

}  // namespace actiontrack::cli
