#include "parsers/formats/table_text.hpp"

#include <array>
#include <optional>

#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

// Column roles of an action log, recognised from the header row's wording.
struct ActionColumns {
    std::size_t action = 0;
    std::size_t owner = 0;
    std::optional<std::size_t> due;
    std::optional<std::size_t> status;
};

std::string join_cell(const TableCell& cell) {
    std::string out;
    for (const auto& paragraph : cell) {
        if (!out.empty()) out.push_back(' ');
        out.append(paragraph);
    }
    return text::collapse_spaces(out);
}

bool contains_any(std::string_view lower, std::initializer_list<std::string_view> needles) {
    for (auto n : needles)
        if (lower.find(n) != std::string_view::npos) return true;
    return false;
}

// True when join_cell(cell) would be longer than `limit`: it keeps every byte that is not
// whitespace. Stops counting past the limit, so a header cell holding a page of prose (layout
// tables put whole minutes in one cell) is ruled out without joining and lower-casing it.
bool joins_longer_than(const TableCell& cell, std::size_t limit) {
    std::size_t visible = 0;
    for (const auto& paragraph : cell)
        for (char c : paragraph)
            if (!text::is_space(c) && ++visible > limit) return true;
    return false;
}

std::optional<ActionColumns> action_columns(const TableRow& header) {
    constexpr std::size_t k_longest_header = 40;
    std::optional<std::size_t> action, owner, due, status;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (joins_longer_than(header[c], k_longest_header)) continue;
        const std::string h = text::to_lower(join_cell(header[c]));
        if (h.empty() || h.size() > k_longest_header) continue;
        // Owner first: "Action by" and "Action owner" name the owner, not the task.
        if (!owner && contains_any(h, {"responsib", "owner", "officer", "by whom", "lead",
                                       "action by", "who"}))
            owner = c;
        else if (!due && contains_any(h, {"due", "deadline", "by when", "date", "timescale",
                                          "target", "when"}))
            due = c;
        else if (!action && contains_any(h, {"action", "task"}))
            action = c;
        else if (!status && contains_any(h, {"status", "progress"}))
            status = c;
    }
    if (!action || !owner) return std::nullopt;
    return ActionColumns{*action, *owner, due, status};
}

// "31 March 2023" → "by 31 March 2023"; phrases that carry their own preposition are kept.
std::string due_phrase(std::string_view due) {
    const std::string lower = text::to_lower(due);
    for (std::string_view none : {"", "-", "n/a", "na", "tbc", "tba", "none"})
        if (lower == none) return {};
    const std::string first = text::to_lower(text::word_after(lower, 0));
    for (std::string_view preposition :
         {"by", "before", "at", "in", "within", "on", "during", "after", "until", "ongoing"})
        if (first == preposition) return std::string(due);
    if (first == "end" || first == "next") {
        std::string phrase(due);  // "End of April 2023" → "by the end of April 2023"
        phrase[0] = text::to_lower(phrase[0]);
        return "by the " + phrase;
    }
    return "by " + std::string(due);
}

// The task as an infinitive clause: "To circulate X." / "Circulate X." → "circulate X".
std::string task_clause(std::string task) {
    while (!task.empty() && (task.back() == '.' || task.back() == ';')) task.pop_back();
    if (text::istarts_with(task, "to ")) task.erase(0, 3);
    // Lower-case a capitalised verb ("Circulate"), never an acronym or a name ("OSB", "Cllr").
    const std::string_view first = text::word_after(task, 0);
    bool rest_lower = first.size() > 1;
    for (std::size_t i = 1; i < first.size(); ++i) rest_lower &= text::is_lower(first[i]);
    if (!task.empty() && text::is_upper(task[0]) && rest_lower) task[0] = text::to_lower(task[0]);
    return task;
}

bool is_finished(std::string_view status) {
    const std::string first = text::to_lower(text::word_after(status, 0));
    for (std::string_view done : {"complete", "completed", "done", "closed", "superseded", "withdrawn",
                                  "discharged", "finished", "resolved", "cancelled"})
        if (first == done) return true;
    return false;
}

void append_action_rows(std::string& out, const std::vector<TableRow>& rows,
                        const ActionColumns& cols) {
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const TableRow& row = rows[r];
        auto cell = [&](std::size_t c) {
            return c < row.size() ? join_cell(row[c]) : std::string();
        };
        const std::string task = task_clause(cell(cols.action));
        if (task.empty()) continue;
        // A log of earlier actions: "Complete", "Superseded - see EA/23/22" leave nothing to do.
        if (cols.status && is_finished(cell(*cols.status))) continue;
        std::string line = "ACTION: ";
        const std::string owner = cell(cols.owner);
        if (!owner.empty()) line += owner + " to ";
        line += task;
        if (cols.due) {
            const std::string due = due_phrase(cell(*cols.due));
            if (!due.empty()) line += " " + due;
        }
        line += ".";
        append_paragraph(out, line);
    }
}

// "4.", "21/44", "(3)": the number cell of an agenda table, which starts an item on its own.
bool is_item_number(std::string_view s) {
    if (s.empty() || s.size() > 8 || !(text::is_digit(s[0]) || s[0] == '(')) return false;
    for (char c : s)
        if (!text::is_digit(c) && c != '.' && c != '/' && c != '(' && c != ')') return false;
    return true;
}

}  // namespace

void append_paragraph(std::string& out, std::string_view paragraph) {
    const std::string_view trimmed = text::trim(paragraph);
    if (trimmed.empty()) return;
    out.append(trimmed);
    out.append("\n\n");
}

std::vector<std::string> split_paragraphs(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find("\n\n", start);
        if (end == std::string_view::npos) end = s.size();
        const std::string_view piece = text::trim(s.substr(start, end - start));
        if (!piece.empty()) out.emplace_back(piece);
        start = end + 2;
    }
    return out;
}

bool is_action_log_header(const TableRow& header) { return action_columns(header).has_value(); }

void append_table(std::string& out, const std::vector<TableRow>& rows) {
    if (rows.empty()) return;
    if (auto cols = action_columns(rows.front())) {
        append_action_rows(out, rows, *cols);
        return;
    }
    for (const TableRow& row : rows) {
        // A row of short single-paragraph cells is a record ("Councillor Ali | Present"); a row
        // holding prose (ModernGov's "number | heading and minutes") is read cell by cell.
        std::size_t filled = 0;
        bool short_cells = true;
        for (const auto& cell : row) {
            if (cell.empty()) continue;
            if (filled == 0 && cell.size() == 1 && is_item_number(cell.front()))
                short_cells = false;
            ++filled;
            short_cells &= cell.size() == 1 && cell.front().size() <= 80;
        }
        if (filled >= 2 && short_cells) {
            std::string line;
            for (const auto& cell : row) {
                if (cell.empty()) continue;
                if (!line.empty()) line += " | ";
                line += cell.front();
            }
            append_paragraph(out, line);
            continue;
        }
        for (const auto& cell : row)
            for (const auto& paragraph : cell) append_paragraph(out, paragraph);
    }
}

}  // namespace actiontrack::parsers
