#include "daemon/notify_service.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include "daemon/service.hpp"
#include "notify/notifier.hpp"
#include "notify/settings.hpp"

namespace actiontrack::notify_service {
namespace {

// "08:00" → 8; minutes are ignored (the policy's window is in whole hours).
int hour_of(const std::string& text, int fallback) {
    if (text.size() < 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') {
        return fallback;
    }
    return (text[0] - '0') * 10 + (text[1] - '0');
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

}  // namespace

Result<notify::NotifySettings> to_notify_settings(const config::Config& config) {
    notify::NotifySettings s;
    const config::NotifyConfig& n = config.notify;
    s.policy.default_time_zone = n.time_zone.empty() ? config.time_zone : n.time_zone;
    s.policy.days_before = n.remind_days_before;
    if (!n.remind_days_after.empty()) s.policy.overdue_every_days = n.remind_days_after.back();
    // Quiet hours are the complement of the sending window.
    s.policy.send_from_hour = hour_of(n.quiet_hours_end, 8);
    s.policy.send_until_hour = hour_of(n.quiet_hours_start, 18);
    s.batch_window = std::chrono::seconds{n.batch_window_seconds};
    if (!n.scrutiny_officer.empty()) s.scrutiny_officer.email = n.scrutiny_officer;
    if (!config.http.public_url.empty()) s.public_url = config.http.public_url;

    const config::SmtpConfig& smtp = config.smtp;
    s.email_enabled = !smtp.host.empty();
    s.smtp.host = smtp.host;
    s.smtp.port = static_cast<std::uint16_t>(smtp.port);
    s.smtp.security =
        smtp.security == config::SmtpSecurity::tls    ? notify::SmtpSecurity::implicit_tls
        : smtp.security == config::SmtpSecurity::none ? notify::SmtpSecurity::none
                                                      : notify::SmtpSecurity::starttls;
    s.smtp.allow_plaintext_on_loopback = smtp.allow_plain_on_loopback;
    s.smtp.username = smtp.username;
    TRY_ASSIGN(password, read_password(smtp.password_file));
    s.smtp.password = std::move(password);
    s.smtp.timeout = std::chrono::seconds{smtp.timeout_seconds};
    if (!smtp.from.empty()) {
        s.from.address = smtp.from;
        const auto at = smtp.from.find('@');
        if (at != std::string::npos) s.message_id_domain = smtp.from.substr(at + 1);
    }
    for (const config::WebhookConfig& hook : config.webhooks) {
        s.webhooks.push_back({hook.url, hook.url, hook.secrets, hook.events});
    }
    for (const config::OwnerConfig& owner : config.owners) {
        notify::Person person{0, owner.name, std::nullopt, owner.time_zone, owner.active};
        if (!owner.email.empty()) person.email = owner.email;
        s.owners.emplace_back(std::move(person), owner.aliases);
    }
    return s;
}

Result<void> start_notifier(service::ServiceContext& context) {
    const config::Config& config = context.config();
    if (!config.notify.enabled) return {};
    TRY_ASSIGN(settings, to_notify_settings(config));
    // Shared by the handlers below; they all run on the event loop, as the notifier does.
    auto notifier =
        std::make_shared<notify::Notifier>(context.io(), std::move(settings), config.database.path);
    TRY(notifier->start());
    context.on_document_stored([notifier]() { notifier->poke(); });
    context.on_stop([notifier]() { notifier->stop(); });
    return {};
}

}  // namespace actiontrack::notify_service
