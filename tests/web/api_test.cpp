// The JSON API through a real client: every endpoint, the filters, pagination, ETags and
// If-Match, authentication, and the errors (malformed JSON, huge bodies, wrong methods, path
// traversal).

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "web_fixture.hpp"

namespace actiontrack::web::testing {
namespace {

namespace json = boost::json;

json::value parse(const Reply& reply) {
    boost::system::error_code ec;
    json::value value = json::parse(reply.body, ec);
    EXPECT_FALSE(ec) << reply.body;
    return value;
}

std::vector<std::int64_t> ids(const json::value& page) {
    std::vector<std::int64_t> out;
    for (const auto& action : page.at("actions").as_array()) {
        out.push_back(action.at("id").as_int64());
    }
    return out;
}

class ApiTest : public WebServerTest {};

TEST_F(ApiTest, HealthzAnswersWithoutTheDatabase) {
    const Reply reply = get("/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("content-type"), "application/json");
    EXPECT_EQ(reply.header("cache-control"), "no-store");
    EXPECT_EQ(parse(reply).at("status").as_string(), "ok");
}

TEST_F(ApiTest, ReadyzChecksTheDatabase) {
    EXPECT_EQ(get("/readyz").status, 200);
}

TEST_F(ApiTest, ListsActionsWithETagAndConditionalGet) {
    const Reply reply = get("/api/actions");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("cache-control"), "no-cache");
    ASSERT_FALSE(reply.header("etag").empty());
    EXPECT_FALSE(ids(parse(reply)).empty());
    const Reply again = get("/api/actions", {{"If-None-Match", reply.header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
}

TEST_F(ApiTest, EveryFilterNarrowsTheList) {
    const auto all = parse(get("/api/actions?limit=1000"));
    const auto& first = all.at("actions").as_array().at(0).as_object();
    struct Case {
        std::string query;
        std::function<bool(const json::object&)> holds;
    };
    const std::string owner(first.at("owner").is_null() ? "" : first.at("owner").as_string());
    const std::string committee(first.at("committee").as_string());
    const std::vector<Case> cases = {
        {"status=open", [](const json::object& a) { return a.at("status") == "open"; }},
        {"owner=" + owner, [&](const json::object& a) { return a.at("owner") == owner.c_str(); }},
        {"committee=" + committee,
         [&](const json::object& a) { return a.at("committee") == committee.c_str(); }},
        {"overdue=true", [](const json::object& a) { return a.at("rag") == "red"; }},
        {"rag=red", [](const json::object& a) { return a.at("rag") == "red"; }},
        {"due_before=2023-05-01",
         [](const json::object& a) {
             return !a.at("due_date").is_null() && a.at("due_date").as_string() < "2023-05-01";
         }},
        {"due_after=2023-05-01",
         [](const json::object& a) {
             return !a.at("due_date").is_null() && a.at("due_date").as_string() > "2023-05-01";
         }},
    };
    for (const Case& c : cases) {
        std::string target = "/api/actions?limit=1000&" + c.query;
        for (char& ch : target) {
            if (ch == ' ') ch = '+';
        }
        const Reply reply = get(target);
        ASSERT_EQ(reply.status, 200) << c.query << ": " << reply.body;
        const auto page = parse(reply);
        const auto& actions = page.at("actions").as_array();
        EXPECT_LE(actions.size(), all.at("actions").as_array().size()) << c.query;
        for (const auto& action : actions) EXPECT_TRUE(c.holds(action.as_object())) << c.query;
    }
    // The seeds' due dates are all in the past now: there are overdue actions.
    EXPECT_FALSE(ids(parse(get("/api/actions?overdue=true"))).empty());
}

TEST_F(ApiTest, FullTextSearchFindsActionAndResolutionWords) {
    const auto page = parse(get("/api/actions?q=briefing"));
    ASSERT_FALSE(page.at("actions").as_array().empty());
    for (const auto& action : page.at("actions").as_array()) {
        const std::string text(action.at("text").as_string());
        EXPECT_NE(text.find("briefing"), std::string::npos) << text;
    }
    EXPECT_TRUE(ids(parse(get("/api/actions?q=zzzznotaword"))).empty());
    // FTS syntax in the query is taken as words, never as an operator or an error.
    EXPECT_EQ(get("/api/actions?q=%22AND+OR+NEAR(").status, 200);
}

TEST_F(ApiTest, CursorPaginationVisitsEveryActionOnce) {
    for (const std::string sort : {"due", "-due", "id", "-id", "updated"}) {
        const auto all = ids(parse(get("/api/actions?limit=1000&sort=" + sort)));
        std::vector<std::int64_t> seen;
        std::string target = "/api/actions?limit=2&sort=" + sort;
        for (int pages = 0; pages < 100; ++pages) {
            const auto page = parse(get(target));
            for (auto id : ids(page)) seen.push_back(id);
            if (page.at("next_cursor").is_null()) break;
            target = "/api/actions?limit=2&sort=" + sort +
                     "&cursor=" + std::string(page.at("next_cursor").as_string());
        }
        EXPECT_EQ(seen, all) << sort;
    }
}

TEST_F(ApiTest, BadParametersAre400) {
    for (const char* target :
         {"/api/actions?limit=abc", "/api/actions?limit=0", "/api/actions?limit=5000",
          "/api/actions?status=finished", "/api/actions?due_before=30/06/2023",
          "/api/actions?sort=owner", "/api/actions?cursor=zz", "/api/actions?rag=purple",
          "/api/actions?overdue=maybe", "/api/actions?owner=%zz"}) {
        const Reply reply = get(target);
        EXPECT_EQ(reply.status, 400) << target;
        EXPECT_EQ(reply.header("content-type"), "application/json") << target;
        const auto body = parse(reply);
        EXPECT_TRUE(body.at("error").is_string());
        EXPECT_TRUE(body.at("detail").is_string());
    }
}

TEST_F(ApiTest, OneActionHasItsContextAndHistory) {
    const auto first = ids(parse(get("/api/actions?limit=1"))).at(0);
    const Reply reply = get("/api/actions/" + std::to_string(first));
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("etag"), "\"a" + std::to_string(first) + "-v1\"");
    const auto body = parse(reply);
    EXPECT_TRUE(body.at("meeting").is_object());
    EXPECT_TRUE(body.at("source_documents").is_array());
    EXPECT_EQ(body.at("history").as_array().at(0).at("kind"), "created");
    EXPECT_EQ(get("/api/actions/999999").status, 404);
    EXPECT_EQ(get("/api/actions/abc").status, 404);
    EXPECT_EQ(get("/api/nothing").status, 404);
}

TEST_F(ApiTest, PatchNeedsAValidToken) {
    const std::string target = "/api/actions/1";
    const std::pair<std::string, std::string> type{"Content-Type", "application/json"};
    Reply reply = send("PATCH", target, R"({"status":"done"})", {type});
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(reply.header("www-authenticate"), "Bearer");
    reply = send("PATCH", target, R"({"status":"done"})",
                 {type, {"Authorization", "Bearer not-a-token"}});
    EXPECT_EQ(reply.status, 401);
    reply = send("POST", "/api/actions", R"({})", {type});
    EXPECT_EQ(reply.status, 401);
}

TEST_F(ApiTest, PatchValidatesItsBody) {
    const std::pair<std::string, std::string> type{"Content-Type", "application/json"};
    struct Case {
        std::string body;
        std::vector<std::pair<std::string, std::string>> headers;
        int status;
    };
    const std::vector<Case> cases = {
        {R"({"status":"done"})", {auth(), {"Content-Type", "text/plain"}}, 415},
        {R"({"status":)", {auth(), type}, 400},
        {R"([1,2])", {auth(), type}, 400},
        {R"({"colour":"red"})", {auth(), type}, 422},
        {R"({"status":"finished"})", {auth(), type}, 422},
        {R"({"status":7})", {auth(), type}, 422},
        {R"({"due_date":"next week"})", {auth(), type}, 422},
        {R"({"rag":"purple"})", {auth(), type}, 422},
        {R"({})", {auth(), type}, 422},
    };
    for (const Case& c : cases) {
        const Reply reply = send("PATCH", "/api/actions/1", c.body, c.headers);
        EXPECT_EQ(reply.status, c.status) << c.body << " → " << reply.body;
    }
    EXPECT_EQ(send("PATCH", "/api/actions/999999", R"({"status":"done"})", {auth(), type}).status,
              404);
}

TEST_F(ApiTest, PatchWithIfMatchAndTheLostUpdateIs412) {
    const std::pair<std::string, std::string> type{"Content-Type", "application/json"};
    const Reply before = get("/api/actions/1");
    const std::string etag = before.header("etag");
    Reply reply = send("PATCH", "/api/actions/1",
                       R"({"status":"in_progress","note":"Chased by e-mail","rag":"amber"})",
                       {auth(), type, {"If-Match", etag}});
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = parse(reply);
    EXPECT_EQ(body.at("status"), "in_progress");
    EXPECT_EQ(body.at("rag"), "amber");
    EXPECT_NE(reply.header("etag"), etag);
    bool noted = false;
    for (const auto& event : body.at("history").as_array()) {
        if (event.at("kind") == "updated" && event.at("to") == "Chased by e-mail") {
            noted = true;
            EXPECT_EQ(event.at("who"), "alice");
        }
        if (event.at("kind") == "status") {
            EXPECT_EQ(event.at("who"), "alice");
        }
    }
    EXPECT_TRUE(noted);
    // A second writer holding the old ETag must not overwrite the change.
    reply = send("PATCH", "/api/actions/1", R"({"status":"done"})",
                 {auth(), type, {"If-Match", etag}});
    EXPECT_EQ(reply.status, 412);
    EXPECT_EQ(parse(get("/api/actions/1")).at("status"), "in_progress");
    reply = send("PATCH", "/api/actions/1", R"({"owner":null,"due_date":"2031-01-31"})",
                 {auth(), type});
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(parse(reply).at("owner").is_null());
}

TEST_F(ApiTest, PostCreatesAManualAction) {
    const std::pair<std::string, std::string> type{"Content-Type", "application/json"};
    Reply reply = send("POST", "/api/actions",
                       R"({"committee":"Licensing Committee","meeting_date":"2026-10-01",)"
                       R"("item":"7","text":"Review taxi fares","owner":"Head of Licensing",)"
                       R"("due_date":"2026-12-31","reference":"LIC/26-27/7.A1"})",
                       {auth(), type});
    ASSERT_EQ(reply.status, 201) << reply.body;
    const auto body = parse(reply);
    EXPECT_EQ(reply.header("location"),
              "/api/actions/" + std::to_string(body.at("id").as_int64()));
    EXPECT_EQ(body.at("reference"), "LIC/26-27/7.A1");
    EXPECT_EQ(body.at("history").as_array().at(0).at("who"), "alice");
    reply = send("POST", "/api/actions",
                 R"({"committee":"Licensing Committee","text":"x","reference":"LIC/26-27/7.A1"})",
                 {auth(), type});
    EXPECT_EQ(reply.status, 409);
    reply = send("POST", "/api/actions", R"({"committee":"Licensing Committee"})", {auth(), type});
    EXPECT_EQ(reply.status, 422);
}

TEST_F(ApiTest, RegisterEndpoints) {
    for (const auto& [target, key] :
         std::vector<std::pair<std::string, std::string>>{{"/api/resolutions", "resolutions"},
                                                          {"/api/meetings", "meetings"},
                                                          {"/api/documents", "documents"},
                                                          {"/api/owners", "owners"}}) {
        const Reply reply = get(target);
        ASSERT_EQ(reply.status, 200) << target;
        EXPECT_FALSE(parse(reply).at(key).as_array().empty()) << target;
    }
    const auto failed = parse(get("/api/documents?status=failed"));
    ASSERT_EQ(failed.at("documents").as_array().size(), 1u);
    EXPECT_EQ(failed.at("documents").as_array()[0].at("error"), "not a document: binary content");
    const auto meeting = parse(get("/api/meetings/1"));
    EXPECT_TRUE(meeting.at("items").is_array());
    EXPECT_TRUE(meeting.at("resolutions").is_array());
    EXPECT_TRUE(meeting.at("actions").is_array());
    EXPECT_EQ(get("/api/meetings/999").status, 404);
    EXPECT_EQ(get("/api/resolutions?q=noted").status, 200);
    const auto two = parse(get("/api/resolutions?limit=2"));
    EXPECT_EQ(two.at("resolutions").as_array().size(), 2u);
    EXPECT_TRUE(two.at("next_cursor").is_string());
}

TEST_F(ApiTest, WrongMethodsAre405WithAllow) {
    Reply reply = send("DELETE", "/api/actions", "", {auth()});
    EXPECT_EQ(reply.status, 405);
    EXPECT_EQ(reply.header("allow"), "GET, HEAD, POST");
    EXPECT_EQ(send("PUT", "/healthz", "").status, 405);
    EXPECT_EQ(send("POST", "/api/meetings", "", {auth()}).status, 405);
    EXPECT_EQ(send("DELETE", "/api/actions/1", "", {auth()}).status, 405);
    EXPECT_EQ(http_request(m_port, "HEAD", "/healthz").status, 200);
}

TEST_F(ApiTest, HugeBodiesAre413) {
    const std::string huge(2 * 1024 * 1024, 'x');
    const Reply reply = send("POST", "/api/actions", huge,
                             {auth(), {"Content-Type", "application/json"}});
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(get("/healthz").status, 200);  // and the server is fine
}

TEST_F(ApiTest, PathTraversalNeverReachesTheFileSystem) {
    for (const char* target : {"/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
                               "/static/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd"}) {
        const std::string answer = raw_http(
            m_port, std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        EXPECT_TRUE(answer.starts_with("HTTP/1.1 404") || answer.starts_with("HTTP/1.1 400"))
            << target << ": " << answer.substr(0, 40);
        EXPECT_EQ(answer.find("root:"), std::string::npos) << target;
    }
    EXPECT_EQ(get("/static/style.css").status, 200);
}

TEST_F(ApiTest, MalformedHttpIs400AndTheServerSurvives) {
    const std::string answer = raw_http(m_port, "BLAH\r\n\r\n");
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << answer.substr(0, 40);
    const std::string long_header = raw_http(
        m_port, "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
    EXPECT_TRUE(long_header.starts_with("HTTP/1.1 431")) << long_header.substr(0, 40);
    EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(ApiTest, KeepAliveServesSeveralRequestsOnOneConnection) {
    const std::string answer = raw_http(
        m_port,
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n");
    std::size_t count = 0;
    for (std::size_t at = answer.find("HTTP/1.1 200"); at != std::string::npos;
         at = answer.find("HTTP/1.1 200", at + 1)) {
        ++count;
    }
    EXPECT_EQ(count, 2u);
}

TEST_F(ApiTest, MetricsAndOpenApi) {
    get("/api/actions");
    const Reply metrics = get("/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_EQ(metrics.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    for (const char* name :
         {"actiontrack_documents{status=\"failed\"} 1", "actiontrack_actions{status=\"open\"}",
          "actiontrack_actions_overdue", "actiontrack_http_requests_total{route=\"/api/actions\","
                                         "status=\"200\"} 1",
          "actiontrack_http_request_duration_seconds_bucket{le=\"+Inf\"}",
          "actiontrack_parse_duration_seconds_count", "actiontrack_outbox"}) {
        EXPECT_NE(metrics.body.find(name), std::string::npos) << name;
    }
    const auto openapi = parse(get("/api/openapi.json"));
    EXPECT_EQ(openapi.at("openapi"), "3.0.3");
    for (const char* path : {"/api/actions", "/api/actions/{id}", "/api/resolutions",
                             "/api/meetings", "/api/meetings/{id}", "/api/documents",
                             "/api/owners", "/healthz", "/readyz", "/metrics", "/calendar.ics",
                             "/export/actions.csv"}) {
        EXPECT_TRUE(openapi.at("paths").as_object().contains(path)) << path;
    }
}

// The same server with no reader threads: the loop answers reads and writes alike.
class LoopOnlyApiTest : public WebServerTest {
  protected:
    std::size_t serving_threads() override { return 0; }
};

TEST_F(LoopOnlyApiTest, ReadsAndWritesOnTheLoopThread) {
    EXPECT_EQ(get("/healthz").status, 200);
    EXPECT_EQ(get("/readyz").status, 200);
    const auto page = parse(get("/api/actions?limit=2"));
    ASSERT_EQ(ids(page).size(), 2u);
    const std::string target = "/api/actions/" + std::to_string(ids(page).front());
    const Reply patched = send("PATCH", target, R"({"status":"done"})",
                               {auth(), {"Content-Type", "application/json"}});
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(parse(get(target)).at("status"), "done");
    EXPECT_NE(get("/metrics").body.find("route=\"/api/actions/{id}\",status=\"200\""),
              std::string::npos);
}

// Requests on one keep-alive connection alternate between a serving thread (reads) and the
// loop (writes); each sees the one before it.
TEST_F(ApiTest, WritesAndReadsInterleaveOnOneConnection) {
    const std::string target =
        "/api/actions/" + std::to_string(ids(parse(get("/api/actions?limit=1"))).front());
    std::string raw;
    for (const char* status : {"in_progress", "done", "open"}) {
        const std::string body = std::string(R"({"status":")") + status + "\"}";
        raw +=
            "PATCH " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_token +
            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
            "\r\n\r\n" + body;
        raw += "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }
    raw += "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    const std::string answer = raw_http(m_port, raw);
    std::size_t at = 0;
    for (const char* status : {"in_progress", "done", "open"}) {
        const std::string expected = std::string("\"status\":\"") + status + "\"";
        for (int response = 0; response < 2; ++response) {  // the PATCH, then the GET
            at = answer.find(expected, at);
            ASSERT_NE(at, std::string::npos) << status << "\n" << answer;
            ++at;
        }
    }
}

}  // namespace
}  // namespace actiontrack::web::testing
