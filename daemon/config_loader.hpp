#pragma once
// Loading the daemon's configuration: defaults, then the TOML file, then the command-line
// flags, each later layer overriding the earlier one, then validation. Reads files; the
// parsing itself is config_parser's.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "daemon/config.hpp"
#include "daemon/config_parser.hpp"

namespace actiontrack::config {

// The flags of `actiontrack daemon` that change the configuration.
struct Overrides {
    std::optional<std::string> config_file;  // --config: must exist when given
    std::optional<std::string> drop;         // --drop DIR
    std::optional<std::string> db;           // --db PATH
    std::optional<std::string> http;         // --http ADDR:PORT, or "off"
    std::optional<std::string> watch;        // --watch inotify|poll
    std::vector<std::string> settings;       // --set KEY=VALUE, in order
};

struct LoadedConfig {
    Config config;
    Origins origins;
    std::string file;  // the file read, or empty when running from flags alone
};

// Without --config the default file (/etc/actiontrack/actiontrack.toml) is read when it
// exists, so `actiontrack daemon --drop DIR --db PATH` runs with no file at all. Besides
// validate(), checks that time zones exist in /usr/share/zoneinfo and that the files named
// (CA files; for the daemon also the SMTP password file and, when used, sendmail) exist. Fails
// with a located message ("FILE:LINE: ...", "--set KEY: ...") on any error; the caller exits 78.
Result<LoadedConfig> load_config(const Overrides& overrides, Use use = Use::daemon);

// The same with another default file path (tests).
Result<LoadedConfig> load_config(const Overrides& overrides, const std::string& default_file,
                                 Use use = Use::daemon);

// "127.0.0.1:8080", "[::1]:8080", ":8080" (address kept) or "off" applied to [http].
Result<void> apply_http_flag(std::string_view value, Config& config, Origins& origins);

}  // namespace actiontrack::config
