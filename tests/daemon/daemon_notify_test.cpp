// The outbox's promise across a real crash, with the real `actiontrack daemon` and a real SMTP
// server (Debian's aiosmtpd with STARTTLS and AUTH, tests/notify/smtp_server.py): a daemon that
// dies after the server accepted a reminder and before the outbox recorded it as sent delivers
// it once more after a restart, byte for byte the same, and never a third time.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "daemon_harness.hpp"
#include "python_server.hpp"  // tests/notify: the aiosmtpd fixture

namespace actiontrack::daemon_testing {
namespace {

namespace nt = notify::testing;

fs::path write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
    return path;
}

// The value of header `name` in the message `eml` (CRLF lines), or "".
std::string header(const std::string& eml, const std::string& name) {
    const auto at = eml.find("\r\n" + name + ": ");
    if (at == std::string::npos) return "";
    const auto start = at + name.size() + 4;
    return eml.substr(start, eml.find("\r\n", start) - start);
}

// Every message the server accepted, in order (OUT/1.eml, 2.eml, ...).
std::vector<std::string> received(const fs::path& out) {
    std::vector<std::string> messages;
    for (int n = 1; fs::exists(out / (std::to_string(n) + ".json")); ++n) {
        messages.push_back(nt::read_text(out / (std::to_string(n) + ".eml")));
    }
    return messages;
}

// The register's one outbox row, as "STATUS attempts=N".
std::string outbox_row(const fs::path& db) {
    const auto rows = query_int(db, "SELECT COUNT(*) FROM outbox");
    if (rows != 1) return "rows=" + std::to_string(rows);
    const auto sent = query_int(db, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'");
    const auto pending = query_int(db, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
    return std::string(sent == 1      ? "sent"
                       : pending == 1 ? "pending"
                                      : "other") +
           " attempts=" + std::to_string(query_int(db, "SELECT attempts FROM outbox"));
}

// The test hook ACTIONTRACK_TEST_CRASH_AFTER_DELIVERY=1 makes the daemon _exit(137) right after
// the SMTP server answered 250 to the message and before the outbox marks the row sent (see
// daemon/notify_service.cpp). The restarted daemon, once the row's lease has run out, must
// deliver the stored bytes again, so the server holds the message exactly twice with one
// Message-ID, and the row ends sent.
TEST(DaemonNotify, KilledBetweenDeliveredAndMarkedSentDeliversTheSameMessageOnceMore) {
    Workspace w;
    const fs::path tls = w.root() / "tls";
    const fs::path out = w.root() / "mail";
    fs::create_directories(tls);
    fs::create_directories(out);
    ASSERT_TRUE(nt::make_certificate(tls));
    const auto port = nt::free_port();
    nt::PythonServer server(std::string(NOTIFY_TEST_DIR) + "/smtp_server.py",
                            {"--port", std::to_string(port), "--out", out.string(), "--cert",
                             (tls / "cert.pem").string(), "--key", (tls / "key.pem").string(),
                             "--tls-mode", "starttls"},
                            out / "ready");
    ASSERT_TRUE(server.ready());

    // No quiet hours or weekends, so the test does not depend on the clock; no escalation and
    // no scrutiny officer address, so the owner's reminder is the only message; a short lease,
    // so the restarted daemon may take the row over within the test.
    const fs::path password = write_text(w.root() / "password", "s3cret\n");
    const fs::path config = write_text(
        w.root() / "actiontrack.toml",
        "[notify]\nenabled = true\nfrom = \"reminders@council.example\"\n"
        "quiet_hours_start = \"00:00\"\nquiet_hours_end = \"00:00\"\nquiet_weekends = false\n"
        "batch_window_seconds = 0\nescalate_after_days = 0\nlease_seconds = 2\n"
        "[smtp]\nhost = \"localhost\"\nport = " +
            std::to_string(port) +
            "\nsecurity = \"starttls\"\nusername = \"reminders\"\npassword_file = \"" +
            password.string() + "\"\nca_file = \"" + (tls / "cert.pem").string() +
            "\"\ntimeout_seconds = 10\n"
            "[[owners]]\nname = \"Head of Finance\"\nemail = \"finance@council.example\"\n");

    // One overdue action (due 30 June 2023) in the register before the daemon starts: its first
    // notifier pass queues the reminder and delivers it.
    const fs::path minutes_file = write_text(w.root() / "minutes.txt", minutes(1));
    std::string output;
    ASSERT_EQ(run_actiontrack({"ingest", "--db", w.db().string(), minutes_file.string()}, output),
              0)
        << output;

    {
        DaemonProcess crashing(w, {"--config", config.string()},
                               {"ACTIONTRACK_TEST_CRASH_AFTER_DELIVERY=1"});
        ASSERT_TRUE(wait_until([&] { return !crashing.running(); }, std::chrono::seconds(60)))
            << crashing.log();
        EXPECT_EQ(crashing.stop(), 137) << crashing.log();  // died in the hook, not otherwise
    }
    // The server has the message; the register still thinks it is being delivered.
    ASSERT_EQ(received(out).size(), 1u);
    ASSERT_EQ(outbox_row(w.db()), "pending attempts=1");
    // The crashed daemon's lease must run out before anyone may deliver the row again.
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(),
                         "SELECT COUNT(*) FROM outbox WHERE lease_until <= "
                         "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')") == 1;
    }));

    DaemonProcess restarted(w, {"--config", config.string()});
    ASSERT_TRUE(restarted.wait_ready()) << restarted.log();
    ASSERT_TRUE(wait_until([&] { return outbox_row(w.db()) == "sent attempts=2"; },
                           std::chrono::seconds(60)))
        << outbox_row(w.db()) << "\n"
        << restarted.log();
    EXPECT_EQ(restarted.stop(), 0);

    const std::vector<std::string> messages = received(out);
    ASSERT_EQ(messages.size(), 2u);  // at most one duplicate
    const std::string message_id = header(messages[0], "Message-ID");
    EXPECT_FALSE(message_id.empty()) << messages[0];
    EXPECT_EQ(header(messages[1], "Message-ID"), message_id);
    EXPECT_EQ(messages[1], messages[0]);  // the stored bytes, not a message composed again
    EXPECT_NE(header(messages[0], "To").find("<finance@council.example>"), std::string::npos)
        << messages[0];
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"), 1);
}

