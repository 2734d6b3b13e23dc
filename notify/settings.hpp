#pragma once
// The notifier's settings. The daemon maps its [notify], [smtp], [[webhooks]] and [[owners]]
// configuration into this struct; the defaults are the product's defaults.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "notify/mail_transport.hpp"
#include "notify/mime.hpp"
#include "notify/owners.hpp"
#include "notify/policy.hpp"

namespace actiontrack::notify {

struct WebhookEndpoint {
    std::string name;                  // unique; the outbox recipient
    std::string url;                   // http:// or https://
    std::vector<std::string> secrets;  // "whsec_<base64>"; two during rotation
    std::vector<std::string> events;   // e.g. "action.created"; empty means all
    std::string ca_file;               // an extra trusted CA (PEM) for https://; empty: none
};

// Someone who gets a weekly digest besides the scrutiny officer: the whole register, or one
// committee's actions and resolutions.
struct DigestRecipient {
    Person person;
    std::optional<std::string> committee;
};

struct NotifySettings {
    PolicyConfig policy;  // reminder schedule, window, time zone
    MailAddress from{"Action reminders", "actiontrack@localhost"};
    std::string message_id_domain = "localhost";  // right-hand side of Message-IDs and UIDs
    std::optional<std::string> public_url;        // dashboard base URL for links in messages
    Person scrutiny_officer{0, "Scrutiny Officer", std::nullopt, "", true};
    // More digest recipients; the scrutiny officer always gets the all-committee digest.
    std::vector<DigestRecipient> digest_recipients;
    unsigned digest_weekday = 1;  // 0 = Sunday; Monday by default
    int digest_minute = 8 * 60;   // minutes after midnight, each recipient's local time
    bool email_enabled = true;    // false: webhooks only (no [smtp] host); no e-mail is queued
    enum class Transport { smtp, sendmail } transport = Transport::smtp;
    SmtpSettings smtp;
    std::string sendmail_program = "/usr/sbin/sendmail";
    std::vector<WebhookEndpoint> webhooks;
    std::vector<std::pair<Person, std::vector<std::string>>> owners;  // from config, with aliases
    std::chrono::seconds tick{60};          // how often the notifier looks for due work
    std::chrono::seconds batch_window{30};  // wait after a change so one document = one email
    std::chrono::seconds lease{300};        // a claimed row is re-claimable after this
};

}  // namespace actiontrack::notify
