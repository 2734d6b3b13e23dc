#pragma once
// Indented JSON text for people reading the output. Boost 1.81's serialize() only writes the
// compact form.

#include <boost/json/fwd.hpp>
#include <string>

namespace actiontrack::cli {

// Two-space indentation, one member or element per line, keys in the value's order, empty
// containers as "{}" and "[]", and a final newline. Strings are escaped as boost::json does.
std::string pretty_json(const boost::json::value& value);

}  // namespace actiontrack::cli
