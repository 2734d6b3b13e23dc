// The Notifier service end to end on a real register file, with a test clock and recording
// fakes for the senders: a reminder that fell due while the service was stopped goes out after
// start, once (also across a restart); one e-mail per owner; changes reach webhooks.

#include "notify/notifier.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "notify/dispatcher.hpp"
#include "notify/notify_db.hpp"
#include "notify/outbox.hpp"
#include "notify/register_reader.hpp"
#include "notify/time_text.hpp"
#include "python_server.hpp"
#include "store/database.hpp"

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
        )sql"));
        m_settings.owners.push_back(
            {Person{0, "Head of Finance", "finance@example.org", "", true}, {}});
        m_settings.scrutiny_officer.email = "scrutiny@example.org";
        m_settings.webhooks.push_back({"crm", "http://127.0.0.1:9/hooks", {"whsec_c2VjcmV0"}, {}});
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

}  // namespace
}  // namespace actiontrack::notify
