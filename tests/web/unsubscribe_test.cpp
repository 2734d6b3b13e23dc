// RFC 8058 one-click unsubscribe (web/unsubscribe.cpp) through a real client: GET shows a
// button and changes nothing, POST List-Unsubscribe=One-Click records the opt-out without any
// log-in, and tokens never handed out (or for another list) are refused.

#include "store/unsubscribe.hpp"

#include "store/database.hpp"
#include "web_fixture.hpp"

namespace actiontrack::web::testing {
namespace {

class UnsubscribeTest : public WebServerTest {
  protected:
    // A token as the digest run makes it, written through a second connection (the server's
    // writer belongs to its own thread; WAL lets both write in turn).
    std::string token_for(const std::string& address) {
        auto db = store::Database::open(m_db);
        EXPECT_TRUE(db) << db.error().message();
        auto token = store::unsubscribe_token(*db, "digest", address, "2026-11-27T08:00:00Z");
        EXPECT_TRUE(token) << token.error().message();
        return *token;
    }
    bool unsubscribed(const std::string& address) {
        auto db = store::Database::open(m_db);
        auto result = store::is_unsubscribed(*db, "digest", address);
        EXPECT_TRUE(result) << result.error().message();
        return *result;
    }
    const std::pair<std::string, std::string> k_form{"Content-Type",
                                                     "application/x-www-form-urlencoded"};
};

TEST_F(UnsubscribeTest, GetShowsAButtonAndNeverUnsubscribes) {
    const std::string token = token_for("clerk@example.org");
    const Reply reply = get("/unsubscribe?list=digest&token=" + token);
    EXPECT_EQ(reply.status, 200);
    EXPECT_NE(reply.body.find("clerk@example.org"), std::string::npos);
    EXPECT_NE(reply.body.find("<form method=\"post\" action=\"/unsubscribe?list=digest&amp;token=" +
                              token + "\">"),
              std::string::npos)
        << reply.body;
    EXPECT_NE(reply.body.find("name=\"List-Unsubscribe\" value=\"One-Click\""), std::string::npos);
    EXPECT_FALSE(unsubscribed("clerk@example.org"));
}

TEST_F(UnsubscribeTest, OneClickPostUnsubscribesWithoutAuthentication) {
    const std::string token = token_for("clerk@example.org");
    Reply reply = send("POST", "/unsubscribe?list=digest&token=" + token,
                       "List-Unsubscribe=One-Click", {k_form});
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_TRUE(unsubscribed("clerk@example.org"));
    EXPECT_TRUE(unsubscribed("Clerk@Example.org"));  // addresses compare ignoring case
    EXPECT_FALSE(unsubscribed("officer@example.org"));
    // Again: still 200 (a provider may retry), and GET now says so.
    reply = send("POST", "/unsubscribe?list=digest&token=" + token, "List-Unsubscribe=One-Click",
                 {k_form});
    EXPECT_EQ(reply.status, 200);
    reply = get("/unsubscribe?list=digest&token=" + token);
    EXPECT_EQ(reply.status, 200);
    EXPECT_NE(reply.body.find("no longer receives"), std::string::npos) << reply.body;
}

TEST_F(UnsubscribeTest, MultipartOneClickPostIsAccepted) {
    const std::string token = token_for("clerk@example.org");
    const std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n"
        "--b--\r\n";
    const Reply reply = send("POST", "/unsubscribe?list=digest&token=" + token, body,
                             {{"Content-Type", "multipart/form-data; boundary=b"}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_TRUE(unsubscribed("clerk@example.org"));
}

TEST_F(UnsubscribeTest, BadTokensAndBodiesChangeNothing) {
    const std::string token = token_for("clerk@example.org");
    struct Case {
        std::string target;
        std::string body;
        int status;
    };
    const Case cases[] = {
        {"/unsubscribe?list=digest&token=0123456789abcdef0123456789abcdef",
         "List-Unsubscribe=One-Click", 404},
        {"/unsubscribe?list=reminders&token=" + token, "List-Unsubscribe=One-Click", 404},
        {"/unsubscribe?list=digest", "List-Unsubscribe=One-Click", 400},
        {"/unsubscribe?list=digest&token=" + token, "", 400},
        {"/unsubscribe?list=digest&token=" + token, "List-Unsubscribe=Yes", 400},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(send("POST", c.target, c.body, {k_form}).status, c.status) << c.target;
    }
    EXPECT_EQ(get("/unsubscribe?list=digest&token=nope").status, 404);
    EXPECT_EQ(get("/unsubscribe").status, 400);
    EXPECT_EQ(send("PATCH", "/unsubscribe?token=" + token, "", {}).status, 405);
    EXPECT_FALSE(unsubscribed("clerk@example.org"));
}

}  // namespace
}  // namespace actiontrack::web::testing
