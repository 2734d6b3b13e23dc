// The outbox against a real SQLite file: idempotent enqueue with its send log, leases, the
// retry schedules with a test clock, dead rows, retry and purge, the digest log.

#include "notify/outbox.hpp"

#include <gtest/gtest.h>

#include "notify/notify_db.hpp"
#include "notify/register_reader.hpp"
#include "notify/time_text.hpp"
#include "python_server.hpp"
#include "store/database.hpp"

namespace actiontrack::notify {
namespace {

class OutboxTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto db = open_notify_db((m_dir.path() / "r.db").string());
        ASSERT_TRUE(db) << db.error().message();
        m_db = std::make_unique<store::Database>(std::move(*db));
        m_outbox = std::make_unique<Outbox>(*m_db);
    }
    NewMessage message(std::string key, Channel channel = Channel::email) {
        return {key, channel, "zoe@example.org", "reminder", "subject", "id-" + key, "payload"};
    }
    testing::TempFolder m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<Outbox> m_outbox;
    Instant m_now = *parse_instant("2024-05-17T09:00:00Z");
};

TEST_F(OutboxTest, EnqueueIsIdempotentAndWritesTheSendLogWithIt) {
    const std::vector<SentEntry> log = {{7, "due", *parse_date("2024-05-17"), Channel::email,
                                         "zoe@example.org", *parse_date("2024-05-17")}};
    auto first = m_outbox->enqueue(message("a"), log, m_now);
    ASSERT_TRUE(first && *first);
    auto second = m_outbox->enqueue(message("a"), log, m_now);
    ASSERT_TRUE(second);
    EXPECT_FALSE(*second);
    EXPECT_EQ(m_outbox->list(std::nullopt)->size(), 1u);
    auto sent = m_outbox->send_log();
    ASSERT_EQ(sent->size(), 1u);
    EXPECT_EQ(sent->front().action_id, 7);
    EXPECT_EQ(sent->front().kind, "due");
}

TEST_F(OutboxTest, LeasedRowsAreNotClaimedTwice) {
    ASSERT_TRUE(m_outbox->enqueue(message("a"), {}, m_now));
    EXPECT_EQ(m_outbox->claim(m_now, std::chrono::seconds{60}, 10)->size(), 1u);
    EXPECT_EQ(
        m_outbox->claim(m_now + std::chrono::seconds{59}, std::chrono::seconds{60}, 10)->size(),
        0u);
    EXPECT_EQ(
        m_outbox->claim(m_now + std::chrono::seconds{60}, std::chrono::seconds{60}, 10)->size(),
        1u);
}

TEST_F(OutboxTest, WebhookAlwaysFailingFollowsTheScheduleAndEndsDead) {
    ASSERT_TRUE(m_outbox->enqueue(message("w", Channel::webhook), {}, m_now));
    using namespace std::chrono_literals;
    const std::vector<std::chrono::seconds> schedule = {5s,  5min, 30min, 2h, 5h,
                                                        10h, 14h,  20h,   24h};
    Instant now = m_now;
    for (std::size_t attempt = 0; attempt <= schedule.size(); ++attempt) {
        // Not due a second early.
        if (attempt > 0) {
            EXPECT_TRUE(m_outbox->claim(now - 1s, 60s, 10)->empty()) << attempt;
        }
        auto rows = m_outbox->claim(now, 60s, 10);
        ASSERT_EQ(rows->size(), 1u) << attempt;
        auto status = m_outbox->record(rows->front(), DeliveryResult::transient("HTTP 500"), now);
        ASSERT_TRUE(status);
        // Pending for another try until the schedule runs out, then dead.
        EXPECT_EQ(*status, attempt < schedule.size() ? OutboxStatus::pending : OutboxStatus::dead);
        if (attempt < schedule.size()) now += schedule[attempt];
    }
    auto dead = m_outbox->list(OutboxStatus::dead);
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(dead->front().attempts, 10);
    EXPECT_EQ(dead->front().last_error, "HTTP 500");
    // `outbox retry` brings it back, due now.
    EXPECT_TRUE(*m_outbox->retry(dead->front().id, now));
    EXPECT_EQ(m_outbox->claim(now, 60s, 10)->size(), 1u);
}

TEST_F(OutboxTest, RetryAfterIsHonouredAndPermanentFailuresDieAtOnce) {
    using namespace std::chrono_literals;
    ASSERT_TRUE(m_outbox->enqueue(message("r", Channel::webhook), {}, m_now));
    auto rows = m_outbox->claim(m_now, 60s, 10);
    DeliveryResult busy = DeliveryResult::transient("HTTP 429");
    busy.retry_after = 600s;
    ASSERT_TRUE(m_outbox->record(rows->front(), busy, m_now));
    EXPECT_TRUE(m_outbox->claim(m_now + 599s, 60s, 10)->empty());
    rows = m_outbox->claim(m_now + 600s, 60s, 10);
    ASSERT_EQ(rows->size(), 1u);
    ASSERT_TRUE(m_outbox->record(rows->front(), DeliveryResult::permanent("SMTP 550"), m_now));
    EXPECT_EQ(m_outbox->list(OutboxStatus::dead)->size(), 1u);
}

