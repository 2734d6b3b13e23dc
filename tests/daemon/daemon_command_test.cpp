// The daemon's command line: configuration checks (exit 78 with FILE:LINE), --print-config
// origins, SIGHUP reload, and `actiontrack status`.

#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

fs::path write_config(const Workspace& w, const std::string& text) {
    const auto path = w.root() / "actiontrack.toml";
    std::ofstream(path) << text;
    return path;
}

TEST(DaemonCommand, UnknownKeyIsReportedWithFileAndLineAndExit78) {
    Workspace w;
    const auto config = write_config(w, "[drop]\nfolder = \"/tmp/x\"\nsettle_secs = 2\n");
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--check-config"}, output),
              78);
    EXPECT_NE(output.find(config.string() + ":3: unknown key 'drop.settle_secs'"),
              std::string::npos)
        << output;
}

TEST(DaemonCommand, BadValueIsReportedWithFileAndLine) {
    Workspace w;
    const auto config = write_config(w, "[drop]\nfolder = \"/tmp/x\"\nwatch = \"fanotify\"\n");
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--check-config"}, output),
              78);
    EXPECT_NE(output.find(":3: drop.watch: 'fanotify' is not one of"), std::string::npos)
        << output;
}

TEST(DaemonCommand, CheckConfigAcceptsTheAnnotatedExample) {
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", ACTIONTRACK_EXAMPLE_CONFIG, "--check-config"},
                              output),
              0)
        << output;
}

TEST(DaemonCommand, BadReminderSettingIsReportedWithFileAndLineAndExit78) {
    Workspace w;
    const auto config = write_config(
        w, "[drop]\nfolder = \"/tmp/x\"\n[notify]\nenabled = true\nquiet_hours_end = \"8\"\n");
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--check-config"}, output),
              78);
    EXPECT_NE(output.find(config.string() + ":5: notify.quiet_hours_end: expected a time"),
              std::string::npos)
        << output;
}

// The annotated example is the reference for every key: each one is set there, to its default
// (only drop.folder, which has none, is set to a real path; the lists are commented out).
TEST(DaemonCommand, AnnotatedExampleSetsEveryKeyToItsDefault) {
    std::string defaults;
    ASSERT_EQ(
        run_actiontrack(
            {"daemon", "--config", "/dev/null", "--drop", "/srv/drop", "--print-config"}, defaults),
        0)
        << defaults;
    std::string example;
    ASSERT_EQ(run_actiontrack({"daemon", "--config", ACTIONTRACK_EXAMPLE_CONFIG, "--print-config"},
                              example),
              0)
        << example;
    std::istringstream lines(defaults);
    std::string line;
    int keys = 0;
    while (std::getline(lines, line)) {
        if (!line.starts_with("default ")) continue;
        const std::string key_value = line.substr(std::string("default ").size());
        const std::string key = key_value.substr(0, key_value.find(" = "));
        if (key == "webhooks" || key == "owners" || key == "digest_recipients") {
            EXPECT_NE(example.find("\ndefault " + key_value + "\n"), std::string::npos) << key;
            continue;
        }
        ++keys;
        // "EXAMPLE:LINE KEY = VALUE": set in the file, to the same value.
        const auto at = example.find(" " + key_value + "\n");
        ASSERT_NE(at, std::string::npos) << "not the default in the example: " << key_value;
        const auto start = example.rfind('\n', at) + 1;
        EXPECT_TRUE(example.compare(start, std::string(ACTIONTRACK_EXAMPLE_CONFIG).size(),
                                    ACTIONTRACK_EXAMPLE_CONFIG) == 0)
            << "not set in the example: " << key;
    }
    EXPECT_GT(keys, 45);
}

