// `actiontrack done`: mark one action as done, with an audit note.

#include <fmt/core.h>

#include <array>
#include <cstdlib>

#include "daemon/action_output.hpp"
#include "daemon/commands.hpp"
#include "daemon/register_access.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_usage =
    "Usage: actiontrack done ID [--db PATH] [--note TEXT]\n"
    "\n"
    "Marks action ID (the first column of `actiontrack list`) as done and prints it. The\n"
    "change is kept in the action's history with your user name and the note.\n"
    "\n"
    "Options:\n"
    "  --db PATH    the register (default actiontrack.db in the current folder)\n"
    "  --note TEXT  why, or where the evidence is\n"
    "  -h, --help   show this help\n";

constexpr std::array<OptionSpec, 3> k_options = {{
    {"db", OptionArg::required},
    {"note", OptionArg::required},
    {"help", OptionArg::none},
}};

// Who the audit trail names: the login user, or "cli" when the environment does not say.
std::string current_user() {
    const char* user = std::getenv("USER");
    return user != nullptr && *user != '\0' ? user : "cli";
}

ExitCode run_done(const ParsedArgs& args) {
    if (args.operands().size() != 1) {
        return usage_error("done", args.operands().empty() ? "missing ID" : "give exactly one ID");
    }
    auto id = parse_positive_integer(args.operands()[0], "ID");
    if (!id) return usage_error("done", id.error().message());

    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    auto db = open_existing_register(db_path);
    if (!db) return failure(db_path, db.error().message());
    auto row = db->set_status(*id, store::ActionStatus::done, current_user(),
                              args.value("note").value_or(""));
    if (!row) return failure(db_path, row.error().message());
    fmt::print("{}", actions_table(std::span(&*row, 1)));
    return ExitCode::ok;
}

}  // namespace

const Command& done_command() {
    static const Command command{"done", "mark an action as done", k_usage, k_options, run_done};
    return command;
}

}  // namespace actiontrack::cli
