#pragma once
// The daemon's configuration: plain structs with their defaults, one comment per field.
// Only the standard library here, so the web server and the notifier can read their sections
// without pulling in TOML or Asio. Parsing lives in config_parser.hpp, loading (files, flags,
// origins) in config_loader.hpp. The file's keys are documented in examples/actiontrack.toml.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace actiontrack::config {

enum class LogLevel { error, warning, info, debug };
enum class WatchMode { inotify, poll };
enum class AfterIngest { move, leave };  // move to processed/YYYY/MM/, or leave in the drop folder
enum class SmtpSecurity { starttls, tls, none };

// [drop]: where minutes arrive and what happens to them.
struct DropConfig {
    std::string folder;  // required; `--drop` or drop.folder
    WatchMode watch = WatchMode::inotify;
    // Poll mode only: time between scans of the folder (network shares, where inotify is blind).
    std::chrono::milliseconds poll_interval{2000};
    // A file written in place is read once its size and mtime have not changed for this long.
    std::chrono::milliseconds settle{1000};
    // The same for a file renamed into the folder (the drop contract): complete by construction.
    std::chrono::milliseconds rename_settle{0};
    // Full rescan of the folder, the safety net for missed events; 0 disables it.
    std::chrono::milliseconds rescan_interval{300'000};
    // Extra glob patterns (fnmatch) of file names to ignore, on top of the built-in ones
    // (hidden files, ~$*, *.tmp, *.part, *.swp, *.crdownload).
    std::vector<std::string> ignore;
    AfterIngest after_ingest = AfterIngest::move;
    // Empty means FOLDER/processed and FOLDER/failed. Never watched.
    std::string processed_folder;
    std::string failed_folder;
    // Larger files are refused and moved to failed/.
    std::int64_t max_file_bytes = 20 * 1024 * 1024;
    // Threads that read, hash and extract files; database writes stay on the event loop.
    int workers = 2;
};

// [database]
struct DatabaseConfig {
    std::string path = "/var/lib/actiontrack/actiontrack.db";
};

// [http]: the read-only web view and API served by the daemon (web/).
struct HttpConfig {
    bool enabled = true;
    std::string address = "127.0.0.1";  // loopback by default; a reverse proxy faces the world
    int port = 8080;
    std::string public_url;  // the URL users see (for links in e-mails); empty: derived
    bool require_token_for_reads = false;
    std::int64_t max_body_bytes = 1024 * 1024;
    int threads = 2;  // threads answering reads, each with its own connection; 0: the event loop
};

// [notify]: reminders to action owners (notify/).
struct NotifyConfig {
    bool enabled = false;
    std::string scrutiny_officer;  // e-mail address copied on overdue reminders; may be empty
    std::string time_zone;         // empty: the top-level time_zone
    std::vector<int> remind_days_before{7, 1};  // reminders before the due date
    std::vector<int> remind_days_after{1, 7};   // chasers after it
    std::string quiet_hours_start = "20:00";    // local HH:MM; nothing is sent in quiet hours
    std::string quiet_hours_end = "08:00";
    int batch_window_seconds = 300;  // reminders to one owner within this window go in one mail
};

// [smtp]: how reminder e-mail leaves.
struct SmtpConfig {
    std::string host;  // empty: no e-mail (webhooks only)
    int port = 587;
    SmtpSecurity security = SmtpSecurity::starttls;
    std::string username;
    std::string password_file;  // the password is never in this file; read at start-up
    std::string from;           // the From: address
    // Permit security = "none" only towards a loopback relay (a local MTA).
    bool allow_plain_on_loopback = false;
    int timeout_seconds = 30;
};

// [[webhooks]]: HTTP POSTs of register events, signed with HMAC-SHA256.
struct WebhookConfig {
    std::string url;                   // http:// or https://
    std::vector<std::string> secrets;  // the first signs; more than one during a rotation
    std::vector<std::string> events;   // empty: all events
};

// [[owners]]: the people actions are assigned to.
struct OwnerConfig {
    std::string name;                  // as the register shows it
    std::string email;                 // may be empty (no e-mail reminders)
    std::vector<std::string> aliases;  // other ways the minutes write the owner
    std::string time_zone;             // empty: the notify/top-level time zone
    bool active = true;
};

struct Config {
    LogLevel log_level = LogLevel::info;
    std::string time_zone = "Europe/London";  // IANA name, for due dates and "today"
    DatabaseConfig database;
    DropConfig drop;
    HttpConfig http;
    NotifyConfig notify;
    SmtpConfig smtp;
    std::vector<WebhookConfig> webhooks;
    std::vector<OwnerConfig> owners;
};

// Where /etc-installed daemons read their configuration when --config is not given.
inline constexpr const char* k_default_config_path = "/etc/actiontrack/actiontrack.toml";

}  // namespace actiontrack::config
