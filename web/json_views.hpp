#pragma once
// JSON shapes of the API (Boost.JSON values), one function per resource, so every endpoint
// that shows an action shows it the same way.

#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "store/store.hpp"
#include "web/action_queries.hpp"

namespace actiontrack::web {

boost::json::value to_json(const std::optional<std::string>& text);
boost::json::object action_json(const ActionView& action);
boost::json::object event_json(const store::ActionEvent& event);

}  // namespace actiontrack::web
