#include "notify/policy.hpp"

#include <date/tz.h>
#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <unordered_set>

namespace actiontrack::notify {
namespace {

using std::chrono::days;

struct Milestone {
    std::string kind;
    Date date{};
};

// The latest milestone of a dated action on or before `today`, if any. Only the latest counts:
// after a week of downtime the owner gets today's reminder, not a backlog of stale ones.
std::optional<Milestone> latest_milestone(Date due, Date today, const PolicyConfig& config) {
    if (today > due && config.overdue_every_days > 0) {
        const auto overdue = (today - due).count();
        const auto step = config.overdue_every_days;
        if (overdue >= step) return Milestone{"overdue", due + days{overdue / step * step}};
    }
    if (today >= due && config.on_due_day) return Milestone{"due", due};
    // days_before in any order: the nearest one to the due date that has arrived wins.
    std::optional<Milestone> best;
    for (int before : config.days_before) {
        const Date date = due - days{before};
        if (date <= today && (!best || date > best->date)) {
            best = Milestone{fmt::format("before_{}", before), date};
        }
    }
    return best;
}

// The send log as lookup sets: queued reminders, and (action, channel, recipient, day).
class SendLogIndex {
  public:
    explicit SendLogIndex(const std::vector<SentEntry>& sent) {
        m_keys.reserve(sent.size());
        for (const SentEntry& entry : sent) {
            m_keys.insert(
                key(entry.action_id, entry.kind, entry.scheduled, entry.channel, entry.recipient));
            m_days.insert(day_key(entry.action_id, entry.channel, entry.recipient, entry.sent_on));
            if (entry.kind == "ask_due_date" || entry.kind == "escalation") {
                m_once.insert(fmt::format("{}|{}", entry.action_id, entry.kind));
            }
        }
    }
    bool queued(std::int64_t action, std::string_view kind, Date scheduled, Channel channel,
                std::string_view recipient) const {
        return m_keys.contains(key(action, kind, scheduled, channel, recipient));
    }
    bool sent_today(std::int64_t action, Channel channel, std::string_view recipient,
                    Date today) const {
        return m_days.contains(day_key(action, channel, recipient, today));
    }
    bool once_done(std::int64_t action, std::string_view kind) const {
        return m_once.contains(fmt::format("{}|{}", action, kind));
    }

  private:
    static std::string key(std::int64_t action, std::string_view kind, Date scheduled,
                           Channel channel, std::string_view recipient) {
        return fmt::format("{}|{}|{}|{}|{}", action, kind, scheduled.time_since_epoch().count(),
                           static_cast<int>(channel), recipient);
    }
    static std::string day_key(std::int64_t action, Channel channel, std::string_view recipient,
                               Date day) {
        return fmt::format("{}|{}|{}|{}", action, static_cast<int>(channel), recipient,
                           day.time_since_epoch().count());
    }
    std::unordered_set<std::string> m_keys;
    std::unordered_set<std::string> m_days;
    std::unordered_set<std::string> m_once;
};

// Collects items per (channel, kind, recipient key) so each recipient gets one message.
class Batches {
  public:
    void add(Channel channel, NotificationKind kind, const Recipient& recipient, Date local_date,
             DueItem item) {
        auto [it, inserted] = m_by_key.try_emplace(
            std::tuple(static_cast<int>(channel), recipient.key(), static_cast<int>(kind)));
        if (inserted) {
            it->second.channel = channel;
            it->second.kind = kind;
            it->second.recipient = recipient;
            it->second.local_date = local_date;
        }
        it->second.items.push_back(item);
    }
    std::vector<Notification> take() {
        std::vector<Notification> out;
        out.reserve(m_by_key.size());
        for (auto& [key, notification] : m_by_key) out.push_back(std::move(notification));
        return out;
    }

  private:
    std::map<std::tuple<int, std::string, int>, Notification> m_by_key;
};

class PolicyRun {
  public:
    PolicyRun(const PolicyInput& input, const PolicyConfig& config, const ZoneLookup& zones)
        : m_input(input), m_config(config), m_zones(zones), m_log(input.sent) {
        m_default_zone = zones(config.default_time_zone);
        if (m_default_zone == nullptr) m_default_zone = zones("UTC");
        m_window_text = window_text(config);
    }

