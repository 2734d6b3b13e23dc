// The SMTP client against a real aiosmtpd on loopback (STARTTLS with a certificate made for the
// test, AUTH after TLS), and the delivery faults from issue 4 through the real outbox.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <fstream>

#include "notify/dispatcher.hpp"
#include "notify/mail_transport.hpp"
#include "notify/mime.hpp"
#include "notify/notify_db.hpp"
#include "notify/time_text.hpp"
#include "python_server.hpp"

namespace actiontrack::notify {
namespace {

using testing::PythonServer;
using testing::TempFolder;

const std::string k_script = std::string(NOTIFY_TEST_DIR) + "/smtp_server.py";

// co_spawn's future needs a default-constructible value; Result has none, so wrap it.
template <class T>
net::awaitable<std::optional<T>> optional_of(net::awaitable<T> coroutine) {
    co_return co_await std::move(coroutine);
}

template <class T>
T run_coroutine(net::awaitable<T> coroutine) {
    net::io_context io;
    auto future = net::co_spawn(io, optional_of(std::move(coroutine)), net::use_future);
    io.run();
    return *future.get();
}

// A reminder-like message: UTF-8 names and subject, a line starting with a dot, HTML and an ICS
// attachment.
std::string sample_message(const std::string& id) {
    MailMessage m;
    m.from = {"Action reminders", "reminders@example.org"};
    m.to = {{"Zo\xc3\xab", "zoe@example.org"}};
    m.subject = "Reminder \xe2\x80\x94 Item 4";
    m.text = "Hello\n.a line starting with a dot\n";
    m.html = "<p>Hello</p>";
    m.date = *parse_instant("2024-05-17T09:30:00Z");
    m.message_id = id;
    m.attachments.push_back({"text/calendar; charset=UTF-8; method=PUBLISH", "action-1.ics",
                             "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"});
    return *render_message(m);
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

class SmtpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(testing::make_certificate(m_dir.path()));
        m_out = m_dir.path() / "mail";
        std::filesystem::create_directories(m_out);
        m_port = testing::free_port();
        m_settings.host = "localhost";
        m_settings.port = m_port;
        m_settings.ca_file = (m_dir.path() / "cert.pem").string();
        m_settings.username = "reminders";
        m_settings.password = "s3cret";
        m_settings.helo_name = "reminders.test.example";
        m_settings.timeout = std::chrono::seconds{10};
    }
    std::unique_ptr<PythonServer> start_server(std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"--port", std::to_string(m_port),
                                         "--out",  m_out.string(),
                                         "--cert", (m_dir.path() / "cert.pem").string(),
                                         "--key",  (m_dir.path() / "key.pem").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        auto server = std::make_unique<PythonServer>(k_script, args, m_out / "ready");
        EXPECT_TRUE(server->ready());
        return server;
    }
    static std::string message(const std::string& id) { return sample_message(id); }

    TempFolder m_dir;
    std::filesystem::path m_out;
    std::uint16_t m_port = 0;
    SmtpSettings m_settings;
};

TEST_F(SmtpTest, StartTlsAuthAndByteExactDelivery) {
    auto server = start_server();
    const std::string sent = message("m1@example.org");
    const DeliveryResult result = run_coroutine(
        smtp_send(m_settings,
                  Envelope{"reminders@example.org", {"zoe@example.org", "cc@example.org"}}, sent));
    ASSERT_EQ(result.disposition, Disposition::delivered) << result.error;
    const auto files = testing::wait_for_json(m_out, 1, 10);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(testing::read_text(m_out / "1.eml"), sent);  // byte for byte, dots un-stuffed
    const std::string json = testing::read_text(files[0]);
    EXPECT_NE(json.find("\"tls\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"authenticated\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"rcpt_tos\": [\"zoe@example.org\", \"cc@example.org\"]"),
              std::string::npos);
    // Parsed back by Python's email package: the decoded subject and the MIME tree.
    EXPECT_NE(json.find("\"subject\": \"Reminder \\u2014 Item 4\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"defects\": []"), std::string::npos) << json;
    const auto mixed = json.find("multipart/mixed");
    const auto alternative = json.find("multipart/alternative");
    const auto plain = json.find("text/plain");
    const auto html = json.find("text/html");
    const auto calendar = json.find("text/calendar");
    ASSERT_NE(calendar, std::string::npos);
    EXPECT_TRUE(mixed < alternative && alternative < plain && plain < html && html < calendar);
    EXPECT_NE(json.find("Hello\\r\\n.a line starting with a dot"), std::string::npos) << json;
}

TEST_F(SmtpTest, UntrustedCertificateIsRefused) {
    auto server = start_server();
    m_settings.ca_file.clear();  // the self-signed certificate is not in the system store
    const auto result =
        run_coroutine(smtp_send(m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}},
                                message("m2@example.org")));
    EXPECT_EQ(result.disposition, Disposition::retry);
    // The reason is the certificate's, in words an operator can act on.
    EXPECT_TRUE(contains(result.error, "TLS handshake failed: certificate verify failed: "))
        << result.error;
    EXPECT_TRUE(contains(result.error, "self-signed")) << result.error;
}

