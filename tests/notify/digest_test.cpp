// The weekly digest (pure): its sections and their order, undated actions with their due phrase,
// unassigned actions routed to the scrutiny officer, the committee filter, links, and an empty
// week.

#include "notify/digest.hpp"

#include <gtest/gtest.h>

#include "notify/time_text.hpp"

namespace actiontrack::notify {
namespace {

PolicyAction action(std::int64_t id, std::string committee, std::optional<std::string> owner,
                    std::optional<Date> due) {
    PolicyAction a;
    a.id = id;
    a.reference = "REF/" + std::to_string(id);
    a.committee = std::move(committee);
    a.item = std::to_string(id);
    a.text = "task " + std::to_string(id);
    a.owner = std::move(owner);
    a.due = due;
    a.created_at = *parse_instant("2024-01-01T09:00:00Z");
    a.status = "open";
    return a;
}

// The lines of `section` in the text digest ("  - ..." under "Title (N)"), in order.
std::vector<std::string> section(const std::string& text, const std::string& title) {
    std::vector<std::string> lines;
    auto at = text.find("\n" + title + " (");
    if (at == std::string::npos) return lines;
    at = text.find('\n', at + 1) + 1;
    while (text.compare(at, 4, "  - ") == 0) {
        const auto end = text.find('\n', at);
        lines.push_back(text.substr(at + 4, end - at - 4));
        at = end + 1;
    }
    return lines;
}

struct DigestFixture {
    std::vector<PolicyAction> actions;
    std::vector<ResolutionFacts> resolutions;
    std::vector<std::string> dead;
    OwnerDirectory owners;
    std::optional<std::string> committee;
    std::optional<std::string> public_url;

