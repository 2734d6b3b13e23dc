#pragma once
// What every handler gets: the request, its parsed query, the reader, the writer gate and who is
// asking. Built by App::handle for one request and dropped after it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "web/auth.hpp"
#include "web/http_types.hpp"
#include "web/query_string.hpp"
#include "web/web_settings.hpp"

namespace actiontrack::store {
class Reader;
}

namespace actiontrack::web {

class WriteGate;
class Metrics;

struct Context {
    const Request& request;
    Params params;  // the query string
    store::Reader& reader;
    WriteGate* gate;  // never null for a request that writes (see App)
    const WebSettings& settings;
    Metrics& metrics;
    std::string today;  // ISO date in the configured time zone (WebSettings::time_zone)
    std::string now;    // UTC ISO 8601 timestamp
    std::optional<std::string> token_who;  // from a valid Bearer token
    std::optional<Session> session;        // from a valid session cookie
    std::function<Result<void>()> readiness;  // extra /readyz check (the daemon's watcher)
};

// Handlers: each returns a complete response (errors included) and never throws on bad input.
Response api_list_actions(Context& context);
Response api_get_action(Context& context, std::int64_t id);
Response api_patch_action(Context& context, std::int64_t id);
Response api_post_action(Context& context);
Response api_resolutions(Context& context);
Response api_meetings(Context& context);
Response api_meeting(Context& context, std::int64_t id);
Response api_documents(Context& context);
Response api_owners(Context& context);
Response api_openapi(Context& context);
Response export_csv(Context& context);
Response export_calendar(Context& context);

Response page_home(Context& context);
Response page_action(Context& context, std::int64_t id);
Response page_action_post(Context& context, std::int64_t id);
Response page_meetings(Context& context);
Response page_meeting(Context& context, std::int64_t id);
Response page_ingest(Context& context);
Response page_login(Context& context);
Response page_login_post(Context& context);
Response page_logout_post(Context& context);
Response page_unsubscribe(Context& context);
Response page_unsubscribe_post(Context& context);
Response static_asset(Context& context, std::string_view name);

// A 500 for an unexpected database failure: the detail is the message, never a stack trace.
Response database_error(const Error& error);

}  // namespace actiontrack::web
