#pragma once
// The configuration parser: pure functions from TOML text (or one `key=value` setting) to
// changes of a Config, with every error located as "SOURCE:LINE: message". No files, no
// environment: reading the file and deciding the layering is config_loader's job.

#include <map>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "daemon/config.hpp"

namespace actiontrack::config {

// Where each key's value came from, by dotted key ("drop.settle_seconds", "webhooks"):
// "/etc/actiontrack/actiontrack.toml:12", "--drop", "--set". A key not in the map has its
// default value.
using Origins = std::map<std::string, std::string, std::less<>>;

// Applies the TOML document `text` on top of `config`, recording "SOURCE:LINE" origins. Keys
// not given keep their current values; [[webhooks]] and [[owners]] replace the lists wholesale.
// Fails on the first syntax error, unknown key, wrong type or out-of-range value, with
// "SOURCE:LINE: ..." (`config` may then be partly changed: callers apply to a copy).
Result<void> apply_toml(std::string_view text, std::string_view source, Config& config,
                        Origins& origins);

// Applies one "dotted.key=value" setting (the daemon's --set flag) with origin `origin`.
// The value is read as TOML (`0.5`, `true`, `["*.bak"]`, `"text"`); a value that is not valid
// TOML is taken as a plain string, so `--set drop.watch=poll` works unquoted.
Result<void> apply_setting(std::string_view assignment, std::string_view origin, Config& config,
                           Origins& origins);

// Sets a string-valued key, e.g. ("drop.folder", "/srv/drop", "--drop"). Fails on an unknown
// key or a key that does not take a string.
Result<void> apply_string(std::string_view key, std::string_view value, std::string_view origin,
                          Config& config, Origins& origins);

// Who the configuration is for: the daemon needs its drop folder; the reminder commands
// (`remind`, `digest`, `test-email`) read the same file for their policy and mail settings only.
enum class Use { daemon, notify_tools };

// Checks what single values cannot: required keys, keys that depend on each other, formats
// (HH:MM, e-mail addresses, URLs, time-zone names, webhook secrets). Fails with
// "ORIGIN: key: message" for the first problem found, where ORIGIN is where the offending value
// came from.
Result<void> validate(const Config& config, const Origins& origins, Use use = Use::daemon);

// Every key, one per line: "ORIGIN KEY = VALUE", where ORIGIN is "default", "FILE:LINE" or a
// flag. Secrets are masked; the password itself is never in the config.
std::string print_config(const Config& config, const Origins& origins);

// The names used in the file for the enumerations ("info", "inotify", "move", "starttls",
// "sendmail", "monday").
std::string_view to_string(LogLevel level);
std::string_view to_string(WatchMode mode);
std::string_view to_string(AfterIngest after);
std::string_view to_string(SmtpSecurity security);
std::string_view to_string(MailTransportKind transport);
std::string_view to_string(Weekday weekday);

}  // namespace actiontrack::config
