#include "notify/planner.hpp"

#include <date/tz.h>
#include <fmt/core.h>

#include "notify/compose.hpp"
#include "notify/time_text.hpp"
#include "notify/webhook_events.hpp"
#include "store/unsubscribe.hpp"

namespace actiontrack::notify {
namespace {

const date::time_zone* find_zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;  // an unknown name: the policy falls back to the default zone
    }
}

}  // namespace

Result<OwnerDirectory> load_owners(RegisterReader& reader, const NotifySettings& settings) {
    TRY_ASSIGN(from_db, reader.owners());
    OwnerDirectory merged;
    for (const auto& [person, aliases] : settings.owners) merged.add(person, aliases);
    TRY_ASSIGN(alias_rows, reader.aliases());
    for (const Person& person : from_db.people()) {
        std::vector<std::string> names;
        for (const auto& [owner_id, alias] : alias_rows) {
            if (owner_id == person.id) names.push_back(alias);
        }
        merged.add(person, names);
    }
    return merged;
}

Result<ReminderPlan> plan_reminders(RegisterReader& reader, Outbox& outbox,
                                    const NotifySettings& settings, Instant now) {
    ReminderPlan plan;
    TRY_ASSIGN(actions, reader.actions());
    TRY_ASSIGN(owners, load_owners(reader, settings));
    TRY_ASSIGN(sent, outbox.send_log());
    plan.actions = std::move(actions);
    plan.owners = std::move(owners);
    PolicyConfig config = settings.policy;
    config.webhooks = config.webhooks || !settings.webhooks.empty();
    const PolicyInput input{plan.actions, sent, plan.owners, settings.scrutiny_officer, now};
    plan.result = compute_notifications(input, config, find_zone);
    return plan;
}

std::string explain_plan(const ReminderPlan& plan) {
    std::string out;
    if (plan.result.notifications.empty()) out += "Nothing to send now.\n";
    for (const Notification& n : plan.result.notifications) {
        const std::string to =
            n.channel == Channel::webhook ? "every webhook endpoint that wants it"
            : n.recipient.email ? fmt::format("{} <{}>", n.recipient.name, *n.recipient.email)
                                : fmt::format("{} (no known address: not sent)", n.recipient.name);
        out += fmt::format("{} {} to {} ({} local date {}):\n", to_string(n.channel),
                           n.kind == NotificationKind::escalation ? "escalation" : "reminder", to,
                           n.recipient.zone != nullptr ? n.recipient.zone->name() : "UTC",
                           format_date(n.local_date));
        for (const DueItem& item : n.items) {
            out += "  - " + describe_item(item, plan.actions[item.action_index]) + "\n";
        }
    }
    if (!plan.result.deferrals.empty()) {
        out += fmt::format("Waiting ({}):\n", plan.result.deferrals.size());
        for (const Deferral& d : plan.result.deferrals) {
            out += fmt::format("  - action {}: {}\n", d.action_id, d.reason);
        }
    }
    return out;
}

Result<int> queue_reminders(const ReminderPlan& plan, RegisterReader& reader, Outbox& outbox,
                            const NotifySettings& settings, Instant now) {
    int queued = 0;
    auto sequence = [&reader](std::int64_t action_id, Date due) {
        auto value = reader.calendar_sequence(action_id, due);
        return value ? *value : 0;
    };
    for (const Notification& n : plan.result.notifications) {
        if (n.channel == Channel::webhook) {
            for (const DueItem& item : n.items) {
                const PolicyAction& action = plan.actions[item.action_index];
                const std::string body = webhook_body(item.kind, now, &action, nullptr);
                const std::string event_key =
                    fmt::format("{}:{}:{}", item.kind, action.id, format_date(item.scheduled));
                const std::vector<SentEntry> log{{action.id, item.kind, item.scheduled,
                                                  Channel::webhook, "webhooks", n.local_date}};
                for (const NewMessage& row :
                     webhook_rows(settings.webhooks, item.kind, event_key, body)) {
                    TRY_ASSIGN(id, outbox.enqueue(row, log, now));
                    if (id) ++queued;
                }
            }
            continue;
        }
        if (!n.recipient.email || !settings.email_enabled) continue;
        TRY_ASSIGN(message, compose_reminder(n, plan.actions, settings, now, sequence));
        TRY_ASSIGN(id, outbox.enqueue(message.row, message.log, now));
        if (id) ++queued;
    }
    return queued;
}

