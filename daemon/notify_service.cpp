#include "daemon/notify_service.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>

#include "common/plugins.hpp"
#include "daemon/log.hpp"
#include "daemon/service.hpp"
#include "net/tls_engine.hpp"
#include "notify/notifier.hpp"
#include "notify/settings.hpp"

namespace actiontrack::notify_service {
namespace {

// "08:30" → 510. The validator has already checked the HH:MM form.
int minute_of_day(const std::string& text) {
    if (text.size() != 5) return 0;
    return ((text[0] - '0') * 10 + (text[1] - '0')) * 60 + (text[3] - '0') * 10 + (text[4] - '0');
}

// The port the operator meant when smtp.port is 0: the one each security mode is known by.
std::uint16_t smtp_port(const config::SmtpConfig& smtp) {
    if (smtp.port != 0) return static_cast<std::uint16_t>(smtp.port);
    switch (smtp.security) {
        case config::SmtpSecurity::tls:
            return 465;
        case config::SmtpSecurity::none:
            return 25;
        case config::SmtpSecurity::starttls:
            break;
    }
    return 587;
}

std::optional<std::string> non_empty(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

// Test hook, read only here: with ACTIONTRACK_TEST_CRASH_AFTER_DELIVERY=1 in its environment
// the daemon ends itself with _exit(137) (the status a SIGKILL leaves) right after the relay
// accepted a message and before the outbox records it as sent: the one moment where a crash
// makes the outbox deliver again. tests/daemon/daemon_notify_test.cpp uses it to check, with
// the real binary and a real SMTP server, that the restarted daemon delivers the same bytes
// (same Message-ID) once more and no more. _exit, not exit: nothing may be flushed or
// committed on the way out, exactly as when the process is killed. Nothing else sets it.
void install_crash_test_hook(notify::Notifier& notifier) {
    const char* crash = std::getenv("ACTIONTRACK_TEST_CRASH_AFTER_DELIVERY");
    if (crash == nullptr || std::string_view(crash) != "1") return;
    log::warning(
        "test hook ACTIONTRACK_TEST_CRASH_AFTER_DELIVERY: exiting after the first "
        "delivery");
    notifier.set_after_delivery_hook([] { ::_exit(137); });
}

void warn_if_tls_is_missing(const notify::NotifySettings& settings) {
    if (auto missing = missing_tls_support(settings)) log::warning("{}", *missing);
}

}  // namespace

std::optional<std::string> missing_tls_support(const notify::NotifySettings& settings) {
    bool needs_tls = settings.email_enabled && settings.transport == notify::NotifySettings::Transport::smtp &&
                     settings.smtp.security != notify::SmtpSecurity::none;
    for (const auto& hook : settings.webhooks) needs_tls |= hook.url.starts_with("https://");
    if (!needs_tls || find_plugin(tls::k_tls_plugin)) return std::nullopt;
    return not_installed(tls::k_tls_plugin) + ": e-mail over TLS and https:// webhooks will fail until it is";
}

notify::NotifySettings to_notify_settings(const config::Config& config) {
    notify::NotifySettings s;
    const config::NotifyConfig& n = config.notify;

    notify::PolicyConfig& policy = s.policy;
    policy.default_time_zone = n.time_zone.empty() ? config.time_zone : n.time_zone;
    policy.days_before = n.remind_days_before;
    policy.on_due_day = n.remind_on_due_day;
    policy.overdue_every_days = n.overdue_every_days;
    policy.escalate_after_days = n.escalate_after_days;
    policy.ask_due_date_after_days = n.ask_due_date_after_days;
    // Quiet hours are the complement of the sending window: quiet from 18:00 to 08:00 means
    // sending from 08:00 until 18:00.
    policy.send_from_minute = minute_of_day(n.quiet_hours_end);
    policy.send_until_minute = minute_of_day(n.quiet_hours_start);
    policy.weekdays_only = n.quiet_weekends;
    s.batch_window = std::chrono::seconds{n.batch_window_seconds};
    s.lease = std::chrono::seconds{n.lease_seconds};

    s.scrutiny_officer.name = n.scrutiny_officer_name;
    s.scrutiny_officer.email = non_empty(n.scrutiny_officer);
    s.digest_weekday = static_cast<unsigned>(n.digest_weekday);  // the enum is Sunday = 0
    s.digest_minute = minute_of_day(n.digest_time);
    for (const config::DigestRecipientConfig& extra : config.digest_recipients) {
        notify::Person person{0, extra.name.empty() ? extra.email : extra.name, extra.email,
                              extra.time_zone, true};
        s.digest_recipients.push_back({std::move(person), non_empty(extra.committee)});
    }
    s.public_url = non_empty(config.http.public_url);

    s.transport = n.transport == config::MailTransportKind::sendmail
                      ? notify::NotifySettings::Transport::sendmail
                      : notify::NotifySettings::Transport::smtp;
    s.sendmail_program = n.sendmail_path;
    s.email_enabled =
        s.transport == notify::NotifySettings::Transport::sendmail || !config.smtp.host.empty();
    if (!n.from.empty()) {
        s.from = notify::MailAddress{n.from_name, n.from};
        const auto at = n.from.find('@');
        if (at != std::string::npos) s.message_id_domain = n.from.substr(at + 1);
    }

    const config::SmtpConfig& smtp = config.smtp;
    s.smtp.host = smtp.host;
    s.smtp.port = smtp_port(smtp);
    s.smtp.security =
        smtp.security == config::SmtpSecurity::tls    ? notify::SmtpSecurity::implicit_tls
        : smtp.security == config::SmtpSecurity::none ? notify::SmtpSecurity::none
                                                      : notify::SmtpSecurity::starttls;
    s.smtp.allow_plaintext_on_loopback = smtp.allow_plain_on_loopback;
    s.smtp.verify_certificate = smtp.verify_certificate;
    s.smtp.ca_file = smtp.ca_file;
    s.smtp.helo_name = smtp.helo_name;
    s.smtp.username = smtp.username;
    s.smtp.timeout = std::chrono::seconds{smtp.timeout_seconds};

    for (const config::WebhookConfig& hook : config.webhooks) {
        s.webhooks.push_back({hook.url, hook.url, hook.secrets, hook.events, hook.ca_file});
    }
    for (const config::OwnerConfig& owner : config.owners) {
        s.owners.emplace_back(
            notify::Person{0, owner.name, non_empty(owner.email), owner.time_zone, owner.active},
            owner.aliases);
    }
    return s;
}

Result<std::string> read_password(const std::string& path) {
    if (path.empty()) return std::string();
    std::ifstream in(path);
    if (!in) return Error("cannot read smtp.password_file " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string password = buffer.str();
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) {
        password.pop_back();
    }
    return password;
}

Result<notify::NotifySettings> to_service_settings(const config::Config& config) {
    notify::NotifySettings settings = to_notify_settings(config);
    TRY_ASSIGN(password, read_password(config.smtp.password_file));
    settings.smtp.password = std::move(password);
    return settings;
}

Result<void> start_notifier(service::ServiceContext& context) {
    const config::Config& config = context.config();
    if (!config.notify.enabled) return {};
    TRY_ASSIGN(settings, to_service_settings(config));
    warn_if_tls_is_missing(settings);
    // Shared by the handlers below; they all run on the event loop, as the notifier does.
    auto notifier =
        std::make_shared<notify::Notifier>(context.io(), std::move(settings), config.database.path);
    install_crash_test_hook(*notifier);
    TRY(notifier->start());
    context.on_document_stored([notifier]() { notifier->poke(); });
    context.on_stop([notifier]() { notifier->stop(); });
    // A reload changes the policy, recipients, transport and endpoints at once. Turning the
    // notifier on or off needs a restart (the daemon says so when the flag changes).
    context.on_reload([notifier](const config::Config& next) {
        auto reloaded = to_service_settings(next);
        if (!reloaded) {
            log::error("reload: keeping the reminder settings: {}", reloaded.error().message());
            return;
        }
        warn_if_tls_is_missing(*reloaded);
        notifier->reconfigure(std::move(*reloaded));
    });
    return {};
}

}  // namespace actiontrack::notify_service
