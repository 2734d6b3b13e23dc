#pragma once
// The words the database stores for enum values. They are part of the schema (CHECK
// constraints in schema/0001_initial.sql), so they are spelled here rather than borrowed from
// the parsers' display names, which may change freely.

#include <string_view>

#include "parsers/extraction.hpp"

namespace actiontrack::store {

std::string_view db_text(parsers::ResolutionKind kind);  // "agreed", "resolved", ...
std::string_view db_text(parsers::DateGrain grain);      // "day", "month", "quarter"

}  // namespace actiontrack::store
