// The action page (verbatim resolution, the minute's context, history, update forms) and the
// log-in that lets officers use those forms: the form posts carry the session's CSRF token and
// the version the officer saw, so a stale form cannot silently overwrite a newer change.

#include <fmt/core.h>

#include <charconv>

#include "store/action_reads.hpp"
#include "store/clock.hpp"
#include "store/reader.hpp"
#include "store/store.hpp"
#include "web/html.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web {
namespace {

std::string history_html(const std::vector<store::ActionEvent>& events) {
    std::string out =
        "<table><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th>"
        "<th scope=\"col\">What</th><th scope=\"col\">Detail</th></tr></thead><tbody>";
    for (const auto& e : events) {
        std::string what = e.kind;
        std::string detail;
        if (e.kind == "updated" && e.note == store::k_progress_note_field) {
            what = "progress note";
            detail = escape(e.to_value.value_or(""));
        } else {
            if (e.from_value || e.to_value) {
                detail = fmt::format("{} → {}", escape(e.from_value.value_or("—")),
                                     escape(e.to_value.value_or("—")));
            }
            if (!e.note.empty()) detail += (detail.empty() ? "" : "; ") + escape(e.note);
        }
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", escape(e.at),
                           escape(e.who), escape(what), detail);
    }
    return out + "</tbody></table>";
}

std::string forms_html(const Context& context, const store::ActionView& a) {
    if (!context.session) {
        return "<p><a href=\"/login\">Log in</a> to update this action.</p>";
    }
    const std::string hidden = fmt::format(
        "<input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" "
        "name=\"version\" value=\"{}\">",
        escape(context.session->csrf), a.version);
    std::string status_options;
    for (const char* s : {"open", "in_progress", "done", "dropped"}) {
        status_options += fmt::format("<option value=\"{0}\"{1}>{0}</option>", s,
                                      a.status == s ? " selected" : "");
    }
    return fmt::format(
        "<h2>Update</h2>"
        "<form class=\"update\" method=\"post\" action=\"/actions/{0}\">{1}"
        "<label for=\"u-status\">Status</label><select id=\"u-status\" name=\"status\">{2}</select>"
        " <button type=\"submit\" name=\"change\" value=\"status\">Save status</button></form>"
        "<form class=\"update\" method=\"post\" action=\"/actions/{0}\">{1}"
        "<label for=\"u-note\">Progress note</label><textarea id=\"u-note\" name=\"note\" "
        "rows=\"3\" cols=\"50\" required></textarea><br>"
        "<button type=\"submit\" name=\"change\" value=\"note\">Add note</button></form>"
        "<form class=\"update\" method=\"post\" action=\"/actions/{0}\">{1}"
        "<label for=\"u-due\">Due date</label><input id=\"u-due\" name=\"due_date\" "
        "type=\"date\" value=\"{3}\"> <button type=\"submit\" name=\"change\" value=\"due\">"
        "Change due date</button></form>",
        a.id, hidden, status_options, escape(a.due_date.value_or("")));
}

}  // namespace

Response page_action(Context& context, std::int64_t id) {
    auto found = store::find_action(context.reader, id, context.today);
    if (!found) return html_error(context, 500, found.error().message());
    if (!*found) return html_error(context, 404, "There is no such action.");
    const store::ActionView& a = **found;
    auto events = store::action_events(context.reader, id);
    if (!events) return html_error(context, 500, events.error().message());

    std::string body = fmt::format(
        "<dl><dt>Action</dt><dd>{}</dd><dt>Owner</dt><dd>{}</dd><dt>Due</dt><dd>{}</dd>"
        "<dt>RAG</dt><dd><span class=\"rag rag-{}\">{}</span></dd><dt>Status</dt><dd>{}</dd>"
        "<dt>Meeting</dt><dd><a href=\"/meetings/{}\">{}, {}</a>, minute {}</dd></dl>",
        escape(a.text), escape(a.owner.value_or("not named")),
        escape(a.due_date.value_or(a.due_text.value_or("no date"))), escape(a.rag),
        rag_label(a.rag), escape(a.status), a.meeting_id, escape(a.committee),
        escape(a.meeting_date.value_or("undated")), escape(a.item.empty() ? "?" : a.item));
    if (a.resolution_text) {
        body += fmt::format("<h2>Resolution</h2><blockquote>{}</blockquote>",
                            escape(*a.resolution_text));
    }
    // The minute around the action: the item's title and every resolution recorded under it.
    auto s = context.reader.statement(R"sql(
        SELECT i.title, (SELECT group_concat(r.text, char(10)) FROM
            (SELECT text FROM resolutions WHERE meeting_id = ?1 AND item = ?2 ORDER BY position) AS r)
        FROM items AS i WHERE i.meeting_id = ?1 AND i.number = ?2 ORDER BY i.position LIMIT 1
    )sql");
    if (!s) return html_error(context, 500, s.error().message());
    (*s)->bind(1, a.meeting_id).bind(2, a.item);
    auto row = (*s)->step();
    if (!row) return html_error(context, 500, row.error().message());
    if (*row) {
        body += fmt::format("<h2>Minute {}: {}</h2><blockquote>{}</blockquote>", escape(a.item),
                            escape((*s)->column_text(0)),
                            escape((*s)->column_optional_text(1).value_or("")));
    }
    body += forms_html(context, a);
    body += "<h2>History</h2>" + history_html(*events);
    return html_page(context, a.reference, body);
}

