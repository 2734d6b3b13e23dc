// config_parser: values, errors with SOURCE:LINE, --set, validation and printing; loading for
// the reminder commands; the reminder keys reaching notify::NotifySettings.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "daemon/config_loader.hpp"
#include "daemon/config_parser.hpp"
#include "daemon/notify_service.hpp"
#include "notify/settings.hpp"

namespace actiontrack::config {
namespace {

struct ErrorCase {
    const char* name;
    const char* toml;
    const char* expected;  // a substring of the error
};

class ConfigErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ConfigErrors, AreLocated) {
    Config config;
    Origins origins;
    auto applied = apply_toml(GetParam().toml, "test.toml", config, origins);
    ASSERT_FALSE(applied);
    EXPECT_NE(applied.error().message().find(GetParam().expected), std::string::npos)
        << applied.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigErrors,
    ::testing::Values(
        ErrorCase{"unknown_top", "colour = 1\n", "test.toml:1: unknown key 'colour'"},
        ErrorCase{"unknown_section_key", "\n[drop]\nfolder = \"x\"\nsettle = 1\n",
                  "test.toml:4: unknown key 'drop.settle'"},
        ErrorCase{"unknown_section", "[dorp]\nfolder = \"x\"\n",
                  "test.toml:2: unknown key 'dorp.folder'"},
        ErrorCase{"wrong_type", "[http]\nport = \"80\"\n",
                  "test.toml:2: http.port: expected a whole number"},
        ErrorCase{"out_of_range", "[http]\nport = 70000\n",
                  "test.toml:2: http.port: must be between 1 and 65535"},
        ErrorCase{"bad_enum", "[smtp]\nsecurity = \"ssl\"\n",
                  "smtp.security: 'ssl' is not one of \"starttls\", \"tls\" or \"none\""},
        ErrorCase{"negative_seconds", "[drop]\nsettle_seconds = -1\n",
                  "test.toml:2: drop.settle_seconds: must be between 0 and 3600"},
        ErrorCase{"array_element", "[drop]\nignore = [\"*.bak\", 3]\n",
                  "drop.ignore: in the array: expected a string"},
        ErrorCase{"syntax", "[drop]\nfolder = \n", "test.toml:2:"},
        ErrorCase{"webhook_key", "[[webhooks]]\nurl = \"https://x\"\nsign = \"s\"\n",
                  "test.toml:3: unknown key 'webhooks.sign'"},
        ErrorCase{"owner_type", "[[owners]]\nname = \"A\"\nactive = \"yes\"\n",
                  "test.toml:3: owners.active: expected true or false"},
        ErrorCase{"webhooks_not_array", "webhooks = 3\n", "webhooks: expected an array"},
        // The reminder keys are checked like the others, each at its own line.
        ErrorCase{"transport", "[notify]\n\ntransport = \"mail\"\n",
                  "test.toml:3: notify.transport: 'mail' is not one of \"smtp\" or \"sendmail\""},
        ErrorCase{"weekday", "[notify]\ndigest_weekday = \"Mon\"\n",
                  "test.toml:2: notify.digest_weekday: 'Mon' is not one of \"monday\""},
        ErrorCase{"overdue_negative", "[notify]\noverdue_every_days = -7\n",
                  "test.toml:2: notify.overdue_every_days: must be between 0 and 366"},
        ErrorCase{"escalate_type", "[notify]\nescalate_after_days = \"14\"\n",
                  "test.toml:2: notify.escalate_after_days: expected a whole number"},
        ErrorCase{"batch_window_range", "[notify]\nbatch_window_seconds = 7200\n",
                  "test.toml:2: notify.batch_window_seconds: must be between 0 and 3600"},
        ErrorCase{"lease_range", "[notify]\nlease_seconds = 0\n",
                  "test.toml:2: notify.lease_seconds: must be between 1 and 86400"},
        ErrorCase{"removed_remind_days_after", "[notify]\nremind_days_after = [1, 7]\n",
                  "test.toml:2: unknown key 'notify.remind_days_after'"},
        ErrorCase{"smtp_from_moved", "[smtp]\nfrom = \"a@b.c\"\n",
                  "test.toml:2: unknown key 'smtp.from'"},
        ErrorCase{"verify_type", "[smtp]\nverify_certificate = \"no\"\n",
                  "test.toml:2: smtp.verify_certificate: expected true or false"},
        ErrorCase{"smtp_port_range", "[smtp]\nport = 65536\n",
                  "test.toml:2: smtp.port: must be between 0 and 65535"},
        ErrorCase{"digest_recipient_key",
                  "[[digest_recipients]]\nemail = \"a@b.c\"\nteam = \"x\"\n",
                  "test.toml:3: unknown key 'digest_recipients.team'"},
        ErrorCase{"webhook_ca_type", "[[webhooks]]\nurl = \"https://x\"\nca_file = 1\n",
                  "test.toml:3: webhooks.ca_file: expected a string"}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Config, ValuesAreReadAndOriginsRecorded) {
    Config config;
    Origins origins;
    auto applied = apply_toml(R"(
log_level = "debug"
[drop]
folder = "/srv/drop"
settle_seconds = 0.25
rescan_interval_seconds = 60
ignore = ["*.bak"]
after_ingest = "leave"
[[owners]]
name = "Head of Finance"
email = "finance@example.org"
aliases = ["HoF"]
[[webhooks]]
url = "https://hooks.example.org/x"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
)",
                              "a.toml", config, origins);
    ASSERT_TRUE(applied) << applied.error().message();
    EXPECT_EQ(config.log_level, LogLevel::debug);
    EXPECT_EQ(config.drop.folder, "/srv/drop");
    EXPECT_EQ(config.drop.settle, std::chrono::milliseconds(250));
    EXPECT_EQ(config.drop.rescan_interval, std::chrono::seconds(60));
    EXPECT_EQ(config.drop.ignore, std::vector<std::string>{"*.bak"});
    EXPECT_EQ(config.drop.after_ingest, AfterIngest::leave);
    ASSERT_EQ(config.owners.size(), 1u);
    EXPECT_EQ(config.owners[0].aliases, std::vector<std::string>{"HoF"});
    ASSERT_EQ(config.webhooks.size(), 1u);
    EXPECT_EQ(config.webhooks[0].secrets.size(), 1u);
    EXPECT_EQ(origins.at("drop.settle_seconds"), "a.toml:5");
    EXPECT_TRUE(validate(config, origins)) << validate(config, origins).error().message();
}

TEST(Config, SettingsReadTomlValuesOrPlainStrings) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_setting("drop.settle_seconds=0.5", "--set", config, origins));
    ASSERT_TRUE(apply_setting("drop.watch=poll", "--set", config, origins));
    ASSERT_TRUE(apply_setting("drop.ignore=[\"*.x\"]", "--set", config, origins));
    EXPECT_EQ(config.drop.settle, std::chrono::milliseconds(500));
    EXPECT_EQ(config.drop.watch, WatchMode::poll);
    EXPECT_EQ(config.drop.ignore, std::vector<std::string>{"*.x"});
    EXPECT_EQ(origins.at("drop.watch"), "--set");
    auto unknown = apply_setting("drop.nope=1", "--set", config, origins);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message().find("unknown key 'drop.nope'"), std::string::npos);
    EXPECT_FALSE(apply_setting("novalue", "--set", config, origins));
}

