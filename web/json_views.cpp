#include "web/json_views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

namespace actiontrack::web {

namespace json = boost::json;

json::value to_json(const std::optional<std::string>& text, json::storage_ptr storage) {
    if (!text) return json::value(nullptr, std::move(storage));
    return json::value(json::string_view(*text), std::move(storage));
}

// Members are emplaced into an object sized for all of them: no rehashing on the way, and with
// a monotonic `storage` (the list endpoint) no allocation per member either.
json::object action_json(const store::ActionView& a, json::storage_ptr storage) {
    json::object o(storage);
    o.reserve(17);
    auto optional = [&storage](const std::optional<std::string>& text) {
        return to_json(text, storage);
    };
    o.emplace("id", a.id);
    o.emplace("reference", a.reference);
    o.emplace("committee", a.committee);
    o.emplace("meeting_id", a.meeting_id);
    o.emplace("meeting_date", optional(a.meeting_date));
    o.emplace("item", a.item);
    o.emplace("text", a.text);
    o.emplace("owner", optional(a.owner));
    o.emplace("due_date", optional(a.due_date));
    o.emplace("due_text", optional(a.due_text));
    o.emplace("status", a.status);
    o.emplace("rag", a.rag);
    o.emplace("rag_override", optional(a.rag_override));
    if (a.resolution_id) {
        o.emplace("resolution_id", *a.resolution_id);
    } else {
        o.emplace("resolution_id", nullptr);
    }
    o.emplace("version", a.version);
    o.emplace("created_at", a.created_at);
    o.emplace("updated_at", a.updated_at);
    return o;
}

json::object event_json(const store::ActionEvent& e) {
    json::object o;
    o["id"] = e.id;
    o["at"] = e.at;
    o["who"] = e.who;
    o["kind"] = e.kind;
    o["from"] = to_json(e.from_value);
    o["to"] = to_json(e.to_value);
    o["note"] = e.note;
    return o;
}

void append_json_string(std::string& out, std::string_view text) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    out.push_back('"');
    std::size_t clean = 0;  // start of the run of bytes that need no escape
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out.append(text.substr(clean, i - clean));
        clean = i + 1;
        switch (byte) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                out += "\\u00";
                out.push_back(k_hex[byte >> 4]);
                out.push_back(k_hex[byte & 0x0f]);
        }
    }
    out.append(text.substr(clean));
    out.push_back('"');
}

namespace {

void append_member(std::string& out, std::string_view name) {
    // Every name below is a plain identifier: no escaping needed.
    out.push_back('"');
    out.append(name);
    out += "\":";
}

void append_text(std::string& out, std::string_view name, std::string_view text) {
    append_member(out, name);
    append_json_string(out, text);
    out.push_back(',');
}

void append_optional(std::string& out, std::string_view name,
                     const std::optional<std::string_view>& text) {
    append_member(out, name);
    if (text) {
        append_json_string(out, *text);
    } else {
        out += "null";
    }
    out.push_back(',');
}

void append_integer(std::string& out, std::string_view name, std::int64_t value) {
    append_member(out, name);
    const fmt::format_int digits(value);
    out.append(digits.data(), digits.size());
    out.push_back(',');
}

}  // namespace

void append_action_json(std::string& out, const store::ActionRowView& a) {
    out.push_back('{');
    append_integer(out, "id", a.id);
    append_text(out, "reference", a.reference);
    append_text(out, "committee", a.committee);
    append_integer(out, "meeting_id", a.meeting_id);
    append_optional(out, "meeting_date", a.meeting_date);
    append_text(out, "item", a.item);
    append_text(out, "text", a.text);
    append_optional(out, "owner", a.owner);
    append_optional(out, "due_date", a.due_date);
    append_optional(out, "due_text", a.due_text);
    append_text(out, "status", a.status);
    append_text(out, "rag", a.rag);
    append_optional(out, "rag_override", a.rag_override);
    if (a.resolution_id) {
        append_integer(out, "resolution_id", *a.resolution_id);
    } else {
        append_member(out, "resolution_id");
        out += "null,";
    }
    append_integer(out, "version", a.version);
    append_text(out, "created_at", a.created_at);
    append_text(out, "updated_at", a.updated_at);
    out.back() = '}';  // the last member's comma
}

void append_action_json(std::string& out, const store::ActionView& a) {
    append_action_json(out, store::row_view(a));
}

}  // namespace actiontrack::web