Response page_action_post(Context& context, std::int64_t id) {
    if (!context.session) return redirect("/login");
    auto form = Params::parse(context.request.body);
    if (!form) return html_error(context, 400, "The form could not be read.");
    if (!equal_secrets(form->get("csrf").value_or(""), context.session->csrf)) {
        return html_error(context, 403, "The form has expired or did not come from this site. "
                                        "Reload the page and try again.");
    }
    store::ActionChange change;
    const std::string kind = form->get("change").value_or("");
    if (kind == "status") {
        change.status = store::parse_action_status(form->get("status").value_or(""));
        if (!change.status) return html_error(context, 422, "Choose a status.");
    } else if (kind == "note") {
        change.note = form->get("note");
        if (!change.note) return html_error(context, 422, "Write a note first.");
    } else if (kind == "due") {
        const auto due = form->get("due_date");
        if (due && !parsers::parse_iso_date(*due)) {
            return html_error(context, 422, "The due date must be a date.");
        }
        change.due_date = due;
    } else {
        return html_error(context, 422, "Nothing to change.");
    }
    if (auto version = form->get("version")) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(version->data(), version->data() + version->size(), value);
        if (ec == std::errc() && end == version->data() + version->size()) {
            change.expected_version = value;
        }
    }
    auto report = context.gate->writer().change_action(id, change, context.session->who);
    if (!report) return html_error(context, 422, report.error().message());
    if (report->outcome == store::ChangeOutcome::not_found) {
        return html_error(context, 404, "There is no such action.");
    }
    if (report->outcome == store::ChangeOutcome::conflict) {
        return html_error(context, 409, "Someone changed this action after you opened it. "
                                        "Reload the page to see the change, then try again.");
    }
    return redirect(fmt::format("/actions/{}", id));
}

Response page_login(Context& context) {
    const std::string body =
        "<form method=\"post\" action=\"/login\" class=\"update\">"
        "<label for=\"l-token\">API token</label>"
        "<p id=\"l-hint\">Ask the register's administrator for a token "
        "(<code>actiontrack token create YOUR-NAME</code>). Your changes are recorded under "
        "its name.</p>"
        "<input id=\"l-token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" "
        "aria-describedby=\"l-hint\" required size=\"40\"> "
        "<button type=\"submit\">Log in</button></form>";
    return html_page(context, "Log in", body);
}

Response page_login_post(Context& context) {
    auto form = Params::parse(context.request.body);
    const auto token = form ? form->get("token") : std::nullopt;
    if (!token) return html_error(context, 400, "Enter your token.");
    auto secret = random_secret();
    auto csrf = random_secret();
    if (!secret || !csrf) return html_error(context, 500, "No randomness available.");
    const auto expires = std::chrono::system_clock::now() + context.settings.session_lifetime;
    auto added = context.gate->writer().add_session(sha256_hex(*secret), sha256_hex(*token), *csrf,
                                                    store::utc_timestamp(expires));
    if (!added) return html_error(context, 500, added.error().message());
    if (!*added) {
        context.session.reset();
        return html_error(context, 401, "That token is not valid (unknown or revoked).");
    }
    Response response = redirect("/");
    const bool secure = context.settings.public_url.starts_with("https://");
    response.headers.emplace_back(
        "Set-Cookie",
        fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", k_session_cookie,
                    *secret,
                    std::chrono::duration_cast<std::chrono::seconds>(context.settings.session_lifetime)
                        .count(),
                    secure ? "; Secure" : ""));
    return response;
}

Response page_logout_post(Context& context) {
    Response response = redirect("/");
    if (context.session) {
        auto form = Params::parse(context.request.body);
        if (!form || !equal_secrets(form->get("csrf").value_or(""), context.session->csrf)) {
            return html_error(context, 403, "The form did not come from this site.");
        }
        if (auto cookie = cookie_value(context.request.cookie, k_session_cookie)) {
            auto deleted = context.gate->writer().delete_session(sha256_hex(*cookie));
            if (!deleted) return html_error(context, 500, deleted.error().message());
        }
    }
    response.headers.emplace_back(
        "Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0",
                                  k_session_cookie));
    return response;
}

}  // namespace actiontrack::web
