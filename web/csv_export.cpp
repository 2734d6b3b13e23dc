#include "web/csv_export.hpp"

#include <fmt/core.h>

#include <map>

#include "store/reader.hpp"
#include "store/store.hpp"
#include "web/context.hpp"
#include "web/filters.hpp"

namespace actiontrack::web {
namespace {

std::string field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void record(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += field(fields[i]);
    }
    out += "\r\n";
}

std::string normalise_header(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        }
    }
    return out;
}

// Header (normalised) → our column name.
const std::map<std::string, std::string>& aliases() {
    static const std::map<std::string, std::string> table = {
        {"reference", "reference"}, {"ref", "reference"},
        {"committee", "committee"}, {"meeting", "committee"},
        {"meetingdate", "meeting_date"}, {"dateofmeeting", "meeting_date"},
        {"minutenumber", "item"}, {"minute", "item"}, {"minuteno", "item"}, {"item", "item"},
        {"resolutiontext", "resolution"}, {"resolution", "resolution"},
        {"recommendation", "resolution"},
        {"action", "text"}, {"actionrequired", "text"}, {"actiontext", "text"},
        {"leadofficer", "owner"}, {"owner", "owner"}, {"responsibleofficer", "owner"},
        {"duedate", "due_date"}, {"deadline", "due_date"}, {"targetdate", "due_date"},
        {"ragstatus", "rag"}, {"rag", "rag"},
        {"latestupdate", "note"}, {"update", "note"}, {"progress", "note"},
        {"dateclosed", "closed"},
        {"status", "status"},
    };
    return table;
}

}  // namespace

const std::vector<std::string>& csv_columns() {
    static const std::vector<std::string> columns = {
        "Reference", "Committee", "Meeting date", "Minute number", "Resolution text", "Action",
        "Lead officer", "Due date", "RAG status", "Latest update", "Date closed", "Status"};
    return columns;
}

Result<std::string> actions_csv(store::Reader& reader, store::ActionQuery query) {
    std::string out = "\xEF\xBB\xBF";
    record(out, csv_columns());
    query.limit = 1000;
    query.cursor.reset();
    while (true) {
        TRY_ASSIGN(page, store::query_actions(reader, query));
        for (const store::ActionView& a : page.actions) {
            TRY_ASSIGN(note, store::latest_note(reader, a.id));
            TRY_ASSIGN(closed, store::closed_date(reader, a.id));
            record(out, {a.reference, a.committee, a.meeting_date.value_or(""), a.item,
                         a.resolution_text.value_or(""), a.text, a.owner.value_or(""),
                         a.due_date.value_or(""), a.rag, note.value_or(""),
                         closed.value_or(""), a.status});
        }
        if (!page.next_cursor) break;
        query.cursor = page.next_cursor;
    }
    return out;
}

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string current;
    bool quoted = false;
    bool field_started = false;
    int line = 1;
    int quote_line = 0;
    auto end_field = [&] {
        fields.push_back(std::move(current));
        current.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        // A blank line is no record.
        if (!(fields.size() == 1 && fields[0].empty())) records.push_back(std::move(fields));
        fields.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    current += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                current += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_line = line;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_record();
            ++line;
        } else {
            current += c;
            field_started = true;
        }
    }
    if (quoted) return Error(fmt::format("line {}: a quoted field is never closed", quote_line));
    if (!current.empty() || !fields.empty()) end_record();
    return records;
}

Result<ImportReport> import_csv(store::Store& store, std::string_view text, bool partial,
                                std::string_view who) {
    TRY_ASSIGN(records, parse_csv(text));
    if (records.empty()) return Error("the file has no header row");
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < records[0].size(); ++i) {
        const auto alias = aliases().find(normalise_header(records[0][i]));
        if (alias != aliases().end() && !column.contains(alias->second)) {
            column[alias->second] = i;
        }
    }
    for (const char* required : {"committee", "text"}) {
        if (!column.contains(required)) {
            return Error(fmt::format("no '{}' column in the header row",
                                     required == std::string_view("text") ? "Action" : "Committee"));
        }
    }
    ImportReport report;
    std::vector<store::ManualAction> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& fields = records[r];
        auto get = [&](const char* name) -> std::optional<std::string> {
            const auto found = column.find(name);
            if (found == column.end() || found->second >= fields.size()) return std::nullopt;
            if (fields[found->second].empty()) return std::nullopt;
            return fields[found->second];
        };
        const int line = static_cast<int>(r) + 1;
        store::ManualAction action;
        action.committee = get("committee").value_or("");
        action.text = get("text").value_or("");
        action.meeting_date = get("meeting_date");
        action.item = get("item").value_or("");
        action.owner = get("owner");
        action.due_date = get("due_date");
        action.reference = get("reference");
        action.note = get("note");
        action.resolution_text = get("resolution");
        std::string problem;
        if (action.text.empty()) problem = "the action is empty";
        for (const auto& [name, value] :
             {std::pair{"meeting date", action.meeting_date}, {"due date", action.due_date}}) {
            if (value && !parsers::parse_iso_date(*value)) {
                problem = fmt::format("{} '{}' is not a date (YYYY-MM-DD)", name, *value);
            }
        }
        if (auto status = get("status")) {
            action.status = store::parse_action_status(*status);
            if (!action.status) problem = fmt::format("status '{}' is not known", *status);
        }
        if (!problem.empty()) {
            report.problems.push_back(fmt::format("line {}: {}", line, problem));
            continue;
        }
        rows.push_back(std::move(action));
    }
    if (!report.problems.empty() && !partial) return report;
    if (!partial) {
        // All or nothing: one transaction.
        if (auto added = store.add_manual_actions(rows, who); !added) {
            report.problems.push_back(added.error().message());
            return report;
        }
        report.imported = static_cast<int>(rows.size());
        return report;
    }
    for (const auto& action : rows) {
        if (auto id = store.add_manual_action(action, who); !id) {
            report.problems.push_back(id.error().message());
            continue;
        }
        ++report.imported;
    }
    return report;
}

Response export_csv(Context& context) {
    auto query = action_query_from(context.params, context.today);
    if (!query) return json_error(400, "bad parameter", query.error().message());
    auto csv = actions_csv(context.reader, *query);
    if (!csv) return json_error(400, "bad parameter", csv.error().message());
    Response response;
    response.content_type = "text/csv; charset=utf-8; header=present";
    response.body = std::move(*csv);
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"actions.csv\"");
    return response;
}

}  // namespace actiontrack::web