TEST_F(SmtpTest, WrongPasswordIsPermanent) {
    auto server = start_server();
    m_settings.password = "wrong";
    const auto result =
        run_coroutine(smtp_send(m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}},
                                message("m3@example.org")));
    EXPECT_EQ(result.disposition, Disposition::dead);
    EXPECT_NE(result.error.find("535"), std::string::npos) << result.error;
}

TEST_F(SmtpTest, FiveHundredIsDeadFourHundredRetries) {
    {
        auto server = start_server({"--reject", "550 mailbox unavailable"});
        const auto result = run_coroutine(smtp_send(
            m_settings, Envelope{"r@example.org", {"zoe@example.org"}}, message("m4@example.org")));
        EXPECT_EQ(result.disposition, Disposition::dead) << result.error;
    }
    std::filesystem::remove(m_out / "ready");
    m_port = testing::free_port();
    m_settings.port = m_port;
    auto server = start_server({"--reject", "451 try later"});
    const auto result = run_coroutine(smtp_send(
        m_settings, Envelope{"r@example.org", {"zoe@example.org"}}, message("m5@example.org")));
    EXPECT_EQ(result.disposition, Disposition::retry) << result.error;
}

TEST_F(SmtpTest, NoServerIsATransientFailure) {
    const auto result = run_coroutine(smtp_send(
        m_settings, Envelope{"r@example.org", {"zoe@example.org"}}, message("m6@example.org")));
    EXPECT_EQ(result.disposition, Disposition::retry);
}

// Port 465 style: TLS from the first byte, the server's self-signed certificate trusted only
// through the configured CA file, AUTH (PLAIN, preferred) inside the TLS session.
TEST_F(SmtpTest, ImplicitTlsVerifiedAgainstTheConfiguredCaFile) {
    auto server = start_server({"--tls-mode", "implicit"});
    m_settings.security = SmtpSecurity::implicit_tls;
    const std::string sent = message("implicit@example.org");
    const auto result = run_coroutine(
        smtp_send(m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, sent));
    ASSERT_EQ(result.disposition, Disposition::delivered) << result.error;
    const auto files = testing::wait_for_json(m_out, 1, 10);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(testing::read_text(m_out / "1.eml"), sent);
    const std::string json = testing::read_text(files[0]);
    EXPECT_TRUE(contains(json, "\"tls\": true")) << json;
    EXPECT_TRUE(contains(json, "\"authenticated\": true")) << json;
    EXPECT_TRUE(contains(json, "\"auth_mechanism\": \"PLAIN\"")) << json;
    EXPECT_TRUE(contains(json, "\"auth_tls\": true")) << json;

    // The same server without the CA file: refused at the handshake, before any SMTP.
    m_settings.ca_file.clear();
    const auto refused = run_coroutine(smtp_send(
        m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, message("x@e.org")));
    EXPECT_EQ(refused.disposition, Disposition::retry);
    EXPECT_TRUE(contains(refused.error, "TLS handshake failed")) << refused.error;
    EXPECT_EQ(testing::read_text(m_out / "auth.log"), "PLAIN tls=True\n");
    EXPECT_FALSE(std::filesystem::exists(m_out / "2.json"));
}

