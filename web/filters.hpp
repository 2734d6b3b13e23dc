#pragma once
// The action filters shared by the API list, the CSV export, the calendar and the dashboard:
// status, owner, committee, overdue=true, due_before, due_after, rag, q, sort, limit, cursor.

#include <string>

#include "common/result.hpp"
#include "store/action_reads.hpp"
#include "web/query_string.hpp"

namespace actiontrack::web {

// Fails with a message naming the bad parameter (e.g. "limit must be a whole number").
Result<store::ActionQuery> action_query_from(const Params& params, const std::string& today);

// The ETag of one action's representation: changes whenever the action does.
std::string action_etag(std::int64_t id, std::int64_t version);

}  // namespace actiontrack::web
