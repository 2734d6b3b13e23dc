#include "daemon/extraction_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace actiontrack::cli {

namespace {

namespace json = boost::json;

json::value optional_string(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return json::value(*text);
}

json::value optional_date(const std::optional<parsers::Date>& date) {
    if (!date) return nullptr;
    return json::value(parsers::iso_date(*date));
}

json::value non_empty(const std::string& text) {
    if (text.empty()) return nullptr;
    return json::value(text);
}

json::object meeting_json(const parsers::MeetingFacts& meeting) {
    return {
        {"committee", optional_string(meeting.committee)},
        {"date", optional_date(meeting.date)},
        {"time", optional_string(meeting.time)},
        {"venue", optional_string(meeting.venue)},
        {"contact", optional_string(meeting.contact)},
        {"next_meeting", optional_date(meeting.next_meeting)},
    };
}

json::object item_json(const parsers::Item& item) {
    json::object out{{"number", non_empty(item.number)}, {"title", non_empty(item.title)}};
    if (item.number_inferred) out["inferred"] = true;
    return out;
}

json::object resolution_json(const parsers::Resolution& resolution) {
    // A bare keyword ("NOTED") has text "", not null: the contract says so.
    json::object out{
        {"item", non_empty(resolution.item)},
        {"kind", json::string(parsers::to_string(resolution.kind))},
        {"text", resolution.text},
    };
    if (resolution.page) out["page"] = *resolution.page;  // PDF provenance
    return out;
}

json::object action_json(const parsers::Action& action) {
    json::object out{
        {"item", non_empty(action.item)},         {"text", action.text},
        {"owner", optional_string(action.owner)}, {"due_text", optional_string(action.due_text)},
        {"due", optional_date(action.due)},
    };
    if (action.derived) out["derived"] = true;
    if (action.page) out["page"] = *action.page;  // PDF provenance
    return out;
}

}  // namespace

json::value to_contract_json(const parsers::Extraction& extraction) {
    json::array items;
    for (const auto& item : extraction.items) items.push_back(item_json(item));
    json::array resolutions;
    for (const auto& resolution : extraction.resolutions) {
        resolutions.push_back(resolution_json(resolution));
    }
    json::array actions;
    for (const auto& action : extraction.actions) actions.push_back(action_json(action));
    return json::object{
        {"meeting", meeting_json(extraction.meeting)},
        {"items", std::move(items)},
        {"resolutions", std::move(resolutions)},
        {"actions", std::move(actions)},
    };
}

}  // namespace actiontrack::cli