TEST_F(SmtpTest, ImplicitTlsChecksTheHostName) {
    // A certificate the CA file trusts, but issued to another name than the one we dial.
    ASSERT_TRUE(testing::make_certificate(m_dir.path(), "DNS:mail.example.org"));
    auto server = start_server({"--tls-mode", "implicit"});
    m_settings.security = SmtpSecurity::implicit_tls;
    const auto result = run_coroutine(smtp_send(
        m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, message("h@e.org")));
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_TRUE(contains(result.error, "TLS handshake failed: certificate verify failed: hostname mismatch"))
        << result.error;
    EXPECT_FALSE(std::filesystem::exists(m_out / "auth.log"));
}

// A server that accepts the connection and never answers the TLS handshake: the handshake's
// own deadline ends the attempt, as a retry, and says which step timed out.
TEST_F(SmtpTest, SilentServerTimesOutTheTlsHandshake) {
    testing::SilentListener silent;
    ASSERT_NE(silent.port(), 0);
    m_settings.port = silent.port();
    m_settings.security = SmtpSecurity::implicit_tls;
    m_settings.timeout = std::chrono::seconds{1};
    const auto started = std::chrono::steady_clock::now();
    const auto result = run_coroutine(smtp_send(
        m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, message("t@e.org")));
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_EQ(result.error, "SMTP: TLS handshake timed out");
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds{5});
}

// A server that slips a forged reply in after its "220" to STARTTLS, before TLS begins: the
// client must not read it as the answer to its first command over TLS (CVE-2011-0411's class).
TEST_F(SmtpTest, RepliesSentBeforeTlsAreNotReadAfterIt) {
    auto server = std::make_unique<PythonServer>(
        std::string(NOTIFY_TEST_DIR) + "/starttls_injector.py",
        std::vector<std::string>{"--port", std::to_string(m_port), "--out", m_out.string(), "--cert",
                                 (m_dir.path() / "cert.pem").string(), "--key",
                                 (m_dir.path() / "key.pem").string()},
        m_out / "ready");
    ASSERT_TRUE(server->ready());
    m_settings.username.clear();  // the injector offers no AUTH
    const auto result = run_coroutine(smtp_send(
        m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, message("i@e.org")));
    EXPECT_EQ(result.disposition, Disposition::delivered) << result.error;
    EXPECT_TRUE(std::filesystem::exists(m_out / "1.eml"));
}

// A server offering only AUTH LOGIN: the client uses it, and only after STARTTLS.
TEST_F(SmtpTest, AuthLoginAfterStartTls) {
    auto server = start_server({"--auth-mechanisms", "LOGIN"});
    const auto result = run_coroutine(smtp_send(
        m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, message("l@e.org")));
    ASSERT_EQ(result.disposition, Disposition::delivered) << result.error;
    const auto files = testing::wait_for_json(m_out, 1, 10);
    ASSERT_EQ(files.size(), 1u);
    const std::string json = testing::read_text(files[0]);
    EXPECT_TRUE(contains(json, "\"auth_mechanism\": \"LOGIN\"")) << json;
    EXPECT_TRUE(contains(json, "\"auth_tls\": true")) << json;
    EXPECT_EQ(testing::read_text(m_out / "auth.log"), "LOGIN tls=True\n");

    // With the wrong password, LOGIN fails as PLAIN does: permanently, and still inside TLS.
    m_settings.password = "wrong";
    const auto refused = run_coroutine(smtp_send(
        m_settings, Envelope{"reminders@example.org", {"zoe@example.org"}}, message("w@e.org")));
    EXPECT_EQ(refused.disposition, Disposition::dead) << refused.error;
    EXPECT_EQ(testing::read_text(m_out / "auth.log"), "LOGIN tls=True\nLOGIN tls=True\n");
}

