#pragma once
// JSON shapes of the API (Boost.JSON values), one function per resource, so every endpoint
// that shows an action shows it the same way.

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/action_reads.hpp"
#include "store/store.hpp"

namespace actiontrack::web {

// Values are made with `storage` (the default heap unless given, e.g. a per-response
// monotonic_resource that frees everything at once).
boost::json::value to_json(const std::optional<std::string>& text,
                           boost::json::storage_ptr storage = {});
boost::json::object action_json(const store::ActionView& action,
                                boost::json::storage_ptr storage = {});
boost::json::object event_json(const store::ActionEvent& event);

// action_json's document written straight onto `out`, for the action list, where building and
// then serialising a value tree cost more than the query. The test (json_views_test.cpp) holds
// the two to the same document.
void append_action_json(std::string& out, const store::ActionView& action);
// The same from a row still in its statement (stream_actions).
void append_action_json(std::string& out, const store::ActionRowView& action);
// `text` as a JSON string literal, quotes included, appended to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace actiontrack::web
