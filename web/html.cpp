#include "web/html.hpp"

#include <fmt/core.h>

namespace actiontrack::web {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

Response html_page(const Context& context, std::string_view title, const std::string& body,
                   int status) {
    std::string account;
    if (context.session) {
        account = fmt::format(
            "<form method=\"post\" action=\"/logout\" class=\"inline\">"
            "<input type=\"hidden\" name=\"csrf\" value=\"{}\">"
            "<span>Signed in as {}</span> <button type=\"submit\">Log out</button></form>",
            escape(context.session->csrf), escape(context.session->who));
    } else {
        account = "<a href=\"/login\">Log in to update actions</a>";
    }
    Response response;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    // Pages carry CSRF tokens and per-user state: never stored by caches.
    response.cache_control = "no-store";
    response.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'");
    response.headers.emplace_back("Referrer-Policy", "same-origin");
    response.body = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{0} — actiontrack</title>\n"
        "<link rel=\"stylesheet\" href=\"/static/style.css\">\n</head>\n<body>\n"
        "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
        "<header><nav aria-label=\"Main\"><a href=\"/\">Outstanding actions</a> "
        "<a href=\"/meetings\">Meetings</a> <a href=\"/ingest\">Ingest log</a> "
        "<a href=\"/export/actions.csv\">Export CSV</a></nav><div class=\"account\">{1}</div>"
        "</header>\n<main id=\"main\">\n<h1>{0}</h1>\n{2}\n</main>\n</body>\n</html>\n",
        escape(title), account, body);
    return response;
}

Response redirect(std::string location) {
    Response response;
    response.status = 303;
    response.content_type = "text/plain; charset=utf-8";
    response.cache_control = "no-store";
    response.headers.emplace_back("Location", std::move(location));
    return response;
}

Response html_error(const Context& context, int status, std::string_view message) {
    return html_page(context, "Sorry", fmt::format("<p role=\"alert\">{}</p>", escape(message)),
                     status);
}

std::string_view rag_label(std::string_view rag) {
    if (rag == "red") return "Red: overdue";
    if (rag == "amber") return "Amber: due within 14 days";
    if (rag == "green") return "Green: on track";
    if (rag == "complete") return "Complete";
    return "Unknown";
}

}  // namespace actiontrack::web
