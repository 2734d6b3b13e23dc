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

Date digest_period(const LocalTime& local, unsigned weekday, int minute) {
    int back = static_cast<int>((local.weekday + 7 - weekday % 7) % 7);
    if (back == 0 && local.hour * 60 + local.minute < minute) back = 7;
    return local.date - std::chrono::days{back};
}

Result<std::vector<DigestPlan>> plan_digests(RegisterReader& reader, Outbox& outbox,
                                             const NotifySettings& settings, Instant now,
                                             bool force) {
    std::vector<std::pair<std::optional<std::string>, Person>> recipients;
    recipients.emplace_back(std::nullopt, settings.scrutiny_officer);
    for (const DigestRecipient& extra : settings.digest_recipients) {
        recipients.emplace_back(extra.committee, extra.person);
    }
    // Read only once some digest is due: most ticks have none, and reading every action is the
    // expensive part.
    std::optional<std::vector<PolicyAction>> actions;
    std::optional<OwnerDirectory> owners;
    std::vector<std::string> dead;
    std::vector<DigestPlan> plans;
    for (const auto& [committee, person] : recipients) {
        const date::time_zone* zone = find_zone(
            person.time_zone.empty() ? settings.policy.default_time_zone : person.time_zone);
        if (zone == nullptr) zone = find_zone("UTC");
        const LocalTime local = local_time(*zone, now);
        const Date period = digest_period(local, settings.digest_weekday, settings.digest_minute);
        std::string log_key = person.email ? *person.email : "no-address:" + person.name;
        if (committee) log_key += ":" + normalise_owner(*committee);
        if (!force) {
            TRY_ASSIGN(logged, outbox.digest_logged(log_key, period));
            if (logged) continue;
            if (local.date != period) {
                // The digest time of this period passed while the notifier was not running. Send
                // the digest late, unless the notifier has never dealt with this recipient (it
                // was just switched on): then this period is logged as begun before its time.
                TRY_ASSIGN(history, outbox.digest_history(log_key));
                if (!history) {
                    TRY(outbox.log_digest(log_key, period, local.date));
                    continue;
                }
            }
        }
        if (!actions) {
            TRY_ASSIGN(read, reader.actions());
            TRY_ASSIGN(directory, load_owners(reader, settings));
            TRY_ASSIGN(dead_rows, outbox.list(OutboxStatus::dead));
            actions = std::move(read);
            owners = std::move(directory);
            for (const OutboxRow& row : dead_rows) {
                dead.push_back(fmt::format("#{} {} {} to {}: {}", row.id, to_string(row.channel),
                                           row.kind, row.recipient, row.last_error.value_or("")));
            }
        }
        Instant since = now - std::chrono::days{7};
        if (person.email) {
            TRY_ASSIGN(last, outbox.last_queued("digest", *person.email));
            if (last) {
                if (auto at = parse_instant(*last)) since = *at;
            }
        }
        TRY_ASSIGN(resolutions, reader.resolutions_since(format_instant(since)));
        DigestInput input{*actions,    resolutions,
                          dead,        *owners,
                          person.name, settings.scrutiny_officer.name,
                          committee,   local.date,
                          since,       settings.public_url};
        plans.push_back(DigestPlan{person, committee, local.date, period, std::move(log_key),
                                   render_digest(input)});
    }
    return plans;
}

Result<int> queue_digests(const std::vector<DigestPlan>& plans, Outbox& outbox,
                          const NotifySettings& settings, Instant now) {
    int queued = 0;
    for (const DigestPlan& plan : plans) {
        if (plan.digest.empty) {
            TRY(outbox.log_digest(plan.log_key, plan.period, plan.local_date));
            continue;
        }
        // The whole-register digest is also the digest.weekly event, once per period, whether
        // or not anyone gets it by e-mail.
        if (!plan.committee && !settings.webhooks.empty()) {
            const std::string body =
                digest_webhook_body(now, plan.local_date, plan.committee, plan.digest);
            for (const NewMessage& row : webhook_rows(settings.webhooks, "digest.weekly",
                                                      "digest:" + format_date(plan.period), body)) {
                TRY_ASSIGN(id, outbox.enqueue(row, {}, now));
                if (id) ++queued;
            }
        }
        if (plan.to.email && settings.email_enabled) {
            // An opt-out (RFC 8058 one-click, web/unsubscribe.cpp) stops the e-mail only: the
            // webhook event above is not the recipient's to refuse.
            store::Database& db = outbox.database();
            TRY_ASSIGN(opted_out, store::is_unsubscribed(db, "digest", *plan.to.email));
            if (!opted_out) {
                TRY_ASSIGN(token, store::unsubscribe_token(db, "digest", *plan.to.email,
                                                           format_instant(now)));
                TRY_ASSIGN(message, compose_digest(plan.digest, plan.to, plan.committee, plan.period,
                                                   settings, now, token));
                // The e-mail and its period's log entry in one transaction.
                TRY_ASSIGN(id, outbox.enqueue_digest(message.row, plan.log_key, plan.period,
                                                     plan.local_date, now));
                if (id) {
                    ++queued;
                    continue;
                }
            }
        }
        // No e-mail was queued (no address, e-mail off, opted out, or its key was queued
        // before): the period is dealt with all the same.
        TRY(outbox.log_digest(plan.log_key, plan.period, plan.local_date));
    }
    return queued;
}

}  // namespace actiontrack::notify
