// Standard Webhooks: the signature against the specification's example, and the Beast sender
// against a real Python receiver (HTTP, and HTTPS with a certificate made for the test) that
// verifies signatures itself and answers 2xx/500/410/302/503 or hangs; the always-500 fault
// through the real outbox and dispatcher on a test clock.

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <fstream>

#include "notify/dispatcher.hpp"
#include "notify/notify_db.hpp"
#include "notify/time_text.hpp"
#include "notify/webhook_sender.hpp"
#include "python_server.hpp"

namespace actiontrack::notify {
namespace {

const std::string k_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const std::string k_other = "whsec_dGhlIG5leHQgc2VjcmV0IGtleQ==";

DeliveryResult post(BeastWebhookSender& sender, WebhookRequest request) {
    net::io_context io;
    auto future = net::co_spawn(io, sender.post(std::move(request)), net::use_future);
    io.run();
    return future.get();
}

TEST(WebhookSigning, MatchesTheSpecificationExample) {
    auto signature = sign_webhook({k_secret}, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                                  R"({"test": 2432232314})");
    ASSERT_TRUE(signature);
    EXPECT_EQ(*signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    auto two = sign_webhook({k_secret, k_other}, "id", 1, "{}");
    ASSERT_TRUE(two);
    EXPECT_NE(two->find(' '), std::string::npos);
    EXPECT_FALSE(sign_webhook({"not-a-secret"}, "id", 1, "{}"));
}

class WebhookReceiverTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_port = testing::free_port();
        m_server = std::make_unique<testing::PythonServer>(
            std::string(NOTIFY_TEST_DIR) + "/webhook_receiver.py",
            std::vector<std::string>{"--port", std::to_string(m_port), "--out",
                                     m_dir.path().string(), "--secret", k_secret},
            m_dir.path() / "ready");
        ASSERT_TRUE(m_server->ready());
    }
    void mode(const std::string& text) { std::ofstream(m_dir.path() / "mode") << text; }
    WebhookRequest request(std::vector<std::string> secrets) {
        WebhookRequest r;
        r.url = "http://127.0.0.1:" + std::to_string(m_port) + "/hooks";
        r.id = "msg_1";
        r.timestamp = 1700000000;
        r.body = R"({"type":"action.due","timestamp":"2024-05-17T09:00:00Z","data":{"id":1}})";
        r.signature = *sign_webhook(secrets, r.id, r.timestamp, r.body);
        return r;
    }
    testing::TempFolder m_dir;
    std::uint16_t m_port = 0;
    std::unique_ptr<testing::PythonServer> m_server;
};

TEST_F(WebhookReceiverTest, ReceiverVerifiesTheSignatureDuringRotation) {
    BeastWebhookSender sender;
    // The receiver knows only the old secret; we sign with the new and the old one.
    const auto result = post(sender, request({k_other, k_secret}));
    EXPECT_EQ(result.disposition, Disposition::delivered) << result.error;
    const auto files = testing::wait_for_json(m_dir.path(), 1, 5);
    ASSERT_EQ(files.size(), 1u);
    const std::string json = testing::read_text(files[0]);
    EXPECT_NE(json.find("\"verified\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"id\": \"msg_1\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"type\": \"action.due\""), std::string::npos) << json;
}

TEST_F(WebhookReceiverTest, StatusCodesDecideRetryDeadOrGone) {
    BeastWebhookSender sender;
    mode("500");
    EXPECT_EQ(post(sender, request({k_secret})).disposition, Disposition::retry);
    mode("410");
    EXPECT_EQ(post(sender, request({k_secret})).disposition, Disposition::gone);
    mode("302");
    EXPECT_EQ(post(sender, request({k_secret})).disposition, Disposition::dead);
    EXPECT_EQ(testing::wait_for_json(m_dir.path(), 3, 5).size(), 3u);  // no redirect followed
}

TEST_F(WebhookReceiverTest, RetryAfterAsAnHttpDateIsHonoured) {
    BeastWebhookSender sender;
    mode("503-date");  // Retry-After: <two minutes from now as an IMF-fixdate>
    const auto result = post(sender, request({k_secret}));
    EXPECT_EQ(result.disposition, Disposition::retry) << result.error;
    ASSERT_TRUE(result.retry_after);
    EXPECT_GE(*result.retry_after, std::chrono::seconds{100});
    EXPECT_LE(*result.retry_after, std::chrono::seconds{121});
}

TEST_F(WebhookReceiverTest, HangingReceiverTimesOut) {
    BeastWebhookSender sender({}, std::chrono::seconds{1});
    mode("hang");
    const auto started = std::chrono::steady_clock::now();
    const auto result = post(sender, request({k_secret}));
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds{5});
}

