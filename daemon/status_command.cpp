// `actiontrack status`: how big the register is and how ingestion has gone.

#include <fmt/core.h>

#include <array>

#include "daemon/commands.hpp"
#include "daemon/local_date.hpp"
#include "daemon/register_access.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_usage =
    "Usage: actiontrack status [--db PATH]\n"
    "\n"
    "Prints the documents ingested, duplicate and failed, and the meetings, resolutions and\n"
    "actions (open, and overdue: due before today and not done) in the register.\n"
    "\n"
    "Options:\n"
    "  --db PATH   the register (default actiontrack.db in the current folder)\n"
    "  -h, --help  show this help\n";

constexpr std::array<OptionSpec, 2> k_options = {{
    {"db", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_status(const ParsedArgs& args) {
    if (!args.operands().empty()) {
        return usage_error("status", fmt::format("unexpected argument '{}'", args.operands()[0]));
    }
    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    auto opened = open_existing_register(db_path);
    if (!opened) return failure(db_path, opened.error().message());
    auto counts = opened->counts(local_date_today());
    if (!counts) return failure(db_path, counts.error().message());
    fmt::print(
        "register     {}\n"
        "documents    {} ingested, {} duplicate, {} failed\n"
        "meetings     {}\n"
        "resolutions  {}\n"
        "actions      {} ({} open, {} overdue)\n",
        db_path, counts->documents_ingested, counts->documents_duplicate,
        counts->documents_failed, counts->meetings, counts->resolutions, counts->actions,
        counts->actions_open, counts->actions_overdue);
    return ExitCode::ok;
}

}  // namespace

const Command& status_command() {
    static const Command command{"status", "print counts of documents, meetings and actions",
                                 k_usage, k_options, run_status};
    return command;
}

}  // namespace actiontrack::cli
