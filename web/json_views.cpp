#include "web/json_views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace actiontrack::web {

namespace json = boost::json;

json::value to_json(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return json::string(*text);
}

json::object action_json(const ActionView& a) {
    json::object o;
    o["id"] = a.id;
    o["reference"] = a.reference;
    o["committee"] = a.committee;
    o["meeting_id"] = a.meeting_id;
    o["meeting_date"] = to_json(a.meeting_date);
    o["item"] = a.item;
    o["text"] = a.text;
    o["owner"] = to_json(a.owner);
    o["due_date"] = to_json(a.due_date);
    o["due_text"] = to_json(a.due_text);
    o["status"] = a.status;
    o["rag"] = a.rag;
    o["rag_override"] = to_json(a.rag_override);
    if (a.resolution_id) {
        o["resolution_id"] = *a.resolution_id;
    } else {
        o["resolution_id"] = nullptr;
    }
    o["version"] = a.version;
    o["created_at"] = a.created_at;
    o["updated_at"] = a.updated_at;
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

}  // namespace actiontrack::web
