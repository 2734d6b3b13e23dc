// The dashboard: escaping of everything from minutes (XSS), the log-in that sets an HttpOnly,
// SameSite=Strict cookie, CSRF protection, and marking an action done with the same form posts
// the page makes (the browser test drives the rendering; this drives the forms).

#include <fmt/core.h>

#include <array>
#include <fstream>
#include <regex>
#include <sstream>

#include "web_fixture.hpp"

namespace actiontrack::web::testing {
namespace {

constexpr std::string_view k_script = "<script>alert(1)</script>";
constexpr std::string_view k_img = "\"><img src=x onerror=alert(1)>";

// Example 02 with the attack strings in an owner and in the resolution text.
std::string poisoned_minutes() {
    std::ifstream in(examples_dir() / "02_northbridge_adult_social_care_2023-03-14.txt",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::string text = bytes.str();
    auto replace = [&text](std::string_view from, std::string to) {
        const auto at = text.find(from);
        if (at != std::string::npos) text.replace(at, from.size(), to);
    };
    replace("The Director of Public Health agreed",
            "The Director of " + std::string(k_script) + std::string(k_img) + " Health agreed");
    replace("RESOLVED – (1) That the report be noted.",
            "RESOLVED – (1) That the report " + std::string(k_script) + std::string(k_img) +
                " be noted.");
    replace("Adult Social Care Scrutiny Panel - Tuesday",
            "Adult <b>Social</b> Care Scrutiny Panel - Tuesday");
    return text;
}

class DashboardTest : public WebServerTest {
  protected:
    std::vector<std::pair<std::string, std::string>> extra_minutes() override {
        return {{"/drop/poisoned.txt", poisoned_minutes()}};
    }
};

void expect_escaped(const std::string& page, const std::string& where) {
    EXPECT_EQ(page.find(k_script), std::string::npos) << where;
    EXPECT_EQ(page.find("<img"), std::string::npos) << where;
    EXPECT_EQ(page.find("<b>Social"), std::string::npos) << where;
}

TEST_F(DashboardTest, EverythingFromMinutesIsEscaped) {
    // Also a hand-made action with the attack in owner and text.
    const Reply posted = send("POST", "/api/actions",
                              "{\"committee\":\"<script>alert(1)</script>\",\"text\":\"" +
                                  std::string("<script>alert(1)</script>") +
                                  "\",\"owner\":\"\\\"><img src=x onerror=alert(1)>\"}",
                              {auth(), {"Content-Type", "application/json"}});
    ASSERT_EQ(posted.status, 201) << posted.body;
    std::vector<std::string> pages = {"/", "/meetings", "/ingest", "/?status=open",
                                      "/?q=alert"};
    for (int id = 1; id <= 40; ++id) pages.push_back("/actions/" + std::to_string(id));
    for (int id = 1; id <= 10; ++id) pages.push_back("/meetings/" + std::to_string(id));
    bool saw_escaped = false;
    for (const auto& target : pages) {
        const Reply reply = get(target);
        if (reply.status == 404) continue;
        ASSERT_EQ(reply.status, 200) << target;
        EXPECT_EQ(reply.header("content-type"), "text/html; charset=utf-8");
        expect_escaped(reply.body, target);
        saw_escaped = saw_escaped || reply.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") !=
                                         std::string::npos;
    }
    EXPECT_TRUE(saw_escaped);
    const Reply home = get("/");
    EXPECT_NE(home.body.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
    EXPECT_NE(home.header("content-security-policy").find("default-src 'none'"),
              std::string::npos);
}

// The four figures at the top of the home page, in order: open, overdue, due this week, done
// this month.
std::array<long, 4> home_counts(const std::string& page) {
    std::array<long, 4> counts{-1, -1, -1, -1};
    const std::regex figure(
        "<strong>([0-9]+)</strong> (open|overdue|due this week|done this month)<");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), figure);
         it != std::sregex_iterator(); ++it) {
        const std::string label = (*it)[2];
        const long value = std::stol((*it)[1]);
        if (label == "open") counts[0] = value;
        if (label == "overdue") counts[1] = value;
        if (label == "due this week") counts[2] = value;
        if (label == "done this month") counts[3] = value;
    }
    return counts;
}

std::size_t occurrences(const std::string& text, std::string_view needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

// The counts come from tallies the schema's triggers keep; a write through the API must move
// them at once, like the rows themselves.
TEST_F(DashboardTest, HomeCountsFollowAPatch) {
    const std::pair<std::string, std::string> type{"Content-Type", "application/json"};
    // An overdue action of our own, so the test does not depend on the examples' dates.
    Reply reply = send("POST", "/api/actions",
                       R"({"committee":"Audit Committee","text":"Publish the audit letter",)"
                       R"("owner":"Head of Audit","due_date":"2020-01-31"})",
                       {auth(), type});
    ASSERT_EQ(reply.status, 201) << reply.body;
    const std::string location = reply.header("location");
    const auto before = home_counts(get("/").body);
    for (const long count : before) ASSERT_GE(count, 0);

    reply = send("PATCH", location, R"({"status":"done"})", {auth(), type});
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto after = home_counts(get("/").body);
    EXPECT_EQ(after[0], before[0] - 1);  // open
    EXPECT_EQ(after[1], before[1] - 1);  // overdue
    EXPECT_EQ(after[2], before[2]);      // due this week
    EXPECT_EQ(after[3], before[3] + 1);  // done this month

    // Reopened with a later date: open again, and no longer overdue.
    reply = send("PATCH", location, R"({"status":"open","due_date":"2099-01-01"})", {auth(), type});
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto reopened = home_counts(get("/").body);
    EXPECT_EQ(reopened[0], before[0]);
    EXPECT_EQ(reopened[1], before[1] - 1);
    EXPECT_EQ(reopened[2], before[2]);
    EXPECT_EQ(reopened[3], before[3]);
}

// The home page shows each committee's first ten outstanding actions, overdue first, and
// links to the rest.
TEST_F(DashboardTest, HomeShowsTenPerCommitteeAndLinksToTheRest) {
    const std::pair<std::string, std::string> type{"Content-Type", "application/json"};
    for (int i = 0; i < 12; ++i) {
        const std::string body = fmt::format(
            R"({{"committee":"Big Panel","text":"Big panel task {:02}","due_date":"2030-01-{:02}"}})",
            i, 12 - i);
        ASSERT_EQ(send("POST", "/api/actions", body, {auth(), type}).status, 201);
    }
    const std::string home = get("/").body;
    const auto section = home.find("<h2>Big Panel</h2>");
    ASSERT_NE(section, std::string::npos);
    const std::string table = home.substr(section, home.find("</table>", section) - section);
    EXPECT_EQ(occurrences(table, "Big panel task"), 10u);
    // Due-date order: task 11 is due first, task 00 and 01 are the two left out.
    EXPECT_LT(table.find("task 11"), table.find("task 10"));
    EXPECT_EQ(table.find("task 00"), std::string::npos);
    EXPECT_NE(home.find("href=\"/?committee=Big%20Panel\">Show all for Big Panel"),
              std::string::npos);

    const Reply all = get("/?committee=Big%20Panel");
    ASSERT_EQ(all.status, 200);
    EXPECT_EQ(occurrences(all.body, "Big panel task"), 12u);
    EXPECT_EQ(all.body.find("Show all"), std::string::npos);
    // Filters narrow the home page the same way.
    const Reply filtered = get("/?committee=big+panel&q=task");
    EXPECT_EQ(occurrences(filtered.body, "Big panel task"), 12u);
}

TEST_F(DashboardTest, HomeShowsCountsRagLabelsAndFilters) {
    const Reply home = get("/");
    ASSERT_EQ(home.status, 200);
    for (const char* needle : {"<html lang=\"en-GB\">", "overdue</li>", "due this week",
                               "done this month", "Red: overdue", "<label for=\"f-owner\">",
                               "<h2>", "Skip to content"}) {
        EXPECT_NE(home.body.find(needle), std::string::npos) << needle;
    }
    EXPECT_EQ(get("/static/style.css").header("content-type"), "text/css; charset=utf-8");
    EXPECT_NE(get("/static/style.css").body.find("@media print"), std::string::npos);
    EXPECT_EQ(get("/?limit=abc").status, 400);
    EXPECT_EQ(get("/actions/99999").status, 404);
}

std::string session_cookie(const Reply& reply) {
    const std::string header = reply.header("set-cookie");
    return header.substr(0, header.find(';'));
}

std::string csrf_of(const std::string& page) {
    const std::string marker = "name=\"csrf\" value=\"";
    const auto at = page.find(marker);
    if (at == std::string::npos) return "";
    return page.substr(at + marker.size(), 64);
}

TEST_F(DashboardTest, LogInAndMarkAnActionDone) {
    EXPECT_EQ(get("/login").status, 200);
    Reply reply = send("POST", "/login", "token=wrong",
                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(reply.status, 401);
    reply = send("POST", "/login", "token=" + m_token,
                 {{"Content-Type", "application/x-www-form-urlencoded"}});
    ASSERT_EQ(reply.status, 303);
    const std::string set_cookie = reply.header("set-cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    const std::string cookie = session_cookie(reply);

    const Reply page = get("/actions/1", {{"Cookie", cookie}});
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Signed in as alice"), std::string::npos);
    const std::string csrf = csrf_of(page.body);
    ASSERT_EQ(csrf.size(), 64u);
    const std::pair<std::string, std::string> form{"Content-Type",
                                                   "application/x-www-form-urlencoded"};
    // Without the CSRF token (a cross-site form) the post is refused.
    reply = send("POST", "/actions/1", "change=status&status=done", {{"Cookie", cookie}, form});
    EXPECT_EQ(reply.status, 403);
    // Without a session, the form sends you to log in.
    reply = send("POST", "/actions/1", "csrf=" + csrf + "&change=status&status=done", {form});
    EXPECT_EQ(reply.status, 303);
    EXPECT_EQ(reply.header("location"), "/login");

    reply = send("POST", "/actions/1", "csrf=" + csrf + "&change=status&status=done",
                 {{"Cookie", cookie}, form});
    ASSERT_EQ(reply.status, 303) << reply.body;
    EXPECT_EQ(reply.header("location"), "/actions/1");
    const Reply after = get("/api/actions/1");
    EXPECT_NE(after.body.find("\"status\":\"done\""), std::string::npos);
    EXPECT_NE(after.body.find("\"who\":\"alice\""), std::string::npos);

    // The form's version is now stale: a second post from the old page is a conflict.
    const std::string stale_version = "&version=1";
    reply = send("POST", "/actions/1",
                 "csrf=" + csrf + "&change=note&note=late+note" + stale_version,
                 {{"Cookie", cookie}, form});
    EXPECT_EQ(reply.status, 409);
    reply = send("POST", "/actions/1", "csrf=" + csrf + "&change=note&note=Closed+at+panel",
                 {{"Cookie", cookie}, form});
    EXPECT_EQ(reply.status, 303);
    EXPECT_NE(get("/actions/1").body.find("Closed at panel"), std::string::npos);

    reply = send("POST", "/logout", "csrf=" + csrf, {{"Cookie", cookie}, form});
    EXPECT_EQ(reply.status, 303);
    EXPECT_EQ(get("/actions/1", {{"Cookie", cookie}}).body.find("Signed in as"),
              std::string::npos);
}

}  // namespace
}  // namespace actiontrack::web::testing
