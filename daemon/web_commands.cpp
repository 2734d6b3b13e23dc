// The commands of the officer's view (issue 5): `serve` (the web server alone), `token`
// (create, list, revoke API tokens), `export --csv` and `import --csv`. The work is done in
// web/; these parse arguments and report.

#include <fmt/core.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "daemon/commands.hpp"
#include "daemon/local_date.hpp"
#include "daemon/register_access.hpp"
#include "store/action_reads.hpp"
#include "store/reader.hpp"
#include "web/auth.hpp"
#include "web/csv_export.hpp"
#include "web/standalone.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_serve_usage =
    "Usage: actiontrack serve [--db PATH] [--http ADDRESS:PORT] [--public-url URL]\n"
    "                         [--require-token] [--threads N] [--time-zone ZONE]\n"
    "\n"
    "Serves the register over HTTP (JSON API, dashboard, CSV and iCalendar exports, metrics)\n"
    "without the drop-folder watcher, until SIGINT or SIGTERM. Prints the URL it listens on.\n"
    "\n"
    "Options:\n"
    "  --db PATH              the register (default actiontrack.db in the current folder)\n"
    "  --http ADDRESS:PORT    where to listen (default 127.0.0.1:8080; port 0 picks one)\n"
    "  --public-url URL       the URL users reach the server at (links, calendar UIDs)\n"
    "  --require-token        reads need a token or a log-in too (writes always do)\n"
    "  --threads N            threads answering reads, each with its own database\n"
    "                         connection (default 2; 0: one thread answers everything)\n"
    "  --time-zone ZONE       the IANA zone of \"today\" for overdue (default Europe/London)\n"
    "  -h, --help             show this help\n";

