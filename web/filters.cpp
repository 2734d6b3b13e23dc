#include "web/filters.hpp"

#include <fmt/core.h>

#include <charconv>

namespace actiontrack::web {

Result<store::ActionQuery> action_query_from(const Params& params, const std::string& today) {
    store::ActionQuery query;
    query.today = today;
    query.status = params.get("status");
    query.owner = params.get("owner");
    query.committee = params.get("committee");
    if (auto overdue = params.get("overdue")) {
        if (*overdue != "true" && *overdue != "false" && *overdue != "1" && *overdue != "0") {
            return Error("overdue must be true or false");
        }
        query.overdue = *overdue == "true" || *overdue == "1";
    }
    query.due_before = params.get("due_before");
    query.due_after = params.get("due_after");
    query.rag = params.get("rag");
    query.q = params.get("q");
    if (auto sort = params.get("sort")) query.sort = *sort;
    if (auto limit = params.get("limit")) {
        int value = 0;
        const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
        if (ec != std::errc() || end != limit->data() + limit->size()) {
            return Error(fmt::format("limit must be a whole number, not '{}'", *limit));
        }
        query.limit = value;
    }
    query.cursor = params.get("cursor");
    return query;
}

std::string action_etag(std::int64_t id, std::int64_t version) {
    return fmt::format("\"a{}-v{}\"", id, version);
}

}  // namespace actiontrack::web
