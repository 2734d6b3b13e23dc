// The reminder commands: `remind`, `digest`, `owners`, `snooze`, `silence`, `outbox` and
// `test-email`. They open the register through notify's own connection (which migrates it) and
// use the same planner as the notifier service, so a dry run shows what the service would do.

#include <date/tz.h>
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <filesystem>

#include "daemon/commands.hpp"
#include "daemon/config_loader.hpp"
#include "daemon/notify_service.hpp"
#include "daemon/register_access.hpp"
#include "notify/compose.hpp"
#include "notify/mime.hpp"
#include "notify/notify_db.hpp"
#include "notify/planner.hpp"
#include "notify/settings.hpp"
#include "notify/time_text.hpp"

namespace actiontrack::cli {
namespace {

using notify::Instant;

// EX_CONFIG, as `actiontrack daemon` exits on a bad configuration file.
constexpr auto k_exit_config = static_cast<ExitCode>(78);

// "2024-05-17T09:30:00Z" is UTC; "2024-05-17T09:30" or "2024-05-17 09:30" is wall-clock time in
// `zone_name` (what an officer means); "2024-05-17" is 09:00 there.
std::optional<Instant> parse_now(std::string text, const std::string& zone_name) {
    if (auto utc = notify::parse_instant(text); utc && text.ends_with('Z')) return utc;
    if (text.size() == 10) text += "T09:00:00";
    if (text.size() == 16) text += ":00";
    auto wall = notify::parse_instant(text);
    if (!wall) return std::nullopt;
    try {
        const auto* zone = date::locate_zone(zone_name);
        const date::local_seconds local{wall->time_since_epoch()};
        return date::floor<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

Instant system_now() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Where the register came from, so an error can say which setting to fix.
enum class DbSource { flag, config_file, fallback };

// What the reminder commands take from the daemon's configuration file.
struct ToolConfig {
    notify::NotifySettings settings;
    std::string db_path;  // --db, else database.path when the file sets it, else actiontrack.db
    DbSource db_source = DbSource::fallback;
    std::string source;  // the file read, for the dry runs' first line and for errors
};

// The configuration file (--config, or /etc/actiontrack/actiontrack.toml when it exists) with
// --set applied, checked as the daemon checks it except for the drop folder; then the flags
// that override single settings. Fails with the daemon's "FILE:LINE: reason".
Result<ToolConfig> load_tool_config(const ParsedArgs& args) {
    config::Overrides overrides;
    overrides.config_file = args.value("config");
    overrides.settings = args.values("set");
    TRY_ASSIGN(loaded, config::load_config(overrides, config::Use::notify_tools));
    ToolConfig out;
    out.settings = notify_service::to_notify_settings(loaded.config);
    out.source = loaded.file.empty() ? fmt::format("no configuration file ({} does not exist)",
                                                   config::k_default_config_path)
                                     : loaded.file;
    if (auto db = args.value("db")) {
        out.db_path = *db;
        out.db_source = DbSource::flag;
    } else if (loaded.origins.contains("database.path")) {
        out.db_path = loaded.config.database.path;
        out.db_source = DbSource::config_file;
    } else {
        out.db_path = std::string(k_default_db);
        out.db_source = DbSource::fallback;
    }
    if (auto name = args.value("scrutiny-name")) out.settings.scrutiny_officer.name = *name;
    if (auto email = args.value("scrutiny-email")) {
        if (!notify::is_valid_address(*email)) {
            return Error(fmt::format("--scrutiny-email: invalid address '{}'", *email));
        }
        out.settings.scrutiny_officer.email = *email;
    }
    return out;
}

// Reports a configuration error the way `actiontrack daemon` does, with its exit status.
ExitCode config_error(std::string_view command, const Error& error) {
    std::fflush(stdout);
    fmt::print(stderr, "actiontrack {}: configuration error: {}\n", command, error.message());
    return k_exit_config;
}

struct Session {
    store::Database db;
    notify::RegisterReader reader;
    notify::Outbox outbox;
    explicit Session(store::Database database) : db(std::move(database)), reader(db), outbox(db) {}
};

// Opens the register `tool` names. A missing file is refused (never created by a typo), with an
// error that says which setting named it: --db, the file's database.path, or neither.
Result<std::unique_ptr<Session>> open_session(const ToolConfig& tool) {
    std::error_code ec;
    if (!std::filesystem::exists(tool.db_path, ec)) {
        switch (tool.db_source) {
            case DbSource::flag:
                return Error(fmt::format("{}: no register here (given by --db)", tool.db_path));
            case DbSource::config_file:
                return Error(fmt::format("{}: no register here (database.path in {})", tool.db_path,
                                         tool.source));
            case DbSource::fallback:
                return Error(fmt::format(
                    "no register given: use --db PATH, or --config FILE with a database.path "
                    "(read: {}, which sets none; and there is no {} in the current folder)",
                    tool.source, k_default_db));
        }
    }
    TRY(open_existing_register(tool.db_path));
    TRY_ASSIGN(db, notify::open_notify_db(tool.db_path));
    return std::make_unique<Session>(std::move(db));
}

// The register for `owners`, `snooze`, `silence` and `outbox`, which need nothing else from the
// configuration: --db; else database.path from --config FILE (or the default file when it
// exists), read by the loader `remind` and `digest` use; else actiontrack.db in the current
// folder. With --db alone no file is read, so a broken default file never blocks a command that
// names its register. On failure `session` is null and `exit` says how to exit: 78 for a bad
// configuration (as the daemon), 1 for a register that cannot be opened.
struct OpenedRegister {
    std::unique_ptr<Session> session;
    ExitCode exit = ExitCode::ok;
};

OpenedRegister open_register(const ParsedArgs& args, std::string_view command) {
    ToolConfig tool;
    if (args.has("db") && !args.has("config")) {
        tool.db_path = *args.value("db");
        tool.db_source = DbSource::flag;
    } else {
        auto loaded = load_tool_config(args);
        if (!loaded) return {nullptr, config_error(command, loaded.error())};
        tool = std::move(*loaded);
    }
    auto session = open_session(tool);
    if (!session) return {nullptr, failure(command, session.error().message())};
    return {std::move(*session), ExitCode::ok};
}

// ---- remind / digest ----

constexpr std::string_view k_remind_usage =
    "Usage: actiontrack remind [--db PATH] --dry-run [--now DATETIME] [--config FILE]\n"
    "                          [--set KEY=VALUE]... [--scrutiny-name NAME]\n"
    "                          [--scrutiny-email ADDRESS]\n"
    "\n"
    "Shows which reminders would be sent at DATETIME (default now), to whom, by which channel,\n"
    "and which wait for the recipient's sending window. DATETIME is YYYY-MM-DDTHH:MM in the\n"
    "configured time zone (Europe/London by default), or ...Z for UTC. The daemon sends them;\n"
    "this command never does.\n"
    "\n"
    "The policy (offsets, quiet hours, escalation), the owners and the scrutiny officer come from\n"
    "the daemon's configuration: FILE, or /etc/actiontrack/actiontrack.toml when it exists; --set\n"
    "and the --scrutiny-* flags override it. Without --db, the file's database.path is used when\n"
    "it sets one, else actiontrack.db. A bad configuration exits 78 with FILE:LINE.\n";

constexpr std::array<OptionSpec, 8> k_plan_options = {{
    {"db", OptionArg::required},
    {"dry-run", OptionArg::none},
    {"now", OptionArg::required},
    {"config", OptionArg::required},
    {"set", OptionArg::required},
    {"scrutiny-name", OptionArg::required},
    {"scrutiny-email", OptionArg::required},
    {"help", OptionArg::none},
}};

Result<Instant> now_from(const ParsedArgs& args, const std::string& zone) {
    if (auto text = args.value("now")) {
        auto now = parse_now(*text, zone);
        if (!now)
            return Error(fmt::format("--now needs YYYY-MM-DDTHH:MM[:SS][Z], not '{}'", *text));
        return *now;
    }
    return system_now();
}

// The first lines of a dry run: which settings it used, so "why was nobody told?" has an answer.
std::string describe_settings(const ToolConfig& tool) {
    const notify::NotifySettings& s = tool.settings;
    const notify::PolicyConfig& p = s.policy;
    std::string before;
    for (int days : p.days_before)
        before += fmt::format("{}{} ", before.empty() ? "" : "and ", days);
    std::string out = fmt::format(
        "Settings from {}: scrutiny officer {} <{}>; default zone {}; e-mail {}, sent "
        "{}{:02}:{:02}-{:02}:{:02} local time; reminders {}days before{}, then every {} days "
        "overdue; escalation after {} days overdue; owners of undated actions asked after {} "
        "days.\n",
        tool.source, s.scrutiny_officer.name,
        s.scrutiny_officer.email.value_or("no address: shown, never sent"), p.default_time_zone,
        !s.email_enabled                                             ? std::string("off")
        : s.transport == notify::NotifySettings::Transport::sendmail ? "via " + s.sendmail_program
                                                                     : "via SMTP " + s.smtp.host,
        p.weekdays_only ? "weekdays " : "", p.send_from_minute / 60, p.send_from_minute % 60,
        p.send_until_minute / 60, p.send_until_minute % 60, before,
        p.on_due_day ? ", on the due day" : "", p.overdue_every_days, p.escalate_after_days,
        p.ask_due_date_after_days);
    if (!s.email_enabled) {
        out +=
            "Note: no e-mail transport is configured (smtp.host is empty and notify.transport is "
            "not \"sendmail\"): the daemon would queue none of the e-mails below.\n";
    }
    return out;
}

ExitCode run_remind(const ParsedArgs& args) {
    if (!args.has("dry-run")) return usage_error("remind", "only --dry-run is supported here");
    auto tool = load_tool_config(args);
    if (!tool) return config_error("remind", tool.error());
    auto now = now_from(args, tool->settings.policy.default_time_zone);
    if (!now) return usage_error("remind", now.error().message());
    auto session = open_session(*tool);
    if (!session) return failure("remind", session.error().message());
    auto plan =
        notify::plan_reminders((*session)->reader, (*session)->outbox, tool->settings, *now);
    if (!plan) return failure("remind", plan.error().message());
    fmt::print("{}At {} (UTC):\n{}", describe_settings(*tool), notify::format_instant(*now),
               notify::explain_plan(*plan));
    return ExitCode::ok;
}

constexpr std::string_view k_digest_usage =
    "Usage: actiontrack digest [--db PATH] --dry-run [--now DATETIME] [--config FILE]\n"
    "                          [--set KEY=VALUE]... [--scrutiny-name NAME]\n"
    "                          [--scrutiny-email ADDRESS]\n"
    "\n"
    "Prints the weekly digest as it would be at DATETIME (default now): overdue, due in the\n"
    "next 14 days, no due date, unassigned, completed, new since the last digest. One digest\n"
    "for the scrutiny officer and one for each [[digest_recipients]] entry. The settings come\n"
    "from the configuration as for `actiontrack remind`.\n";

ExitCode run_digest(const ParsedArgs& args) {
    if (!args.has("dry-run")) return usage_error("digest", "only --dry-run is supported here");
    auto tool = load_tool_config(args);
    if (!tool) return config_error("digest", tool.error());
    auto now = now_from(args, tool->settings.policy.default_time_zone);
    if (!now) return usage_error("digest", now.error().message());
    auto session = open_session(*tool);
    if (!session) return failure("digest", session.error().message());
    auto plans =
        notify::plan_digests((*session)->reader, (*session)->outbox, tool->settings, *now, true);
    if (!plans) return failure("digest", plans.error().message());
    bool first = true;
    for (const auto& plan : *plans) {
        if (!first) fmt::print("\n");
        first = false;
        fmt::print("To: {} <{}>{}\nSubject: {}\n\n{}", plan.to.name,
                   plan.to.email.value_or("no address: not sent"),
                   plan.committee ? " (committee: " + *plan.committee + ")" : std::string(),
                   plan.digest.subject, plan.digest.text);
    }
    return ExitCode::ok;
}

// ---- owners ----

constexpr std::string_view k_owners_usage =
    "Usage: actiontrack owners add NAME [--email ADDRESS] [--tz ZONE] [--inactive]\n"
    "                                   [--db PATH | --config FILE]\n"
    "       actiontrack owners alias NAME ALIAS [--db PATH | --config FILE]\n"
    "       actiontrack owners list [--db PATH | --config FILE]\n"
    "\n"
    "The owners directory: who an owner named in minutes is, and where reminders go. Names and\n"
    "aliases match regardless of case, punctuation and a leading \"the\".\n"
    "\n"
    "Without --db the register is the database.path of the daemon's configuration: FILE, or\n"
    "/etc/actiontrack/actiontrack.toml when it exists (a bad file exits 78 with FILE:LINE);\n"
    "when neither names one, actiontrack.db in the current folder.\n";

constexpr std::array<OptionSpec, 6> k_owners_options = {{
    {"db", OptionArg::required},
    {"config", OptionArg::required},
    {"email", OptionArg::required},
    {"tz", OptionArg::required},
    {"inactive", OptionArg::none},
    {"help", OptionArg::none},
}};

ExitCode run_owners(const ParsedArgs& args) {
    const auto& ops = args.operands();
    if (ops.empty()) return usage_error("owners", "missing add, alias or list");
    auto opened = open_register(args, "owners");
    if (!opened.session) return opened.exit;
    Session& session = *opened.session;
    auto& reader = session.reader;
    if (ops[0] == "add" && ops.size() == 2) {
        notify::Person person{0, ops[1], args.value("email"), args.value("tz").value_or(""),
                              !args.has("inactive")};
        if (person.email && !notify::is_valid_address(*person.email)) {
            return usage_error("owners", fmt::format("invalid address '{}'", *person.email));
        }
        if (!person.time_zone.empty()) {
            try {
                date::locate_zone(person.time_zone);
            } catch (const std::exception&) {
                return usage_error("owners",
                                   fmt::format("unknown time zone '{}'", person.time_zone));
            }
        }
        auto id = reader.add_owner(person, system_now());
        if (!id) return failure("owners", id.error().message());
        fmt::print("owner {} added: {}\n", *id, person.name);
        return ExitCode::ok;
    }
    if (ops[0] == "alias" && ops.size() == 3) {
        auto id = reader.find_owner_id(ops[1]);
        if (!id) return failure("owners", id.error().message());
        if (!*id) return failure("owners", fmt::format("no owner called '{}'", ops[1]));
        if (auto added = reader.add_alias(**id, ops[2]); !added) {
            return failure("owners", added.error().message());
        }
        fmt::print("'{}' now reaches owner {}\n", ops[2], **id);
        return ExitCode::ok;
    }
    if (ops[0] == "list" && ops.size() == 1) {
        auto directory = reader.owners();
        auto aliases = reader.aliases();
        if (!directory || !aliases) return failure("owners", "cannot read the owners directory");
        for (const notify::Person& p : directory->people()) {
            std::string names;
            for (const auto& [owner_id, alias] : *aliases) {
                if (owner_id == p.id && alias != p.name)
                    names += (names.empty() ? "" : "; ") + alias;
            }
            fmt::print("{}\t{}\t{}\t{}\t{}\t{}\n", p.id, p.name, p.email.value_or("(no address)"),
                       p.time_zone.empty() ? "(default zone)" : p.time_zone,
                       p.active ? "active" : "inactive", names);
        }
        return ExitCode::ok;
    }
    return usage_error("owners", "expected `add NAME`, `alias NAME ALIAS` or `list`");
}

// ---- snooze / silence ----

constexpr std::string_view k_snooze_usage =
    "Usage: actiontrack snooze ID UNTIL|off [--db PATH | --config FILE]\n"
    "\n"
    "No reminders for action ID before UNTIL (YYYY-MM-DD); `off` ends the snooze.\n"
    "\n"
    "Without --db the register is the database.path of the daemon's configuration: FILE, or\n"
    "/etc/actiontrack/actiontrack.toml when it exists (a bad file exits 78 with FILE:LINE);\n"
    "when neither names one, actiontrack.db in the current folder.\n";
constexpr std::string_view k_silence_usage =
    "Usage: actiontrack silence ID on|off [--db PATH | --config FILE]\n"
    "\n"
    "`on` stops all reminders for action ID (it still appears in digests); `off` resumes them.\n"
    "\n"
    "Without --db the register is the database.path of the daemon's configuration: FILE, or\n"
    "/etc/actiontrack/actiontrack.toml when it exists (a bad file exits 78 with FILE:LINE);\n"
    "when neither names one, actiontrack.db in the current folder.\n";
constexpr std::array<OptionSpec, 3> k_register_options = {{
    {"db", OptionArg::required},
    {"config", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_snooze(const ParsedArgs& args) {
    if (args.operands().size() != 2) return usage_error("snooze", "give ID and UNTIL (or off)");
    auto id = parse_positive_integer(args.operands()[0], "ID");
    if (!id) return usage_error("snooze", id.error().message());
    std::optional<notify::Date> until;
    if (args.operands()[1] != "off") {
        until = notify::parse_date(args.operands()[1]);
        if (!until) return usage_error("snooze", "UNTIL must be YYYY-MM-DD or off");
    }
    auto opened = open_register(args, "snooze");
    if (!opened.session) return opened.exit;
    Session& session = *opened.session;
    if (auto done = session.reader.snooze(*id, until, system_now()); !done) {
        return failure("snooze", done.error().message());
    }
    fmt::print("action {}: {}\n", *id,
               until ? "snoozed until " + notify::format_date(*until) : std::string("snooze off"));
    return ExitCode::ok;
}

ExitCode run_silence(const ParsedArgs& args) {
    const auto& ops = args.operands();
    if (ops.size() != 2 || (ops[1] != "on" && ops[1] != "off")) {
        return usage_error("silence", "give ID and on or off");
    }
    auto id = parse_positive_integer(ops[0], "ID");
    if (!id) return usage_error("silence", id.error().message());
    auto opened = open_register(args, "silence");
    if (!opened.session) return opened.exit;
    Session& session = *opened.session;
    if (auto done = session.reader.silence(*id, ops[1] == "on", system_now()); !done) {
        return failure("silence", done.error().message());
    }
    fmt::print("action {}: reminders {}\n", *id, ops[1] == "on" ? "silenced" : "resumed");
    return ExitCode::ok;
}

// ---- outbox ----

constexpr std::string_view k_outbox_usage =
    "Usage: actiontrack outbox list [--status pending|sent|dead] [--db PATH | --config FILE]\n"
    "       actiontrack outbox retry ID [--db PATH | --config FILE]\n"
    "       actiontrack outbox purge [--days N] [--db PATH | --config FILE]\n"
    "\n"
    "The queue of e-mails and webhook deliveries. `retry` makes a dead row due now with a fresh\n"
    "schedule; `purge` deletes sent and dead rows older than N days (default 30).\n"
    "\n"
    "Without --db the register is the database.path of the daemon's configuration: FILE, or\n"
    "/etc/actiontrack/actiontrack.toml when it exists (a bad file exits 78 with FILE:LINE);\n"
    "when neither names one, actiontrack.db in the current folder.\n";
constexpr std::array<OptionSpec, 5> k_outbox_options = {{
    {"db", OptionArg::required},
    {"config", OptionArg::required},
    {"status", OptionArg::required},
    {"days", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_outbox(const ParsedArgs& args) {
    const auto& ops = args.operands();
    if (ops.empty()) return usage_error("outbox", "missing list, retry or purge");
    auto opened = open_register(args, "outbox");
    if (!opened.session) return opened.exit;
    Session& session = *opened.session;
    auto& outbox = session.outbox;
    if (ops[0] == "list" && ops.size() == 1) {
        std::optional<notify::OutboxStatus> status;
        if (auto text = args.value("status")) {
            if (*text == "pending")
                status = notify::OutboxStatus::pending;
            else if (*text == "sent")
                status = notify::OutboxStatus::sent;
            else if (*text == "dead")
                status = notify::OutboxStatus::dead;
            else
                return usage_error("outbox", "--status is pending, sent or dead");
        }
        auto rows = outbox.list(status);
        if (!rows) return failure("outbox", rows.error().message());
        for (const auto& row : *rows) {
            fmt::print("{}\t{}\t{}\t{}\t{}\tattempts={}\tnext={}\t{}\t{}\n", row.id,
                       notify::to_string(row.status), notify::to_string(row.channel), row.kind,
                       row.recipient, row.attempts, row.next_attempt_at, row.subject,
                       row.last_error.value_or(""));
        }
        return ExitCode::ok;
    }
    if (ops[0] == "retry" && ops.size() == 2) {
        auto id = parse_positive_integer(ops[1], "ID");
        if (!id) return usage_error("outbox", id.error().message());
        auto done = outbox.retry(*id, system_now());
        if (!done) return failure("outbox", done.error().message());
        if (!*done) return failure("outbox", fmt::format("no unsent outbox row {}", *id));
        fmt::print("outbox row {} will be retried now\n", *id);
        return ExitCode::ok;
    }
    if (ops[0] == "purge" && ops.size() == 1) {
        std::int64_t days = 30;
        if (auto text = args.value("days")) {
            auto parsed = parse_positive_integer(*text, "--days");
            if (!parsed) return usage_error("outbox", parsed.error().message());
            days = *parsed;
        }
        auto purged = outbox.purge(system_now() - std::chrono::days{days});
        if (!purged) return failure("outbox", purged.error().message());
        fmt::print("purged {} rows\n", *purged);
        return ExitCode::ok;
    }
    return usage_error("outbox", "expected `list`, `retry ID` or `purge`");
}

// ---- webhooks ----

constexpr std::string_view k_webhooks_usage =
    "Usage: actiontrack webhooks list [--config FILE] [--db PATH]\n"
    "       actiontrack webhooks enable URL [--db PATH]\n"
    "\n"
    "A receiver that answers 410 Gone is disabled: its deliveries die without a request until\n"
    "it is re-enabled here. `list` shows the configured endpoints ([[webhooks]] in the\n"
    "configuration, as for `actiontrack remind`) and every disabled one, with when and why.\n"
    "`outbox retry ID` revives a delivery that died meanwhile.\n";
constexpr std::array<OptionSpec, 4> k_webhooks_options = {{
    {"db", OptionArg::required},
    {"config", OptionArg::required},
    {"set", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_webhooks(const ParsedArgs& args) {
    const auto& ops = args.operands();
    if (ops.empty()) return usage_error("webhooks", "missing list or enable");
    auto tool = load_tool_config(args);
    if (!tool) return config_error("webhooks", tool.error());
    auto session = open_session(*tool);
    if (!session) return failure("webhooks", session.error().message());
    auto& reader = (*session)->reader;
    if (ops[0] == "list" && ops.size() == 1) {
        auto disabled = reader.disabled_endpoints();
        if (!disabled) return failure("webhooks", disabled.error().message());
        auto state_of = [&](const std::string& name) -> std::string {
            for (const auto& endpoint : *disabled) {
                if (endpoint.name == name) {
                    return fmt::format("disabled since {} ({})", endpoint.disabled_at,
                                       endpoint.reason);
                }
            }
            return "enabled";
        };
        for (const notify::WebhookEndpoint& endpoint : tool->settings.webhooks) {
            std::string events;
            for (const std::string& event : endpoint.events) {
                events += (events.empty() ? "" : ",") + event;
            }
            fmt::print("{}\t{}\t{}\n", endpoint.url, state_of(endpoint.name),
                       events.empty() ? std::string("all events") : events);
        }
        for (const auto& endpoint : *disabled) {
            const bool configured =
                std::any_of(tool->settings.webhooks.begin(), tool->settings.webhooks.end(),
                            [&](const auto& hook) { return hook.name == endpoint.name; });
            if (!configured) {
                fmt::print("{}\t{}\tnot in the configuration\n", endpoint.name,
                           state_of(endpoint.name));
            }
        }
        return ExitCode::ok;
    }
    if (ops[0] == "enable" && ops.size() == 2) {
        auto enabled = reader.enable_endpoint(ops[1]);
        if (!enabled) return failure("webhooks", enabled.error().message());
        if (!*enabled) return failure("webhooks", fmt::format("{} is not disabled", ops[1]));
        fmt::print("{} enabled: new deliveries will be posted again\n", ops[1]);
        return ExitCode::ok;
    }
    return usage_error("webhooks", "expected `list` or `enable URL`");
}

// ---- test-email ----

constexpr std::string_view k_test_email_usage =
    "Usage: actiontrack test-email ADDRESS [--config FILE] [--set KEY=VALUE]...\n"
    "                              [--smtp-host H] [--smtp-port P] [--tls MODE]\n"
    "                              [--sendmail] [--from ADDRESS]\n"
    "\n"
    "Sends one test message now, directly (not through the outbox), and reports the result.\n"
    "The transport, From address and [smtp] settings (host, port, security, AUTH with the\n"
    "password file, CA file, verification) come from the daemon's configuration, as for\n"
    "`actiontrack remind`; the flags override them. MODE is starttls (port 587), implicit (465)\n"
    "or none (loopback only).\n";
constexpr std::array<OptionSpec, 8> k_test_email_options = {{
    {"config", OptionArg::required},
    {"set", OptionArg::required},
    {"smtp-host", OptionArg::required},
    {"smtp-port", OptionArg::required},
    {"tls", OptionArg::required},
    {"sendmail", OptionArg::none},
    {"from", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_test_email(const ParsedArgs& args) {
    if (args.operands().size() != 1) return usage_error("test-email", "give one ADDRESS");
    const std::string& to = args.operands()[0];
    if (!notify::is_valid_address(to)) return usage_error("test-email", "invalid ADDRESS");
    config::Overrides overrides;
    overrides.config_file = args.value("config");
    overrides.settings = args.values("set");
    auto loaded = config::load_config(overrides, config::Use::notify_tools);
    if (!loaded) return config_error("test-email", loaded.error());
    // The password too: this is a real send, as the daemon would make it.
    auto settings = notify_service::to_service_settings(loaded->config);
    if (!settings) return failure("test-email", settings.error().message());
    notify::SmtpSettings& smtp = settings->smtp;
    const bool configured = !loaded->config.smtp.host.empty();
    if (!configured) smtp.host = "localhost";
    if (auto host = args.value("smtp-host")) smtp.host = *host;
    if (auto mode = args.value("tls")) {
        if (*mode != "starttls" && *mode != "implicit" && *mode != "none") {
            return usage_error("test-email", "--tls is starttls, implicit or none");
        }
        smtp.security = *mode == "implicit" ? notify::SmtpSecurity::implicit_tls
                        : *mode == "none"   ? notify::SmtpSecurity::none
                                            : notify::SmtpSecurity::starttls;
        smtp.allow_plaintext_on_loopback = smtp.allow_plaintext_on_loopback || *mode == "none";
        if (loaded->config.smtp.port == 0) {
            smtp.port = smtp.security == notify::SmtpSecurity::implicit_tls ? 465
                        : smtp.security == notify::SmtpSecurity::none       ? 25
                                                                            : 587;
        }
    }
    if (auto port = args.value("smtp-port")) {
        auto parsed = parse_positive_integer(*port, "--smtp-port");
        if (!parsed || *parsed > 65535) return usage_error("test-email", "bad --smtp-port");
        smtp.port = static_cast<std::uint16_t>(*parsed);
    }
    const bool use_sendmail = args.has("sendmail") ||
                              (settings->transport == notify::NotifySettings::Transport::sendmail &&
                               !args.has("smtp-host"));
    std::string from = loaded->config.notify.from;
    if (auto flag = args.value("from")) from = *flag;
    if (from.empty()) from = "actiontrack@" + notify::local_host_name();
    const Instant now = system_now();
    notify::MailMessage mail;
    mail.from = {settings->from.display_name, from};
    mail.to = {{"", to}};
    mail.subject = "actiontrack test message";
    mail.text = "If you can read this, actiontrack can send e-mail.\n";
    mail.date = now;
    mail.message_id =
        fmt::format("test.{}@{}", now.time_since_epoch().count(), notify::local_host_name());
    auto message = notify::render_message(mail);
    if (!message) return failure("test-email", message.error().message());

    boost::asio::io_context io;
    std::unique_ptr<notify::MailTransport> transport;
    if (use_sendmail)
        transport = std::make_unique<notify::SendmailTransport>(settings->sendmail_program);
    else
        transport = std::make_unique<notify::SmtpTransport>(smtp);
    auto future =
        boost::asio::co_spawn(io, transport->send({from, {to}}, *message), boost::asio::use_future);
    io.run();
    const notify::DeliveryResult result = future.get();
    if (result.disposition != notify::Disposition::delivered) {
        return failure("test-email", result.error);
    }
    fmt::print(
        "sent test message to {} via {}\n", to,
        use_sendmail ? settings->sendmail_program : fmt::format("{}:{}", smtp.host, smtp.port));
    return ExitCode::ok;
}

}  // namespace

const Command& remind_command() {
    static const Command c{"remind", "show the reminders due now (--dry-run)", k_remind_usage,
                           k_plan_options, run_remind};
    return c;
}
const Command& digest_command() {
    static const Command c{"digest", "print the weekly digest (--dry-run)", k_digest_usage,
                           k_plan_options, run_digest};
    return c;
}
const Command& owners_command() {
    static const Command c{"owners", "manage the owners directory", k_owners_usage,
                           k_owners_options, run_owners};
    return c;
}
const Command& snooze_command() {
    static const Command c{"snooze", "pause an action's reminders", k_snooze_usage,
                           k_register_options, run_snooze};
    return c;
}
const Command& silence_command() {
    static const Command c{"silence", "stop or resume an action's reminders", k_silence_usage,
                           k_register_options, run_silence};
    return c;
}
const Command& outbox_command() {
    static const Command c{"outbox", "list, retry or purge queued messages", k_outbox_usage,
                           k_outbox_options, run_outbox};
    return c;
}
const Command& webhooks_command() {
    static const Command c{"webhooks", "list webhook endpoints, re-enable one after 410 Gone",
                           k_webhooks_usage, k_webhooks_options, run_webhooks};
    return c;
}
const Command& test_email_command() {
    static const Command c{"test-email", "send a test e-mail", k_test_email_usage,
                           k_test_email_options, run_test_email};
    return c;
}

}  // namespace actiontrack::cli