TEST(DaemonCommand, PrintConfigShowsWhereEachValueCameFrom) {
    Workspace w;
    const auto config =
        write_config(w, "log_level = \"debug\"\n[drop]\nfolder = \"/srv/from-file\"\n");
    std::string output;
    ASSERT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--db", "/tmp/flag.db",
                               "--set", "drop.settle_seconds=0.5", "--print-config"},
                              output),
              0)
        << output;
    EXPECT_NE(output.find(config.string() + ":1 log_level = \"debug\""), std::string::npos)
        << output;
    EXPECT_NE(output.find(config.string() + ":3 drop.folder = \"/srv/from-file\""),
              std::string::npos);
    EXPECT_NE(output.find("--db database.path = \"/tmp/flag.db\""), std::string::npos);
    EXPECT_NE(output.find("--set drop.settle_seconds = 0.5"), std::string::npos);
    EXPECT_NE(output.find("default http.port = 8080"), std::string::npos);
}

TEST(DaemonCommand, FlagsOverrideTheFileAndNoFileIsNeeded) {
    std::string output;
    ASSERT_EQ(run_actiontrack({"daemon", "--config", "/dev/null", "--drop", "/srv/drop", "--db",
                               "/srv/db", "--print-config"},
                              output),
              0)
        << output;
    EXPECT_NE(output.find("--drop drop.folder = \"/srv/drop\""), std::string::npos) << output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", "/dev/null", "--check-config"}, output), 78);
    EXPECT_NE(output.find("drop.folder"), std::string::npos) << output;
}

TEST(DaemonCommand, SighupReloadsAndABadNewConfigKeepsTheOldOne) {
    Workspace w;
    const auto config = write_config(w, "[drop]\nsettle_seconds = 0.1\n");
    DaemonProcess daemon(w, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();

    write_config(w, "[drop]\nsettle_seconds = 0.1\nignore = [\"*.skip\"]\n");
    daemon.signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] { return daemon.log().find("reloaded") != std::string::npos; }))
        << daemon.log();
    w.drop_by_rename("a.skip", minutes(50));

    write_config(w, "[drop]\nsettle_seconds = \"soon\"\n");
    daemon.signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] {
        return daemon.log().find("keeping the running configuration") != std::string::npos;
    })) << daemon.log();
    EXPECT_NE(daemon.log().find(config.string() + ":2: drop.settle_seconds"), std::string::npos);
    EXPECT_TRUE(daemon.running());

    w.drop_by_rename("b.txt", minutes(51));
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents") == 1;
    })) << daemon.log();
    EXPECT_TRUE(fs::exists(w.drop() / "a.skip")) << "the reloaded ignore pattern applies";
    EXPECT_EQ(daemon.stop(), 0);
}

// A stand-in for sendmail in `dir`: each call leaves N.args (one argument per line) and N.eml
// (its standard input). Returns its path.
fs::path write_fake_sendmail(const fs::path& dir) {
    fs::create_directories(dir);
    const auto path = dir / "sendmail";
    std::ofstream(path) << "#!/bin/sh\nout='" << dir.string()
                        << "'\nn=1\nwhile [ -e \"$out/$n.eml\" ]; do n=$((n + 1)); done\n"
                           "printf '%s\\n' \"$@\" > \"$out/$n.args\"\n"
                           "cat > \"$out/$n.tmp\" && mv \"$out/$n.tmp\" \"$out/$n.eml\"\n";
    fs::permissions(path, fs::perms::owner_all);
    return path;
}

// Every message the fake sendmail in `dir` received, in order.
std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> sent_mail(const fs::path& dir) {
    std::vector<std::string> out;
    for (int n = 1; fs::exists(dir / (std::to_string(n) + ".eml")); ++n) {
        out.push_back(read_text(dir / (std::to_string(n) + ".eml")));
    }
    return out;
}

std::string notify_config(const fs::path& sendmail) {
    // No quiet hours and no quiet weekends, so the test does not depend on the time of day; the
    // minutes' action (due 30 June 2023) is long overdue, so the owner is chased and the
    // scrutiny officer gets the escalation.
    return "[notify]\nenabled = true\ntransport = \"sendmail\"\nsendmail_path = \"" +
           sendmail.string() +
           "\"\nfrom = \"reminders@council.example\"\nfrom_name = \"Council Reminders\"\n"
           "scrutiny_officer = \"scrutiny@council.example\"\nquiet_hours_start = \"00:00\"\n"
           "quiet_hours_end = \"00:00\"\nquiet_weekends = false\nbatch_window_seconds = 0\n"
           "[[owners]]\nname = \"Head of Finance\"\nemail = \"finance@council.example\"\n";
}