class SteppedClock final : public Clock {
  public:
    Instant now() const override { return m_now; }
    Instant m_now;
};

class NoMail final : public MailTransport {
  public:
    net::awaitable<DeliveryResult> send(Envelope, std::string) override {
        co_return DeliveryResult::permanent("no e-mail in this test");
    }
};

// co_spawn's future needs a default-constructible value; Result has none, so wrap it.
net::awaitable<std::optional<Result<DispatchCounts>>> dispatch_once(
    Outbox& outbox, RegisterReader& reader, MailTransport& mail, WebhookSender& hooks,
    const NotifySettings& settings, const Clock& clock) {
    co_return co_await dispatch_due(outbox, reader, mail, hooks, settings, clock, 10);
}

// The issue's fault: a receiver that always answers 500. Through the real outbox, dispatcher and
// Beast sender, with a test clock: each retry comes exactly on the Standard Webhooks schedule
// (not a second early), carries the same webhook-id with a fresh signed timestamp, and the row
// ends dead with the last error after the tenth attempt.
TEST_F(WebhookReceiverTest, AlwaysFailingReceiverFollowsTheScheduleAndTheRowEndsDead) {
    using namespace std::chrono_literals;
    mode("500");
    auto db = open_notify_db((m_dir.path() / "r.db").string());
    ASSERT_TRUE(db) << db.error().message();
    Outbox outbox(*db);
    RegisterReader reader(*db);
    NotifySettings settings;
    settings.webhooks = {{"crm", request({k_secret}).url, {k_secret}, {}, ""}};
    SteppedClock clock;
    clock.m_now = *parse_instant("2024-05-17T09:00:00Z");
    const std::string body = request({k_secret}).body;
    ASSERT_TRUE(*outbox.enqueue(
        {"webhook:crm:due:1", Channel::webhook, "crm", "action.due", "", "msg_always500", body}, {},
        clock.m_now));
    BeastWebhookSender sender({}, 5s);
    NoMail mail;
    auto run = [&]() -> DispatchCounts {
        net::io_context io;
        auto future = net::co_spawn(
            io, dispatch_once(outbox, reader, mail, sender, settings, clock), net::use_future);
        io.run();
        auto counts = *future.get();
        EXPECT_TRUE(counts) << counts.error().message();
        return counts ? *counts : DispatchCounts{};
    };
    const std::vector<std::chrono::seconds> schedule = {5s,  5min, 30min, 2h, 5h,
                                                        10h, 14h,  20h,   24h};
    Instant due = clock.m_now;
    std::vector<Instant> attempts;
    for (std::size_t attempt = 0; attempt <= schedule.size(); ++attempt) {
        if (attempt > 0) {
            clock.m_now = due - 1s;
            const DispatchCounts early = run();
            EXPECT_EQ(early.retried + early.dead + early.delivered, 0) << attempt;
        }
        clock.m_now = due;
        attempts.push_back(due);
        const DispatchCounts counts = run();
        if (attempt < schedule.size()) {
            EXPECT_EQ(counts.retried, 1) << attempt;
            due += schedule[attempt];
        } else {
            EXPECT_EQ(counts.dead, 1);
        }
    }
    const auto dead = outbox.list(OutboxStatus::dead);
    ASSERT_TRUE(dead);
    ASSERT_EQ(dead->size(), 1u);
    EXPECT_EQ(dead->front().attempts, 10);
    EXPECT_EQ(dead->front().last_error, "HTTP 500");
    clock.m_now += 48h;
    EXPECT_EQ(run().retried, 0);  // dead stays dead

    const auto files = testing::wait_for_json(m_dir.path(), attempts.size(), 5);
    ASSERT_EQ(files.size(), attempts.size());  // ten requests, no more
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string json = testing::read_text(files[i]);
        EXPECT_NE(json.find("\"id\": \"msg_always500\""), std::string::npos) << json;
        EXPECT_NE(json.find("\"verified\": true"), std::string::npos) << json;
        const std::string timestamp =
            fmt::format("\"timestamp\": \"{}\"", attempts[i].time_since_epoch().count());
        EXPECT_NE(json.find(timestamp), std::string::npos) << i << json;
    }
}