struct ValidationCase {
    const char* name;
    const char* toml;
    const char* expected;
};

class ConfigValidation : public ::testing::TestWithParam<ValidationCase> {};

TEST_P(ConfigValidation, NamesTheKeyAndItsOrigin) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_toml(GetParam().toml, "v.toml", config, origins));
    auto valid = validate(config, origins);
    ASSERT_FALSE(valid);
    EXPECT_NE(valid.error().message().find(GetParam().expected), std::string::npos)
        << valid.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigValidation,
    ::testing::Values(
        ValidationCase{"no_drop", "log_level = \"info\"\n", "default: drop.folder: no drop folder"},
        ValidationCase{"zone", "time_zone = \"Europe London\"\n[drop]\nfolder=\"d\"\n",
                       "v.toml:1: time_zone:"},
        ValidationCase{"quiet", "[drop]\nfolder=\"d\"\n[notify]\nquiet_hours_start = \"25:00\"\n",
                       "v.toml:4: notify.quiet_hours_start"},
        ValidationCase{"plain_smtp",
                       "[drop]\nfolder=\"d\"\n[notify]\nfrom=\"a@b.c\"\n[smtp]\n"
                       "host=\"mail.example.org\"\nsecurity=\"none\"\n",
                       "v.toml:7: smtp.security"},
        ValidationCase{"from_required", "[drop]\nfolder=\"d\"\n[smtp]\nhost=\"mail.example.org\"\n",
                       "default: notify.from: a From: address is required"},
        ValidationCase{"webhook_url", "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"ftp://x\"\n",
                       "webhooks[0].url"},
        ValidationCase{"webhook_secret",
                       "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"https://x\"\nsecret=\"short\"\n",
                       "webhooks[0].secrets"},
        ValidationCase{"owner_twice",
                       "[drop]\nfolder=\"d\"\n[[owners]]\nname=\"A\"\n[[owners]]\nname=\"A\"\n",
                       "owners[1].name: 'A' is listed twice"},
        ValidationCase{"notify_without_way_out", "[drop]\nfolder=\"d\"\n[notify]\nenabled=true\n",
                       "v.toml:4: notify.enabled"},
        ValidationCase{"quiet_end", "[drop]\nfolder=\"d\"\n[notify]\nquiet_hours_end = \"8:00\"\n",
                       "v.toml:4: notify.quiet_hours_end: expected a time as HH:MM"},
        ValidationCase{"digest_time", "[drop]\nfolder=\"d\"\n[notify]\ndigest_time = \"8am\"\n",
                       "v.toml:4: notify.digest_time: expected a time as HH:MM"},
        ValidationCase{"scrutiny_name",
                       "[drop]\nfolder=\"d\"\n[notify]\nscrutiny_officer_name = \"\"\n",
                       "v.toml:4: notify.scrutiny_officer_name: must not be empty"},
        ValidationCase{"sendmail_relative",
                       "[drop]\nfolder=\"d\"\n[notify]\nsendmail_path = \"sendmail\"\n",
                       "v.toml:4: notify.sendmail_path: must be an absolute path"},
        ValidationCase{"sendmail_needs_from",
                       "[drop]\nfolder=\"d\"\n[notify]\ntransport = \"sendmail\"\n",
                       "default: notify.from: a From: address is required"},
        ValidationCase{"from_not_address", "[drop]\nfolder=\"d\"\n[notify]\nfrom = \"Reminders\"\n",
                       "v.toml:4: notify.from: is not an e-mail address"},
        ValidationCase{
            "auth_in_clear",
            "[drop]\nfolder=\"d\"\n[notify]\nfrom=\"a@b.c\"\n[smtp]\nhost=\"127.0.0.1\"\n"
            "security=\"none\"\nallow_plain_on_loopback=true\nusername=\"u\"\n"
            "password_file=\"/p\"\n",
            "v.toml:9: smtp.username: AUTH is only ever sent after TLS"},
        ValidationCase{"webhook_secret_prefix",
                       "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"https://x\"\n"
                       "secret=\"change-me-to-a-long-random-string\"\n",
                       "webhooks[0].secrets: each webhook needs a signing secret \"whsec_"},
        ValidationCase{"webhook_secret_short",
                       "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"https://x\"\n"
                       "secret=\"whsec_c2VjcmV0\"\n",
                       "webhooks[0].secrets"},
        ValidationCase{"webhook_secret_not_base64",
                       "[drop]\nfolder=\"d\"\n[[webhooks]]\nurl=\"https://x\"\n"
                       "secret=\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!w\"\n",
                       "webhooks[0].secrets"},
        ValidationCase{"digest_recipient_email",
                       "[drop]\nfolder=\"d\"\n[[digest_recipients]]\nname=\"Chair\"\n",
                       "digest_recipients[0].email: an e-mail address is required"}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Config, PrintShowsEveryKeyWithItsOriginAndMasksSecrets) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_toml("[drop]\nfolder = \"/d\"\n[[webhooks]]\nurl = \"https://x\"\n"
                           "secrets = [\"0123456789abcdefXYZ\"]\n",
                           "p.toml", config, origins));
    const std::string printed = print_config(config, origins);
    // The reminder policy's defaults are issue 4's.
    for (const char* line :
         {"default notify.remind_days_before = [7, 1]\n",
          "default notify.remind_on_due_day = true\n", "default notify.overdue_every_days = 7\n",
          "default notify.escalate_after_days = 14\n",
          "default notify.ask_due_date_after_days = 28\n",
          "default notify.quiet_hours_start = \"18:00\"\n",
          "default notify.quiet_hours_end = \"08:00\"\n", "default notify.quiet_weekends = true\n",
          "default notify.batch_window_seconds = 30\n", "default notify.lease_seconds = 300\n",
          "default notify.digest_weekday = \"monday\"\n",
          "default notify.digest_time = \"08:00\"\n", "default notify.transport = \"smtp\"\n",
          "default notify.sendmail_path = \"/usr/sbin/sendmail\"\n",
          "default smtp.security = \"starttls\"\n", "default smtp.verify_certificate = true\n",
          "default digest_recipients = []\n"}) {
        EXPECT_NE(printed.find(line), std::string::npos) << line << printed;
    }
    EXPECT_NE(printed.find("p.toml:2 drop.folder = \"/d\"\n"), std::string::npos) << printed;
    EXPECT_NE(printed.find("default drop.settle_seconds = 1\n"), std::string::npos) << printed;
    EXPECT_NE(printed.find("default time_zone = \"Europe/London\"\n"), std::string::npos);
    EXPECT_NE(printed.find("webhooks[0].secrets = (1 secret, not shown)"), std::string::npos)
        << printed;
    EXPECT_EQ(printed.find("0123456789abcdefXYZ"), std::string::npos);
}

