#pragma once
// The server's view of one request and one response, free of Beast, so the handlers compile
// without it. http_server.cpp converts between these and Beast's messages.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actiontrack::web {

struct Request {
    std::string method;  // "GET", "PATCH"...
    std::string target;  // as sent: path and query
    std::string path;    // the target's path, percent-decoded
    std::string query;   // the raw query string after '?', without it
    std::string authorization;
    std::string cookie;
    std::string content_type;
    std::string if_match;
    std::string if_none_match;
    std::string body;
};

// The three views are always string literals (the server keeps them by reference and builds
// no string for them on the hot path).
struct Response {
    int status = 200;
    std::string_view content_type = "application/json";
    std::string_view cache_control = "no-cache";
    std::string etag;  // with quotes, e.g. "\"v3\""; empty = none
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Location, Allow...
    std::string_view route;  // the matched route pattern, for metrics ("/api/actions/{id}")
};

// {"error": error, "detail": detail} with `status`; never cached.
Response json_error(int status, std::string_view error, std::string_view detail);

// A JSON body with status 200 (or `status`).
Response json_response(std::string body, int status = 200);

}  // namespace actiontrack::web