// An https:// webhook needs the TLS plug-in, which is only loaded when the first message goes
// out: a daemon that cannot find it says so at start-up; one that can, says nothing.
TEST(DaemonNotify, MissingTlsSupportIsReportedAtStartUp) {
    Workspace w;
    const fs::path config = write_text(
        w.root() / "actiontrack.toml",
        "[notify]\nenabled = true\n"
        "[[webhooks]]\nurl = \"https://127.0.0.1:9/hooks\"\nsecret = \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"\n");
    const std::string missing = "TLS support is not installed (actiontrack-tls.so not found)";
    const std::vector<std::string> check = {"daemon", "--config", config.string(), "--drop", w.drop().string(),
                                            "--db", w.db().string(), "--check-config"};
    std::string output;
    {
        DaemonProcess daemon(w, {"--config", config.string()});
        ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
        EXPECT_EQ(daemon.log().find(missing), std::string::npos) << daemon.log();
        EXPECT_EQ(daemon.stop(), 0);
        EXPECT_EQ(run_actiontrack(check, output), 0) << output;
        EXPECT_EQ(output.find(missing), std::string::npos) << output;
    }
    // The same binary, in a folder with no plug-ins beside it or in ../lib/actiontrack.
    const fs::path binary = w.root() / "bin" / "actiontrack";
    fs::create_directories(binary.parent_path());
    std::error_code linked;
    fs::create_hard_link(actiontrack_binary(), binary, linked);
    if (linked) fs::copy_file(actiontrack_binary(), binary);
    // --check-config says so too; the configuration itself is valid.
    EXPECT_EQ(run_actiontrack(check, output, binary), 0) << output;
    EXPECT_NE(output.find("warning: " + missing), std::string::npos) << output;
    DaemonProcess daemon(w, {"--config", config.string()}, {}, binary);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    EXPECT_NE(daemon.log().find(missing), std::string::npos) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace actiontrack::daemon_testing
