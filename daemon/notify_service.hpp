#pragma once
// Starts the reminder service (notify::Notifier) inside the daemon: maps the [notify], [smtp],
// [[webhooks]] and [[owners]] sections onto notify::NotifySettings, pokes the notifier after
// each stored document and stops it with the daemon.

#include <optional>
#include <string>

#include "common/result.hpp"
#include "daemon/config.hpp"

namespace actiontrack::notify {
struct NotifySettings;
}

namespace actiontrack::service {
class ServiceContext;
}

namespace actiontrack::notify_service {

// The notifier's settings from the configuration (already validated): the policy, recipients,
// digest schedule, transport, SMTP and webhooks. Pure: the SMTP password is left empty, so the
// dry runs (`remind`, `digest`) never need to read the password file.
notify::NotifySettings to_notify_settings(const config::Config& config);

// The same plus the SMTP password, read from smtp.password_file; fails when it cannot be read.
Result<notify::NotifySettings> to_service_settings(const config::Config& config);

// E-mail over TLS and https:// webhooks need the TLS plug-in, which is loaded only when the
// first such message goes out. When `settings` need it and it cannot be found: why, in words,
// for the daemon to say at start-up, on reload and in --check-config rather than at the first
// reminder.
std::optional<std::string> missing_tls_support(const notify::NotifySettings& settings);

// A ServiceHooks starter: does nothing when [notify] enabled = false; otherwise opens the
// register, starts the notifier's loop on context.io() and registers the stop, reload and
// document-stored handlers. Fails when the settings or the database are unusable.
Result<void> start_notifier(service::ServiceContext& context);

}  // namespace actiontrack::notify_service
