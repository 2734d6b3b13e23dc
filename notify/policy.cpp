#include "notify/policy.hpp"

#include <date/tz.h>
#include <fmt/core.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <memory>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace actiontrack::notify {
namespace {

using std::chrono::days;

// Most of a run is the same few answers asked for again and again: an office has hundreds of
// owners and a handful of zones but tens of thousands of actions. So each owner string is looked
// up once, each person's recipient, key, local time and sending window are worked out once, and
// milestone kinds are small numbers naming strings made once per run. The per-action loop then
// does arithmetic on dates and a few hash look-ups, and allocates only for what it returns.

// A milestone's kind: an index into PolicyRun::m_kinds.
using KindId = std::size_t;
constexpr KindId k_overdue = 0;
constexpr KindId k_due = 1;
constexpr KindId k_ask_due_date = 2;
constexpr KindId k_escalation = 3;
constexpr KindId k_webhook_due = 4;
constexpr KindId k_webhook_overdue = 5;
constexpr KindId k_first_before = 6;  // then one per PolicyConfig::days_before entry, in order

struct Milestone {
    KindId kind = k_due;
    Date date{};
};

// The latest milestone of a dated action on or before `today`, if any. Only the latest counts:
// after a week of downtime the owner gets today's reminder, not a backlog of stale ones.
std::optional<Milestone> latest_milestone(Date due, Date today, const PolicyConfig& config) {
    if (today > due && config.overdue_every_days > 0) {
        const auto overdue = (today - due).count();
        const auto step = config.overdue_every_days;
        if (overdue >= step) return Milestone{k_overdue, due + days{overdue / step * step}};
    }
    if (today >= due && config.on_due_day) return Milestone{k_due, due};
    // days_before in any order: the nearest one to the due date that has arrived wins (the
    // first of equal ones, as the entries' kinds are told apart by position).
    std::optional<Milestone> best;
    for (std::size_t i = 0; i < config.days_before.size(); ++i) {
        const Date date = due - days{config.days_before[i]};
        if (date <= today && (!best || date > best->date)) {
            best = Milestone{k_first_before + i, date};
        }
    }
    return best;
}

// The send log by action. Most actions have no entry, so a query is usually one hash miss; an
// action's entries are few, so they are searched in a line.
class SendLogIndex {
  public:
    using Entries = std::vector<const SentEntry*>;

    explicit SendLogIndex(const std::vector<SentEntry>& sent) {
        for (const SentEntry& entry : sent) m_by_action[entry.action_id].push_back(&entry);
    }
    // The action's entries, or nullptr when it has none.
    const Entries* find(std::int64_t action) const {
        if (m_by_action.empty()) return nullptr;
        const auto found = m_by_action.find(action);
        return found == m_by_action.end() ? nullptr : &found->second;
    }
    static bool queued(const Entries* entries, std::string_view kind, Date scheduled,
                       Channel channel, std::string_view recipient) {
        if (entries == nullptr) return false;
        return std::any_of(entries->begin(), entries->end(), [&](const SentEntry* e) {
            return e->kind == kind && e->scheduled == scheduled && e->channel == channel &&
                   e->recipient == recipient;
        });
    }
    static bool sent_today(const Entries* entries, Channel channel, std::string_view recipient,
                           Date today) {
        if (entries == nullptr) return false;
        return std::any_of(entries->begin(), entries->end(), [&](const SentEntry* e) {
            return e->sent_on == today && e->channel == channel && e->recipient == recipient;
        });
    }
    // Whether a one-off kind ("ask_due_date", "escalation") was queued on any channel.
    static bool once_done(const Entries* entries, std::string_view kind) {
        if (entries == nullptr) return false;
        return std::any_of(entries->begin(), entries->end(),
                           [&](const SentEntry* e) { return e->kind == kind; });
    }

  private:
    std::unordered_map<std::int64_t, Entries> m_by_action;
};

// A time zone's UTC offset, remembered for the span it holds: converting many instants of the
// same season costs one look-up into the zone's transitions. The same answer as
// local_time(zone, instant).
class ZoneClock {
  public:
    explicit ZoneClock(const date::time_zone& zone) : m_zone(&zone) {}
    Date local_date(Instant at) {
        if (at < m_info.begin || at >= m_info.end) m_info = m_zone->get_info(at);
        return date::floor<days>(at + m_info.offset);
    }

