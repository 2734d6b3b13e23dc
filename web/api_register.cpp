// The rest of the register as JSON: resolutions, meetings (and one meeting in full), the ingest
// log and the owners. Lists page by id with the same opaque cursors as /api/actions.

#include <fmt/core.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>

#include "store/cursor.hpp"
#include "store/reader.hpp"
#include "web/context.hpp"
#include "web/filters.hpp"
#include "web/json_views.hpp"

namespace actiontrack::web {

namespace json = boost::json;

namespace {

struct Paging {
    int limit = 50;
    std::int64_t after = 0;  // ids greater than this (lists run oldest first)
};

Result<Paging> paging(const Params& params) {
    Paging paging;
    if (auto limit = params.get("limit")) {
        const auto [end, ec] =
            std::from_chars(limit->data(), limit->data() + limit->size(), paging.limit);
        if (ec != std::errc() || end != limit->data() + limit->size() || paging.limit < 1 ||
            paging.limit > 1000) {
            return Error("limit must be a whole number from 1 to 1000");
        }
    }
    if (auto text = params.get("cursor")) {
        auto cursor = store::decode_cursor(*text);
        if (!cursor) return Error("cursor is not one this server handed out");
        paging.after = cursor->id;
    }
    return paging;
}

// Runs `sql` (whose last two parameters are "id > ?" and "LIMIT ?") and builds one object per
// row with `row`, adding next_cursor when there may be more.
template <class Row>
Response paged_list(Context& context, const std::string& sql, std::string_view key,
                    const std::vector<std::optional<std::string>>& filters, Row row) {
    auto page = paging(context.params);
    if (!page) return json_error(400, "bad parameter", page.error().message());
    auto statement = context.reader.statement(sql);
    if (!statement) return database_error(statement.error());
    int index = 0;
    for (const auto& filter : filters) (*statement)->bind(++index, filter);
    (*statement)->bind(index + 1, page->after);
    (*statement)->bind(index + 2, page->limit + 1);
    json::array items;
    std::int64_t last_id = 0;
    std::optional<std::string> next;
    while (true) {
        auto has_row = (*statement)->step();
        if (!has_row) return database_error(has_row.error());
        if (!*has_row) break;
        if (static_cast<int>(items.size()) == page->limit) {
            next = store::encode_cursor(store::Cursor{"", last_id});
            break;
        }
        last_id = (*statement)->column_int64(0);
        items.push_back(row(**statement));
    }
    json::object body;
    body[key] = std::move(items);
    body["next_cursor"] = to_json(next);
    return json_response(json::serialize(body));
}

json::object meeting_json(store::Statement& s) {
    json::object m;
    m["id"] = s.column_int64(0);
    m["committee"] = to_json(s.column_optional_text(1));
    m["meeting_date"] = to_json(s.column_optional_text(2));
    m["time"] = to_json(s.column_optional_text(3));
    m["venue"] = to_json(s.column_optional_text(4));
    m["municipal_year"] = s.column_text(5);
    m["actions"] = s.column_int64(6);
    m["open_actions"] = s.column_int64(7);
    return m;
}

constexpr std::string_view k_meeting_columns = R"sql(
    SELECT m.id, m.committee, m.meeting_date, m.time, m.venue, m.municipal_year,
           (SELECT COUNT(*) FROM actions AS a WHERE a.meeting_id = m.id),
           (SELECT COUNT(*) FROM actions AS a WHERE a.meeting_id = m.id
                AND a.status IN ('open', 'in_progress'))
    FROM meetings AS m
)sql";

json::object resolution_json(store::Statement& s) {
    json::object r;
    r["id"] = s.column_int64(0);
    r["reference"] = s.column_text(1);
    r["meeting_id"] = s.column_int64(2);
    r["committee"] = to_json(s.column_optional_text(3));
    r["meeting_date"] = to_json(s.column_optional_text(4));
    r["item"] = s.column_text(5);
    r["kind"] = s.column_text(6);
    r["label"] = s.column_text(7);
    r["text"] = s.column_text(8);
    return r;
}

constexpr std::string_view k_resolution_columns = R"sql(
    SELECT r.id, r.reference, r.meeting_id, m.committee, m.meeting_date, r.item, r.kind,
           r.label, r.text
    FROM resolutions AS r JOIN meetings AS m ON m.id = r.meeting_id
)sql";

// FTS5 query from user words (see action_queries.cpp): each word quoted.
std::optional<std::string> fts(const std::optional<std::string>& q) {
    if (!q) return std::nullopt;
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out += ' ';
        out += '"';
        for (const char c : word) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
        word.clear();
    };
    for (const char c : *q) {
        if (c == ' ' || c == '\t') {
            flush();
        } else {
            word += c;
        }
    }
    flush();
    if (out.empty()) return std::nullopt;
    return out;
}

}  // namespace

