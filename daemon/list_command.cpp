// `actiontrack list`: the register's actions, filtered, as a table, JSON or CSV.

#include <fmt/core.h>

#include <array>

#include "daemon/action_output.hpp"
#include "daemon/commands.hpp"
#include "daemon/local_date.hpp"
#include "daemon/register_access.hpp"
#include "parsers/extraction.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_usage =
    "Usage: actiontrack list [--db PATH] [--status S] [--owner O] [--overdue]\n"
    "                        [--due-before DATE] [--format table|json|csv]\n"
    "\n"
    "Lists the actions in the register.\n"
    "\n"
    "Options:\n"
    "  --db PATH          the register (default actiontrack.db in the current folder)\n"
    "  --status S         only actions with status S: open, in_progress, done or dropped\n"
    "  --owner O          only actions whose owner contains O (any case)\n"
    "  --overdue          only actions due before today that are not done or dropped\n"
    "  --due-before DATE  only actions due before DATE (YYYY-MM-DD)\n"
    "  --format F         table (default), json or csv (RFC 4180, with a header)\n"
    "  -h, --help         show this help\n";

constexpr std::array<OptionSpec, 7> k_options = {{
    {"db", OptionArg::required},
    {"status", OptionArg::required},
    {"owner", OptionArg::required},
    {"overdue", OptionArg::none},
    {"due-before", OptionArg::required},
    {"format", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_list(const ParsedArgs& args) {
    if (!args.operands().empty()) {
        return usage_error("list", fmt::format("unexpected argument '{}'", args.operands()[0]));
    }
    store::ActionFilter filter;
    if (auto text = args.value("status")) {
        filter.status = store::parse_action_status(*text);
        if (!filter.status) {
            return usage_error("list", fmt::format("unknown status '{}' (expected open, "
                                                   "in_progress, done or dropped)",
                                                   *text));
        }
    }
    filter.owner = args.value("owner");
    filter.overdue_only = args.has("overdue");
    if (auto text = args.value("due-before")) {
        if (!parsers::parse_iso_date(*text)) {
            return usage_error(
                "list", fmt::format("--due-before needs a date as YYYY-MM-DD, not '{}'", *text));
        }
        filter.due_before = *text;
    }
    filter.today = local_date_today();
    OutputFormat format = OutputFormat::table;
    if (auto text = args.value("format")) {
        auto parsed = parse_output_format(*text);
        if (!parsed) {
            return usage_error("list", fmt::format("unknown format '{}' (expected table, json "
                                                   "or csv)",
                                                   *text));
        }
        format = *parsed;
    }

    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    auto db = open_existing_register(db_path);
    if (!db) return failure(db_path, db.error().message());
    auto rows = db->list_actions(filter);
    if (!rows) return failure(db_path, rows.error().message());
    fmt::print("{}", render_actions(*rows, format));
    return ExitCode::ok;
}

}  // namespace

const Command& list_command() {
    static const Command command{"list", "list the register's actions (table, JSON or CSV)",
                                 k_usage, k_options, run_list};
    return command;
}

}  // namespace actiontrack::cli