// HTTPS: a Python receiver with a certificate made for the test, trusted only through the
// request's (the endpoint's) CA file; the receiver checks the signature itself.
class HttpsReceiverTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_tls = m_dir.path() / "tls";
        m_out = m_dir.path() / "out";
        std::filesystem::create_directories(m_tls);
        std::filesystem::create_directories(m_out);
        ASSERT_TRUE(testing::make_certificate(m_tls));
        m_port = testing::free_port();
        m_server = std::make_unique<testing::PythonServer>(
            std::string(NOTIFY_TEST_DIR) + "/webhook_receiver.py",
            std::vector<std::string>{"--port", std::to_string(m_port), "--out", m_out.string(),
                                     "--secret", k_secret, "--cert", (m_tls / "cert.pem").string(),
                                     "--key", (m_tls / "key.pem").string()},
            m_out / "ready");
        ASSERT_TRUE(m_server->ready());
    }
    WebhookRequest request(std::string ca_file) {
        WebhookRequest r;
        r.url = "https://localhost:" + std::to_string(m_port) + "/hooks";
        r.id = "msg_tls";
        r.timestamp = 1700000000;
        r.body = R"({"type":"action.overdue","timestamp":"2024-05-17T09:00:00Z","data":{"id":7}})";
        r.signature = *sign_webhook({k_secret}, r.id, r.timestamp, r.body);
        r.ca_file = std::move(ca_file);
        return r;
    }
    testing::TempFolder m_dir;
    std::filesystem::path m_tls;
    std::filesystem::path m_out;
    std::uint16_t m_port = 0;
    std::unique_ptr<testing::PythonServer> m_server;
};

TEST_F(HttpsReceiverTest, SignedPostOverTlsVerifiedWithTheEndpointsCaFile) {
    BeastWebhookSender sender;
    const auto result = post(sender, request((m_tls / "cert.pem").string()));
    ASSERT_EQ(result.disposition, Disposition::delivered) << result.error;
    const auto files = testing::wait_for_json(m_out, 1, 5);
    ASSERT_EQ(files.size(), 1u);
    const std::string json = testing::read_text(files[0]);
    EXPECT_NE(json.find("\"tls\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"verified\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"id\": \"msg_tls\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"type\": \"action.overdue\""), std::string::npos) << json;
}

// An https:// endpoint that accepts the connection and never answers the TLS handshake: the
// exchange's one deadline covers the handshake too.
TEST(HttpsSilentEndpoint, TlsHandshakeTimesOutAsARetry) {
    testing::SilentListener silent;
    ASSERT_NE(silent.port(), 0);
    BeastWebhookSender sender({}, std::chrono::seconds{1});
    WebhookRequest r;
    r.url = "https://127.0.0.1:" + std::to_string(silent.port()) + "/hooks";
    r.id = "msg_silent";
    r.timestamp = 1700000000;
    r.body = "{}";
    r.signature = *sign_webhook({k_secret}, r.id, r.timestamp, r.body);
    const auto started = std::chrono::steady_clock::now();
    const auto result = post(sender, r);
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_TRUE(result.error.starts_with("webhook: TLS: ")) << result.error;
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds{5});
}

TEST_F(HttpsReceiverTest, UntrustedOrUnreadableCaIsRetriedAndNothingIsPosted) {
    BeastWebhookSender sender;
    auto result = post(sender, request(""));  // the system store does not know this certificate
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_TRUE(result.error.starts_with("webhook: TLS: certificate verify failed: ")) << result.error;
    result = post(sender, request((m_dir.path() / "missing.pem").string()));
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_NE(result.error.find("cannot read ca_file"), std::string::npos) << result.error;
    // The sender-wide CA file is the fallback when the endpoint names none.
    BeastWebhookSender trusting((m_tls / "cert.pem").string());
    result = post(trusting, request(""));
    EXPECT_EQ(result.disposition, Disposition::delivered) << result.error;
    EXPECT_EQ(testing::wait_for_json(m_out, 1, 5).size(), 1u);  // only that last one arrived
}

}  // namespace
}  // namespace actiontrack::notify
