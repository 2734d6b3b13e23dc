// Dashboard pages that only read: home (outstanding actions by committee), meetings, one
// meeting, the ingest log.

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "store/action_reads.hpp"
#include "store/reader.hpp"
#include "web/filters.hpp"
#include "web/html.hpp"

namespace actiontrack::web {
namespace {

// How many outstanding actions the home page shows per committee before "show all", and how
// many a committee's own page (or a filtered list) shows at a time.
constexpr int k_rows_per_committee = 10;
constexpr int k_rows_per_page = 100;
// A filtered home page groups at most this many matches (the rest: "narrow the filters").
constexpr int k_filtered_rows = 1000;

std::string counts_html(const store::DashboardCounts& counts) {
    return fmt::format(
        "<ul class=\"counts\" aria-label=\"Summary\">"
        "<li><strong>{}</strong> open</li><li><strong>{}</strong> overdue</li>"
        "<li><strong>{}</strong> due this week</li><li><strong>{}</strong> done this month</li>"
        "</ul>",
        counts.outstanding, counts.overdue, counts.due_this_week, counts.done_this_month);
}

// A link to the home page with the current query string changed: `name` set to `value`
// (dropped when empty), the cursor dropped unless it is the parameter being set.
std::string home_link(const Params& params, std::string_view name, std::string_view value) {
    std::string query;
    auto add = [&query](std::string_view key, std::string_view text) {
        query += query.empty() ? '?' : '&';
        query += percent_encode(key);
        query += '=';
        query += percent_encode(text);
    };
    for (const auto& [key, text] : params.all()) {
        if (key == name || key == "cursor" || text.empty()) continue;
        add(key, text);
    }
    if (!value.empty()) add(name, value);
    return escape("/" + query);
}

// Committee names compare as meetings' identities do: ignoring ASCII case.
struct CaseInsensitiveLess {
    bool operator()(std::string_view a, std::string_view b) const {
        auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        };
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                            [&](char x, char y) { return lower(x) < lower(y); });
    }
};

std::string committee_name(std::string_view committee) {
    return committee.empty() ? std::string("(committee not named)") : std::string(committee);
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

std::string action_row(const store::ActionView& a) {
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

// One committee's table. Rows arrive in due-date order, which puts the overdue ones first.
std::string committee_table(std::string_view committee,
                            const std::vector<store::ActionView>& actions) {
    std::string out =
        fmt::format("<h2>{}</h2>\n<table class=\"actions\">", escape(committee_name(committee)));
    out += k_table_head;
    out += "<tbody>";
    for (const store::ActionView& action : actions) out += action_row(action);
    out += "</tbody></table>\n";
    return out;
}

std::string show_all_link(const Context& context, std::string_view committee) {
    // An empty committee cannot be asked for (an empty parameter means "any").
    if (committee.empty()) return "<p>More actions of unnamed committees are not shown.</p>\n";
    return fmt::format("<p class=\"more\"><a href=\"{}\">Show all for {}</a></p>\n",
                       home_link(context.params, "committee", committee), escape(committee));
}

// Whether the query is the home page's default: every outstanding action, by due date.
bool is_default_view(const store::ActionQuery& query) {
    return query.status == "outstanding" && !query.owner && !query.committee && !query.overdue &&
           !query.due_before && !query.due_after && !query.rag && !query.q && !query.cursor &&
           query.sort == "due";
}

}  // namespace

// Three shapes, each reading a bounded number of rows however large the register: the default
// view (each committee's first outstanding actions, from outstanding_actions), one committee
// (a page at a time, with a link to the next), or other filters (the first matches, grouped).
Response page_home(Context& context) {
    auto query = action_query_from(context.params, context.today);
    if (!query) return html_error(context, 400, query.error().message());
    if (!query->status) query->status = "outstanding";
    auto counts = store::dashboard_counts(context.reader, context.today);
    if (!counts) return html_error(context, 500, counts.error().message());
    std::string body = counts_html(*counts) + filters_html(context);

    if (is_default_view(*query)) {
        auto groups =
            store::outstanding_by_committee(context.reader, context.today, k_rows_per_committee);
        if (!groups) return html_error(context, 500, groups.error().message());
        if (groups->empty()) body += "<p>No actions match.</p>";
        for (const store::CommitteeActions& group : *groups) {
            body += committee_table(group.committee, group.actions);
            if (group.more) body += show_all_link(context, group.committee);
        }
        return html_page(context, "Outstanding actions", body);
    }
    if (query->committee) {
        query->limit = k_rows_per_page;
        auto page = store::query_actions(context.reader, *query);
        if (!page) return html_error(context, 400, page.error().message());
        if (page->actions.empty()) {
            body += "<p>No actions match.</p>";
        } else {
            body += committee_table(page->actions.front().committee, page->actions);
        }
        if (page->next_cursor) {
            body += fmt::format(
                "<p class=\"more\"><a href=\"{}\" rel=\"next\">Next {} "
                "actions</a></p>\n",
                home_link(context.params, "cursor", *page->next_cursor), k_rows_per_page);
        }
        return html_page(context, "Outstanding actions", body);
    }
    query->limit = k_filtered_rows;
    query->cursor.reset();
    auto page = store::query_actions(context.reader, *query);
    if (!page) return html_error(context, 400, page.error().message());
    // Grouped by committee (ignoring case, as meetings do), each group in due-date order.
    std::map<std::string, std::vector<store::ActionView>, CaseInsensitiveLess> groups;
    for (auto& action : page->actions) groups[action.committee].push_back(std::move(action));
    if (groups.empty()) body += "<p>No actions match.</p>";
    for (auto& [committee, actions] : groups) {
        const bool more = actions.size() > static_cast<std::size_t>(k_rows_per_committee);
        if (more) actions.resize(k_rows_per_committee);
        body += committee_table(committee, actions);
        if (more) body += show_all_link(context, committee);
    }
    if (page->next_cursor) {
        body += fmt::format(
            "<p>Only the first {} matches are grouped here; narrow the "
            "filters.</p>",
            k_filtered_rows);
    }
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
    store::ActionQuery query;
    query.today = context.today;
    query.limit = 1000;
    query.sort = "id";
    query.meeting_id = id;
    auto page = store::query_actions(context.reader, query);
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
