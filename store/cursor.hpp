#pragma once
// Keyset pagination cursors: the sort key and id of the last row of a page, made opaque (hex)
// so clients pass them back untouched and nothing in them needs URL escaping.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace actiontrack::store {

struct Cursor {
    std::string key;
    std::int64_t id = 0;
};

std::string encode_cursor(const Cursor& cursor);
// nullopt for anything encode_cursor cannot have produced.
std::optional<Cursor> decode_cursor(std::string_view text);

}  // namespace actiontrack::store
