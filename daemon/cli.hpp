#pragma once
// The command-line program: `actiontrack COMMAND [OPTIONS] [ARGS]`. See `actiontrack --help`.

#include <span>
#include <string>

namespace actiontrack::cli {

// What the process exits with; scripts rely on these values.
enum class ExitCode : int {
    ok = 0,
    failure = 1,  // bad input (unreadable, empty, binary, too large) or a database error
    usage = 2,    // unknown command or option, missing or malformed argument
};

// Runs one command with the arguments after the program name and returns the exit code.
// Writes results to stdout and one-line diagnostics to stderr. Expected failures never throw;
// an exception escaping is a bug and is the caller's (main's) to report.
ExitCode run(std::span<const std::string> args);

// The same for main's argv.
int run(int argc, char** argv);

}  // namespace actiontrack::cli