Result<std::vector<DigestPlan>> plan_digests(RegisterReader& reader, Outbox& outbox,
                                             const NotifySettings& settings, Instant now,
                                             bool force) {
    std::vector<std::pair<std::optional<std::string>, Person>> recipients;
    recipients.emplace_back(std::nullopt, settings.scrutiny_officer);
    for (const DigestRecipient& extra : settings.digest_recipients) {
        recipients.emplace_back(extra.committee, extra.person);
    }
    TRY_ASSIGN(actions, reader.actions());
    TRY_ASSIGN(owners, load_owners(reader, settings));
    TRY_ASSIGN(dead_rows, outbox.list(OutboxStatus::dead));
    std::vector<std::string> dead;
    for (const OutboxRow& row : dead_rows) {
        dead.push_back(fmt::format("#{} {} {} to {}: {}", row.id, to_string(row.channel), row.kind,
                                   row.recipient, row.last_error.value_or("")));
    }
    std::vector<DigestPlan> plans;
    for (const auto& [committee, person] : recipients) {
        const date::time_zone* zone = find_zone(
            person.time_zone.empty() ? settings.policy.default_time_zone : person.time_zone);
        if (zone == nullptr) zone = find_zone("UTC");
        const LocalTime local = local_time(*zone, now);
        const bool due_now = local.weekday == settings.digest_weekday &&
                             local.hour * 60 + local.minute >= settings.digest_minute;
        if (!force && !due_now) continue;
        Instant since = now - std::chrono::days{7};
        if (person.email) {
            TRY_ASSIGN(last, outbox.last_queued("digest", *person.email));
            if (last) {
                if (auto at = parse_instant(*last)) since = *at;
            }
        }
        TRY_ASSIGN(resolutions, reader.resolutions_since(format_instant(since)));
        DigestInput input{actions,     resolutions,
                          dead,        owners,
                          person.name, settings.scrutiny_officer.name,
                          committee,   local.date,
                          since,       settings.public_url};
        plans.push_back(DigestPlan{person, committee, local.date, render_digest(input)});
    }
    return plans;
}

Result<int> queue_digests(const std::vector<DigestPlan>& plans, Outbox& outbox,
                          const NotifySettings& settings, Instant now) {
    int queued = 0;
    for (const DigestPlan& plan : plans) {
        if (plan.digest.empty) continue;
        // The whole-register digest is also the digest.weekly event, once per local date,
        // whether or not anyone gets it by e-mail.
        if (!plan.committee && !settings.webhooks.empty()) {
            const std::string body =
                digest_webhook_body(now, plan.local_date, plan.committee, plan.digest);
            for (const NewMessage& row :
                 webhook_rows(settings.webhooks, "digest.weekly",
                              "digest:" + format_date(plan.local_date), body)) {
                TRY_ASSIGN(id, outbox.enqueue(row, {}, now));
                if (id) ++queued;
            }
        }
        if (!plan.to.email || !settings.email_enabled) continue;
        // An opt-out (RFC 8058 one-click, web/unsubscribe.cpp) stops the e-mail only: the
        // webhook event above is not the recipient's to refuse.
        store::Database& db = outbox.database();
        TRY_ASSIGN(opted_out, store::is_unsubscribed(db, "digest", *plan.to.email));
        if (opted_out) continue;
        TRY_ASSIGN(token, store::unsubscribe_token(db, "digest", *plan.to.email,
                                                   format_instant(now)));
        TRY_ASSIGN(message, compose_digest(plan.digest, plan.to, plan.committee, plan.local_date,
                                           settings, now, token));
        TRY_ASSIGN(id, outbox.enqueue(message.row, {}, now));
        if (id) ++queued;
    }
    return queued;
}

}  // namespace actiontrack::notify