    PolicyResult run() {
        const Recipient scrutiny = recipient_for(m_input.scrutiny_officer);
        const LocalTime scrutiny_now = local_time(*scrutiny.zone, m_input.now);
        for (std::size_t index = 0; index < m_input.actions.size(); ++index) {
            const PolicyAction& action = m_input.actions[index];
            if (action.closed || action.silenced) continue;
            const Person* owner = action.owner ? m_input.owners.find(*action.owner) : nullptr;
            const bool unassigned = owner == nullptr || !owner->active;
            const Recipient recipient = unassigned ? scrutiny : recipient_for(*owner);
            const LocalTime now =
                unassigned ? scrutiny_now : local_time(*recipient.zone, m_input.now);
            if (action.snoozed_until && now.date < *action.snoozed_until) continue;
            consider_email(action, index, recipient, now, unassigned);
            if (action.due && !unassigned)
                consider_escalation(action, index, scrutiny, scrutiny_now);
            if (action.due && m_config.webhooks) consider_webhook(action, index);
        }
        PolicyResult result{m_batches.take(), std::move(m_deferrals)};
        for (Notification& notification : result.notifications) {
            std::sort(notification.items.begin(), notification.items.end(),
                      [this](const DueItem& a, const DueItem& b) {
                          const auto& da = m_input.actions[a.action_index].due;
                          const auto& db = m_input.actions[b.action_index].due;
                          if (da != db) return da && (!db || *da < *db);
                          return a.action_id < b.action_id;
                      });
        }
        return result;
    }

  private:
    Recipient recipient_for(const Person& person) const {
        const date::time_zone* zone =
            person.time_zone.empty() ? nullptr : m_zones(person.time_zone);
        return Recipient{person.name, person.email, zone != nullptr ? zone : m_default_zone};
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

    // "weekdays 08:00-18:00", for the deferral reasons; formatted once per run.
    static std::string window_text(const PolicyConfig& config) {
        return fmt::format("{}{:02}:{:02}-{:02}:{:02}", config.weekdays_only ? "weekdays " : "",
                           config.send_from_minute / 60, config.send_from_minute % 60,
                           config.send_until_minute / 60, config.send_until_minute % 60);
    }

    void consider_email(const PolicyAction& action, std::size_t index, const Recipient& recipient,
                        const LocalTime& now, bool unassigned) {
        std::optional<Milestone> milestone;
        if (action.due) {
            milestone = latest_milestone(*action.due, now.date, m_config);
        } else if (m_config.ask_due_date_after_days > 0) {
            const Instant ask_at = action.created_at + days{m_config.ask_due_date_after_days};
            if (m_input.now >= ask_at && !m_log.once_done(action.id, "ask_due_date")) {
                milestone = Milestone{"ask_due_date", local_time(*recipient.zone, ask_at).date};
            }
        }
        if (!milestone) return;
        const std::string key = recipient.key();
        if (m_log.queued(action.id, milestone->kind, milestone->date, Channel::email, key)) return;
        if (m_log.sent_today(action.id, Channel::email, key, now.date)) return;
        if (!in_window(now)) {
            m_deferrals.push_back({action.id, fmt::format("{} reminder waits for {}'s sending "
                                                          "window ({} {})",
                                                          milestone->kind, recipient.name,
                                                          m_window_text, recipient.zone->name())});
            return;
        }
        DueItem item{action.id, index, milestone->kind, milestone->date, unassigned, 0};
        if (action.due && now.date > *action.due) {
            item.days_overdue = static_cast<int>((now.date - *action.due).count());
        }
        m_batches.add(Channel::email, NotificationKind::reminder, recipient, now.date, item);
    }

    void consider_escalation(const PolicyAction& action, std::size_t index,
                             const Recipient& scrutiny, const LocalTime& now) {
        if (m_config.escalate_after_days <= 0) return;
        const Date at = *action.due + days{m_config.escalate_after_days};
        if (now.date < at || m_log.once_done(action.id, "escalation")) return;
        if (!in_window(now)) {
            m_deferrals.push_back(
                {action.id, fmt::format("escalation waits for {}'s sending "
                                        "window ({} {})",
                                        scrutiny.name, m_window_text, scrutiny.zone->name())});
            return;
        }
        DueItem item{action.id, index, "escalation",
                     at,        false, static_cast<int>((now.date - *action.due).count())};
        m_batches.add(Channel::email, NotificationKind::escalation, scrutiny, now.date, item);
    }

    void consider_webhook(const PolicyAction& action, std::size_t index) {
        const LocalTime now = local_time(*m_default_zone, m_input.now);
        auto milestone = latest_milestone(*action.due, now.date, m_config);
        if (!milestone || milestone->kind.starts_with("before_")) return;
        const std::string kind = milestone->kind == "due" ? "action.due" : "action.overdue";
        if (m_log.queued(action.id, kind, milestone->date, Channel::webhook, "webhooks")) return;
        if (m_log.sent_today(action.id, Channel::webhook, "webhooks", now.date)) return;
        DueItem item{action.id,       index, kind,
                     milestone->date, false, static_cast<int>((now.date - *action.due).count())};
        m_batches.add(Channel::webhook, NotificationKind::reminder,
                      Recipient{"webhooks", std::nullopt, m_default_zone}, now.date, item);
    }

    const PolicyInput& m_input;
    const PolicyConfig& m_config;
    const ZoneLookup& m_zones;
    SendLogIndex m_log;
    const date::time_zone* m_default_zone = nullptr;
    std::string m_window_text;
    Batches m_batches;
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
