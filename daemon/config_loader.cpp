#include "daemon/config_loader.hpp"

#include <fmt/core.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "daemon/config_values.hpp"

namespace actiontrack::config {

namespace {

Result<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(fmt::format("{}: cannot read the configuration file", path));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Error(fmt::format("{}: cannot read the configuration file", path));
    return text.str();
}

bool exists(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

// The zone names the parser accepted syntactically must also exist on this system, or "today"
// would silently be computed in UTC.
Result<void> check_zone_exists(const std::string& zone, std::string_view key,
                               const Origins& origins) {
    if (zone.empty() || zone == "UTC") return {};
    if (exists("/usr/share/zoneinfo/" + zone)) return {};
    // Entries of [[owners]] and the like share their list's origin.
    auto found = origins.find(key.substr(0, key.find('[')));
    return Error(fmt::format("{}: {}: unknown time zone '{}' (not in /usr/share/zoneinfo)",
                             found == origins.end() ? "default" : found->second, key, zone));
}

// Files named by the configuration must be there, or the mistake would only show as a TLS or
// AUTH failure in the outbox hours later. The origin of `key` locates the message.
Result<void> check_file_exists(const std::string& path, std::string_view key,
                               const Origins& origins) {
    if (path.empty() || exists(path)) return {};
    std::string_view origin_key = key;
    if (auto bracket = key.find('['); bracket != std::string_view::npos) {
        origin_key = key.substr(0, bracket);
    }
    auto found = origins.find(origin_key);
    return Error(fmt::format("{}: {}: no such file '{}'",
                             found == origins.end() ? "default" : found->second, key, path));
}

Result<void> check_files_and_zones(const Config& config, const Origins& origins, Use use) {
    TRY(check_zone_exists(config.time_zone, "time_zone", origins));
    TRY(check_zone_exists(config.notify.time_zone, "notify.time_zone", origins));
    for (std::size_t i = 0; i < config.owners.size(); ++i) {
        TRY(check_zone_exists(config.owners[i].time_zone, fmt::format("owners[{}].time_zone", i),
                              origins));
    }
    for (std::size_t i = 0; i < config.digest_recipients.size(); ++i) {
        TRY(check_zone_exists(config.digest_recipients[i].time_zone,
                              fmt::format("digest_recipients[{}].time_zone", i), origins));
    }
    TRY(check_file_exists(config.smtp.ca_file, "smtp.ca_file", origins));
    for (std::size_t i = 0; i < config.webhooks.size(); ++i) {
        TRY(check_file_exists(config.webhooks[i].ca_file, fmt::format("webhooks[{}].ca_file", i),
                              origins));
    }
    // Only the daemon reads the password; an officer's dry run need not see the file.
    if (use == Use::daemon) {
        TRY(check_file_exists(config.smtp.password_file, "smtp.password_file", origins));
        if (config.notify.enabled && config.notify.transport == MailTransportKind::sendmail) {
            TRY(check_file_exists(config.notify.sendmail_path, "notify.sendmail_path", origins));
        }
    }
    return {};
}

}  // namespace

Result<void> apply_http_flag(std::string_view value, Config& config, Origins& origins) {
    auto record = [&] {
        for (const char* key : {"http.enabled", "http.address", "http.port"}) {
            origins.insert_or_assign(key, "--http");
        }
    };
    if (value == "off") {
        config.http.enabled = false;
        record();
        return {};
    }
    const auto colon = value.rfind(':');
    if (colon == std::string_view::npos) {
        return Error(fmt::format("--http {}: expected ADDRESS:PORT or off", value));
    }
    std::string_view address = value.substr(0, colon);
    if (address.starts_with('[') && address.ends_with(']')) {
        address = address.substr(1, address.size() - 2);
    }
    int port = 0;
    for (char c : value.substr(colon + 1)) {
        if (c < '0' || c > '9' || port > 65'535) {
            return Error(fmt::format("--http {}: the port must be a number", value));
        }
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65'535) {
        return Error(fmt::format("--http {}: the port must be between 1 and 65535", value));
    }
    config.http.enabled = true;
    if (!address.empty()) config.http.address = std::string(address);
    config.http.port = port;
    record();
    return {};
}

Result<LoadedConfig> load_config(const Overrides& overrides, Use use) {
    return load_config(overrides, k_default_config_path, use);
}

Result<LoadedConfig> load_config(const Overrides& overrides, const std::string& default_file,
                                 Use use) {
    LoadedConfig loaded;
    if (overrides.config_file) {
        loaded.file = *overrides.config_file;
    } else if (exists(default_file)) {
        loaded.file = default_file;
    }
    if (!loaded.file.empty()) {
        TRY_ASSIGN(text, read_text_file(loaded.file));
        TRY(apply_toml(text, loaded.file, loaded.config, loaded.origins));
    }
    // Flags last: they win over the file, in a fixed order, then --set in the order given.
    if (overrides.drop) {
        TRY(apply_string("drop.folder", *overrides.drop, "--drop", loaded.config, loaded.origins));
    }
    if (overrides.db) {
        TRY(apply_string("database.path", *overrides.db, "--db", loaded.config, loaded.origins));
    }
    if (overrides.watch) {
        TRY(apply_string("drop.watch", *overrides.watch, "--watch", loaded.config,
                         loaded.origins));
    }
    if (overrides.http) TRY(apply_http_flag(*overrides.http, loaded.config, loaded.origins));
    for (const std::string& setting : overrides.settings) {
        TRY(apply_setting(setting, "--set", loaded.config, loaded.origins));
    }
    TRY(validate(loaded.config, loaded.origins, use));
    TRY(check_files_and_zones(loaded.config, loaded.origins, use));
    return loaded;
}

}  // namespace actiontrack::config