  private:
    const date::time_zone* m_zone;
    date::sys_info m_info{date::sys_seconds::max(), date::sys_seconds::min(), {}, {}, {}};
};

// Everyone who shares a recipient key (an address, or "no-address:" + name) gets one message
// per channel and kind: the notification they share, by (channel, kind), into m_notifications.
struct Group {
    static constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
    std::size_t notification[2][2] = {{k_none, k_none}, {k_none, k_none}};
};

// One recipient as the run needs it, worked out once.
struct Target {
    Recipient recipient;
    std::string key;
    LocalTime now;
    bool in_window = false;
    Group* group = nullptr;
    std::unique_ptr<ZoneClock> clock;          // for the undated ask, at other instants
    std::vector<std::string> deferral_reason;  // by KindId, made on first use
};

class PolicyRun {
  public:
    PolicyRun(const PolicyInput& input, const PolicyConfig& config, const ZoneLookup& zones)
        : m_input(input), m_config(config), m_zones(zones), m_log(input.sent) {
        m_default_zone = zones(config.default_time_zone);
        if (m_default_zone == nullptr) m_default_zone = zones("UTC");
        m_window_text =
            fmt::format("{}{:02}:{:02}-{:02}:{:02}", config.weekdays_only ? "weekdays " : "",
                        config.send_from_minute / 60, config.send_from_minute % 60,
                        config.send_until_minute / 60, config.send_until_minute % 60);
        m_kinds = {"overdue", "due", "ask_due_date", "escalation", "action.due", "action.overdue"};
        for (int before : config.days_before) m_kinds.push_back(fmt::format("before_{}", before));
    }

    PolicyResult run() {
        Target& scrutiny = target_for(m_input.scrutiny_officer);
        Target* webhooks = nullptr;
        if (m_config.webhooks) {
            webhooks = &make_target(Recipient{"webhooks", std::nullopt, m_default_zone});
        }
        m_pending.reserve(m_input.actions.size());  // about one item per open action
        for (std::size_t index = 0; index < m_input.actions.size(); ++index) {
            const PolicyAction& action = m_input.actions[index];
            if (action.closed || action.silenced) continue;
            const Person* owner = action.owner ? find_owner(*action.owner) : nullptr;
            const bool unassigned = owner == nullptr || !owner->active;
            Target& target = unassigned ? scrutiny : target_for(*owner);
            if (action.snoozed_until && target.now.date < *action.snoozed_until) continue;
            const SendLogIndex::Entries* log = m_log.find(action.id);
            consider_email(action, index, log, target, unassigned);
            if (action.due && !unassigned) consider_escalation(action, index, log, scrutiny);
            if (action.due && webhooks != nullptr) consider_webhook(action, index, log, *webhooks);
        }
        return finish();
    }

  private:
    // The person an owner string names (nullptr: nobody), normalised and looked up once per
    // distinct string. The keys view the actions' strings, which outlive the run.
    const Person* find_owner(const std::string& owner) {
        auto [it, inserted] = m_owner_cache.try_emplace(owner, nullptr);
        if (inserted) it->second = m_input.owners.find(owner);
        return it->second;
    }

    Target& target_for(const Person& person) {
        auto [it, inserted] = m_targets_by_person.try_emplace(&person, nullptr);
        if (inserted) {
            const date::time_zone* zone =
                person.time_zone.empty() ? nullptr : m_zones(person.time_zone);
            it->second = &make_target(
                Recipient{person.name, person.email, zone != nullptr ? zone : m_default_zone});
        }
        return *it->second;
    }

    Target& make_target(Recipient recipient) {
        Target& target = m_targets.emplace_back();
        target.key = recipient.key();
        target.now = local_time(*recipient.zone, m_input.now);
        target.in_window = in_window(target.now);
        target.group = &m_groups[target.key];
        target.clock = std::make_unique<ZoneClock>(*recipient.zone);
        target.recipient = std::move(recipient);
        return target;
    }

    bool in_window(const LocalTime& now) const {
        if (m_config.weekdays_only && (now.weekday == 0 || now.weekday == 6)) return false;
        const int minute = now.hour * 60 + now.minute;
        const int from = m_config.send_from_minute;
        const int until = m_config.send_until_minute;
        if (from == until) return true;
        // Quiet hours inside the day (e.g. 12:00-13:00) make a window across midnight.
        if (from > until) return minute >= from || minute < until;
        return minute >= from && minute < until;
    }

