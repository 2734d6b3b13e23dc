#pragma once
// The reminder policy: a pure function from the open actions, what was already queued and the
// current time to the notifications due now. No clock, no database, no network: the notifier
// and `actiontrack remind --dry-run` feed it and act on its answer.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notify/owners.hpp"

namespace date {
class time_zone;
}

namespace actiontrack::notify {

using Date = std::chrono::sys_days;
using Instant = std::chrono::sys_seconds;

enum class Channel { email, webhook };
std::string_view to_string(Channel channel);

// The policy's settings; the defaults are the product's defaults (issue 4).
struct PolicyConfig {
    std::vector<int> days_before{7, 1};  // reminders this many days before the due date
    bool on_due_day = true;              // a reminder on the due day itself
    int overdue_every_days = 7;          // then every N days while overdue
    int escalate_after_days = 14;        // copy to the scrutiny officer once this overdue
    int ask_due_date_after_days = 28;    // undated and open this long: ask the owner once
    // The e-mail sending window in the recipient's local time, minutes after midnight,
    // [from, until). A window with from > until wraps midnight; from == until never closes.
    int send_from_minute = 8 * 60;
    int send_until_minute = 18 * 60;
    bool weekdays_only = true;  // no sending on Saturday or Sunday
    std::string default_time_zone = "Europe/London";
    bool webhooks = false;  // also emit action.due / action.overdue events
};

// What the policy needs to know about one action.
struct PolicyAction {
    std::int64_t id = 0;
    std::string reference;
    std::string committee;
    std::string item;
    std::string text;
    std::optional<std::string> owner;
    std::optional<Date> due;
    bool closed = false;  // done or dropped: never reminded
    Instant created_at{};
    std::optional<Date> snoozed_until;  // nothing before this local date
    bool silenced = false;
    // For the digest only; the policy ignores them.
    std::optional<std::string> due_text;
    std::string status;                   // "open", "in_progress", "done", "dropped"
    std::optional<Instant> completed_at;  // when it was last marked done
};

// One row of the send log: a reminder already queued.
struct SentEntry {
    std::int64_t action_id = 0;
    std::string kind;
    Date scheduled{};
    Channel channel = Channel::email;
    std::string recipient;  // recipient key (see Recipient::key)
    Date sent_on{};         // the recipient's local date when it was queued
};

// Who a notification goes to.
struct Recipient {
    std::string name;
    std::optional<std::string> email;
    const date::time_zone* zone = nullptr;  // never null in the policy's output
    // The grouping and send-log key: the address when known, else "no-address:" + name.
    std::string key() const;
};

// One action in a notification.
struct DueItem {
    std::int64_t action_id = 0;
    std::size_t action_index = 0;  // into PolicyInput::actions
    std::string kind;              // "before_7", "before_1", "due", "overdue", "escalation",
                                   // "ask_due_date"
    Date scheduled{};              // the milestone's date
    bool unassigned = false;       // routed to the scrutiny officer because no owner matched
    int days_overdue = 0;          // > 0 when overdue
};

enum class NotificationKind { reminder, escalation };

// One message: all of a recipient's due items for this run, sorted by due date.
struct Notification {
    Channel channel = Channel::email;
    NotificationKind kind = NotificationKind::reminder;
    Recipient recipient;
    Date local_date{};  // the recipient's local date now
    std::vector<DueItem> items;
};

// Why an action that has a due reminder is not being sent now (for --dry-run).
struct Deferral {
    std::int64_t action_id = 0;
    std::string reason;
};

struct PolicyResult {
    std::vector<Notification> notifications;  // by channel, then recipient key
    std::vector<Deferral> deferrals;
};

// Looks up an IANA zone; nullptr when unknown. The caller supplies it (date::locate_zone in
// production, which reads /usr/share/zoneinfo once).
using ZoneLookup = std::function<const date::time_zone*(std::string_view)>;

struct PolicyInput {
    const std::vector<PolicyAction>& actions;
    const std::vector<SentEntry>& sent;
    const OwnerDirectory& owners;
    const Person& scrutiny_officer;  // gets unassigned actions and escalations
    Instant now;
};

// The notifications due at `input.now`. Per action: the latest milestone on or before the
// owner's local date that is not yet in the send log, unless something of the action already
// went out on that channel today, it is snoozed or silenced, or it is closed. E-mail is sent
// only inside the sending window of the recipient's time zone; webhooks any time.
PolicyResult compute_notifications(const PolicyInput& input, const PolicyConfig& config,
                                   const ZoneLookup& zones);

// The recipient's local date and hour at `now` (exposed for tests and the digest schedule).
struct LocalTime {
    Date date{};
    int hour = 0;
    int minute = 0;
    unsigned weekday = 0;  // 0 = Sunday ... 6 = Saturday
};
LocalTime local_time(const date::time_zone& zone, Instant now);

}  // namespace actiontrack::notify
