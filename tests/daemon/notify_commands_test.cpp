// Integration tests of the reminder commands that read the daemon's configuration file:
// `remind --dry-run` and `digest --dry-run` take the scrutiny officer, the owners and the policy
// from --config (flags override), a bad file exits 78 with FILE:LINE, `owners`, `snooze`,
// `silence` and `outbox` find the register through it, and `webhooks` lists and re-enables
// endpoints. The real binary runs in a fresh folder each time.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "python_server.hpp"  // tests/notify: the aiosmtpd fixture and a fake sendmail

namespace actiontrack::cli::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Monday 4 April 2022, 10:00 in London: the Clerk's action (due 31 March) has its due-day
// reminder outstanding; the Head of Planning's (due 30 June) has nothing due yet.
const std::string k_now = "2022-04-04T10:00";

constexpr std::string_view k_config =
    "[notify]\n"
    "scrutiny_officer = \"scrutiny@council.example\"\n"
    "scrutiny_officer_name = \"Jo Scrutiny\"\n"
    "[[owners]]\n"
    "name = \"Head of Planning\"\n"
    "email = \"planning@council.example\"\n";

class NotifyCommands : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(seed_register(m_dir.work() / "actiontrack.db"));
        m_config = m_dir.write("actiontrack.toml", k_config);
    }
    RunResult run(std::vector<std::string> args) { return run_actiontrack(m_dir, args); }

    TempDir m_dir;
    std::string m_config;
};