// A plain-text relay that offers AUTH in the clear: the password never goes out, whatever the
// settings say; without a username the loopback relay is fine when allowed.
TEST_F(SmtpTest, PasswordIsNeverSentWithoutTls) {
    auto server = start_server({"--tls-mode", "none"});
    const Envelope envelope{"reminders@example.org", {"zoe@example.org"}};
    m_settings.allow_plaintext_on_loopback = true;  // STARTTLS not offered: tolerated...
    auto result = run_coroutine(smtp_send(m_settings, envelope, message("p1@e.org")));
    EXPECT_EQ(result.disposition, Disposition::dead);  // ...but not with a password
    EXPECT_TRUE(contains(result.error, "without TLS")) << result.error;
    m_settings.security = SmtpSecurity::none;
    result = run_coroutine(smtp_send(m_settings, envelope, message("p2@e.org")));
    EXPECT_EQ(result.disposition, Disposition::dead);
    EXPECT_TRUE(contains(result.error, "without TLS")) << result.error;
    m_settings.security = SmtpSecurity::starttls;
    m_settings.allow_plaintext_on_loopback = false;  // the default: STARTTLS is required
    result = run_coroutine(smtp_send(m_settings, envelope, message("p3@e.org")));
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_TRUE(contains(result.error, "STARTTLS")) << result.error;
    EXPECT_FALSE(std::filesystem::exists(m_out / "auth.log"));
    EXPECT_FALSE(std::filesystem::exists(m_out / "1.json"));

    m_settings.username.clear();
    m_settings.security = SmtpSecurity::none;
    m_settings.allow_plaintext_on_loopback = true;
    result = run_coroutine(smtp_send(m_settings, envelope, message("p4@e.org")));
    ASSERT_EQ(result.disposition, Disposition::delivered) << result.error;
    const auto files = testing::wait_for_json(m_out, 1, 10);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_TRUE(contains(testing::read_text(files[0]), "\"tls\": false"));
    EXPECT_FALSE(std::filesystem::exists(m_out / "auth.log"));
}

// ---- sendmail ----

DeliveryResult send_with(MailTransport& transport, const std::string& message) {
    return run_coroutine(transport.send({"reminders@example.org", {"zoe@example.org"}}, message));
}

TEST(Sendmail, PipesTheMessageToSendmailDashTDashI) {
    TempFolder dir;
    const auto program = testing::write_fake_sendmail(dir.path());
    SendmailTransport transport(program.string());
    const std::string sent = sample_message("sendmail@example.org");
    const auto result = send_with(transport, sent);
    ASSERT_EQ(result.disposition, Disposition::delivered) << result.error;
    // Recipients from the headers (-t), a lone "." is not the end of the input (-i).
    EXPECT_EQ(testing::read_text(dir.path() / "1.args"), "-t\n-i\n");
    const std::string input = testing::read_text(dir.path() / "1.stdin");
    std::string expected;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        if (!(sent[i] == '\r' && i + 1 < sent.size() && sent[i + 1] == '\n')) expected += sent[i];
    }
    EXPECT_EQ(input, expected);  // the same message with Unix line ends, not dot-stuffed
    EXPECT_EQ(input.find('\r'), std::string::npos);
    EXPECT_TRUE(contains(input, "<zoe@example.org>")) << input;  // what -t reads
    EXPECT_TRUE(contains(input, "Message-ID: <sendmail@example.org>")) << input;
}

TEST(Sendmail, ExitStatusDecidesRetryOrDead) {
    TempFolder dir;
    const auto program = testing::write_fake_sendmail(dir.path());
    SendmailTransport transport(program.string());
    std::ofstream(dir.path() / "exit-code") << "75\n";  // EX_TEMPFAIL: the MTA asks to retry
    auto result = send_with(transport, sample_message("t1@example.org"));
    EXPECT_EQ(result.disposition, Disposition::retry) << result.error;
    std::ofstream(dir.path() / "exit-code") << "67\n";  // EX_NOUSER
    result = send_with(transport, sample_message("t2@example.org"));
    EXPECT_EQ(result.disposition, Disposition::dead) << result.error;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "2.args"));  // both were really run
    SendmailTransport missing((dir.path() / "no-such-sendmail").string());
    result = send_with(missing, sample_message("t3@example.org"));
    EXPECT_EQ(result.disposition, Disposition::retry) << result.error;
    EXPECT_TRUE(contains(result.error, "cannot run")) << result.error;
}

// ---- Faults through the outbox ----