// The value of header `name` in `message` (unfolded lines are enough here), or "".
std::string header(const std::string& message, const std::string& name) {
    const auto at = message.find("\n" + name + ": ");
    if (at == std::string::npos) return "";
    const auto start = at + name.size() + 3;
    return message.substr(start, message.find('\n', start) - start);
}

// The daemon runs the notifier with the configured transport, sender, owners, scrutiny officer
// and policy, and a SIGHUP hands it new ones (here: another sendmail).
TEST(DaemonCommand, NotifierUsesTheConfiguredSettingsAndTakesNewOnesOnReload) {
    Workspace w;
    const auto first = write_fake_sendmail(w.root() / "mail1");
    const auto config = write_config(w, notify_config(first));
    DaemonProcess daemon(w, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    w.drop_by_rename("a.txt", minutes(70));
    ASSERT_TRUE(wait_until([&] { return sent_mail(first.parent_path()).size() >= 2; }))
        << daemon.log();
    EXPECT_EQ(read_text(first.parent_path() / "1.args"), "-t\n-i\n");
    // Action 1: the owner's overdue reminder (with its calendar entry) and the escalation.
    const auto check = [](const std::vector<std::string>& mail, const std::string& ics) {
        ASSERT_EQ(mail.size(), 2u);
        std::size_t reminders = 0, escalations = 0;
        for (const std::string& message : mail) {
            EXPECT_EQ(header(message, "From"), "\"Council Reminders\" <reminders@council.example>");
            const std::string to = header(message, "To");
            if (header(message, "Subject").starts_with("Reminder:")) {
                ++reminders;
                EXPECT_NE(to.find("<finance@council.example>"), std::string::npos) << to;
                EXPECT_NE(message.find("filename=\"" + ics + "\""), std::string::npos);
            } else if (header(message, "Subject").starts_with("Escalation:")) {
                ++escalations;
                EXPECT_NE(to.find("<scrutiny@council.example>"), std::string::npos) << to;
            }
        }
        EXPECT_EQ(reminders, 1u);
        EXPECT_EQ(escalations, 1u);
    };
    check(sent_mail(first.parent_path()), "action-1.ics");

    const auto second = write_fake_sendmail(w.root() / "mail2");
    write_config(w, notify_config(second));
    daemon.signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] { return daemon.log().find("reloaded") != std::string::npos; }))
        << daemon.log();
    w.drop_by_rename("b.txt", minutes(71));
    ASSERT_TRUE(wait_until([&] { return sent_mail(second.parent_path()).size() >= 2; }))
        << daemon.log();
    check(sent_mail(second.parent_path()), "action-2.ics");
    EXPECT_EQ(sent_mail(first.parent_path()).size(), 2u);  // nothing more through the old one
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonCommand, StatusPrintsTheCounts) {
    Workspace w;
    {
        DaemonProcess daemon(w);
        ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
        w.drop_by_rename("one.txt", minutes(60));
        w.drop_by_rename("two.txt", minutes(60));
        w.drop_by_rename("bad.txt", "");
        ASSERT_TRUE(wait_until([&] {
            return query_int(w.db(), "SELECT COUNT(*) FROM documents") == 3;
        })) << daemon.log();
        EXPECT_EQ(daemon.stop(), 0);
    }
    std::string output;
    ASSERT_EQ(run_actiontrack({"status", "--db", w.db().string()}, output), 0) << output;
    EXPECT_NE(output.find("documents    1 ingested, 1 duplicate, 1 failed"), std::string::npos)
        << output;
    EXPECT_NE(output.find("meetings     1"), std::string::npos) << output;
    EXPECT_NE(output.find("actions      "), std::string::npos) << output;
}

}  // namespace
}  // namespace actiontrack::daemon_testing