TEST_F(OutboxTest, EmailBackoffHasJitterButIsDeterministic) {
    using namespace std::chrono_literals;
    for (int failed = 1; failed <= 10; ++failed) {
        const auto a = retry_delay(Channel::email, failed, 1, std::nullopt);
        ASSERT_TRUE(a);
        EXPECT_EQ(a, retry_delay(Channel::email, failed, 1, std::nullopt));
    }
    EXPECT_FALSE(retry_delay(Channel::email, 11, 1, std::nullopt));
    EXPECT_GE(*retry_delay(Channel::email, 1, 5, std::nullopt), 60s);
    EXPECT_LT(*retry_delay(Channel::email, 1, 5, std::nullopt), 72s);
}

TEST_F(OutboxTest, PurgeKeepsTheSendLog) {
    const std::vector<SentEntry> log = {{7, "due", *parse_date("2024-05-17"), Channel::email,
                                         "zoe@example.org", *parse_date("2024-05-17")}};
    ASSERT_TRUE(m_outbox->enqueue(message("p"), log, m_now));
    auto rows = m_outbox->claim(m_now, std::chrono::seconds{60}, 10);
    ASSERT_TRUE(m_outbox->record(rows->front(), DeliveryResult::ok(), m_now));
    EXPECT_EQ(*m_outbox->purge(m_now + std::chrono::hours{24}), 1);
    EXPECT_TRUE(m_outbox->list(std::nullopt)->empty());
    EXPECT_EQ(m_outbox->send_log()->size(), 1u);
}

// A digest e-mail and its period's log entry go in together, once; the log outlives a purge, so
// the period is never taken for one not yet dealt with.
TEST_F(OutboxTest, DigestLogIsWrittenWithItsEmailAndOutlivesAPurge) {
    const Date period = *parse_date("2024-05-13");
    const Date today = *parse_date("2024-05-14");
    EXPECT_FALSE(*m_outbox->digest_history("chair@example.org:scrutiny panel"));
    auto first = m_outbox->enqueue_digest(message("digest-1"), "chair@example.org:scrutiny panel",
                                          period, today, m_now);
    ASSERT_TRUE(first && *first);
    auto again = m_outbox->enqueue_digest(message("digest-1"), "chair@example.org:scrutiny panel",
                                          period, today, m_now);
    ASSERT_TRUE(again);
    EXPECT_FALSE(*again);
    EXPECT_TRUE(*m_outbox->digest_logged("chair@example.org:scrutiny panel", period));
    EXPECT_FALSE(*m_outbox->digest_logged("chair@example.org", period));  // per committee
    EXPECT_FALSE(*m_outbox->digest_logged("chair@example.org:scrutiny panel",
                                          period + std::chrono::days{7}));
    EXPECT_TRUE(*m_outbox->digest_history("chair@example.org:scrutiny panel"));
    EXPECT_TRUE(m_outbox->send_log()->empty());  // the policy's log is the actions' alone

    auto rows = m_outbox->claim(m_now, std::chrono::seconds{60}, 10);
    ASSERT_TRUE(m_outbox->record(rows->front(), DeliveryResult::ok(), m_now));
    EXPECT_EQ(*m_outbox->purge(m_now + std::chrono::hours{24}), 1);
    EXPECT_TRUE(*m_outbox->digest_logged("chair@example.org:scrutiny panel", period));

    // A period with nothing to send is logged on its own, once.
    ASSERT_TRUE(m_outbox->log_digest("no-address:Jo", period, today));
    ASSERT_TRUE(m_outbox->log_digest("no-address:Jo", period, today));
    EXPECT_TRUE(*m_outbox->digest_logged("no-address:Jo", period));
}

TEST_F(OutboxTest, CalendarSequenceRisesOnlyWhenTheDueDateMoves) {
    RegisterReader reader(*m_db);
    const Date may = *parse_date("2024-05-17");
    const Date june = *parse_date("2024-06-01");
    EXPECT_EQ(*reader.calendar_sequence(1, may), 0);
    EXPECT_EQ(*reader.calendar_sequence(1, may), 0);  // a re-sent reminder: same event
    EXPECT_EQ(*reader.calendar_sequence(1, june), 1);
    EXPECT_EQ(*reader.calendar_sequence(1, june), 1);
    EXPECT_EQ(*reader.calendar_sequence(1, may), 2);
    EXPECT_EQ(*reader.calendar_sequence(2, may), 0);  // per action
}

TEST_F(OutboxTest, DisabledEndpointsStayDisabledUntilReEnabled) {
    RegisterReader reader(*m_db);
    EXPECT_FALSE(*reader.endpoint_disabled("crm"));
    ASSERT_TRUE(reader.disable_endpoint("crm", "410 Gone", m_now));
    EXPECT_TRUE(*reader.endpoint_disabled("crm"));
    EXPECT_TRUE(*reader.enable_endpoint("crm"));
    EXPECT_FALSE(*reader.endpoint_disabled("crm"));
}

}  // namespace
}  // namespace actiontrack::notify