TEST_F(NotifyCommands, RemindTakesTheScrutinyOfficerFromTheConfiguration) {
    RunResult run = this->run({"remind", "--dry-run", "--now", k_now, "--config", m_config});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("Settings from actiontrack.toml: scrutiny officer Jo Scrutiny "
                                   "<scrutiny@council.example>; default zone Europe/London; "
                                   "e-mail off, sent weekdays 08:00-18:00 local time; reminders "
                                   "7 and 1 days before, on the due day, then every 7 days "
                                   "overdue; escalation after 14 days overdue; owners of undated "
                                   "actions asked after 28 days.\n"
                                   "Note: no e-mail transport is configured"));
    // "Clerk" is nobody in the directory: the reminder is routed to the scrutiny officer.
    EXPECT_THAT(run.out, HasSubstr("email reminder to Jo Scrutiny <scrutiny@council.example>"));
    EXPECT_THAT(run.out, HasSubstr("due today; unassigned]"));
    EXPECT_THAT(run.out, Not(HasSubstr("planning@council.example")));  // nothing due yet

    // Flags override the file.
    run = this->run({"remind", "--dry-run", "--now", k_now, "--config", m_config, "--scrutiny-name",
                     "Sam Deputy", "--scrutiny-email", "deputy@council.example"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("email reminder to Sam Deputy <deputy@council.example>"));
    EXPECT_THAT(run.out, Not(HasSubstr("scrutiny@council.example")));

    // No file: the defaults, and no address to send to.
    run = this->run({"remind", "--dry-run", "--now", k_now, "--config", "/dev/null"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("email reminder to Scrutiny Officer (no known address: not "
                                   "sent)"));
}

TEST_F(NotifyCommands, RemindFollowsThePolicyInTheConfigurationAndSet) {
    m_dir.write("quiet.toml",
                "[notify]\nscrutiny_officer = \"scrutiny@council.example\"\n"
                "quiet_hours_start = \"09:30\"\n");
    RunResult run = this->run({"remind", "--dry-run", "--now", k_now, "--config", "quiet.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("sent weekdays 08:00-09:30 local time"));
    EXPECT_THAT(run.out, HasSubstr("Nothing to send now."));
    EXPECT_THAT(run.out, HasSubstr("due reminder waits for Scrutiny Officer's sending window "
                                   "(weekdays 08:00-09:30 Europe/London)"));
    run = this->run({"remind", "--dry-run", "--now", k_now, "--config", "quiet.toml", "--set",
                     "notify.quiet_hours_start=18:00"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out,
                HasSubstr("email reminder to Scrutiny Officer <scrutiny@council.example>"));
    // With a transport the note goes: these e-mails would be sent.
    run = this->run({"remind", "--dry-run", "--now", k_now, "--config", "quiet.toml", "--set",
                     "notify.transport=sendmail", "--set", "notify.from=reminders@council.example",
                     "--set", "notify.quiet_hours_start=18:00"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("e-mail via /usr/sbin/sendmail, sent weekdays"));
    EXPECT_THAT(run.out, Not(HasSubstr("Note: no e-mail transport")));
    // The configured zone also reads --now: 10:00 in New York is 14:00 in London.
    run = this->run({"remind", "--dry-run", "--now", k_now, "--config", "quiet.toml", "--set",
                     "notify.time_zone=America/New_York"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("At 2022-04-04T14:00:00Z (UTC)"));
}

TEST_F(NotifyCommands, DigestTakesItsRecipientsFromTheConfiguration) {
    m_dir.write("digest.toml", std::string(k_config) +
                                   "[[digest_recipients]]\n"
                                   "name = \"Panel Chair\"\n"
                                   "email = \"chair@council.example\"\n"
                                   "committee = \"test scrutiny panel.\"\n");
    RunResult run = this->run({"digest", "--dry-run", "--now", k_now, "--config", "digest.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("To: Jo Scrutiny <scrutiny@council.example>\n"));
    EXPECT_THAT(run.out, HasSubstr("Unassigned (routed to Jo Scrutiny)"));
    EXPECT_THAT(run.out, HasSubstr("To: Panel Chair <chair@council.example> (committee: test "
                                   "scrutiny panel.)\n"));
    // The chair's digest says where unassigned actions went: to the scrutiny officer.
    const auto chair = run.out.find("To: Panel Chair");
    EXPECT_NE(run.out.find("Unassigned (routed to Jo Scrutiny)", chair), std::string::npos)
        << run.out;
    // The Head of Planning is in the directory: assigned, so not under "Unassigned".
    const auto unassigned = run.out.find("Unassigned (routed to Jo Scrutiny)");
    const auto next_section = run.out.find("\n\n", unassigned);
    EXPECT_EQ(run.out.substr(unassigned, next_section - unassigned).find("site visit"),
              std::string::npos)
        << run.out;
}

TEST_F(NotifyCommands, BadConfigurationExits78WithFileAndLine) {
    m_dir.write("bad.toml", "[notify]\nescalate_after_days = \"soon\"\n");
    RunResult run = this->run({"remind", "--dry-run", "--config", "bad.toml"});
    EXPECT_EQ(run.exit_code, 78);
    EXPECT_THAT(run.err, HasSubstr("bad.toml:2: notify.escalate_after_days: expected a whole "
                                   "number"));
    run = this->run({"digest", "--dry-run", "--config", "missing.toml"});
    EXPECT_EQ(run.exit_code, 78);
    EXPECT_THAT(run.err, HasSubstr("missing.toml: cannot read the configuration file"));
}

TEST_F(NotifyCommands, TheRegisterComesFromDatabasePathWhenNoDbFlag) {
    fs::rename(m_dir.work() / "actiontrack.db", m_dir.work() / "register.db");
    m_dir.write("db.toml", std::string(k_config) + "[database]\npath = \"register.db\"\n");
    RunResult run = this->run({"remind", "--dry-run", "--now", k_now, "--config", "db.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("Jo Scrutiny <scrutiny@council.example>"));
    // --db still wins, and a missing register is refused rather than created.
    run = this->run(
        {"remind", "--dry-run", "--now", k_now, "--config", "db.toml", "--db", "nowhere.db"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_FALSE(fs::exists(m_dir.work() / "nowhere.db"));
}

// The rows `sql` returns from `db`, one string per row (the first column).
std::vector<std::string> query_rows(const fs::path& db, const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.string().c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
            while (sqlite3_step(statement) == SQLITE_ROW) {
                const unsigned char* text = sqlite3_column_text(statement, 0);
                rows.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
            }
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(handle);
    return rows;
}

// owners, snooze, silence and outbox find the register as remind and digest do: without --db,
// the database.path of the configuration file. Everything they change lands in that register,
// and no actiontrack.db appears in the current folder.
TEST_F(NotifyCommands, RegisterCommandsTakeTheDatabasePathFromTheConfiguration) {
    fs::rename(m_dir.work() / "actiontrack.db", m_dir.work() / "register.db");
    m_dir.write("db.toml", std::string(k_config) + "[database]\npath = \"register.db\"\n");
    const std::vector<std::pair<std::vector<std::string>, std::string>> steps = {
        {{"owners", "add", "Head of Finance", "--email", "finance@council.example", "--tz",
          "Europe/London"},
         "owner 1 added: Head of Finance\n"},
        {{"owners", "alias", "Head of Finance", "HoF"}, "'HoF' now reaches owner 1\n"},
        {{"owners", "list"},
         "1\tHead of Finance\tfinance@council.example\tEurope/London\tactive\tHoF\n"},
        {{"snooze", "1", "2030-01-31"}, "action 1: snoozed until 2030-01-31\n"},
        {{"silence", "2", "on"}, "action 2: reminders silenced\n"},
        {{"outbox", "list"}, ""},
        {{"outbox", "purge"}, "purged 0 rows\n"},
    };
    for (const auto& [args, expected] : steps) {
        std::vector<std::string> with_config = args;
        with_config.insert(with_config.end(), {"--config", "db.toml"});
        RunResult run = this->run(with_config);
        EXPECT_EQ(run.exit_code, 0) << args[0] << ": " << run.err;
        EXPECT_EQ(run.out, expected) << args[0];
    }
    const fs::path db = m_dir.work() / "register.db";
    EXPECT_EQ(query_rows(db, "SELECT name || ' ' || email FROM owners ORDER BY id"),
              std::vector<std::string>{"Head of Finance finance@council.example"});
    EXPECT_EQ(query_rows(db,
                         "SELECT action_id || ' ' || IFNULL(snoozed_until, '-') || ' ' || "
                         "silenced FROM action_reminders ORDER BY action_id"),
              (std::vector<std::string>{"1 2030-01-31 0", "2 - 1"}));
    EXPECT_FALSE(fs::exists(m_dir.work() / "actiontrack.db"));
    // --db wins over the file, as for remind.
    RunResult run = this->run({"owners", "list", "--config", "db.toml", "--db", "register.db"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("Head of Finance"));
}

// Without --db and without a database.path (and no actiontrack.db here), the commands say what
// to give instead of failing on a path nobody chose; a database.path that names no register is
// refused (not created) and named; a bad file exits 78 with FILE:LINE, as the daemon does.
TEST_F(NotifyCommands, RegisterCommandsSayWhereTheRegisterShouldComeFrom) {
    fs::remove(m_dir.work() / "actiontrack.db");
    m_dir.write("gone.toml", "[database]\npath = \"gone.db\"\n");
    m_dir.write("bad.toml", "[database]\npath = 5\n");
    const std::vector<std::vector<std::string>> commands = {
        {"owners", "list"}, {"snooze", "1", "off"}, {"silence", "1", "on"}, {"outbox", "list"}};
    for (const auto& command : commands) {
        const auto with = [&](std::vector<std::string> extra) {
            std::vector<std::string> args = command;
            args.insert(args.end(), extra.begin(), extra.end());
            return this->run(args);
        };
        RunResult run = with({"--config", "/dev/null"});
        EXPECT_EQ(run.exit_code, 1) << command[0];
        EXPECT_EQ(run.err, "actiontrack: " + command[0] +
                               ": no register given: use --db PATH, or --config FILE with a "
                               "database.path (read: /dev/null, which sets none; and there is "
                               "no actiontrack.db in the current folder)\n");
        run = with({"--config", "gone.toml"});
        EXPECT_EQ(run.exit_code, 1) << command[0];
        EXPECT_THAT(run.err, HasSubstr("gone.db: no register here (database.path in gone.toml)"));
        EXPECT_FALSE(fs::exists(m_dir.work() / "gone.db"));
        run = with({"--db", "nowhere.db"});
        EXPECT_EQ(run.exit_code, 1) << command[0];
        EXPECT_THAT(run.err, HasSubstr("nowhere.db: no register here (given by --db)"));
        run = with({"--config", "bad.toml"});
        EXPECT_EQ(run.exit_code, 78) << command[0];
        EXPECT_THAT(run.err, HasSubstr("bad.toml:2: database.path: expected a string"));
        EXPECT_FALSE(fs::exists(m_dir.work() / "nowhere.db"));
        EXPECT_FALSE(fs::exists(m_dir.work() / "actiontrack.db"));
    }
    // No flag at all: the default file, which this machine does not have, is named.
    if (!fs::exists("/etc/actiontrack/actiontrack.toml")) {
        RunResult run = this->run({"outbox", "list"});
        EXPECT_EQ(run.exit_code, 1);
        EXPECT_THAT(run.err, HasSubstr("(read: no configuration file "
                                       "(/etc/actiontrack/actiontrack.toml does not exist), which "
                                       "sets none;"));
    }
}

// Marks `url` disabled the way the notifier does after a 410 Gone.
void disable_endpoint(const fs::path& db, const std::string& url) {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.string().c_str(), &handle), SQLITE_OK);
    const std::string sql =
        "INSERT INTO webhook_endpoint_state (name, disabled_at, reason) VALUES ('" + url +
        "', '2024-05-17T09:00:00Z', '410 Gone')";
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error != nullptr ? error : "");
    sqlite3_free(error);
    sqlite3_close(handle);
}

TEST_F(NotifyCommands, WebhooksListShowsAndEnableClearsAGoneEndpoint) {
    const std::string url = "https://crm.council.example/hooks";
    m_dir.write("hooks.toml", "[[webhooks]]\nurl = \"" + url +
                                  "\"\nsecret = \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"\n"
                                  "events = [\"action.overdue\"]\n");
    // The first run migrates the register to the notifier's tables.
    RunResult run = this->run({"webhooks", "list", "--config", "hooks.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, url + "\tenabled\taction.overdue\n");
    ASSERT_NO_FATAL_FAILURE(disable_endpoint(m_dir.work() / "actiontrack.db", url));
    run = this->run({"webhooks", "list", "--config", "hooks.toml"});
    EXPECT_EQ(run.out, url + "\tdisabled since 2024-05-17T09:00:00Z (410 Gone)\taction.overdue\n");
    run = this->run({"webhooks", "enable", url, "--config", "hooks.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    run = this->run({"webhooks", "list", "--config", "hooks.toml"});
    EXPECT_EQ(run.out, url + "\tenabled\taction.overdue\n");
    run = this->run({"webhooks", "enable", url, "--config", "hooks.toml"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, HasSubstr("is not disabled"));
}

// `test-email` sends as the daemon would, with the configured [smtp]: here implicit TLS to a
// real aiosmtpd whose self-signed certificate only the configured CA file vouches for, and AUTH
// LOGIN with the password read from the configured file.
TEST_F(NotifyCommands, TestEmailUsesTheConfiguredImplicitTlsRelayCaFileAndPassword) {
    namespace nt = notify::testing;
    const fs::path tls = m_dir.root() / "tls";
    const fs::path out = m_dir.root() / "mail";
    fs::create_directories(tls);
    fs::create_directories(out);
    ASSERT_TRUE(nt::make_certificate(tls));
    const auto port = nt::free_port();
    nt::PythonServer server(std::string(NOTIFY_TEST_DIR) + "/smtp_server.py",
                            {"--port", std::to_string(port), "--out", out.string(), "--cert",
                             (tls / "cert.pem").string(), "--key", (tls / "key.pem").string(),
                             "--tls-mode", "implicit", "--auth-mechanisms", "LOGIN"},
                            out / "ready");
    ASSERT_TRUE(server.ready());
    m_dir.write("password", "s3cret\n");
    m_dir.write("smtp.toml",
                "[notify]\nfrom = \"reminders@council.example\"\n"
                "from_name = \"Council Reminders\"\n[smtp]\nhost = \"localhost\"\n"
                "port = " +
                    std::to_string(port) +
                    "\nsecurity = \"tls\"\nusername = \"reminders\"\n"
                    "password_file = \"password\"\nca_file = \"" +
                    (tls / "cert.pem").string() + "\"\ntimeout_seconds = 10\n");
    RunResult run = this->run({"test-email", "zoe@example.org", "--config", "smtp.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out,
              "sent test message to zoe@example.org via localhost:" + std::to_string(port) + "\n");
    const auto files = nt::wait_for_json(out, 1, 10);
    ASSERT_EQ(files.size(), 1u);
    const std::string json = nt::read_text(files[0]);
    EXPECT_THAT(json, HasSubstr("\"mail_from\": \"reminders@council.example\""));
    EXPECT_THAT(json, HasSubstr("\"rcpt_tos\": [\"zoe@example.org\"]"));
    EXPECT_THAT(json, HasSubstr("\"tls\": true"));
    EXPECT_THAT(json, HasSubstr("\"auth_mechanism\": \"LOGIN\""));
    EXPECT_THAT(json, HasSubstr("\"auth_tls\": true"));
    EXPECT_THAT(nt::read_text(out / "1.eml"),
                HasSubstr("From: \"Council Reminders\" <reminders@council.example>\r\n"));

    // Without the CA file the relay's certificate is refused, and nothing is sent.
    run = this->run(
        {"test-email", "zoe@example.org", "--config", "smtp.toml", "--set", "smtp.ca_file=\"\""});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.err, HasSubstr("TLS handshake failed"));
    EXPECT_FALSE(fs::exists(out / "2.json"));
}

TEST_F(NotifyCommands, TestEmailGoesThroughTheConfiguredSendmail) {
    const fs::path mail = m_dir.root() / "sendmail";
    fs::create_directories(mail);
    const auto program = notify::testing::write_fake_sendmail(mail);
    m_dir.write("sendmail.toml", "[notify]\ntransport = \"sendmail\"\nsendmail_path = \"" +
                                     program.string() +
                                     "\"\nfrom = \"reminders@council.example\"\n");
    RunResult run = this->run({"test-email", "zoe@example.org", "--config", "sendmail.toml"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "sent test message to zoe@example.org via " + program.string() + "\n");
    EXPECT_EQ(notify::testing::read_text(mail / "1.args"), "-t\n-i\n");
    const std::string message = notify::testing::read_text(mail / "1.stdin");
    EXPECT_THAT(message, HasSubstr("To: <zoe@example.org>\n"));
    EXPECT_THAT(message, HasSubstr("<reminders@council.example>\n"));
}

}  // namespace
}  // namespace actiontrack::cli::testing
