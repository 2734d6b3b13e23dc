// Standard Webhooks: the signature against the specification's example, and the Beast sender
// against a real Python receiver that verifies signatures itself and answers 2xx/500/410/302 or
// hangs.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <fstream>

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

TEST_F(WebhookReceiverTest, HangingReceiverTimesOut) {
    BeastWebhookSender sender({}, std::chrono::seconds{1});
    mode("hang");
    const auto started = std::chrono::steady_clock::now();
    const auto result = post(sender, request({k_secret}));
    EXPECT_EQ(result.disposition, Disposition::retry);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds{5});
}

}  // namespace
}  // namespace actiontrack::notify
