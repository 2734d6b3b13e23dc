// The Notifier service end to end on a real register file, with a test clock and recording
// fakes for the senders: a reminder that fell due while the service was stopped goes out after
// start, once (also across a restart); one e-mail per owner; changes reach webhooks.

#include "notify/notifier.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>

#include "notify/dispatcher.hpp"
#include "notify/notify_db.hpp"
#include "notify/outbox.hpp"
#include "notify/register_reader.hpp"
#include "notify/time_text.hpp"
#include "python_server.hpp"
#include "store/database.hpp"
#include "store/unsubscribe.hpp"

namespace actiontrack::notify {
namespace {

class FixedClock final : public Clock {
  public:
    explicit FixedClock(Instant now) : m_now(now) {}
    Instant now() const override { return m_now; }
    Instant m_now;
};

class RecordingMail final : public MailTransport {
  public:
    net::awaitable<DeliveryResult> send(Envelope envelope, std::string message) override {
        sent.emplace_back(envelope.to.front(), std::move(message));
        co_return DeliveryResult::ok();
    }
    std::vector<std::pair<std::string, std::string>> sent;
};

class RecordingWebhooks final : public WebhookSender {
  public:
    net::awaitable<DeliveryResult> post(WebhookRequest request) override {
        posted.push_back(std::move(request));
        if (gone) co_return DeliveryResult{Disposition::gone, "HTTP 410", {}};
        co_return DeliveryResult::ok();
    }
    std::vector<WebhookRequest> posted;
    bool gone = false;
};

class NotifierTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_path = (m_dir.path() / "r.db").string();
        auto db = open_notify_db(m_path);
        ASSERT_TRUE(db) << db.error().message();
        ASSERT_TRUE(db->execute(R"sql(
            INSERT INTO meetings (id, committee, meeting_date, municipal_year, created_at, updated_at)
            VALUES (1, 'Scrutiny Panel', '2024-04-10', '24-25', '2024-04-11T09:00:00Z',
                    '2024-04-11T09:00:00Z');
            INSERT INTO actions (meeting_id, item, text, owner, due_date, due_grain, derived,
                                 reference, position, created_at, updated_at)
            VALUES (1, '4', 'Circulate the figures', 'Head of Finance', '2024-05-10', 'day', 0,
                    'SP/24-25/4.A1', 1, '2024-04-11T09:00:00Z', '2024-04-11T09:00:00Z'),
                   (1, '5', 'Brief members', 'The Head of Finance', '2024-05-14', 'day', 0,
                    'SP/24-25/5.A1', 2, '2024-04-11T09:00:00Z', '2024-04-11T09:00:00Z'),
                   (1, '6', 'Done already', 'Head of Finance', '2024-05-14', 'day', 0,
                    'SP/24-25/6.A1', 3, '2024-04-11T09:00:00Z', '2024-04-11T09:00:00Z');
            UPDATE actions SET status = 'done' WHERE reference = 'SP/24-25/6.A1';
            INSERT INTO resolutions (meeting_id, item, kind, label, text, reference, position)
            VALUES (1, '4', 'resolved', 'RESOLVED', 'That the figures be circulated.',
                    'SP/24-25/4.R1', 1);
        )sql"));
        m_settings.owners.push_back(
            {Person{0, "Head of Finance", "finance@example.org", "", true}, {}});
        m_settings.scrutiny_officer.email = "scrutiny@example.org";
        m_settings.webhooks.push_back(
            {"crm", "http://127.0.0.1:9/hooks", {"whsec_c2VjcmV0"}, {}, ""});
    }

    // Runs a notifier for one tick's worth of the event loop, then stops it.
    void run_once() {
        net::io_context io;
        Notifier notifier(io, m_settings, m_path, {m_clock, m_mail, m_hooks});
        ASSERT_TRUE(notifier.start());
        io.run_for(std::chrono::milliseconds(500));
        notifier.stop();
        io.restart();
        io.run_for(std::chrono::milliseconds(200));
    }