TEST(Config, SendmailIsAWayOutForReminders) {
    Config config;
    Origins origins;
    ASSERT_TRUE(
        apply_toml("[drop]\nfolder = \"d\"\n[notify]\nenabled = true\n"
                   "transport = \"sendmail\"\nfrom = \"reminders@example.org\"\n",
                   "s.toml", config, origins));
    EXPECT_TRUE(validate(config, origins)) << validate(config, origins).error().message();
}

// What `remind`, `digest` and `test-email` read: the same file without the daemon's drop folder;
// files it names are checked when loading, located like any other value.
TEST(Config, LoadingForTheReminderCommandsNeedsNoDropFolderButChecksFiles) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("config-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = (dir / "a.toml").string();
    std::ofstream(file) << "[notify]\nscrutiny_officer = \"scrutiny@example.org\"\n";
    Overrides overrides;
    overrides.config_file = file;
    EXPECT_FALSE(load_config(overrides, "/nonexistent", Use::daemon));
    auto tools = load_config(overrides, "/nonexistent", Use::notify_tools);
    ASSERT_TRUE(tools) << tools.error().message();
    EXPECT_EQ(tools->config.notify.scrutiny_officer, "scrutiny@example.org");

    std::ofstream(file) << "[smtp]\nhost = \"mail.example.org\"\n\nca_file = \"" << dir.string()
                        << "/missing.pem\"\n[notify]\nfrom = \"r@example.org\"\n";
    auto missing = load_config(overrides, "/nonexistent", Use::notify_tools);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message().find(file + ":4: smtp.ca_file: no such file"),
              std::string::npos)
        << missing.error().message();

    std::ofstream(file) << "[drop]\nfolder = \"d\"\n[[owners]]\nname = \"A\"\n"
                           "time_zone = \"Europe/Atlantis\"\n";
    auto zone = load_config(overrides, "/nonexistent", Use::daemon);
    ASSERT_FALSE(zone);
    EXPECT_NE(zone.error().message().find("owners[0].time_zone: unknown time zone"),
              std::string::npos)
        << zone.error().message();
    std::filesystem::remove_all(dir);
}

