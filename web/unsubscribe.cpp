// /unsubscribe: RFC 8058 one-click unsubscribe from the weekly digest. The token in the URL is
// the authority (store/unsubscribe.hpp): no log-in, no CSRF token, since a forged request could
// only do what the link's owner can already do with one click.
//
// GET never unsubscribes: mail scanners and link previews follow every URL in a message, so GET
// only shows what the token stands for and a button that POSTs. POST with the body
// "List-Unsubscribe=One-Click" (what mail providers send, form-urlencoded or multipart) records
// the opt-out and answers 200; the digest then skips the address (notify/planner.cpp).

#include "store/unsubscribe.hpp"

#include <fmt/core.h>

#include "store/reader.hpp"
#include "store/store.hpp"
#include "web/context.hpp"
#include "web/html.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web {
namespace {

// The token and list the URL names, or the error page to send instead.
struct Target {
    std::string token;
    std::optional<std::string> list;
};
std::optional<Target> target_of(const Context& context) {
    auto token = context.params.get("token");
    if (!token) return std::nullopt;
    return Target{std::move(*token), context.params.get("list")};
}

std::string_view list_title(std::string_view list) {
    return list == "digest" ? "the weekly actions digest" : list;
}

// RFC 8058 section 3.1: the body carries "List-Unsubscribe=One-Click", as
// application/x-www-form-urlencoded or as a multipart/form-data field.
bool is_one_click(const Request& request) {
    const std::string_view type =
        std::string_view(request.content_type).substr(0, request.content_type.find(';'));
    if (type == "multipart/form-data") {
        return request.body.find("name=\"List-Unsubscribe\"") != std::string::npos &&
               request.body.find("One-Click") != std::string::npos;
    }
    auto form = Params::parse(request.body);
    return form && form->get("List-Unsubscribe") == "One-Click";
}

bool list_matches(const Target& target, const store::Subscription& subscription) {
    return !target.list || *target.list == subscription.list;
}

}  // namespace

Response page_unsubscribe(Context& context) {
    auto target = target_of(context);
    if (!target) return html_error(context, 400, "This unsubscribe link has no token.");
    auto found = store::find_unsubscribe_token(context.reader.db(), target->token);
    if (!found) return database_error(found.error());
    if (!*found || !list_matches(*target, **found)) {
        return html_error(context, 404, "This unsubscribe link is not one we sent.");
    }
    const store::Subscription& subscription = **found;
    std::string body;
    if (subscription.unsubscribed) {
        body = fmt::format("<p>{} no longer receives {}.</p>\n", escape(subscription.address),
                           escape(list_title(subscription.list)));
    } else {
        // The form posts to this same URL (token and list in the query), with the body a mail
        // provider's one-click POST would send.
        body = fmt::format(
            "<p>Stop sending {} to {}?</p>\n"
            "<form method=\"post\" action=\"/unsubscribe?list={}&amp;token={}\">\n"
            "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
            "<button type=\"submit\">Unsubscribe</button>\n</form>\n",
            escape(list_title(subscription.list)), escape(subscription.address),
            escape(percent_encode(subscription.list)), escape(percent_encode(target->token)));
    }
    Response response = html_page(context, "Unsubscribe", body);
    response.cache_control = "no-store";
    return response;
}

Response page_unsubscribe_post(Context& context) {
    auto target = target_of(context);
    if (!target) return html_error(context, 400, "This unsubscribe link has no token.");
    if (!is_one_click(context.request)) {
        return html_error(context, 400,
                          "An unsubscribe request must carry List-Unsubscribe=One-Click.");
    }
    // Check the list before writing anything: a token for another list must change nothing.
    auto found = store::find_unsubscribe_token(context.reader.db(), target->token);
    if (!found) return database_error(found.error());
    if (!*found || !list_matches(*target, **found)) {
        return html_error(context, 404, "This unsubscribe link is not one we sent.");
    }
    auto done = context.gate->writer().unsubscribe(target->token);
    if (!done) return database_error(done.error());
    if (!*done) return html_error(context, 404, "This unsubscribe link is not one we sent.");
    Response response =
        html_page(context, "Unsubscribed",
                  fmt::format("<p>{} will no longer receive {}.</p>\n", escape((*done)->address),
                              escape(list_title((*done)->list))));
    response.cache_control = "no-store";
    return response;
}

}  // namespace actiontrack::web
