// /api/actions: list, one action with its context, PATCH (If-Match) and POST.

#include <fmt/core.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <algorithm>
#include <charconv>
#include <variant>

#include "store/action_reads.hpp"
#include "store/reader.hpp"
#include "store/store.hpp"
#include "web/context.hpp"
#include "web/filters.hpp"
#include "web/json_views.hpp"
#include "web/write_gate.hpp"

namespace actiontrack::web {

namespace json = boost::json;

namespace {

bool is_json_content(std::string_view content_type) {
    const std::string_view type = content_type.substr(0, content_type.find(';'));
    return type == "application/json" || type == "application/merge-patch+json";
}

// Parses the body as a JSON object, or returns the error response to send.
std::variant<json::object, Response> json_body(const Request& request) {
    if (!is_json_content(request.content_type)) {
        return json_error(415, "unsupported media type", "send Content-Type: application/json");
    }
    boost::system::error_code ec;
    json::value value = json::parse(request.body, ec);
    if (ec) return json_error(400, "malformed JSON", ec.message());
    if (!value.is_object()) return json_error(400, "malformed JSON", "the body must be an object");
    return std::move(value.as_object());
}

// A string field, absent, or null (for the clearable ones); otherwise an error text.
struct Field {
    bool present = false;
    std::optional<std::string> value;  // nullopt = JSON null
};
Result<Field> text_field(const json::object& body, std::string_view name, bool nullable) {
    const json::value* value = body.if_contains(name);
    if (value == nullptr) return Field{};
    if (value->is_null() && nullable) return Field{true, std::nullopt};
    if (!value->is_string()) {
        return Error(fmt::format("{} must be a string{}", name, nullable ? " or null" : ""));
    }
    return Field{true, std::string(value->as_string())};
}

Result<void> only_known(const json::object& body, std::initializer_list<std::string_view> known) {
    for (const auto& member : body) {
        bool found = false;
        for (const std::string_view name : known) found = found || member.key() == name;
        if (!found) return Error(fmt::format("unknown field '{}'", std::string(member.key())));
    }
    return {};
}

// The version an If-Match header asks for: "a12-v3" (weak or strong) → 3; "*" → any.
std::optional<std::int64_t> if_match_version(std::string_view header, bool& malformed) {
    malformed = false;
    if (header.empty() || header == "*") return std::nullopt;
    const std::size_t v = header.rfind("-v");
    std::int64_t version = 0;
    if (v != std::string_view::npos) {
        const char* begin = header.data() + v + 2;
        const char* end = header.data() + header.size();
        if (end > begin && *(end - 1) == '"') --end;
        const auto [stop, ec] = std::from_chars(begin, end, version);
        if (ec == std::errc() && stop == end) return version;
    }
    malformed = true;
    return std::nullopt;
}

Response action_response(Context& context, std::int64_t id, int status) {
    auto action = store::find_action(context.reader, id, context.today);
    if (!action) return database_error(action.error());
    if (!*action) return json_error(404, "not found", fmt::format("no action with id {}", id));
    json::object body = action_json(**action);
    auto events = store::action_events(context.reader, id);
    if (!events) return database_error(events.error());
    json::array history;
    for (const auto& event : *events) history.push_back(event_json(event));
    body["history"] = std::move(history);
    Response response = json_response(json::serialize(body), status);
    response.etag = action_etag(id, (*action)->version);
    return response;
}

}  // namespace

namespace {

// The sorting path, for the rare page whose rows SQLite hands out of order.
Response list_from_page(const store::ActionPage& page) {
    std::string body;
    body.reserve(64 + page.actions.size() * 512);
    body += "{\"actions\":[";
    for (const auto& action : page.actions) {
        append_action_json(body, action);
        body.push_back(',');
    }
    if (!page.actions.empty()) body.pop_back();
    body += "],\"next_cursor\":";
    if (page.next_cursor) {
        append_json_string(body, *page.next_cursor);
    } else {
        body += "null";
    }
    body.push_back('}');
    return json_response(std::move(body));
}

Response query_error(const Error& error) {
    // Validation failures are the client's; a database failure has "SQLite" in it.
    const bool ours = error.message().find("SQLite") != std::string::npos ||
                      error.message().find("cannot prepare") != std::string::npos;
    return ours ? database_error(error) : json_error(400, "bad parameter", error.message());
}

}  // namespace

Response api_list_actions(Context& context) {
    auto query = action_query_from(context.params, context.today);
    if (!query) return json_error(400, "bad parameter", query.error().message());
    // Each row is written out as JSON straight from the statement's columns: no ActionView, no
    // json::value, one growing string (sized for a typical 50-row page at the first go).
    std::string body;
    body.reserve(static_cast<std::size_t>(std::min(query->limit, 200)) * 700 + 64);
    body += "{\"actions\":[";
    auto page = store::stream_actions(context.reader, *query,
                                      [&body](const store::ActionRowView& row) {
                                          append_action_json(body, row);
                                          body.push_back(',');
                                      });
    if (!page) return query_error(page.error());
    if (!page->in_order) {
        auto sorted = store::query_actions(context.reader, *query);
        if (!sorted) return query_error(sorted.error());
        return list_from_page(*sorted);
    }
    if (body.back() == ',') body.pop_back();
    body += "],\"next_cursor\":";
    if (page->next_cursor) {
        append_json_string(body, *page->next_cursor);
    } else {
        body += "null";
    }
    body.push_back('}');
    return json_response(std::move(body));
}

Response api_get_action(Context& context, std::int64_t id) {
    auto response = action_response(context, id, 200);
    if (response.status != 200) return response;
    // The full view adds the resolution, meeting and source documents.
    auto action = store::find_action(context.reader, id, context.today);
    if (!action || !*action) return response;
    json::object body = json::parse(response.body).as_object();
    const store::ActionView& view = **action;
    if (view.resolution_id) {
        auto s = context.reader.statement(
            "SELECT id, reference, kind, label, text, item FROM resolutions WHERE id = ?");
        if (!s) return database_error(s.error());
        (*s)->bind(1, *view.resolution_id);
        auto has_row = (*s)->step();
        if (!has_row) return database_error(has_row.error());
        if (*has_row) {
            json::object r;
            r["id"] = (*s)->column_int64(0);
            r["reference"] = (*s)->column_text(1);
            r["kind"] = (*s)->column_text(2);
            r["label"] = (*s)->column_text(3);
            r["text"] = (*s)->column_text(4);
            r["item"] = (*s)->column_text(5);
            body["resolution"] = std::move(r);
        }
    }
    if (!body.contains("resolution")) body["resolution"] = nullptr;
    {
        auto s = context.reader.statement(
            "SELECT id, committee, meeting_date, time, venue, municipal_year FROM meetings "
            "WHERE id = ?");
        if (!s) return database_error(s.error());
        (*s)->bind(1, view.meeting_id);
        auto has_row = (*s)->step();
        if (!has_row) return database_error(has_row.error());
        json::object m;
        if (*has_row) {
            m["id"] = (*s)->column_int64(0);
            m["committee"] = to_json((*s)->column_optional_text(1));
            m["meeting_date"] = to_json((*s)->column_optional_text(2));
            m["time"] = to_json((*s)->column_optional_text(3));
            m["venue"] = to_json((*s)->column_optional_text(4));
            m["municipal_year"] = (*s)->column_text(5);
        }
        body["meeting"] = std::move(m);
    }
    {
        auto s = context.reader.statement(
            "SELECT id, path, sha256, received_at FROM documents WHERE meeting_id = ? AND "
            "status = 'ingested' ORDER BY id DESC");
        if (!s) return database_error(s.error());
        (*s)->bind(1, view.meeting_id);
        json::array documents;
        while (true) {
            auto has_row = (*s)->step();
            if (!has_row) return database_error(has_row.error());
            if (!*has_row) break;
            json::object d;
            d["id"] = (*s)->column_int64(0);
            d["path"] = (*s)->column_text(1);
            d["sha256"] = (*s)->column_text(2);
            d["received_at"] = (*s)->column_text(3);
            documents.push_back(std::move(d));
        }
        body["source_documents"] = std::move(documents);
    }
    response.body = json::serialize(body);
    return response;
}

Response api_patch_action(Context& context, std::int64_t id) {
    auto parsed = json_body(context.request);
    if (auto* error = std::get_if<Response>(&parsed)) return std::move(*error);
    const json::object& body = std::get<json::object>(parsed);
    if (auto known = only_known(body, {"status", "owner", "due_date", "rag", "note"}); !known) {
        return json_error(422, "invalid field", known.error().message());
    }
    store::ActionChange change;
    auto status = text_field(body, "status", false);
    auto owner = text_field(body, "owner", true);
    auto due = text_field(body, "due_date", true);
    auto rag = text_field(body, "rag", true);
    auto note = text_field(body, "note", false);
    for (const auto* field : {&status, &owner, &due, &rag, &note}) {
        if (!*field) return json_error(422, "invalid field", field->error().message());
    }
    if (status->present) {
        change.status = store::parse_action_status(status->value.value_or(""));
        if (!change.status) {
            return json_error(422, "invalid field",
                              "status must be open, in_progress, done or dropped");
        }
    }
    if (owner->present) change.owner = owner->value;
    if (due->present) {
        if (due->value && !parsers::parse_iso_date(*due->value)) {
            return json_error(422, "invalid field", "due_date must be an ISO date (YYYY-MM-DD)");
        }
        change.due_date = due->value;
    }
    if (rag->present) {
        if (rag->value && *rag->value != "red" && *rag->value != "amber" &&
            *rag->value != "green") {
            return json_error(422, "invalid field", "rag must be red, amber, green or null");
        }
        change.rag_override = rag->value;
    }
    if (note->present) change.note = note->value;
    if (body.empty()) return json_error(422, "nothing to change", "the body has no fields");

    bool malformed = false;
    change.expected_version = if_match_version(context.request.if_match, malformed);
    if (malformed) {
        return json_error(412, "precondition failed", "If-Match must be an ETag of this action");
    }
    auto report = context.gate->writer().change_action(id, change, *context.token_who);
    if (!report) return json_error(422, "invalid change", report.error().message());
    if (report->outcome == store::ChangeOutcome::not_found) {
        return json_error(404, "not found", fmt::format("no action with id {}", id));
    }
    if (report->outcome == store::ChangeOutcome::conflict) {
        Response response = json_error(
            412, "precondition failed",
            "the action changed since you read it; GET it again and reapply your change");
        response.etag = action_etag(id, report->version);
        return response;
    }
    return action_response(context, id, 200);
}

Response api_post_action(Context& context) {
    auto parsed = json_body(context.request);
    if (auto* error = std::get_if<Response>(&parsed)) return std::move(*error);
    const json::object& body = std::get<json::object>(parsed);
    if (auto known = only_known(body, {"committee", "meeting_date", "item", "text", "owner",
                                       "due_date", "rag", "note", "reference"});
        !known) {
        return json_error(422, "invalid field", known.error().message());
    }
    store::ManualAction action;
    const std::initializer_list<std::pair<std::string_view, bool>> names = {
        {"committee", true}, {"text", true}};
    for (const auto& [name, required] : names) {
        auto field = text_field(body, name, false);
        if (!field) return json_error(422, "invalid field", field.error().message());
        if (required && (!field->present || !field->value || field->value->empty())) {
            return json_error(422, "missing field", fmt::format("{} is required", name));
        }
        (name == "committee" ? action.committee : action.text) = *field->value;
    }
    struct Optional {
        std::string_view name;
        std::optional<std::string>* target;
    };
    for (const Optional& optional :
         {Optional{"meeting_date", &action.meeting_date}, Optional{"owner", &action.owner},
          Optional{"due_date", &action.due_date}, Optional{"rag", &action.rag_override},
          Optional{"note", &action.note}, Optional{"reference", &action.reference}}) {
        auto field = text_field(body, optional.name, true);
        if (!field) return json_error(422, "invalid field", field.error().message());
        *optional.target = field->value;
    }
    auto item = text_field(body, "item", false);
    if (!item) return json_error(422, "invalid field", item.error().message());
    action.item = item->value.value_or("");
    if (action.reference) {
        auto taken = context.reader.statement("SELECT COUNT(*) FROM actions WHERE reference = ?");
        if (!taken) return database_error(taken.error());
        (*taken)->bind(1, *action.reference);
        auto row = (*taken)->step();
        if (!row) return database_error(row.error());
        if ((*taken)->column_int64(0) > 0) {
            return json_error(409, "conflict",
                              fmt::format("reference '{}' is already used", *action.reference));
        }
    }
    auto id = context.gate->writer().add_manual_action(action, *context.token_who);
    if (!id) return json_error(422, "invalid action", id.error().message());
    Response response = action_response(context, *id, 201);
    response.headers.emplace_back("Location", fmt::format("/api/actions/{}", *id));
    return response;
}

}  // namespace actiontrack::web