// Every default reaches the notifier as the issue's policy; every key set in a file changes
// what the notifier does.
TEST(Config, NotifySettingsCarryTheIssueDefaults) {
    const notify::NotifySettings s = notify_service::to_notify_settings(Config{});
    EXPECT_EQ(s.policy.days_before, (std::vector<int>{7, 1}));
    EXPECT_TRUE(s.policy.on_due_day);
    EXPECT_EQ(s.policy.overdue_every_days, 7);
    EXPECT_EQ(s.policy.escalate_after_days, 14);
    EXPECT_EQ(s.policy.ask_due_date_after_days, 28);
    EXPECT_EQ(s.policy.send_from_minute, 8 * 60);
    EXPECT_EQ(s.policy.send_until_minute, 18 * 60);
    EXPECT_TRUE(s.policy.weekdays_only);
    EXPECT_EQ(s.policy.default_time_zone, "Europe/London");
    EXPECT_EQ(s.batch_window, std::chrono::seconds{30});
    EXPECT_EQ(s.lease, std::chrono::seconds{300});
    EXPECT_EQ(s.digest_weekday, 1u);  // Monday
    EXPECT_EQ(s.digest_minute, 8 * 60);
    EXPECT_EQ(s.scrutiny_officer.name, "Scrutiny Officer");
    EXPECT_FALSE(s.scrutiny_officer.email);
    EXPECT_FALSE(s.email_enabled);  // no smtp.host and not sendmail
    EXPECT_EQ(s.transport, notify::NotifySettings::Transport::smtp);
    EXPECT_EQ(s.sendmail_program, "/usr/sbin/sendmail");
    EXPECT_EQ(s.smtp.port, 587);
    EXPECT_EQ(s.smtp.security, notify::SmtpSecurity::starttls);
    EXPECT_TRUE(s.smtp.verify_certificate);
}