    // "due reminder waits for Jo's sending window (weekdays 08:00-18:00 Europe/London)": the
    // same words for every action of a recipient and kind, so made once each.
    const std::string& deferral_reason(Target& target, KindId kind) {
        if (target.deferral_reason.empty()) target.deferral_reason.resize(m_kinds.size());
        std::string& reason = target.deferral_reason[kind];
        if (reason.empty()) {
            reason =
                fmt::format("{} waits for {}'s sending window ({} {})",
                            kind == k_escalation ? "escalation" : m_kinds[kind] + " reminder",
                            target.recipient.name, m_window_text, target.recipient.zone->name());
        }
        return reason;
    }

    void consider_email(const PolicyAction& action, std::size_t index,
                        const SendLogIndex::Entries* log, Target& target, bool unassigned) {
        std::optional<Milestone> milestone;
        if (action.due) {
            milestone = latest_milestone(*action.due, target.now.date, m_config);
        } else if (m_config.ask_due_date_after_days > 0) {
            const Instant ask_at = action.created_at + days{m_config.ask_due_date_after_days};
            if (m_input.now >= ask_at && !SendLogIndex::once_done(log, "ask_due_date")) {
                milestone = Milestone{k_ask_due_date, target.clock->local_date(ask_at)};
            }
        }
        if (!milestone) return;
        const std::string& kind = m_kinds[milestone->kind];
        if (SendLogIndex::queued(log, kind, milestone->date, Channel::email, target.key)) return;
        if (SendLogIndex::sent_today(log, Channel::email, target.key, target.now.date)) return;
        if (!target.in_window) {
            m_deferrals.push_back({action.id, deferral_reason(target, milestone->kind)});
            return;
        }
        int days_overdue = 0;
        if (action.due && target.now.date > *action.due) {
            days_overdue = static_cast<int>((target.now.date - *action.due).count());
        }
        add(Channel::email, NotificationKind::reminder, target, action, index, milestone->kind,
            milestone->date, unassigned, days_overdue);
    }

    void consider_escalation(const PolicyAction& action, std::size_t index,
                             const SendLogIndex::Entries* log, Target& scrutiny) {
        if (m_config.escalate_after_days <= 0) return;
        const Date at = *action.due + days{m_config.escalate_after_days};
        if (scrutiny.now.date < at || SendLogIndex::once_done(log, "escalation")) return;
        if (!scrutiny.in_window) {
            m_deferrals.push_back({action.id, deferral_reason(scrutiny, k_escalation)});
            return;
        }
        add(Channel::email, NotificationKind::escalation, scrutiny, action, index, k_escalation, at,
            false, static_cast<int>((scrutiny.now.date - *action.due).count()));
    }

    // Webhook events go any time, dated in the default zone.
    void consider_webhook(const PolicyAction& action, std::size_t index,
                          const SendLogIndex::Entries* log, Target& webhooks) {
        const Date today = webhooks.now.date;
        auto milestone = latest_milestone(*action.due, today, m_config);
        if (!milestone || milestone->kind >= k_first_before) return;
        const KindId kind = milestone->kind == k_due ? k_webhook_due : k_webhook_overdue;
        if (SendLogIndex::queued(log, m_kinds[kind], milestone->date, Channel::webhook,
                                 "webhooks")) {
            return;
        }
        if (SendLogIndex::sent_today(log, Channel::webhook, "webhooks", today)) return;
        add(Channel::webhook, NotificationKind::reminder, webhooks, action, index, kind,
            milestone->date, false, static_cast<int>((today - *action.due).count()));
    }

    // Adds an item to the message of the target's group for (channel, kind); the first target
    // of a group to get one names its recipient and local date. Items are kept as small plain
    // records until the end, when each message's are sorted and made into DueItems at once
    // (growing ~100,000 DueItems, strings and all, one push_back at a time cost more than the
    // rest of the run).
    void add(Channel channel, NotificationKind kind, const Target& target,
             const PolicyAction& action, std::size_t index, KindId item_kind, Date scheduled,
             bool unassigned, int days_overdue) {
        std::size_t& slot =
            target.group->notification[static_cast<int>(channel)][static_cast<int>(kind)];
        if (slot == Group::k_none) {
            slot = m_notifications.size();
            Notification& created = m_notifications.emplace_back();
            created.channel = channel;
            created.kind = kind;
            created.recipient = target.recipient;
            created.local_date = target.now.date;
            m_notification_keys.push_back(&target.key);
        }
        m_pending.push_back(Pending{
            .due = action.due ? action.due->time_since_epoch().count()
                              : std::numeric_limits<std::int64_t>::max(),
            .action_id = action.id,
            .action_index = index,
            .notification = slot,
            .scheduled = scheduled,
            .kind = item_kind,
            .days_overdue = days_overdue,
            .unassigned = unassigned,
        });
    }