constexpr std::array<OptionSpec, 7> k_serve_options = {{
    {"db", OptionArg::required},
    {"http", OptionArg::required},
    {"public-url", OptionArg::required},
    {"require-token", OptionArg::none},
    {"threads", OptionArg::required},
    {"time-zone", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_serve(const ParsedArgs& args) {
    if (!args.operands().empty()) return usage_error("serve", "takes no operands");
    web::WebSettings settings;
    if (auto http = args.value("http")) {
        if (auto parsed = web::parse_listen_address(*http, settings); !parsed) {
            return usage_error("serve", parsed.error().message());
        }
    }
    settings.public_url = args.value("public-url").value_or("");
    settings.require_token_for_reads = args.has("require-token");
    if (auto threads = args.value("threads")) {
        unsigned value = 0;
        const auto [end, ec] =
            std::from_chars(threads->data(), threads->data() + threads->size(), value);
        if (ec != std::errc() || end != threads->data() + threads->size() || value > 64) {
            return usage_error("serve", "--threads takes a number from 0 to 64");
        }
        settings.threads = value;
    }
    if (auto zone = args.value("time-zone")) settings.time_zone = *zone;
    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    const std::string address = settings.address;
    auto served = web::serve_standalone(settings, db_path, [&address](std::uint16_t port) {
        fmt::print("actiontrack: listening on http://{}:{}/\n", address, port);
        std::fflush(stdout);
    });
    if (!served) return failure(db_path, served.error().message());
    return ExitCode::ok;
}

constexpr std::string_view k_token_usage =
    "Usage: actiontrack token create NAME [--db PATH]\n"
    "       actiontrack token list [--db PATH]\n"
    "       actiontrack token revoke NAME [--db PATH]\n"
    "\n"
    "API tokens for writes (and reads, when the server requires it). `create` prints the\n"
    "token once; only its SHA-256 is stored. NAME is what the audit trail records as who.\n"
    "\n"
    "Options:\n"
    "  --db PATH   the register (default actiontrack.db in the current folder)\n"
    "  -h, --help  show this help\n";

constexpr std::array<OptionSpec, 2> k_token_options = {{
    {"db", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_token(const ParsedArgs& args) {
    const auto& operands = args.operands();
    if (operands.empty()) return usage_error("token", "missing create, list or revoke");
    const std::string& verb = operands[0];
    const bool needs_name = verb == "create" || verb == "revoke";
    if (verb != "create" && verb != "list" && verb != "revoke") {
        return usage_error("token", fmt::format("unknown subcommand '{}'", verb));
    }
    if (operands.size() != (needs_name ? 2u : 1u)) {
        return usage_error("token", needs_name ? "give exactly one NAME" : "list takes no NAME");
    }
    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    auto db = verb == "create" ? store::Store::open(db_path) : open_existing_register(db_path);
    if (!db) return failure(db_path, db.error().message());
    if (verb == "create") {
        auto secret = web::random_secret();
        if (!secret) return failure(db_path, secret.error().message());
        if (auto added = db->add_token(operands[1], sha256_hex(*secret)); !added) {
            return failure(db_path, added.error().message());
        }
        fmt::print("{}\n", *secret);
        return ExitCode::ok;
    }
    if (verb == "revoke") {
        auto revoked = db->revoke_token(operands[1]);
        if (!revoked) return failure(db_path, revoked.error().message());
        if (!*revoked) {
            return failure(db_path, fmt::format("no live token named '{}'", operands[1]));
        }
        return ExitCode::ok;
    }
    auto tokens = db->list_tokens();
    if (!tokens) return failure(db_path, tokens.error().message());
    for (const auto& token : *tokens) {
        fmt::print("{}\t{}\t{}\n", token.name, token.created_at,
                   token.revoked_at ? "revoked " + *token.revoked_at : "live");
    }
    return ExitCode::ok;
}

constexpr std::string_view k_export_usage =
    "Usage: actiontrack export --csv [--db PATH] [--status S] [--owner O] [--committee C]\n"
    "\n"
    "Writes the register's actions to stdout as CSV in the tracker spreadsheet's column order\n"
    "(RFC 4180, UTF-8 with a byte-order mark so Excel opens it).\n"
    "\n"
    "Options:\n"
    "  --csv            the format (the only one so far)\n"
    "  --db PATH        the register (default actiontrack.db in the current folder)\n"
    "  --status S       open, in_progress, done, dropped or outstanding\n"
    "  --owner O        exactly this owner\n"
    "  --committee C    exactly this committee (any case)\n"
    "  -h, --help       show this help\n";

constexpr std::array<OptionSpec, 6> k_export_options = {{
    {"csv", OptionArg::none},
    {"db", OptionArg::required},
    {"status", OptionArg::required},
    {"owner", OptionArg::required},
    {"committee", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_export(const ParsedArgs& args) {
    if (!args.has("csv")) return usage_error("export", "give --csv");
    if (!args.operands().empty()) return usage_error("export", "takes no operands");
    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    // Through the writer first, so an old register is migrated before the reader opens it.
    auto db = open_existing_register(db_path);
    if (!db) return failure(db_path, db.error().message());
    auto reader = store::Reader::open(db_path);
    if (!reader) return failure(db_path, reader.error().message());
    store::ActionQuery query;
    query.today = local_date_today();
    query.status = args.value("status");
    query.owner = args.value("owner");
    query.committee = args.value("committee");
    auto csv = web::actions_csv(*reader, query);
    if (!csv) return failure(db_path, csv.error().message());
    std::fwrite(csv->data(), 1, csv->size(), stdout);
    return ExitCode::ok;
}

constexpr std::string_view k_import_usage =
    "Usage: actiontrack import --csv FILE [--db PATH] [--partial]\n"
    "\n"
    "Loads an action-tracker spreadsheet saved as CSV. Columns are found by their headers\n"
    "(Reference, Committee, Meeting date, Minute number, Resolution text, Action, Lead\n"
    "officer, Due date, Latest update, Status; common variants too). Rows that cannot be read\n"
    "are reported with their line numbers and nothing is imported, unless --partial.\n"
    "\n"
    "Options:\n"
    "  --csv FILE   the spreadsheet\n"
    "  --db PATH    the register (default actiontrack.db in the current folder)\n"
    "  --partial    import the rows that can be read, report the others\n"
    "  -h, --help   show this help\n";

constexpr std::array<OptionSpec, 4> k_import_options = {{
    {"csv", OptionArg::required},
    {"db", OptionArg::required},
    {"partial", OptionArg::none},
    {"help", OptionArg::none},
}};

std::string import_user() {
    const char* user = std::getenv("USER");
    return std::string("import:") + (user != nullptr && *user != '\0' ? user : "cli");
}

ExitCode run_import(const ParsedArgs& args) {
    const auto file = args.value("csv");
    if (!file) return usage_error("import", "give --csv FILE");
    std::ifstream in(*file, std::ios::binary);
    if (!in) return failure(*file, "cannot open the file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    auto db = store::Store::open(db_path);
    if (!db) return failure(db_path, db.error().message());
    auto report = web::import_csv(*db, bytes.str(), args.has("partial"), import_user());
    if (!report) return failure(*file, report.error().message());
    for (const auto& problem : report->problems) warning(*file, problem);
    fmt::print("imported {} actions\n", report->imported);
    if (!report->problems.empty() && !args.has("partial")) {
        return failure(*file, "nothing imported (use --partial to import the readable rows)");
    }
    return ExitCode::ok;
}

}  // namespace

const Command& serve_command() {
    static const Command command{"serve", "serve the register over HTTP (API, dashboard)",
                                 k_serve_usage, k_serve_options, run_serve};
    return command;
}

const Command& token_command() {
    static const Command command{"token", "create, list or revoke API tokens", k_token_usage,
                                 k_token_options, run_token};
    return command;
}

const Command& export_command() {
    static const Command command{"export", "write the actions as CSV", k_export_usage,
                                 k_export_options, run_export};
    return command;
}

const Command& import_command() {
    static const Command command{"import", "load an action-tracker spreadsheet (CSV)",
                                 k_import_usage, k_import_options, run_import};
    return command;
}

}  // namespace actiontrack::cli