TEST(Config, NotifyKeysReachTheNotifier) {
    Config config;
    Origins origins;
    ASSERT_TRUE(apply_toml(R"(
time_zone = "Europe/Dublin"
[http]
public_url = "https://actions.example.gov.uk"
[notify]
scrutiny_officer = "scrutiny@example.gov.uk"
scrutiny_officer_name = "Jo Bloggs"
time_zone = "America/New_York"
remind_days_before = [14, 3]
remind_on_due_day = false
overdue_every_days = 3
escalate_after_days = 21
ask_due_date_after_days = 10
quiet_hours_start = "17:30"
quiet_hours_end = "09:15"
quiet_weekends = false
batch_window_seconds = 5
lease_seconds = 90
transport = "sendmail"
sendmail_path = "/usr/lib/sendmail"
from = "reminders@example.gov.uk"
from_name = "Scrutiny reminders"
digest_weekday = "friday"
digest_time = "16:45"
[smtp]
host = "mail.example.gov.uk"
security = "tls"
username = "reminders"
password_file = "/etc/actiontrack/smtp-password"
verify_certificate = false
ca_file = "/etc/ssl/council-ca.pem"
helo_name = "actiontrack.example.gov.uk"
timeout_seconds = 12
[[webhooks]]
url = "https://crm.example.gov.uk/hooks"
secrets = ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]
events = ["action.overdue"]
ca_file = "/etc/ssl/crm-ca.pem"
[[owners]]
name = "Democratic Services Officer"
email = "dso@example.gov.uk"
aliases = ["DSO"]
[[digest_recipients]]
name = "Chair of Scrutiny"
email = "chair@example.gov.uk"
committee = "Scrutiny Panel"
[[digest_recipients]]
email = "deputy.scrutiny@example.gov.uk"
)",
                           "n.toml", config, origins));
    ASSERT_TRUE(validate(config, origins, Use::notify_tools));
    const notify::NotifySettings s = notify_service::to_notify_settings(config);
    EXPECT_EQ(s.policy.days_before, (std::vector<int>{14, 3}));
    EXPECT_FALSE(s.policy.on_due_day);
    EXPECT_EQ(s.policy.overdue_every_days, 3);
    EXPECT_EQ(s.policy.escalate_after_days, 21);
    EXPECT_EQ(s.policy.ask_due_date_after_days, 10);
    EXPECT_EQ(s.policy.send_from_minute, 9 * 60 + 15);    // quiet until 09:15
    EXPECT_EQ(s.policy.send_until_minute, 17 * 60 + 30);  // quiet from 17:30
    EXPECT_FALSE(s.policy.weekdays_only);
    EXPECT_EQ(s.policy.default_time_zone, "America/New_York");
    EXPECT_EQ(s.batch_window, std::chrono::seconds{5});
    EXPECT_EQ(s.lease, std::chrono::seconds{90});
    EXPECT_EQ(s.scrutiny_officer.name, "Jo Bloggs");
    EXPECT_EQ(s.scrutiny_officer.email, "scrutiny@example.gov.uk");
    EXPECT_EQ(s.digest_weekday, 5u);  // Friday
    EXPECT_EQ(s.digest_minute, 16 * 60 + 45);
    ASSERT_EQ(s.digest_recipients.size(), 2u);
    EXPECT_EQ(s.digest_recipients[0].person.name, "Chair of Scrutiny");
    EXPECT_EQ(s.digest_recipients[0].committee, "Scrutiny Panel");
    EXPECT_EQ(s.digest_recipients[1].person.name, "deputy.scrutiny@example.gov.uk");
    EXPECT_FALSE(s.digest_recipients[1].committee);  // the whole digest
    EXPECT_EQ(s.public_url, "https://actions.example.gov.uk");
    EXPECT_EQ(s.transport, notify::NotifySettings::Transport::sendmail);
    EXPECT_EQ(s.sendmail_program, "/usr/lib/sendmail");
    EXPECT_TRUE(s.email_enabled);
    EXPECT_EQ(s.from.display_name, "Scrutiny reminders");
    EXPECT_EQ(s.from.address, "reminders@example.gov.uk");
    EXPECT_EQ(s.message_id_domain, "example.gov.uk");
    EXPECT_EQ(s.smtp.host, "mail.example.gov.uk");
    EXPECT_EQ(s.smtp.port, 465);  // implicit TLS's port when smtp.port is 0
    EXPECT_EQ(s.smtp.security, notify::SmtpSecurity::implicit_tls);
    EXPECT_EQ(s.smtp.username, "reminders");
    EXPECT_EQ(s.smtp.password, "");  // never read for the dry runs
    EXPECT_FALSE(s.smtp.verify_certificate);
    EXPECT_EQ(s.smtp.ca_file, "/etc/ssl/council-ca.pem");
    EXPECT_EQ(s.smtp.helo_name, "actiontrack.example.gov.uk");
    EXPECT_EQ(s.smtp.timeout, std::chrono::seconds{12});
    ASSERT_EQ(s.webhooks.size(), 1u);
    EXPECT_EQ(s.webhooks[0].url, "https://crm.example.gov.uk/hooks");
    EXPECT_EQ(s.webhooks[0].events, std::vector<std::string>{"action.overdue"});
    EXPECT_EQ(s.webhooks[0].ca_file, "/etc/ssl/crm-ca.pem");
    ASSERT_EQ(s.owners.size(), 1u);
    EXPECT_EQ(s.owners[0].first.email, "dso@example.gov.uk");
    EXPECT_EQ(s.owners[0].second, std::vector<std::string>{"DSO"});

    // An explicit port wins over the security mode's.
    ASSERT_TRUE(apply_setting("smtp.port=2465", "--set", config, origins));
    EXPECT_EQ(notify_service::to_notify_settings(config).smtp.port, 2465);
}

}  // namespace
}  // namespace actiontrack::config
