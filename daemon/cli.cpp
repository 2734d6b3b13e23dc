#include "daemon/cli.hpp"

#include <fmt/core.h>

#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

#include "daemon/commands.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_program = "actiontrack";

const std::array<const Command*, 18>& commands() {
    static const std::array<const Command*, 18> table = {&extract_command(), &ingest_command(),
                                                        &list_command(), &done_command(),
        &serve_command(), &token_command(), &export_command(), &import_command(),
        &daemon_command(), &status_command(),
        // Reminders (issue 4; daemon/notify_commands.cpp).
        &remind_command(), &digest_command(), &owners_command(), &snooze_command(),
        &silence_command(), &outbox_command(), &webhooks_command(), &test_email_command()};
    return table;
}

const Command* find_command(std::string_view name) {
    for (const Command* command : commands()) {
        if (command->name == name) return command;
    }
    return nullptr;
}

void print_help() {
    fmt::print(
        "Usage: {} COMMAND [OPTIONS] [ARGS]\n"
        "\n"
        "Turns council committee minutes into a register of resolutions and actions.\n"
        "\n"
        "Commands:\n",
        k_program);
    for (const Command* command : commands()) {
        fmt::print("  {:<9} {}\n", command->name, command->summary);
    }
    fmt::print(
        "\n"
        "Options:\n"
        "  -h, --help  show this help; `{0} COMMAND --help` shows a command's options\n"
        "  --version   print the version\n"
        "\n"
        "Exit status: 0 success, 1 bad input or database error, 2 usage error.\n",
        k_program);
}

ExitCode top_level_usage_error(std::string_view message) {
    fmt::print(stderr, "{0}: {1}\nTry '{0} --help'.\n", k_program, message);
    return ExitCode::usage;
}

ExitCode run_command(const Command& command, std::span<const std::string> args) {
    auto parsed = parse_arguments(args, command.options);
    if (!parsed) return usage_error(command.name, parsed.error().message());
    // --help wins over everything else, so it works even next to a malformed argument.
    if (parsed->has("help")) {
        fmt::print("{}", command.usage);
        return ExitCode::ok;
    }
    return command.run(*parsed);
}

}  // namespace

ExitCode usage_error(std::string_view command, std::string_view message) {
    fmt::print(stderr, "{0} {1}: {2}\nTry '{0} {1} --help'.\n", k_program, command, message);
    return ExitCode::usage;
}

ExitCode failure(std::string_view subject, std::string_view message) {
    // Flush what stdout holds first, so that with both streams on one terminal or log the
    // message appears after the lines of the files handled before it.
    std::fflush(stdout);
    fmt::print(stderr, "{}: {}: {}\n", k_program, subject, message);
    return ExitCode::failure;
}

void warning(std::string_view subject, std::string_view message) {
    std::fflush(stdout);
    fmt::print(stderr, "{}: {}: warning: {}\n", k_program, subject, message);
}

ExitCode run(std::span<const std::string> args) {
    if (args.empty()) return top_level_usage_error("no command given");
    std::string_view first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        // `actiontrack help extract` is the same as `actiontrack extract --help`.
        if (first == "help" && args.size() > 1) {
            const Command* command = find_command(args[1]);
            if (command == nullptr) {
                return top_level_usage_error(fmt::format("unknown command '{}'", args[1]));
            }
            fmt::print("{}", command->usage);
            return ExitCode::ok;
        }
        print_help();
        return ExitCode::ok;
    }
    if (first == "--version") {
        fmt::print("{} {}\n", k_program, ACTIONTRACK_VERSION);
        return ExitCode::ok;
    }
    if (first.starts_with('-')) {
        return top_level_usage_error(fmt::format("unknown option '{}'", first));
    }
    const Command* command = find_command(first);
    if (command == nullptr) {
        return top_level_usage_error(fmt::format("unknown command '{}'", first));
    }
    return run_command(*command, args.subspan(1));
}

int run(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return static_cast<int>(run(std::span<const std::string>(args)));
}

}  // namespace actiontrack::cli
