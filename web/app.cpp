#include "web/app.hpp"

#include <fmt/core.h>

#include <charconv>
#include <exception>
#include <functional>
#include <vector>

#include "store/clock.hpp"
#include "web/context.hpp"

namespace actiontrack::web {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        const std::size_t slash = path.find('/');
        out.push_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    return out;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

Response method_not_allowed(std::string_view allow) {
    Response response = json_error(405, "method not allowed",
                                   fmt::format("this resource allows {}", allow));
    response.headers.emplace_back("Allow", std::string(allow));
    return response;
}

// A cheap fingerprint of a response body for its weak ETag. std::hash over a string_view is
// libstdc++'s 8-bytes-at-a-time Murmur-style hash, several times faster than a byte-wise FNV
// on a 20 KB list page. It is stable for the lifetime of this binary, which is all a weak
// validator needs: after an upgrade a client merely gets one 200 instead of a 304.
std::string body_etag(std::string_view body) {
    return fmt::format("W/\"{:016x}\"", std::hash<std::string_view>{}(body));
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    if (if_none_match == "*") return true;
    // Weak comparison (RFC 9110 13.1.2): ignore W/ on both sides.
    auto strip = [](std::string_view tag) {
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == ',')) tag.remove_prefix(1);
        if (tag.starts_with("W/")) tag.remove_prefix(2);
        return tag;
    };
    const std::string_view wanted = strip(etag);
    while (!if_none_match.empty()) {
        const std::size_t comma = if_none_match.find(',');
        std::string_view tag = strip(if_none_match.substr(0, comma));
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        if (tag == wanted) return true;
        if (comma == std::string_view::npos) break;
        if_none_match.remove_prefix(comma + 1);
    }
    return false;
}

bool is_write(std::string_view method) {
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

}  // namespace

Response json_error(int status, std::string_view error, std::string_view detail) {
    Response response;
    response.status = status;
    response.cache_control = "no-store";
    // Both strings are ours or quoted below; escape them like JSON requires.
    auto quote = [](std::string_view text) {
        std::string out = "\"";
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out.push_back('\\');
                out.push_back(c);
            } else if (byte < 0x20) {
                out += fmt::format("\\u{:04x}", byte);
            } else {
                out.push_back(c);
            }
        }
        return out + "\"";
    };
    response.body = fmt::format("{{\"error\":{},\"detail\":{}}}", quote(error), quote(detail));
    return response;
}

Response json_response(std::string body, int status) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response database_error(const Error& error) {
    return json_error(500, "database error", error.message());
}

App::App(WebSettings settings, Today today, store::Reader reader, WriteGate* gate, Metrics& metrics)
    : m_settings(std::move(settings)),
      m_today(today),
      m_reader(std::move(reader)),
      m_gate(gate),
      m_metrics(&metrics) {}

Response App::handle(const Request& request) {
    Response response;
    try {
        response = route(request);
    } catch (const std::exception& e) {
        // A bug: report it as a 500 without internals beyond the message.
        response = json_error(500, "internal error", e.what());
    }
    const bool cacheable = (request.method == "GET" || request.method == "HEAD") &&
                           response.status == 200;
    if (cacheable && response.etag.empty() && response.cache_control != "no-store") {
        response.etag = body_etag(response.body);
    }
    if (cacheable && !response.etag.empty() && !request.if_none_match.empty() &&
        etag_matches(request.if_none_match, response.etag)) {
        response.status = 304;
        response.body.clear();
    }
    return response;
}

