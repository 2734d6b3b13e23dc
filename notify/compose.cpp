#include "notify/compose.hpp"

#include <fmt/core.h>

#include <functional>

#include "notify/ics.hpp"
#include "notify/mime.hpp"
#include "notify/time_text.hpp"

namespace actiontrack::notify {
namespace {

std::string escape_html(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

// Message-IDs are the idempotency key's hash: the same row always carries the same one.
std::string message_id_for(std::string_view kind, const std::string& key,
                           const NotifySettings& settings) {
    return fmt::format("{}.{:016x}@{}", kind, std::hash<std::string>{}(key),
                       settings.message_id_domain);
}

}  // namespace

std::string describe_item(const DueItem& item, const PolicyAction& action) {
    std::string what;
    if (item.kind == "ask_due_date") {
        what = "please set a due date (open without one for a while)";
    } else if (item.kind == "escalation") {
        what = fmt::format("escalation: {} days overdue", item.days_overdue);
    } else if (item.kind == "overdue") {
        what = fmt::format("overdue by {} days", item.days_overdue);
    } else if (item.kind == "due") {
        what = "due today";
    } else {
        what = fmt::format("due in {} days", item.kind.substr(item.kind.find('_') + 1));
    }
    return fmt::format("{} (minute {}): {} [{}{}]", action.reference,
                       action.item.empty() ? "?" : action.item, action.text, what,
                       item.unassigned ? "; unassigned" : "");
}

Result<ComposedMessage> compose_reminder(const Notification& notification,
                                         const std::vector<PolicyAction>& actions,
                                         const NotifySettings& settings, Instant now,
                                         const SequenceFor& sequence) {
    if (!notification.recipient.email) return Error("the recipient has no e-mail address");
    const std::string& address = *notification.recipient.email;
    const bool escalation = notification.kind == NotificationKind::escalation;
    std::string key = fmt::format("email:{}:{}:{}", escalation ? "escalation" : "reminder", address,
                                  format_date(notification.local_date));
    for (const DueItem& item : notification.items) {
        key += fmt::format(":{}/{}", item.action_id, item.kind);
    }

    ComposedMessage out;
    std::string text = fmt::format("Hello {},\n\n", notification.recipient.name);
    std::string html = fmt::format("<html><body><p>Hello {},</p>\n<ul>\n",
                                   escape_html(notification.recipient.name));
    text += escalation ? "These actions are two weeks or more overdue:\n\n"
                       : "These council actions need your attention:\n\n";
    MailMessage mail;
    for (const DueItem& item : notification.items) {
        const PolicyAction& action = actions[item.action_index];
        const std::string line = describe_item(item, action);
        std::string due = action.due ? format_date(*action.due) : "no due date";
        text += fmt::format("- {}\n  Committee: {}; due: {}\n", line, action.committee, due);
        html += fmt::format("<li>{}<br>Committee: {}; due: {}</li>\n", escape_html(line),
                            escape_html(action.committee), due);
        if (settings.public_url) {
            text += fmt::format("  {}/actions/{}\n", *settings.public_url, action.id);
        }
        out.log.push_back(SentEntry{action.id, item.kind, item.scheduled, Channel::email,
                                    notification.recipient.key(), notification.local_date});
        if (action.due && !escalation && item.kind != "ask_due_date") {
            CalendarEvent event{
                .uid = fmt::format("action-{}@{}", action.id, settings.message_id_domain),
                .sequence = sequence(action.id, *action.due),
                .date = *action.due,
                .summary = "Due: " + action.reference,
                .description = action.text,
                .stamp = now,
            };
            mail.attachments.push_back(Attachment{"text/calendar; charset=UTF-8; method=PUBLISH",
                                                  fmt::format("action-{}.ics", action.id),
                                                  render_calendar(event)});
        }
    }
    text += "\nThis is an automatic reminder from actiontrack.\n";
    html += "</ul>\n<p>This is an automatic reminder from actiontrack.</p></body></html>\n";

    mail.from = settings.from;
    mail.to = {MailAddress{notification.recipient.name, address}};
    mail.subject =
        escalation
            ? fmt::format("Escalation: {} overdue action(s)", notification.items.size())
            : fmt::format("Reminder: {} action(s) need attention", notification.items.size());
    mail.text = std::move(text);
    mail.html = std::move(html);
    mail.date = now;
    mail.message_id = message_id_for("reminder", key, settings);
    mail.list_id = fmt::format("Action reminders <reminders.{}>", settings.message_id_domain);
    TRY_ASSIGN(payload, render_message(mail));
    out.row = NewMessage{
        key,          Channel::email,  address,           escalation ? "escalation" : "reminder",
        mail.subject, mail.message_id, std::move(payload)};
    return out;
}

Result<ComposedMessage> compose_digest(const Digest& digest, const Person& to,
                                       const std::optional<std::string>& committee, Date period,
                                       const NotifySettings& settings, Instant now,
                                       std::string_view unsubscribe_token) {
    if (!to.email) return Error(fmt::format("{} has no e-mail address", to.name));
    // The committee is part of the key: a clerk may get the digests of two committees.
    std::string key = fmt::format("email:digest:{}:{}", *to.email, format_date(period));
    if (committee) key += ":" + normalise_owner(*committee);
    MailMessage mail;
    mail.from = settings.from;
    mail.to = {MailAddress{to.name, *to.email}};
    mail.subject = digest.subject;
    mail.text = digest.text;
    mail.html = digest.html;
    mail.date = now;
    mail.message_id = message_id_for("digest", key, settings);
    mail.list_id = fmt::format("Weekly actions digest <digest.{}>", settings.message_id_domain);
    if (settings.public_url) {
        // The token is 32 hex digits: nothing in it needs escaping in a URL.
        mail.list_unsubscribe = fmt::format("{}/unsubscribe?list=digest&token={}",
                                            *settings.public_url, unsubscribe_token);
    }
    TRY_ASSIGN(payload, render_message(mail));
    ComposedMessage out;
    out.row = NewMessage{key,          Channel::email,  *to.email,         "digest",
                         mail.subject, mail.message_id, std::move(payload)};
    return out;
}

}  // namespace actiontrack::notify
