// config::validate: the checks that need more than one value, or a format beyond the type.
// Each message names the key and where its value came from, so "78" is never a mystery.

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "daemon/config_parser.hpp"

namespace actiontrack::config {

namespace {

class Checker {
  public:
    explicit Checker(const Origins& origins) : m_origins(origins) {}

    // Returns the error for `key`, located at its origin.
    Error fail(std::string_view key, std::string_view message) const {
        std::string_view origin_key = key;
        // Entries of [[webhooks]] / [[owners]] share the list's origin.
        if (auto bracket = key.find('['); bracket != std::string_view::npos) {
            origin_key = key.substr(0, bracket);
        }
        auto found = m_origins.find(origin_key);
        const std::string origin = found == m_origins.end() ? "default" : found->second;
        return Error(fmt::format("{}: {}: {}", origin, key, message));
    }

  private:
    const Origins& m_origins;
};

bool is_hh_mm(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return false;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    return hours < 24 && minutes < 60;
}

// Deliberately loose: one '@' with something on both sides and no spaces. The mail server is
// the authority; this only catches a name typed where an address belongs.
bool looks_like_email(std::string_view text) {
    const auto at = text.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
           text.find('@', at + 1) == std::string_view::npos &&
           std::none_of(text.begin(), text.end(),
                        [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// An IANA name such as "Europe/London" or "UTC": letters, digits and _+-/ only, no "..", not
// absolute. Whether the zone exists is checked against the system's zoneinfo at load time.
bool looks_like_time_zone(std::string_view text) {
    if (text.empty() || text.front() == '/' || text.find("..") != std::string_view::npos) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '+' || c == '-' ||
               c == '/';
    });
}

bool is_loopback_host(std::string_view host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

Result<void> check_drop(const Config& config, const Checker& check) {
    if (config.drop.folder.empty()) {
        return check.fail("drop.folder",
                          "no drop folder configured (give --drop DIR or set drop.folder)");
    }
    if (config.database.path.empty()) return check.fail("database.path", "must not be empty");
    for (const std::string& pattern : config.drop.ignore) {
        if (pattern.empty()) return check.fail("drop.ignore", "patterns must not be empty");
    }
    if (config.drop.poll_interval.count() <= 0) {
        return check.fail("drop.poll_interval_seconds", "must be more than 0");
    }
    return {};
}

Result<void> check_zones(const Config& config, const Checker& check) {
    if (!looks_like_time_zone(config.time_zone)) {
        return check.fail("time_zone", fmt::format("'{}' is not a time-zone name such as "
                                                   "\"Europe/London\"",
                                                   config.time_zone));
    }
    if (!config.notify.time_zone.empty() && !looks_like_time_zone(config.notify.time_zone)) {
        return check.fail("notify.time_zone",
                          fmt::format("'{}' is not a time-zone name", config.notify.time_zone));
    }
    return {};
}

Result<void> check_http(const Config& config, const Checker& check) {
    if (config.http.address.empty()) return check.fail("http.address", "must not be empty");
    const std::string& url = config.http.public_url;
    if (!url.empty() && !url.starts_with("http://") && !url.starts_with("https://")) {
        return check.fail("http.public_url", "must start with http:// or https://");
    }
    return {};
}

// E-mail leaves when a transport is usable: sendmail always is, SMTP once it has a host.
bool sends_email(const Config& config) {
    return config.notify.transport == MailTransportKind::sendmail || !config.smtp.host.empty();
}

Result<void> check_notify(const Config& config, const Checker& check) {
    const NotifyConfig& notify = config.notify;
    if (!notify.scrutiny_officer.empty() && !looks_like_email(notify.scrutiny_officer)) {
        return check.fail("notify.scrutiny_officer", "is not an e-mail address");
    }
    if (notify.scrutiny_officer_name.empty()) {
        return check.fail("notify.scrutiny_officer_name", "must not be empty");
    }
    if (!is_hh_mm(notify.quiet_hours_start)) {
        return check.fail("notify.quiet_hours_start", "expected a time as HH:MM, e.g. \"18:00\"");
    }
    if (!is_hh_mm(notify.quiet_hours_end)) {
        return check.fail("notify.quiet_hours_end", "expected a time as HH:MM, e.g. \"08:00\"");
    }
    if (!is_hh_mm(notify.digest_time)) {
        return check.fail("notify.digest_time", "expected a time as HH:MM, e.g. \"08:00\"");
    }
    if (!notify.sendmail_path.starts_with('/')) {
        return check.fail("notify.sendmail_path", "must be an absolute path");
    }
    if (!notify.from.empty() && !looks_like_email(notify.from)) {
        return check.fail("notify.from", "is not an e-mail address");
    }
    if (sends_email(config) && notify.from.empty()) {
        return check.fail("notify.from",
                          "a From: address is required to send e-mail (smtp.host is set or "
                          "notify.transport = \"sendmail\")");
    }
    if (notify.enabled && !sends_email(config) && config.webhooks.empty()) {
        return check.fail("notify.enabled",
                          "reminders need a way out: set smtp.host, set notify.transport = "
                          "\"sendmail\", or add a [[webhooks]] entry");
    }
    return {};
}

Result<void> check_smtp(const Config& config, const Checker& check) {
    const SmtpConfig& smtp = config.smtp;
    if (smtp.host.empty()) return {};
    if (smtp.security == SmtpSecurity::none &&
        !(smtp.allow_plain_on_loopback && is_loopback_host(smtp.host))) {
        return check.fail("smtp.security",
                          "\"none\" sends passwords and minutes in clear; it is only allowed "
                          "towards a loopback relay with smtp.allow_plain_on_loopback = true");
    }
    if (!smtp.username.empty() && smtp.password_file.empty()) {
        return check.fail("smtp.password_file", "required when smtp.username is set");
    }
    if (!smtp.username.empty() && smtp.security == SmtpSecurity::none) {
        return check.fail("smtp.username",
                          "AUTH is only ever sent after TLS; with security = \"none\" leave "
                          "smtp.username empty");
    }
    return {};
}

// A Standard Webhooks secret: "whsec_" and the Base64 of the key. Short keys make forgeable
// signatures, so at least 16 bytes (the specification suggests 24 to 64).
bool is_webhook_secret(std::string_view secret) {
    constexpr std::string_view prefix = "whsec_";
    if (!secret.starts_with(prefix)) return false;
    const std::string_view text = secret.substr(prefix.size());
    if (text.empty() || text.size() % 4 != 0) return false;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '=') {
            if (i + 2 < text.size()) return false;  // '=' only in the last two places
            ++padding;
        } else if (padding > 0 ||
                   !(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/')) {
            return false;
        }
    }
    return text.size() / 4 * 3 - padding >= 16;
}

Result<void> check_webhooks(const Config& config, const Checker& check) {
    for (std::size_t i = 0; i < config.webhooks.size(); ++i) {
        const WebhookConfig& hook = config.webhooks[i];
        const std::string key = fmt::format("webhooks[{}]", i);
        if (!hook.url.starts_with("http://") && !hook.url.starts_with("https://")) {
            return check.fail(key + ".url", "must start with http:// or https://");
        }
        if (hook.secrets.empty() ||
            !std::all_of(hook.secrets.begin(), hook.secrets.end(), is_webhook_secret)) {
            return check.fail(key + ".secrets",
                              "each webhook needs a signing secret \"whsec_<Base64 of at least "
                              "16 random bytes>\" (e.g. from `openssl rand -base64 32`)");
        }
    }
    return {};
}

Result<void> check_digest_recipients(const Config& config, const Checker& check) {
    for (std::size_t i = 0; i < config.digest_recipients.size(); ++i) {
        const DigestRecipientConfig& recipient = config.digest_recipients[i];
        const std::string key = fmt::format("digest_recipients[{}]", i);
        if (!looks_like_email(recipient.email)) {
            return check.fail(key + ".email", "an e-mail address is required");
        }
        if (!recipient.time_zone.empty() && !looks_like_time_zone(recipient.time_zone)) {
            return check.fail(key + ".time_zone", "is not a time-zone name");
        }
    }
    return {};
}

Result<void> check_owners(const Config& config, const Checker& check) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < config.owners.size(); ++i) {
        const OwnerConfig& owner = config.owners[i];
        const std::string key = fmt::format("owners[{}]", i);
        if (owner.name.empty()) return check.fail(key + ".name", "must not be empty");
        if (!names.insert(owner.name).second) {
            return check.fail(key + ".name", fmt::format("'{}' is listed twice", owner.name));
        }
        if (!owner.email.empty() && !looks_like_email(owner.email)) {
            return check.fail(key + ".email", "is not an e-mail address");
        }
        if (!owner.time_zone.empty() && !looks_like_time_zone(owner.time_zone)) {
            return check.fail(key + ".time_zone", "is not a time-zone name");
        }
    }
    return {};
}

}  // namespace

Result<void> validate(const Config& config, const Origins& origins, Use use) {
    const Checker check(origins);
    if (use == Use::daemon) TRY(check_drop(config, check));
    TRY(check_zones(config, check));
    TRY(check_http(config, check));
    TRY(check_notify(config, check));
    TRY(check_smtp(config, check));
    TRY(check_webhooks(config, check));
    TRY(check_owners(config, check));
    TRY(check_digest_recipients(config, check));
    return {};
}

}  // namespace actiontrack::config