    // The messages by channel, then recipient key, then kind; each message's items by due date
    // (undated last), then action id.
    PolicyResult finish() {
        // Each message's items together (a counting sort by message), then in order.
        std::vector<std::size_t> start(m_notifications.size() + 1, 0);
        for (const Pending& p : m_pending) ++start[p.notification + 1];
        for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
        std::vector<Pending> grouped(m_pending.size());
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const Pending& p : m_pending) grouped[next[p.notification]++] = p;
        for (std::size_t n = 0; n < m_notifications.size(); ++n) {
            const auto first = grouped.begin() + static_cast<std::ptrdiff_t>(start[n]);
            const auto last = grouped.begin() + static_cast<std::ptrdiff_t>(start[n + 1]);
            std::sort(first, last, [](const Pending& a, const Pending& b) {
                return std::tie(a.due, a.action_id) < std::tie(b.due, b.action_id);
            });
            std::vector<DueItem>& items = m_notifications[n].items;
            items.reserve(static_cast<std::size_t>(last - first));
            for (auto p = first; p != last; ++p) {
                items.push_back(DueItem{p->action_id, p->action_index, m_kinds[p->kind],
                                        p->scheduled, p->unassigned, p->days_overdue});
            }
        }

        std::vector<std::size_t> order(m_notifications.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        const auto rank = [this](std::size_t i) {
            const Notification& n = m_notifications[i];
            return std::tuple(static_cast<int>(n.channel),
                              std::string_view(*m_notification_keys[i]), static_cast<int>(n.kind));
        };
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
        PolicyResult result;
        result.notifications.reserve(order.size());
        for (std::size_t i : order) result.notifications.push_back(std::move(m_notifications[i]));
        result.deferrals = std::move(m_deferrals);
        return result;
    }

    // An item waiting for finish().
    struct Pending {
        std::int64_t due = 0;  // days since the epoch; undated: the largest value, so last
        std::int64_t action_id = 0;
        std::size_t action_index = 0;
        std::size_t notification = 0;  // into m_notifications
        Date scheduled{};
        KindId kind = k_due;
        int days_overdue = 0;
        bool unassigned = false;
    };

    const PolicyInput& m_input;
    const PolicyConfig& m_config;
    const ZoneLookup& m_zones;
    SendLogIndex m_log;
    const date::time_zone* m_default_zone = nullptr;
    std::string m_window_text;
    std::vector<std::string> m_kinds;  // by KindId
    std::unordered_map<std::string_view, const Person*> m_owner_cache;
    std::unordered_map<const Person*, Target*> m_targets_by_person;
    std::deque<Target> m_targets;                     // a deque: targets and their keys never move
    std::unordered_map<std::string, Group> m_groups;  // by recipient key; nodes never move
    std::vector<Notification> m_notifications;
    std::vector<const std::string*> m_notification_keys;  // the recipient key of each
    std::vector<Pending> m_pending;
    std::vector<Deferral> m_deferrals;
};

}  // namespace

std::string_view to_string(Channel channel) {
    return channel == Channel::email ? "email" : "webhook";
}

std::string Recipient::key() const {
    if (name == "webhooks" && !email) return "webhooks";
    return email ? *email : "no-address:" + name;
}

LocalTime local_time(const date::time_zone& zone, Instant now) {
    const auto local = zone.to_local(now);
    const auto day = date::floor<days>(local);
    const auto since_midnight = local - day;
    return LocalTime{
        .date = Date{day.time_since_epoch()},
        .hour = static_cast<int>(since_midnight / std::chrono::hours{1}),
        .minute =
            static_cast<int>(since_midnight % std::chrono::hours{1} / std::chrono::minutes{1}),
        .weekday = date::weekday{day}.c_encoding(),
    };
}

PolicyResult compute_notifications(const PolicyInput& input, const PolicyConfig& config,
                                   const ZoneLookup& zones) {
    return PolicyRun(input, config, zones).run();
}

}  // namespace actiontrack::notify