Response api_resolutions(Context& context) {
    const std::string sql = std::string(k_resolution_columns) + R"sql(
        WHERE (?1 IS NULL OR m.committee = ?1 COLLATE NOCASE)
          AND (?2 IS NULL OR r.kind = ?2)
          AND (?3 IS NULL OR r.id IN (SELECT rowid FROM resolution_search
                                      WHERE resolution_search MATCH ?3))
          AND (?4 IS NULL OR r.meeting_id = ?4)
          AND r.id > ?5
        ORDER BY r.id LIMIT ?6
    )sql";
    return paged_list(context, sql, "resolutions",
                      {context.params.get("committee"), context.params.get("kind"),
                       fts(context.params.get("q")), context.params.get("meeting_id")},
                      resolution_json);
}

Response api_meetings(Context& context) {
    const std::string sql = std::string(k_meeting_columns) + R"sql(
        WHERE (?1 IS NULL OR m.committee = ?1 COLLATE NOCASE) AND m.id > ?2
        ORDER BY m.id LIMIT ?3
    )sql";
    return paged_list(context, sql, "meetings", {context.params.get("committee")}, meeting_json);
}

Response api_meeting(Context& context, std::int64_t id) {
    auto s = context.reader.statement(std::string(k_meeting_columns) + "WHERE m.id = ?");
    if (!s) return database_error(s.error());
    (*s)->bind(1, id);
    auto has_row = (*s)->step();
    if (!has_row) return database_error(has_row.error());
    if (!*has_row) return json_error(404, "not found", fmt::format("no meeting with id {}", id));
    json::object body = meeting_json(**s);
    {
        auto items = context.reader.statement(
            "SELECT number, title FROM items WHERE meeting_id = ? ORDER BY position");
        if (!items) return database_error(items.error());
        (*items)->bind(1, id);
        json::array list;
        while (true) {
            auto row = (*items)->step();
            if (!row) return database_error(row.error());
            if (!*row) break;
            json::object item;
            item["number"] = (*items)->column_text(0);
            item["title"] = (*items)->column_text(1);
            list.push_back(std::move(item));
        }
        body["items"] = std::move(list);
    }
    {
        auto r = context.reader.statement(std::string(k_resolution_columns) +
                                          "WHERE r.meeting_id = ? ORDER BY r.position");
        if (!r) return database_error(r.error());
        (*r)->bind(1, id);
        json::array list;
        while (true) {
            auto row = (*r)->step();
            if (!row) return database_error(row.error());
            if (!*row) break;
            list.push_back(resolution_json(**r));
        }
        body["resolutions"] = std::move(list);
    }
    store::ActionQuery query;
    query.today = context.today;
    query.limit = 1000;
    query.sort = "id";
    query.meeting_id = id;
    auto actions = store::query_actions(context.reader, query);
    if (!actions) return database_error(actions.error());
    json::array list;
    for (const auto& action : actions->actions) list.push_back(action_json(action));
    body["actions"] = std::move(list);
    return json_response(json::serialize(body));
}

Response api_documents(Context& context) {
    const std::string sql = R"sql(
        SELECT id, path, sha256, size, received_at, status, error, meeting_id FROM documents
        WHERE (?1 IS NULL OR status = ?1) AND id > ?2 ORDER BY id LIMIT ?3
    )sql";
    return paged_list(context, sql, "documents", {context.params.get("status")},
                      [](store::Statement& s) {
                          json::object d;
                          d["id"] = s.column_int64(0);
                          d["path"] = s.column_text(1);
                          d["sha256"] = s.column_text(2);
                          d["size"] = s.column_int64(3);
                          d["received_at"] = s.column_text(4);
                          d["status"] = s.column_text(5);
                          d["error"] = to_json(s.column_optional_text(6));
                          if (s.is_null(7)) {
                              d["meeting_id"] = nullptr;
                          } else {
                              d["meeting_id"] = s.column_int64(7);
                          }
                          return d;
                      });
}

Response api_owners(Context& context) {
    auto s = context.reader.statement(R"sql(
        SELECT owner, COUNT(*),
               SUM(status IN ('open', 'in_progress')),
               SUM(status IN ('open', 'in_progress') AND due_date < ?1)
        FROM actions WHERE owner IS NOT NULL GROUP BY owner ORDER BY owner
    )sql");
    if (!s) return database_error(s.error());
    (*s)->bind(1, context.today);
    json::array owners;
    while (true) {
        auto row = (*s)->step();
        if (!row) return database_error(row.error());
        if (!*row) break;
        json::object o;
        o["owner"] = (*s)->column_text(0);
        o["actions"] = (*s)->column_int64(1);
        o["open"] = (*s)->column_int64(2);
        o["overdue"] = (*s)->column_int64(3);
        owners.push_back(std::move(o));
    }
    json::object body;
    body["owners"] = std::move(owners);
    return json_response(json::serialize(body));
}

}  // namespace actiontrack::web