class TestClock final : public Clock {
  public:
    explicit TestClock(Instant start) : m_now(start) {}
    Instant now() const override { return m_now; }
    void advance(std::chrono::seconds by) { m_now += by; }

  private:
    Instant m_now;
};

class NoWebhooks final : public WebhookSender {
  public:
    net::awaitable<DeliveryResult> post(WebhookRequest) override {
        co_return DeliveryResult::permanent("no webhooks in this test");
    }
};

class OutboxSmtpTest : public SmtpTest {
  protected:
    void SetUp() override {
        SmtpTest::SetUp();
        auto db = open_notify_db((m_dir.path() / "r.db").string());
        ASSERT_TRUE(db) << db.error().message();
        m_db = std::make_unique<store::Database>(std::move(*db));
        m_notify.from = {"Action reminders", "reminders@example.org"};
        m_notify.smtp = m_settings;
    }
    Result<DispatchCounts> dispatch(MailTransport& transport) {
        Outbox outbox(*m_db);
        RegisterReader reader(*m_db);
        NoWebhooks hooks;
        return run_coroutine(dispatch_due(outbox, reader, transport, hooks, m_notify, m_clock, 10));
    }
    std::unique_ptr<store::Database> m_db;
    NotifySettings m_notify;
    TestClock m_clock{*parse_instant("2024-05-17T09:00:00Z")};
};

TEST_F(OutboxSmtpTest, ServerDownForThreeAttemptsThenUpDeliversExactlyOnce) {
    Outbox outbox(*m_db);
    const std::string payload = message("down@example.org");
    ASSERT_TRUE(*outbox.enqueue(
        {"k1", Channel::email, "zoe@example.org", "reminder", "s", "down@example.org", payload}, {},
        m_clock.now()));
    SmtpTransport transport(m_settings);
    for (int attempt = 0; attempt < 3; ++attempt) {  // nothing listens on the port
        auto counts = dispatch(transport);
        ASSERT_TRUE(counts);
        EXPECT_EQ(counts->retried, 1) << attempt;
        m_clock.advance(std::chrono::hours{2});  // past every backoff so far
    }
    auto server = start_server();
    auto counts = dispatch(transport);
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->delivered, 1);
    m_clock.advance(std::chrono::hours{48});
    EXPECT_EQ(dispatch(transport)->delivered, 0);  // never again
    EXPECT_EQ(testing::wait_for_json(m_out, 1, 5).size(), 1u);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_FALSE(std::filesystem::exists(m_out / "2.json"));
    auto rows = outbox.list(OutboxStatus::sent);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().attempts, 4);
}

TEST_F(OutboxSmtpTest, CrashBetweenDeliveredAndMarkedSentGivesOneDuplicateWithSameMessageId) {
    Outbox outbox(*m_db);
    const std::string payload = message("crash@example.org");
    ASSERT_TRUE(*outbox.enqueue(
        {"k2", Channel::email, "zoe@example.org", "reminder", "s", "crash@example.org", payload},
        {}, m_clock.now()));
    auto server = start_server();
    SmtpTransport transport(m_settings);
    // The "daemon" claims and delivers, then dies before recording the outcome.
    auto claimed = outbox.claim(m_clock.now(), m_notify.lease, 10);
    ASSERT_EQ(claimed->size(), 1u);
    const auto first = run_coroutine(
        transport.send({"reminders@example.org", {"zoe@example.org"}}, claimed->front().payload));
    ASSERT_EQ(first.disposition, Disposition::delivered);
    // Restarted: within the lease nothing is re-sent; after it, the row is delivered again.
    EXPECT_EQ(dispatch(transport)->delivered, 0);
    m_clock.advance(m_notify.lease);
    EXPECT_EQ(dispatch(transport)->delivered, 1);
    m_clock.advance(std::chrono::hours{1});
    EXPECT_EQ(dispatch(transport)->delivered, 0);
    const auto files = testing::wait_for_json(m_out, 2, 10);
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(testing::read_text(m_out / "1.eml"), testing::read_text(m_out / "2.eml"));
    EXPECT_NE(testing::read_text(m_out / "2.eml").find("Message-ID: <crash@example.org>"),
              std::string::npos);
}

}  // namespace
}  // namespace actiontrack::notify