    testing::TempFolder m_dir;
    std::string m_path;
    NotifySettings m_settings;
    // Friday 2024-05-17 10:00 BST: the first action is a week overdue, the second 3 days;
    // both fell due while the service was not running.
    std::shared_ptr<FixedClock> m_clock =
        std::make_shared<FixedClock>(*parse_instant("2024-05-17T09:00:00Z"));
    std::shared_ptr<RecordingMail> m_mail = std::make_shared<RecordingMail>();
    std::shared_ptr<RecordingWebhooks> m_hooks = std::make_shared<RecordingWebhooks>();
};

TEST_F(NotifierTest, MissedReminderIsSentAfterStartOnceAndGroupedPerOwner) {
    run_once();
    ASSERT_EQ(m_mail->sent.size(), 1u);  // one e-mail for both actions of the owner
    EXPECT_EQ(m_mail->sent[0].first, "finance@example.org");
    const std::string& message = m_mail->sent[0].second;
    EXPECT_NE(message.find("SP/24-25/4.A1"), std::string::npos);
    EXPECT_NE(message.find("SP/24-25/5.A1"), std::string::npos);
    EXPECT_EQ(message.find("SP/24-25/6.A1"), std::string::npos);  // done: never reminded
    EXPECT_LT(message.find("SP/24-25/4.A1"), message.find("SP/24-25/5.A1"));  // by due date

    // Restarted the same day, and a day later: nothing new for these milestones.
    run_once();
    m_clock->m_now += std::chrono::hours{24};  // Saturday: outside the window anyway
    run_once();
    EXPECT_EQ(m_mail->sent.size(), 1u);
}

TEST_F(NotifierTest, ChangesReachWebhooksOnceWithStableIds) {
    run_once();
    std::size_t created = 0, completed = 0;
    for (const WebhookRequest& r : m_hooks->posted) {
        if (r.body.find("\"type\":\"action.created\"") != std::string::npos) ++created;
        if (r.body.find("\"type\":\"action.completed\"") != std::string::npos) ++completed;
        EXPECT_TRUE(r.signature.starts_with("v1,"));
    }
    EXPECT_EQ(created, 3u);
    EXPECT_EQ(completed, 1u);
    // resolution.created carries the resolution as stored, not just its id.
    const auto resolution =
        std::find_if(m_hooks->posted.begin(), m_hooks->posted.end(), [](const auto& r) {
            return r.body.find("\"type\":\"resolution.created\"") != std::string::npos;
        });
    ASSERT_NE(resolution, m_hooks->posted.end());
    EXPECT_NE(resolution->body.find("\"reference\":\"SP/24-25/4.R1\""), std::string::npos)
        << resolution->body;
    EXPECT_NE(resolution->body.find("\"committee\":\"Scrutiny Panel\""), std::string::npos);
    EXPECT_NE(resolution->body.find("\"text\":\"That the figures be circulated.\""),
              std::string::npos);
    const auto first_count = m_hooks->posted.size();
    run_once();
    EXPECT_EQ(m_hooks->posted.size(), first_count);
}

TEST_F(NotifierTest, GoneEndpointIsDisabledAndItsRowsDieWithoutRequests) {
    m_hooks->gone = true;
    run_once();
    ASSERT_EQ(m_hooks->posted.size(), 1u);  // the first 410 disables the endpoint
    auto db = open_notify_db(m_path);
    ASSERT_TRUE(db);
    RegisterReader reader(*db);
    EXPECT_TRUE(*reader.endpoint_disabled("crm"));
    Outbox outbox(*db);
    auto dead = outbox.list(OutboxStatus::dead);
    ASSERT_TRUE(dead);
    EXPECT_GE(dead->size(), 4u);  // every webhook row, none of them posted after the 410
}

// The settings decide the transport: with Transport::sendmail and no test seam, the notifier
// pipes the owner's reminder to the configured program.
TEST_F(NotifierTest, SendmailTransportFromTheSettingsCarriesTheReminder) {
    const auto mail_dir = m_dir.path() / "sendmail";
    std::filesystem::create_directories(mail_dir);
    m_settings.transport = NotifySettings::Transport::sendmail;
    m_settings.sendmail_program = testing::write_fake_sendmail(mail_dir).string();
    m_settings.webhooks.clear();
    m_mail.reset();  // no seam: the notifier builds its own transport
    run_once();
    EXPECT_EQ(testing::read_text(mail_dir / "1.args"), "-t\n-i\n");
    const std::string input = testing::read_text(mail_dir / "1.stdin");
    EXPECT_NE(input.find("finance@example.org"), std::string::npos) << input;
    EXPECT_NE(input.find("SP/24-25/4.A1"), std::string::npos) << input;
    EXPECT_FALSE(std::filesystem::exists(mail_dir / "2.args"));
}

// A reload hands the running notifier new settings: a reminder stuck behind an unreachable SMTP
// relay goes out through sendmail once the configuration says so, and only once.
TEST_F(NotifierTest, ReconfigureSwitchesTheTransportOfTheRunningNotifier) {
    const auto mail_dir = m_dir.path() / "sendmail";
    std::filesystem::create_directories(mail_dir);
    m_settings.webhooks.clear();
    m_settings.batch_window = std::chrono::seconds{0};
    m_settings.smtp.host = "127.0.0.1";
    m_settings.smtp.port = testing::free_port();  // nothing listens there
    m_settings.smtp.timeout = std::chrono::seconds{2};
    net::io_context io;
    Notifier notifier(io, m_settings, m_path, {m_clock, nullptr, m_hooks});
    ASSERT_TRUE(notifier.start());
    io.run_for(std::chrono::milliseconds(500));
    EXPECT_EQ(notifier.last_tick().retried, 1);

    NotifySettings next = m_settings;
    next.transport = NotifySettings::Transport::sendmail;
    next.sendmail_program = testing::write_fake_sendmail(mail_dir).string();
    m_clock->m_now += std::chrono::hours{1};  // past the first e-mail backoff
    notifier.reconfigure(next);
    io.run_for(std::chrono::milliseconds(500));
    notifier.stop();
    io.restart();
    io.run_for(std::chrono::milliseconds(200));
    EXPECT_EQ(testing::read_text(mail_dir / "1.args"), "-t\n-i\n");
    EXPECT_NE(testing::read_text(mail_dir / "1.stdin").find("SP/24-25/5.A1"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(mail_dir / "2.args"));
}

// The endpoint's CA file reaches the real Beast sender: register changes arrive at an HTTPS
// receiver with a self-signed certificate, signed so that the receiver verifies them.
TEST_F(NotifierTest, HttpsEndpointWithItsCaFileReceivesSignedChanges) {
    const auto tls = m_dir.path() / "tls";
    const auto out = m_dir.path() / "hooks";
    std::filesystem::create_directories(tls);
    std::filesystem::create_directories(out);
    ASSERT_TRUE(testing::make_certificate(tls));
    const std::string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const auto port = testing::free_port();
    testing::PythonServer receiver(
        std::string(NOTIFY_TEST_DIR) + "/webhook_receiver.py",
        {"--port", std::to_string(port), "--out", out.string(), "--secret", secret, "--cert",
         (tls / "cert.pem").string(), "--key", (tls / "key.pem").string()},
        out / "ready");
    ASSERT_TRUE(receiver.ready());
    const std::string url = "https://localhost:" + std::to_string(port) + "/actiontrack";
    m_settings.webhooks = {{url, url, {secret}, {"action.created"}, (tls / "cert.pem").string()}};
    net::io_context io;
    Notifier notifier(io, m_settings, m_path, {m_clock, m_mail, nullptr});  // the real sender
    ASSERT_TRUE(notifier.start());
    // TLS handshakes on a loaded machine: run the loop until the receiver has all three.
    for (int i = 0; i < 100 && testing::wait_for_json(out, 3, 0).size() < 3; ++i) {
        io.run_for(std::chrono::milliseconds(100));
    }
    notifier.stop();
    io.restart();
    io.run_for(std::chrono::milliseconds(200));
    const auto files = testing::wait_for_json(out, 3, 1);
    ASSERT_EQ(files.size(), 3u);  // the three actions, nothing else (events = action.created)
    for (const auto& file : files) {
        const std::string json = testing::read_text(file);
        EXPECT_NE(json.find("\"verified\": true"), std::string::npos) << json;
        EXPECT_NE(json.find("\"tls\": true"), std::string::npos) << json;
        EXPECT_NE(json.find("\"type\": \"action.created\""), std::string::npos) << json;
    }
}

// Monday 08:00 London is digest time: the scrutiny officer's digest goes by e-mail and, once,
// as the digest.weekly event.
TEST_F(NotifierTest, WeeklyDigestGoesByEmailAndAsTheDigestWeeklyEvent) {
    m_clock->m_now = *parse_instant("2024-05-20T06:59:00Z");  // Monday 07:59 BST: not yet
    run_once();
    auto digests = [this] {
        std::vector<WebhookRequest> out;
        for (const auto& r : m_hooks->posted) {
            if (r.body.find("\"type\":\"digest.weekly\"") != std::string::npos) out.push_back(r);
        }
        return out;
    };
    EXPECT_TRUE(digests().empty());
    const auto mails_before = m_mail->sent.size();
    m_clock->m_now = *parse_instant("2024-05-20T07:00:00Z");  // 08:00 BST
    run_once();
    run_once();  // and again the same morning: nothing new
    ASSERT_EQ(digests().size(), 1u);
    const std::string& body = digests()[0].body;
    EXPECT_NE(body.find("\"date\":\"2024-05-20\""), std::string::npos) << body;
    EXPECT_NE(body.find("\"committee\":null"), std::string::npos) << body;
    EXPECT_NE(body.find("SP/24-25/4.A1"), std::string::npos) << body;  // overdue, listed
    std::size_t digest_mails = 0;
    for (std::size_t i = mails_before; i < m_mail->sent.size(); ++i) {
        if (m_mail->sent[i].first == "scrutiny@example.org" &&
            m_mail->sent[i].second.find("List-Id: Weekly actions digest") != std::string::npos) {
            ++digest_mails;
        }
    }
    EXPECT_EQ(digest_mails, 1u);
}

// A digest whose time came while the service was stopped is not lost: it goes after the next
// start, once, under the period's idempotency key (so the same Message-ID as on time). A service
// switched on mid-week starts with the next period rather than sending a digest at once, and
// purging the outbox does not make a period's digest go again.
TEST_F(NotifierTest, DigestMissedWhileStoppedIsSentAfterStartOnce) {
    const auto digest_mails = [this] {
        std::vector<std::string> out;
        for (const auto& [to, message] : m_mail->sent) {
            if (to == "scrutiny@example.org" &&
                message.find("List-Id: Weekly actions digest") != std::string::npos) {
                out.push_back(message);
            }
        }
        return out;
    };
    const auto digest_events = [this] {
        std::vector<std::string> out;
        for (const auto& r : m_hooks->posted) {
            if (r.body.find("\"type\":\"digest.weekly\"") != std::string::npos)
                out.push_back(r.body);
        }
        return out;
    };
    const auto digest_keys = [this] {
        auto db = open_notify_db(m_path);
        std::vector<std::string> keys;
        if (!db) return keys;
        Outbox outbox(*db);
        auto rows = outbox.list(std::nullopt);
        if (!rows) return keys;
        for (const OutboxRow& row : *rows) {
            if (row.kind == "digest") keys.push_back(row.idempotency_key);
        }
        return keys;
    };

    // Friday 17 May, the first start ever: Monday 13 May's digest time came before the service
    // ran, so no digest now (the reminder goes, as in the first test).
    run_once();
    EXPECT_TRUE(digest_mails().empty());
    EXPECT_TRUE(digest_events().empty());

    // Stopped over Monday 20 May 08:00; started again on Tuesday 21 May at 15:00 BST.
    m_clock->m_now = *parse_instant("2024-05-21T14:00:00Z");
    run_once();
    ASSERT_EQ(digest_mails().size(), 1u);
    ASSERT_EQ(digest_events().size(), 1u);
    EXPECT_NE(digest_mails()[0].find("SP/24-25/4.A1"), std::string::npos);  // overdue, listed
    EXPECT_EQ(digest_keys(),
              std::vector<std::string>{"email:digest:scrutiny@example.org:2024-05-20"});

    // Restarted the same day and the next, and after a purge of every sent row: nothing more
    // for this period.
    run_once();
    m_clock->m_now += std::chrono::hours{24};
    run_once();
    {
        auto db = open_notify_db(m_path);
        ASSERT_TRUE(db);
        Outbox outbox(*db);
        auto purged = outbox.purge(m_clock->m_now + std::chrono::hours{1});
        ASSERT_TRUE(purged);
        EXPECT_GE(*purged, 2);  // the digest e-mail and its event among them
    }
    run_once();
    EXPECT_EQ(digest_mails().size(), 1u);
    EXPECT_EQ(digest_events().size(), 1u);

    // The next Monday's digest comes on time, with its own key and Message-ID.
    m_clock->m_now = *parse_instant("2024-05-27T07:00:00Z");  // 08:00 BST
    run_once();
    ASSERT_EQ(digest_mails().size(), 2u);
    EXPECT_EQ(digest_events().size(), 2u);
    EXPECT_EQ(digest_keys(),
              std::vector<std::string>{"email:digest:scrutiny@example.org:2024-05-27"});
    const auto message_id = [](const std::string& message) {
        const auto at = message.find("\r\nMessage-ID: ");
        return message.substr(at, message.find("\r\n", at + 2) - at);
    };
    EXPECT_NE(message_id(digest_mails()[1]), message_id(digest_mails()[0]));
}

// RFC 8058: the digest's List-Unsubscribe URL carries the recipient's own token, and once that
// token's one-click POST has recorded the opt-out (here straight through the store, as
// web/unsubscribe.cpp does), the digest e-mail is no longer sent; the webhook event still is.
TEST_F(NotifierTest, OptedOutRecipientGetsNoDigestButTheEventStillGoes) {
    m_settings.public_url = "https://actions.example.org";
    m_settings.digest_recipients.push_back(
        {Person{0, "Panel Clerk", "clerk@example.org", "", true}, std::nullopt});
    m_clock->m_now = *parse_instant("2024-05-13T07:00:00Z");  // a Monday, 08:00 BST
    run_once();
    auto db = store::Database::open(m_path);
    ASSERT_TRUE(db) << db.error().message();
    auto token = store::unsubscribe_token(*db, "digest", "scrutiny@example.org", "-");
    ASSERT_TRUE(token) << token.error().message();
    ASSERT_EQ(token->size(), 32u);
    auto digest_to = [this](const std::string& address, std::size_t from) {
        std::vector<std::string> out;
        for (std::size_t i = from; i < m_mail->sent.size(); ++i) {
            if (m_mail->sent[i].first == address &&
                m_mail->sent[i].second.find("List-Id: Weekly actions digest") !=
                    std::string::npos) {
                out.push_back(m_mail->sent[i].second);
            }
        }
        return out;
    };
    const auto first = digest_to("scrutiny@example.org", 0);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_NE(first[0].find("List-Unsubscribe: <https://actions.example.org/unsubscribe?"
                            "list=digest&token=" + *token + ">\r\n"),
              std::string::npos)
        << first[0];
    EXPECT_NE(first[0].find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
              std::string::npos);
    // The clerk's link is the clerk's own.
    const auto clerk = digest_to("clerk@example.org", 0);
    ASSERT_EQ(clerk.size(), 1u);
    EXPECT_EQ(clerk[0].find(*token), std::string::npos);

    auto done = store::unsubscribe(*db, *token, "2024-05-14T10:00:00Z");
    ASSERT_TRUE(done && *done);
    const auto mails_before = m_mail->sent.size();
    const auto hooks_before = m_hooks->posted.size();
    m_clock->m_now = *parse_instant("2024-05-20T07:00:00Z");  // the next Monday
    run_once();
    EXPECT_TRUE(digest_to("scrutiny@example.org", mails_before).empty());
    EXPECT_EQ(digest_to("clerk@example.org", mails_before).size(), 1u);
    std::size_t events = 0;
    for (std::size_t i = hooks_before; i < m_hooks->posted.size(); ++i) {
        if (m_hooks->posted[i].body.find("\"type\":\"digest.weekly\"") != std::string::npos) {
            ++events;
        }
    }
    EXPECT_EQ(events, 1u);
}

}  // namespace
}  // namespace actiontrack::notify