    DigestFixture() {
        owners.add(Person{1, "Democratic Services Officer", "dso@example.org", "", true}, {"DSO"});
        owners.add(Person{2, "Former Officer", "former@example.org", "", false}, {});
    }
    Digest render() const {
        return render_digest({actions, resolutions, dead, owners, "Panel Chair", "Jo Scrutiny",
                              committee, *parse_date("2024-05-20"),
                              *parse_instant("2024-05-13T07:00:00Z"), public_url});
    }
};

TEST(Digest, SectionsInOrderWithMostOverdueFirst) {
    DigestFixture f;
    f.actions.push_back(action(1, "Panel", "DSO", *parse_date("2024-05-10")));  // 10 days over
    f.actions.push_back(action(2, "Panel", "Democratic Services Officer",
                               *parse_date("2024-04-20")));  // 30 days overdue
    f.actions.push_back(action(3, "Panel", "Democratic Services Officer",
                               *parse_date("2024-06-03")));  // in 14 days: due soon
    f.actions.push_back(action(4, "Panel", "Democratic Services Officer",
                               *parse_date("2024-06-04")));  // in 15 days: not listed as due
    auto undated = action(5, "Panel", "Democratic Services Officer", std::nullopt);
    undated.due_text = "in due course";
    f.actions.push_back(undated);
    auto done = action(6, "Panel", "Democratic Services Officer", *parse_date("2024-05-01"));
    done.status = "done";
    done.closed = true;
    done.completed_at = *parse_instant("2024-05-15T10:00:00Z");
    f.actions.push_back(done);
    auto old_done = done;
    old_done.id = 7;
    old_done.reference = "REF/7";
    old_done.completed_at = *parse_instant("2024-05-01T10:00:00Z");  // more than 7 days ago
    f.actions.push_back(old_done);
    auto fresh = action(8, "Panel", "Democratic Services Officer", std::nullopt);
    fresh.created_at = *parse_instant("2024-05-14T10:00:00Z");
    f.actions.push_back(fresh);

    const Digest digest = f.render();
    EXPECT_FALSE(digest.empty);
    EXPECT_EQ(digest.subject, "Weekly actions digest: 2 overdue, 1 due soon");
    const auto overdue = section(digest.text, "Overdue");
    ASSERT_EQ(overdue.size(), 2u) << digest.text;
    EXPECT_TRUE(overdue[0].starts_with("REF/2 (minute 2)")) << overdue[0];
    EXPECT_NE(overdue[0].find("30 days overdue"), std::string::npos) << overdue[0];
    EXPECT_TRUE(overdue[1].starts_with("REF/1 ")) << overdue[1];
    const auto soon = section(digest.text, "Due in the next 14 days");
    ASSERT_EQ(soon.size(), 1u);
    EXPECT_TRUE(soon[0].starts_with("REF/3 ")) << soon[0];
    const auto no_date = section(digest.text, "No due date");
    ASSERT_EQ(no_date.size(), 2u);
    EXPECT_NE(no_date[0].find("owner: Democratic Services Officer | due: no due date "
                              "(\"in due course\")"),
              std::string::npos)
        << no_date[0];
    const auto completed = section(digest.text, "Completed in the last 7 days");
    ASSERT_EQ(completed.size(), 1u);
    EXPECT_TRUE(completed[0].starts_with("REF/6 "));
    const auto fresh_lines = section(digest.text, "New actions since the last digest");
    ASSERT_EQ(fresh_lines.size(), 1u);
    EXPECT_TRUE(fresh_lines[0].starts_with("REF/8 "));
    EXPECT_TRUE(section(digest.text, "Unassigned (routed to Jo Scrutiny)").empty());
    // Text and HTML say the same: every section is a heading there too.
    EXPECT_NE(digest.html.find("<h2>No due date (2)</h2>"), std::string::npos) << digest.html;
}

TEST(Digest, UnknownNullAndInactiveOwnersAreRoutedToTheScrutinyOfficer) {
    DigestFixture f;
    f.actions.push_back(action(1, "Panel", std::nullopt, std::nullopt));
    f.actions.push_back(action(2, "Panel", "Chair", *parse_date("2024-05-25")));
    f.actions.push_back(action(3, "Panel", "Former Officer", *parse_date("2024-05-25")));
    f.actions.push_back(action(4, "Panel", "the democratic services officer.", std::nullopt));
    const Digest digest = f.render();
    const auto unassigned = section(digest.text, "Unassigned (routed to Jo Scrutiny)");
    ASSERT_EQ(unassigned.size(), 3u) << digest.text;
    EXPECT_NE(unassigned[0].find("owner: nobody named [unassigned: routed to Jo Scrutiny]"),
              std::string::npos)
        << unassigned[0];
    EXPECT_NE(unassigned[1].find("owner: Chair [unassigned: routed to Jo Scrutiny]"),
              std::string::npos);
    EXPECT_NE(unassigned[2].find("owner: Former Officer [unassigned"), std::string::npos);
    // The heading is the recipient's, the routing the scrutiny officer's.
    EXPECT_TRUE(digest.text.starts_with("Actions digest for Panel Chair, week of 2024-05-20\n"));
}

TEST(Digest, CommitteeFilterLinksAndAnEmptyWeek) {
    DigestFixture f;
    f.actions.push_back(action(1, "Planning Committee", "DSO", *parse_date("2024-05-10")));
    f.actions.push_back(action(2, "Licensing Committee", "DSO", *parse_date("2024-05-10")));
    f.resolutions.push_back({9, "PC/9", "planning committee", "4", "resolved", "That ..."});
    f.committee = "The Planning Committee.";
    f.public_url = "https://actions.example.gov.uk";
    const Digest digest = f.render();
    EXPECT_EQ(digest.subject,
              "Weekly actions digest for The Planning Committee.: 1 overdue, 0 "
              "due soon");
    const auto overdue = section(digest.text, "Overdue");
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_TRUE(overdue[0].ends_with("| https://actions.example.gov.uk/actions/1")) << overdue[0];
    EXPECT_EQ(section(digest.text, "New resolutions since the last digest").size(), 1u);

    f.committee = "Audit Committee";
    const Digest empty = f.render();
    EXPECT_TRUE(empty.empty);
    EXPECT_NE(empty.text.find("Nothing to report this week."), std::string::npos);
    // Failed deliveries are news on their own.
    f.dead.push_back("#3 webhook action.due to https://x: HTTP 404");
    EXPECT_FALSE(f.render().empty);
}

}  // namespace
}  // namespace actiontrack::notify
