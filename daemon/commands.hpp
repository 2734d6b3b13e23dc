#pragma once
// The table of commands `actiontrack` dispatches to. cli.cpp parses the options each command
// declares, answers --help from its usage text and reports usage errors, so a command's `run`
// only sees well-formed arguments and decides what they mean.

#include <span>
#include <string_view>

#include "daemon/arguments.hpp"
#include "daemon/cli.hpp"

namespace actiontrack::cli {

struct Command {
    std::string_view name;
    std::string_view summary;  // one line for `actiontrack --help`
    std::string_view usage;    // the full text `actiontrack NAME --help` prints
    std::span<const OptionSpec> options;
    ExitCode (*run)(const ParsedArgs& args);
};

const Command& extract_command();
const Command& ingest_command();
const Command& list_command();
const Command& done_command();
// The officer's view (issue 5), in web_commands.cpp.
const Command& serve_command();
const Command& token_command();
const Command& export_command();
const Command& import_command();
// The service (issue 3), in daemon_command.cpp and status_command.cpp.
const Command& daemon_command();
const Command& status_command();
// Reminders (issue 4; daemon/notify_commands.cpp).
const Command& remind_command();
const Command& digest_command();
const Command& owners_command();
const Command& snooze_command();
const Command& silence_command();
const Command& outbox_command();
const Command& webhooks_command();
const Command& test_email_command();

// Prints "actiontrack NAME: MESSAGE" and a hint to --help on stderr and returns ExitCode::usage,
// for commands that find an argument malformed after parsing (a bad date, a bad id).
ExitCode usage_error(std::string_view command, std::string_view message);

// Prints "actiontrack: SUBJECT: MESSAGE" on stderr and returns ExitCode::failure. The subject
// is what the message is about: a file, the database path.
ExitCode failure(std::string_view subject, std::string_view message);

// Prints "actiontrack: SUBJECT: warning: MESSAGE" on stderr.
void warning(std::string_view subject, std::string_view message);

}  // namespace actiontrack::cli
