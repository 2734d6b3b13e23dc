// Dashboard pages that only read: home (outstanding actions by committee), meetings, one
// meeting, the ingest log.

#include <fmt/core.h>

#include <map>

#include "web/action_queries.hpp"
#include "web/filters.hpp"
#include "web/html.hpp"
#include "web/reader.hpp"

namespace actiontrack::web {
namespace {

void append(std::string& out, std::string_view text) { out.append(text); }

Result<std::int64_t> count(Reader& reader, const std::string& sql, const std::string& a,
                           const std::string& b) {
    TRY_ASSIGN(statement, reader.statement(sql));
    statement->bind(1, a).bind(2, b);
    TRY_ASSIGN(has_row, statement->step());
    return has_row ? statement->column_int64(0) : 0;
}

Result<std::string> counts_html(Context& context) {
    const std::string& today = context.today;
    TRY_ASSIGN(open, count(context.reader,
                           "SELECT COUNT(*) FROM actions WHERE status IN ('open', 'in_progress') "
                           "AND ?1 = ?1 AND ?2 = ?2",
                           today, today));
    TRY_ASSIGN(overdue, count(context.reader,
                              "SELECT COUNT(*) FROM actions WHERE status IN ('open', "
                              "'in_progress') AND due_date < ?1 AND ?2 = ?2",
                              today, today));
    TRY_ASSIGN(week, count(context.reader,
                           "SELECT COUNT(*) FROM actions WHERE status IN ('open', 'in_progress') "
                           "AND due_date >= ?1 AND due_date < ?2",
                           today, add_days(today, 7)));
    TRY_ASSIGN(done, count(context.reader,
                           "SELECT COUNT(*) FROM actions WHERE status = 'done' AND "
                           "substr(updated_at, 1, 7) = substr(?1, 1, 7) AND ?2 = ?2",
                           today, today));
    return fmt::format(
        "<ul class=\"counts\" aria-label=\"Summary\">"
        "<li><strong>{}</strong> open</li><li><strong>{}</strong> overdue</li>"
        "<li><strong>{}</strong> due this week</li><li><strong>{}</strong> done this month</li>"
        "</ul>",
        open, overdue, week, done);
}

std::string option(std::string_view value, std::string_view label,
                   const std::optional<std::string>& selected) {
    return fmt::format("<option value=\"{}\"{}>{}</option>", escape(value),
                       selected && *selected == value ? " selected" : "", escape(label));
}

std::string filters_html(const Context& context) {
    const Params& p = context.params;
    std::string out = "<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">";
    out += fmt::format(
        "<div><label for=\"f-owner\">Owner</label><input id=\"f-owner\" name=\"owner\" "
        "value=\"{}\"></div>",
        escape(p.get("owner").value_or("")));
    out += fmt::format(
        "<div><label for=\"f-committee\">Committee</label><input id=\"f-committee\" "
        "name=\"committee\" value=\"{}\"></div>",
        escape(p.get("committee").value_or("")));
    out += "<div><label for=\"f-status\">Status</label><select id=\"f-status\" name=\"status\">";
    out += option("", "Outstanding", p.get("status"));
    for (const char* s : {"open", "in_progress", "done", "dropped"}) {
        out += option(s, s, p.get("status"));
    }
    out += "</select></div><div><label for=\"f-rag\">RAG</label><select id=\"f-rag\" "
           "name=\"rag\">";
    out += option("", "Any", p.get("rag"));
    for (const char* r : {"red", "amber", "green", "complete"}) out += option(r, rag_label(r), p.get("rag"));
    out += fmt::format(
        "</select></div><div><label for=\"f-q\">Search</label><input id=\"f-q\" name=\"q\" "
        "type=\"search\" value=\"{}\"></div><div><button type=\"submit\">Filter</button> "
        "<a href=\"/\">Clear</a></div></form>",
        escape(p.get("q").value_or("")));
    return out;
}

std::string action_row(const ActionView& a) {
    return fmt::format(
        "<tr><td><a href=\"/actions/{0}\">{1}</a></td><td>{2}</td><td>{3}</td><td>{4}</td>"
        "<td><span class=\"rag rag-{5}\">{6}</span></td><td>{7}</td></tr>\n",
        a.id, escape(a.reference), escape(a.text),
        a.owner ? fmt::format("<a href=\"/?owner={}\">{}</a>", escape(percent_encode(*a.owner)),
                              escape(*a.owner))
                : std::string("<em>not named</em>"),
        escape(a.due_date.value_or(a.due_text.value_or("—"))), escape(a.rag), rag_label(a.rag),
        escape(a.status));
}

constexpr std::string_view k_table_head =
    "<thead><tr><th scope=\"col\">Reference</th><th scope=\"col\">Action</th>"
    "<th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">RAG</th>"
    "<th scope=\"col\">Status</th></tr></thead>\n";

}  // namespace

Response page_home(Context& context) {
    auto query = action_query_from(context.params, context.today);
    if (!query) return html_error(context, 400, query.error().message());
    if (!query->status) query->status = "outstanding";
    query->limit = 1000;
    auto page = query_actions(context.reader, *query);
    if (!page) return html_error(context, 400, page.error().message());
    auto counts = counts_html(context);
    if (!counts) return html_error(context, 500, counts.error().message());

    // Group by committee; within each, overdue (red) first, then by due date as queried.
    std::map<std::string, std::vector<const ActionView*>> groups;
    for (const auto& action : page->actions) {
        groups[action.committee.empty() ? "(committee not named)" : action.committee].push_back(
            &action);
    }
    std::string body = *counts + filters_html(context);
    if (page->actions.empty()) body += "<p>No actions match.</p>";
    for (auto& [committee, actions] : groups) {
        std::stable_partition(actions.begin(), actions.end(),
                              [](const ActionView* a) { return a->rag == "red"; });
        append(body, fmt::format("<h2>{}</h2>\n<table class=\"actions\">", escape(committee)));
        append(body, k_table_head);
        body += "<tbody>";
        for (const ActionView* action : actions) body += action_row(*action);
        body += "</tbody></table>\n";
    }
    if (page->next_cursor) body += "<p>Showing the first 1000; narrow the filters.</p>";
    return html_page(context, "Outstanding actions", body);
}

Response page_meetings(Context& context) {
    auto s = context.reader.statement(R"sql(
        SELECT m.id, COALESCE(m.committee, '(committee not named)'), m.meeting_date,
               (SELECT COUNT(*) FROM actions AS a WHERE a.meeting_id = m.id),
               (SELECT COUNT(*) FROM actions AS a WHERE a.meeting_id = m.id
                    AND a.status IN ('open', 'in_progress'))
        FROM meetings AS m ORDER BY m.meeting_date DESC, m.id DESC LIMIT 2000
    )sql");
    if (!s) return html_error(context, 500, s.error().message());
    std::string body =
        "<table><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Committee</th>"
        "<th scope=\"col\">Actions</th><th scope=\"col\">Outstanding</th></tr></thead><tbody>";
    while (true) {
        auto row = (*s)->step();
        if (!row) return html_error(context, 500, row.error().message());
        if (!*row) break;
        body += fmt::format(
            "<tr><td>{}</td><td><a href=\"/meetings/{}\">{}</a></td><td>{}</td><td>{}</td></tr>\n",
            escape((*s)->column_optional_text(2).value_or("undated")), (*s)->column_int64(0),
            escape((*s)->column_text(1)), (*s)->column_int64(3), (*s)->column_int64(4));
    }
    body += "</tbody></table>";
    return html_page(context, "Meetings", body);
}

Response page_meeting(Context& context, std::int64_t id) {
    std::string title;
    {
        auto s = context.reader.statement(
            "SELECT COALESCE(committee, '(committee not named)'), meeting_date, venue FROM "
            "meetings WHERE id = ?");
        if (!s) return html_error(context, 500, s.error().message());
        (*s)->bind(1, id);
        auto row = (*s)->step();
        if (!row) return html_error(context, 500, row.error().message());
        if (!*row) return html_error(context, 404, "There is no such meeting.");
        title = (*s)->column_text(0) + ", " + (*s)->column_optional_text(1).value_or("undated");
    }
    std::string body = "<h2>Resolutions</h2>";
    {
        auto s = context.reader.statement(
            "SELECT item, kind, text, reference FROM resolutions WHERE meeting_id = ? ORDER BY "
            "position");
        if (!s) return html_error(context, 500, s.error().message());
        (*s)->bind(1, id);
        while (true) {
            auto row = (*s)->step();
            if (!row) return html_error(context, 500, row.error().message());
            if (!*row) break;
            body += fmt::format("<p><strong>{} {} ({})</strong></p><blockquote>{}</blockquote>",
                                escape((*s)->column_text(0)), escape((*s)->column_text(1)),
                                escape((*s)->column_text(3)), escape((*s)->column_text(2)));
        }
    }
    ActionQuery query;
    query.today = context.today;
    query.limit = 1000;
    query.sort = "id";
    query.meeting_id = id;
    auto page = query_actions(context.reader, query);
    if (!page) return html_error(context, 500, page.error().message());
    body += "<h2>Actions</h2><table class=\"actions\">" + std::string(k_table_head) + "<tbody>";
    for (const auto& action : page->actions) body += action_row(action);
    body += "</tbody></table>";
    return html_page(context, title, body);
}

Response page_ingest(Context& context) {
    auto s = context.reader.statement(R"sql(
        SELECT received_at, path, status, COALESCE(error, ''), meeting_id
        FROM documents ORDER BY id DESC LIMIT 500
    )sql");
    if (!s) return html_error(context, 500, s.error().message());
    std::string body =
        "<p>The latest 500 documents handed to actiontrack, newest first.</p><table><thead><tr>"
        "<th scope=\"col\">Received</th><th scope=\"col\">File</th><th scope=\"col\">Outcome</th>"
        "<th scope=\"col\">Reason</th></tr></thead><tbody>";
    while (true) {
        auto row = (*s)->step();
        if (!row) return html_error(context, 500, row.error().message());
        if (!*row) break;
        const std::string status = (*s)->column_text(2);
        std::string file = escape((*s)->column_text(1));
        if (!(*s)->is_null(4)) {
            file = fmt::format("<a href=\"/meetings/{}\">{}</a>", (*s)->column_int64(4), file);
        }
        body += fmt::format("<tr><td>{}</td><td>{}</td><td{}>{}</td><td>{}</td></tr>\n",
                            escape((*s)->column_text(0)), file,
                            status == "failed" ? " class=\"error\"" : "", escape(status),
                            escape((*s)->column_text(3)));
    }
    body += "</tbody></table>";
    return html_page(context, "Ingest log", body);
}

}  // namespace actiontrack::web
