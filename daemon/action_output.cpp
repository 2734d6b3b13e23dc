#include "daemon/action_output.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "daemon/csv.hpp"
#include "daemon/json_format.hpp"
#include "daemon/table.hpp"

namespace actiontrack::cli {

namespace {

namespace json = boost::json;

json::value optional_string(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return json::value(*text);
}

// Empty committee and item mean "not stated", shown as null like every other unknown.
json::value non_empty(const std::string& text) {
    if (text.empty()) return nullptr;
    return json::value(text);
}

std::string due_cell(const store::ActionRow& row) {
    if (row.due_date) return *row.due_date;
    if (row.due_text) return *row.due_text;
    return "-";
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view text) {
    if (text == "table") return OutputFormat::table;
    if (text == "json") return OutputFormat::json;
    if (text == "csv") return OutputFormat::csv;
    return std::nullopt;
}

std::string actions_table(std::span<const store::ActionRow> rows) {
    Table table({
        {"ID", 8},
        {"REFERENCE", 28},
        {"OWNER", 20},
        {"DUE", 12},
        {"STATUS", 11},
        {"TEXT", 50},
    });
    for (const auto& row : rows) {
        table.add_row({std::to_string(row.id), row.reference, row.owner.value_or("-"),
                       due_cell(row), std::string(store::to_string(row.status)), row.text});
    }
    return table.render();
}

std::string actions_json(std::span<const store::ActionRow> rows) {
    json::array out;
    for (const auto& row : rows) {
        out.push_back(json::object{
            {"id", row.id},
            {"reference", row.reference},
            {"committee", non_empty(row.committee)},
            {"meeting_date", optional_string(row.meeting_date)},
            {"item", non_empty(row.item)},
            {"text", row.text},
            {"owner", optional_string(row.owner)},
            {"due_date", optional_string(row.due_date)},
            {"due_text", optional_string(row.due_text)},
            {"status", json::string(store::to_string(row.status))},
            {"created_at", row.created_at},
            {"updated_at", row.updated_at},
        });
    }
    return pretty_json(out);
}

std::string actions_csv(std::span<const store::ActionRow> rows) {
    static const std::array<std::string, 12> k_header = {
        "id",    "reference", "committee", "meeting_date", "item",       "text",
        "owner", "due_date",  "due_text",  "status",       "created_at", "updated_at"};
    std::string out = csv_record(k_header);
    for (const auto& row : rows) {
        const std::array<std::string, 12> fields = {std::to_string(row.id),
                                                    row.reference,
                                                    row.committee,
                                                    row.meeting_date.value_or(""),
                                                    row.item,
                                                    row.text,
                                                    row.owner.value_or(""),
                                                    row.due_date.value_or(""),
                                                    row.due_text.value_or(""),
                                                    std::string(store::to_string(row.status)),
                                                    row.created_at,
                                                    row.updated_at};
        out += csv_record(fields);
    }
    return out;
}

std::string render_actions(std::span<const store::ActionRow> rows, OutputFormat format) {
    switch (format) {
        case OutputFormat::table:
            return actions_table(rows);
        case OutputFormat::json:
            return actions_json(rows);
        case OutputFormat::csv:
            return actions_csv(rows);
    }
    return {};
}

}  // namespace actiontrack::cli
