// `actiontrack daemon`: load the configuration (file, then flags), then either check or print
// it, or run the service until SIGTERM.

#include <fmt/core.h>

#include <array>
#include <cstdio>

#include "daemon/notify_service.hpp"
#include "daemon/web_service.hpp"
#include "daemon/commands.hpp"
#include "daemon/config_loader.hpp"
#include "daemon/service.hpp"
#include "notify/settings.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_usage =
    "Usage: actiontrack daemon [--config FILE] [--drop DIR] [--db PATH] [--http ADDR:PORT|off]\n"
    "                          [--watch inotify|poll] [--set KEY=VALUE]...\n"
    "                          [--check-config | --print-config]\n"
    "\n"
    "Watches the drop folder and ingests every minutes document that lands in it: stored ones\n"
    "move to processed/YYYY/MM/, unreadable ones to failed/ with NAME.error.txt. Drop files by\n"
    "writing them elsewhere and renaming them into the folder; files written in place are read\n"
    "once they have not changed for the settle time (drop.settle_seconds, default 1).\n"
    "Runs until SIGTERM or SIGINT (finishes the file in hand, exits 0); SIGHUP reloads the\n"
    "configuration (a bad one is logged and the running one kept). Under systemd it reports\n"
    "readiness, status and watchdog pings (Type=notify).\n"
    "\n"
    "The configuration is read from FILE, or /etc/actiontrack/actiontrack.toml when it exists;\n"
    "flags override the file, so `--drop DIR --db PATH` runs with no file at all.\n"
    "\n"
    "Options:\n"
    "  --config FILE      the TOML configuration (see examples/actiontrack.toml)\n"
    "  --drop DIR         the drop folder (drop.folder)\n"
    "  --db PATH          the register (database.path)\n"
    "  --http ADDR:PORT   where the web view listens (http.address, http.port); off disables it\n"
    "  --watch MODE       inotify (default) or poll, for network shares (drop.watch)\n"
    "  --set KEY=VALUE    any configuration key, e.g. --set drop.settle_seconds=0.5\n"
    "  --check-config     check the configuration and exit: 0 when valid, 78 when not\n"
    "  --print-config     print every key as `ORIGIN KEY = VALUE` and exit\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 after SIGTERM/SIGINT, 1 when the database or the drop folder cannot be\n"
    "used, 2 usage error, 78 bad configuration (EX_CONFIG).\n";

constexpr std::array<OptionSpec, 10> k_options = {{
    {"config", OptionArg::required},
    {"drop", OptionArg::required},
    {"db", OptionArg::required},
    {"http", OptionArg::required},
    {"watch", OptionArg::required},
    {"set", OptionArg::required},
    {"check-config", OptionArg::none},
    {"print-config", OptionArg::none},
    {"help", OptionArg::none},
}};

// EX_CONFIG from sysexits.h; systemd's unit does not restart on it (RestartPreventExitStatus).
constexpr auto k_exit_config = static_cast<ExitCode>(service::k_exit_config);

ExitCode run_daemon_command(const ParsedArgs& args) {
    if (!args.operands().empty()) {
        return usage_error("daemon", fmt::format("unexpected argument '{}'", args.operands()[0]));
    }
    if (args.has("check-config") && args.has("print-config")) {
        return usage_error("daemon", "give --check-config or --print-config, not both");
    }
    config::Overrides overrides;
    overrides.config_file = args.value("config");
    overrides.drop = args.value("drop");
    overrides.db = args.value("db");
    overrides.http = args.value("http");
    overrides.watch = args.value("watch");
    overrides.settings = args.values("set");

    auto loaded = config::load_config(overrides);
    if (!loaded) {
        std::fflush(stdout);
        fmt::print(stderr, "actiontrack daemon: configuration error: {}\n",
                   loaded.error().message());
        return k_exit_config;
    }
    const std::string source = loaded->file.empty() ? std::string("no configuration file")
                                                    : loaded->file;
    if (args.has("check-config")) {
        fmt::print("configuration OK ({})\n", source);
        if (loaded->config.notify.enabled)
            if (auto missing = notify_service::missing_tls_support(notify_service::to_notify_settings(loaded->config)))
                fmt::print(stderr, "warning: {}\n", *missing);
        return ExitCode::ok;
    }
    if (args.has("print-config")) {
        fmt::print("# {}\n{}", source, config::print_config(loaded->config, loaded->origins));
        return ExitCode::ok;
    }
    // The web server and the notifier run on the daemon's event loop.
    service::ServiceHooks hooks;
    hooks.starters.push_back(web_service::start_web_server);
    hooks.starters.push_back(notify_service::start_notifier);
    return static_cast<ExitCode>(
        service::run_daemon(std::move(*loaded), std::move(overrides), hooks));
}

}  // namespace

const Command& daemon_command() {
    static const Command command{"daemon", "watch the drop folder and ingest continuously",
                                 k_usage, k_options, run_daemon_command};
    return command;
}

}  // namespace actiontrack::cli