Response App::route(const Request& request) {
    // HEAD is answered as GET; the server drops the body.
    std::string_view method = request.method;
    if (method == "HEAD") method = "GET";

    // Liveness first: it needs no query string, clock, database or authentication, and a
    // probe hammering it should cost as little as possible.
    if (request.path == "/healthz") {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        Response response = json_response("{\"status\":\"ok\"}");
        response.cache_control = "no-store";
        response.route = "/healthz";
        return response;
    }
    if (is_write(method) && m_gate == nullptr) {
        return json_error(500, "internal error", "a write reached a read-only serving thread");
    }

    Params params;
    if (auto parsed = Params::parse(request.query)) {
        params = std::move(*parsed);
    } else {
        return json_error(400, "bad query string", "a %-escape in the query is malformed");
    }
    Context context{request,      std::move(params), m_reader,       m_gate,
                    m_settings,   *m_metrics,        m_today.date(), store::system_now(),
                    std::nullopt, std::nullopt,      m_readiness};
    const auto parts = segments(request.path);
    const std::string_view first = parts.empty() ? "" : parts[0];

    // The static assets need no database and no authentication.
    if (first == "static") {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        // Assets are compiled in; no path ever reaches the file system, so "../" cannot escape.
        Response response = parts.size() == 2 ? static_asset(context, parts[1])
                                              : json_error(404, "not found", "no such asset");
        response.route = "/static/{name}";
        return response;
    }

    // Who is asking: a Bearer token wins; otherwise a dashboard session cookie.
    if (auto token = bearer_token(request.authorization)) {
        auto who = token_name(m_reader, *token);
        if (!who) return database_error(who.error());
        if (!*who) {
            Response response = json_error(401, "unauthorized", "the token is unknown or revoked");
            response.headers.emplace_back("WWW-Authenticate", "Bearer");
            return response;
        }
        context.token_who = std::move(*who);
    } else if (auto cookie = cookie_value(request.cookie, k_session_cookie)) {
        auto session = find_session(m_reader, *cookie, context.now);
        if (!session) return database_error(session.error());
        context.session = std::move(*session);
    }
    const bool api = first == "api" || first == "export" || request.path == "/calendar.ics";
    if (api && is_write(method) && !context.token_who) {
        Response response = json_error(401, "unauthorized",
                                       "writes need an 'Authorization: Bearer <token>' header");
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        return response;
    }
    // The unsubscribe link's token is its own authority (web/unsubscribe.cpp).
    const bool open_page = request.path == "/login" || request.path == "/readyz" ||
                           request.path == "/unsubscribe";
    if (m_settings.require_token_for_reads && !open_page && !context.token_who &&
        !context.session) {
        if (!api && first != "metrics") {
            Response response;
            response.status = 303;
            response.cache_control = "no-store";
            response.headers.emplace_back("Location", "/login");
            return response;
        }
        Response response = json_error(401, "unauthorized", "reads need a token on this server");
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        return response;
    }

    // `route` is always a literal here: Response keeps it by reference.
    auto with_route = [](Response response, std::string_view route) {
        response.route = route;
        return response;
    };
    if (request.path == "/readyz") {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        auto probe = m_reader.db().query_int64("SELECT COUNT(*) FROM actions WHERE id = 0");
        if (!probe) return with_route(json_error(503, "not ready", probe.error().message()), "/readyz");
        if (m_readiness) {
            if (auto ready = m_readiness(); !ready) {
                return with_route(json_error(503, "not ready", ready.error().message()), "/readyz");
            }
        }
        Response response = json_response("{\"status\":\"ready\",\"database\":\"ok\"}");
        response.cache_control = "no-store";
        return with_route(std::move(response), "/readyz");
    }
    if (request.path == "/metrics") {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        auto text = m_metrics->render(m_reader, context.today);
        if (!text) return database_error(text.error());
        Response response;
        response.content_type = "text/plain; version=0.0.4; charset=utf-8";
        response.cache_control = "no-store";
        response.body = std::move(*text);
        return with_route(std::move(response), "/metrics");
    }
    if (request.path == "/export/actions.csv") {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        return with_route(export_csv(context), "/export/actions.csv");
    }
    if (request.path == "/calendar.ics") {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        return with_route(export_calendar(context), "/calendar.ics");
    }
    if (first == "api") {
        const std::string_view second = parts.size() > 1 ? parts[1] : "";
        if (parts.size() == 2 && second == "openapi.json") {
            if (method != "GET") return method_not_allowed("GET, HEAD");
            return with_route(api_openapi(context), "/api/openapi.json");
        }
        if (second == "actions" && parts.size() == 2) {
            if (method == "GET") return with_route(api_list_actions(context), "/api/actions");
            if (method == "POST") return with_route(api_post_action(context), "/api/actions");
            return method_not_allowed("GET, HEAD, POST");
        }
        if (second == "actions" && parts.size() == 3) {
            auto id = parse_id(parts[2]);
            if (!id) return json_error(404, "not found", "action ids are positive integers");
            if (method == "GET") return with_route(api_get_action(context, *id), "/api/actions/{id}");
            if (method == "PATCH") {
                return with_route(api_patch_action(context, *id), "/api/actions/{id}");
            }
            return method_not_allowed("GET, HEAD, PATCH");
        }
        if (parts.size() == 2 && (second == "resolutions" || second == "meetings" ||
                                  second == "documents" || second == "owners")) {
            if (method != "GET") return method_not_allowed("GET, HEAD");
            if (second == "resolutions") {
                return with_route(api_resolutions(context), "/api/resolutions");
            }
            if (second == "meetings") return with_route(api_meetings(context), "/api/meetings");
            if (second == "documents") {
                return with_route(api_documents(context), "/api/documents");
            }
            return with_route(api_owners(context), "/api/owners");
        }
        if (second == "meetings" && parts.size() == 3) {
            auto id = parse_id(parts[2]);
            if (!id) return json_error(404, "not found", "meeting ids are positive integers");
            if (method != "GET") return method_not_allowed("GET, HEAD");
            return with_route(api_meeting(context, *id), "/api/meetings/{id}");
        }
        return json_error(404, "not found", "no such API resource");
    }

    // The dashboard.
    if (parts.empty()) {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        return with_route(page_home(context), "/");
    }
    if (first == "actions" && parts.size() == 2) {
        auto id = parse_id(parts[1]);
        if (!id) return json_error(404, "not found", "action ids are positive integers");
        if (method == "GET") return with_route(page_action(context, *id), "/actions/{id}");
        if (method == "POST") return with_route(page_action_post(context, *id), "/actions/{id}");
        return method_not_allowed("GET, HEAD, POST");
    }
    if (first == "meetings" && parts.size() == 1) {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        return with_route(page_meetings(context), "/meetings");
    }
    if (first == "meetings" && parts.size() == 2) {
        auto id = parse_id(parts[1]);
        if (!id) return json_error(404, "not found", "meeting ids are positive integers");
        if (method != "GET") return method_not_allowed("GET, HEAD");
        return with_route(page_meeting(context, *id), "/meetings/{id}");
    }
    if (first == "ingest" && parts.size() == 1) {
        if (method != "GET") return method_not_allowed("GET, HEAD");
        return with_route(page_ingest(context), "/ingest");
    }
    if (first == "login" && parts.size() == 1) {
        if (method == "GET") return with_route(page_login(context), "/login");
        if (method == "POST") return with_route(page_login_post(context), "/login");
        return method_not_allowed("GET, HEAD, POST");
    }
    if (first == "unsubscribe" && parts.size() == 1) {
        if (method == "GET") return with_route(page_unsubscribe(context), "/unsubscribe");
        if (method == "POST") return with_route(page_unsubscribe_post(context), "/unsubscribe");
        return method_not_allowed("GET, HEAD, POST");
    }
    if (first == "logout" && parts.size() == 1) {
        if (method == "POST") return with_route(page_logout_post(context), "/logout");
        return method_not_allowed("POST");
    }
    return json_error(404, "not found", "no such page");
}

}  // namespace actiontrack::web
