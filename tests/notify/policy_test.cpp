// The reminder policy, table-driven where the cases are alike: every default, DST weeks in
// Europe/London, the sending window, weekends, grouping per owner, closed/snoozed/silenced
// actions, the undated ask-once and escalation.

#include "notify/policy.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

#include "notify/time_text.hpp"

namespace actiontrack::notify {
namespace {

Date day(const char* iso) {
    return *parse_date(iso);
}
Instant utc(const char* iso) {
    return *parse_instant(iso);
}

const date::time_zone* zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

PolicyAction action(std::int64_t id, std::optional<std::string> owner, std::optional<Date> due) {
    PolicyAction a;
    a.id = id;
    a.reference = "REF/" + std::to_string(id);
    a.text = "do thing " + std::to_string(id);
    a.owner = std::move(owner);
    a.due = due;
    a.created_at = utc("2024-01-01T09:00:00Z");
    a.status = "open";
    return a;
}

struct Fixture {
    OwnerDirectory owners;
    Person scrutiny{99, "Scrutiny Officer", "scrutiny@example.org", "", true};
    std::vector<PolicyAction> actions;
    std::vector<SentEntry> sent;
    PolicyConfig config;

    Fixture() {
        owners.add(Person{1, "Head of Finance", "finance@example.org", "", true},
                   {"HoF", "the head of finance"});
        owners.add(Person{2, "Director", "director@example.org", "America/New_York", true}, {});
        owners.add(Person{3, "Former Officer", "former@example.org", "", false}, {});
        owners.add(Person{4, "No Address", std::nullopt, "", true}, {});
    }
    PolicyResult run(Instant now) {
        return compute_notifications({actions, sent, owners, scrutiny, now}, config, zone);
    }
    // Every (recipient key, action, kind) sent by email in `result`.
    static std::vector<std::string> emails(const PolicyResult& result) {
        std::vector<std::string> out;
        for (const Notification& n : result.notifications) {
            if (n.channel != Channel::email) continue;
            for (const DueItem& item : n.items) {
                out.push_back(n.recipient.key() + " " + std::to_string(item.action_id) + " " +
                              item.kind);
            }
        }
        return out;
    }
};

TEST(Policy, DefaultsAreTheProductDefaults) {
    PolicyConfig config;
    EXPECT_EQ(config.days_before, (std::vector<int>{7, 1}));
    EXPECT_TRUE(config.on_due_day);
    EXPECT_EQ(config.overdue_every_days, 7);
    EXPECT_EQ(config.escalate_after_days, 14);
    EXPECT_EQ(config.ask_due_date_after_days, 28);
    EXPECT_EQ(config.send_from_minute, 8 * 60);
    EXPECT_EQ(config.send_until_minute, 18 * 60);
    EXPECT_TRUE(config.weekdays_only);
    EXPECT_EQ(config.default_time_zone, "Europe/London");
}

// Due Wednesday 2024-05-15; "now" is 10:00 London (09:00 UTC, BST) on each day.
struct MilestoneCase {
    const char* now;
    std::vector<std::string> expected;
};

TEST(Policy, MilestonesBeforeOnAndAfterTheDueDate) {
    const std::vector<MilestoneCase> cases = {
        {"2024-05-07T09:00:00Z", {}},                                  // 8 days before
        {"2024-05-08T09:00:00Z", {"finance@example.org 1 before_7"}},  // 7 days before
        {"2024-05-10T09:00:00Z", {"finance@example.org 1 before_7"}},  // missed: caught up
        {"2024-05-14T09:00:00Z", {"finance@example.org 1 before_1"}},
        {"2024-05-15T09:00:00Z", {"finance@example.org 1 due"}},
        {"2024-05-21T09:00:00Z", {"finance@example.org 1 due"}},      // due never sent
        {"2024-05-22T09:00:00Z", {"finance@example.org 1 overdue"}},  // +7
        {"2024-05-29T09:00:00Z",
         {"finance@example.org 1 overdue", "scrutiny@example.org 1 escalation"}},  // +14
    };
    for (const MilestoneCase& c : cases) {
        Fixture f;
        f.actions.push_back(action(1, "Head of Finance", day("2024-05-15")));
        auto got = Fixture::emails(f.run(utc(c.now)));
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, c.expected) << c.now;
    }
}

TEST(Policy, EachMilestoneGoesOnceAndAtMostOncePerDay) {
    Fixture f;
    f.actions.push_back(action(1, "Head of Finance", day("2024-05-15")));
    f.sent.push_back({1, "before_7", day("2024-05-08"), Channel::email, "finance@example.org",
                      day("2024-05-08")});
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-05-08T15:00:00Z"))).empty());  // same day
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-05-09T09:00:00Z"))).empty());  // already sent
    // Another milestone on the same local day is held back to the next day.
    f.sent.push_back({1, "before_1", day("2024-05-14"), Channel::email, "finance@example.org",
                      day("2024-05-15")});
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-05-15T10:00:00Z"))).empty());
}

TEST(Policy, SendsOnlyInsideTheWindowOnWeekdays) {
    const std::vector<std::pair<const char*, bool>> cases = {
        {"2024-05-15T06:59:00Z", false},  // 07:59 BST
        {"2024-05-15T07:00:00Z", true},   // 08:00 BST
        {"2024-05-15T16:59:00Z", true},   // 17:59 BST
        {"2024-05-15T17:00:00Z", false},  // 18:00 BST
        {"2024-05-18T10:00:00Z", false},  // Saturday
        {"2024-05-19T10:00:00Z", false},  // Sunday
        {"2024-05-20T07:00:00Z", true},   // Monday 08:00
    };
    for (const auto& [now, sent] : cases) {
        Fixture f;
        f.actions.push_back(action(1, "HoF", day("2024-05-15")));
        const auto result = f.run(utc(now));
        EXPECT_EQ(!Fixture::emails(result).empty(), sent) << now;
        if (!sent) {
            EXPECT_EQ(result.deferrals.size(), 1u) << now;
        }
    }
}

// The window as configured (notify.quiet_hours_*, notify.quiet_weekends): minutes count, quiet
// hours inside the day wrap the window across midnight, weekends can be allowed.
struct WindowCase {
    int from;
    int until;
    bool weekdays_only;
    const char* now;
    bool sent;
};

TEST(Policy, ConfiguredWindowHonoursMinutesWrapsMidnightAndWeekends) {
    const std::vector<WindowCase> cases = {
        {8 * 60 + 30, 17 * 60 + 15, true, "2024-05-15T07:29:00Z", false},  // 08:29 BST
        {8 * 60 + 30, 17 * 60 + 15, true, "2024-05-15T07:30:00Z", true},   // 08:30
        {8 * 60 + 30, 17 * 60 + 15, true, "2024-05-15T16:14:00Z", true},   // 17:14
        {8 * 60 + 30, 17 * 60 + 15, true, "2024-05-15T16:15:00Z", false},  // 17:15
        {13 * 60, 12 * 60, true, "2024-05-15T11:30:00Z", false},  // quiet 12:00-13:00: 12:30
        {13 * 60, 12 * 60, true, "2024-05-15T12:00:00Z", true},   // 13:00
        {13 * 60, 12 * 60, true, "2024-05-15T01:00:00Z", true},   // 02:00, across midnight
        {8 * 60, 18 * 60, false, "2024-05-18T10:00:00Z", true},   // Saturday, weekends allowed
        {8 * 60, 18 * 60, false, "2024-05-18T17:00:00Z", false},  // Saturday 18:00
        {0, 0, true, "2024-05-15T02:00:00Z", true},               // no quiet hours at all
    };
    for (const WindowCase& c : cases) {
        Fixture f;
        f.config.send_from_minute = c.from;
        f.config.send_until_minute = c.until;
        f.config.weekdays_only = c.weekdays_only;
        auto a = action(1, "HoF", std::nullopt);
        a.due = date::floor<date::days>(utc(c.now)) - std::chrono::days{10};
        f.config.overdue_every_days = 1;
        f.actions.push_back(a);
        const auto result = f.run(utc(c.now));
        EXPECT_EQ(!Fixture::emails(result).empty(), c.sent) << c.now << " " << c.from;
        if (!c.sent) {
            ASSERT_EQ(result.deferrals.size(), 1u) << c.now;
            EXPECT_NE(result.deferrals[0].reason.find("Europe/London"), std::string::npos)
                << result.deferrals[0].reason;
        }
    }
}

TEST(Policy, WindowFollowsDaylightSavingInLondon) {
    // Clocks go forward on Sunday 2024-03-31 and back on Sunday 2024-10-27.
    const std::vector<std::pair<const char*, bool>> cases = {
        {"2024-03-29T07:30:00Z", false},  // Friday, GMT: 07:30 local
        {"2024-03-29T08:00:00Z", true},   // 08:00 GMT
        {"2024-04-01T07:00:00Z", true},   // Monday after the change: 08:00 BST
        {"2024-04-01T06:59:00Z", false},  // 07:59 BST
        {"2024-10-25T17:30:00Z", false},  // Friday before: 18:30 BST
        {"2024-10-25T16:30:00Z", true},  {"2024-10-28T17:30:00Z", true},  // Monday after: 17:30 GMT
        {"2024-10-28T18:00:00Z", false},                                  // 18:00 GMT
    };
    for (const auto& [now, sent] : cases) {
        Fixture f;
        auto a = action(1, "HoF", std::nullopt);
        a.due = date::floor<date::days>(utc(now)) - std::chrono::days{10};  // overdue
        f.config.overdue_every_days = 1;  // a milestone every day, so only the window decides
        f.actions.push_back(a);
        EXPECT_EQ(!Fixture::emails(f.run(utc(now))).empty(), sent) << now;
    }
}

TEST(Policy, LocalDateIsTheOwnersTimeZone) {
    // 2024-05-08T02:00Z is still 2024-05-07 in New York (22:00 EDT): before_7 not yet due, and
    // outside the window anyway; at 13:00Z it is 09:00 there.
    Fixture f;
    f.actions.push_back(action(1, "Director", day("2024-05-15")));
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-05-08T02:00:00Z"))).empty());
    EXPECT_EQ(Fixture::emails(f.run(utc("2024-05-08T13:00:00Z"))),
              (std::vector<std::string>{"director@example.org 1 before_7"}));
    const LocalTime local = local_time(*zone("America/New_York"), utc("2024-05-08T02:00:00Z"));
    EXPECT_EQ(local.date, day("2024-05-07"));
    EXPECT_EQ(local.hour, 22);
}

TEST(Policy, OneMessagePerOwnerSortedByDueDate) {
    Fixture f;
    f.actions.push_back(action(1, "Head of Finance", day("2024-05-20")));
    f.actions.push_back(action(2, "the head of finance.", day("2024-05-10")));
    f.actions.push_back(action(3, "HOF", day("2024-05-16")));
    f.actions.push_back(action(4, "Director", day("2024-05-16")));
    const auto result = f.run(utc("2024-05-15T13:00:00Z"));
    ASSERT_EQ(result.notifications.size(), 2u);
    const Notification& finance = result.notifications[1];
    EXPECT_EQ(finance.recipient.key(), "finance@example.org");
    ASSERT_EQ(finance.items.size(), 3u);
    EXPECT_EQ(finance.items[0].action_id, 2);
    EXPECT_EQ(finance.items[1].action_id, 3);
    EXPECT_EQ(finance.items[2].action_id, 1);
}

TEST(Policy, ClosedSnoozedAndSilencedActionsAreNeverSent) {
    Fixture f;
    auto done = action(1, "HoF", day("2024-05-15"));
    done.closed = true;
    done.status = "done";
    auto dropped = action(2, "HoF", day("2024-05-15"));
    dropped.closed = true;
    auto silenced = action(3, "HoF", day("2024-05-15"));
    silenced.silenced = true;
    auto snoozed = action(4, "HoF", day("2024-05-15"));
    snoozed.snoozed_until = day("2024-05-20");
    f.actions = {done, dropped, silenced, snoozed};
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-05-15T10:00:00Z"))).empty());
    // The snooze ends: the due reminder, never sent, goes now.
    EXPECT_EQ(Fixture::emails(f.run(utc("2024-05-20T10:00:00Z"))),
              (std::vector<std::string>{"finance@example.org 4 due"}));
}

TEST(Policy, UnknownNullAndInactiveOwnersGoToTheScrutinyOfficer) {
    Fixture f;
    f.actions.push_back(action(1, std::nullopt, day("2024-05-15")));
    f.actions.push_back(action(2, "Chair", day("2024-05-15")));
    f.actions.push_back(action(3, "Former Officer", day("2024-05-15")));
    const auto result = f.run(utc("2024-05-15T10:00:00Z"));
    ASSERT_EQ(result.notifications.size(), 1u);
    EXPECT_EQ(result.notifications[0].recipient.key(), "scrutiny@example.org");
    ASSERT_EQ(result.notifications[0].items.size(), 3u);
    for (const DueItem& item : result.notifications[0].items) EXPECT_TRUE(item.unassigned);
}

TEST(Policy, OwnerWithoutAddressIsReportedNotLost) {
    Fixture f;
    f.actions.push_back(action(1, "No Address", day("2024-05-15")));
    const auto result = f.run(utc("2024-05-15T10:00:00Z"));
    ASSERT_EQ(result.notifications.size(), 1u);
    EXPECT_FALSE(result.notifications[0].recipient.email);
    EXPECT_EQ(result.notifications[0].recipient.key(), "no-address:No Address");
}

TEST(Policy, UndatedActionAskedOnceAfter28Days) {
    Fixture f;
    auto undated = action(1, "HoF", std::nullopt);
    undated.created_at = utc("2024-05-01T09:00:00Z");
    f.actions.push_back(undated);
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-05-28T10:00:00Z"))).empty());  // day 27
    EXPECT_EQ(Fixture::emails(f.run(utc("2024-05-29T10:00:00Z"))),
              (std::vector<std::string>{"finance@example.org 1 ask_due_date"}));
    f.sent.push_back({1, "ask_due_date", day("2024-05-29"), Channel::email, "finance@example.org",
                      day("2024-05-29")});
    EXPECT_TRUE(Fixture::emails(f.run(utc("2024-07-01T10:00:00Z"))).empty());  // once only
}

TEST(Policy, EscalationOnceAt14DaysOverdue) {
    Fixture f;
    f.actions.push_back(action(1, "HoF", day("2024-05-01")));
    EXPECT_EQ(Fixture::emails(f.run(utc("2024-05-14T10:00:00Z"))),
              (std::vector<std::string>{"finance@example.org 1 overdue"}));
    auto at14 = Fixture::emails(f.run(utc("2024-05-15T10:00:00Z")));
    EXPECT_NE(std::find(at14.begin(), at14.end(), "scrutiny@example.org 1 escalation"), at14.end());
    f.sent.push_back({1, "escalation", day("2024-05-15"), Channel::email, "scrutiny@example.org",
                      day("2024-05-15")});
    auto later = Fixture::emails(f.run(utc("2024-05-22T10:00:00Z")));
    EXPECT_EQ(std::find(later.begin(), later.end(), "scrutiny@example.org 1 escalation"),
              later.end());
}

TEST(Policy, WebhookEventsIgnoreTheWindowButNotTheDailyLimit) {
    Fixture f;
    f.config.webhooks = true;
    f.actions.push_back(action(1, "HoF", day("2024-05-18")));  // a Saturday
    const auto result = f.run(utc("2024-05-18T23:30:00Z"));    // 00:30 BST Sunday
    ASSERT_EQ(result.notifications.size(), 1u);
    EXPECT_EQ(result.notifications[0].channel, Channel::webhook);
    EXPECT_EQ(result.notifications[0].items[0].kind, "action.due");
}

}  // namespace
}  // namespace actiontrack::notify
