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
enum class MailTransportKind { smtp, sendmail };
enum class Weekday { sunday, monday, tuesday, wednesday, thursday, friday, saturday };

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

// [notify]: reminders to action owners and the weekly digest (notify/). The defaults are the
// reminder policy of issue 4.
struct NotifyConfig {
    bool enabled = false;
    // The scrutiny officer gets unassigned actions, escalations and the weekly digest. The
    // address may be empty (then those are shown by the dry runs, never sent).
    std::string scrutiny_officer;
    std::string scrutiny_officer_name = "Scrutiny Officer";
    // The default time zone of owners (and of the scrutiny officer); empty: the top-level
    // time_zone (Europe/London unless changed).
    std::string time_zone;
    std::vector<int> remind_days_before{7, 1};  // reminders this many days before the due date
    bool remind_on_due_day = true;              // and one on the due day itself
    int overdue_every_days = 7;                 // then every N days while overdue; 0: never
    int escalate_after_days = 14;      // copy to the scrutiny officer this overdue; 0: never
    int ask_due_date_after_days = 28;  // undated and open this long: ask once; 0: never
    // Local HH:MM in the recipient's zone: no e-mail from start until end (wrapping midnight),
    // nor at weekends when quiet_weekends. The defaults send 08:00-18:00 on weekdays.
    std::string quiet_hours_start = "18:00";
    std::string quiet_hours_end = "08:00";
    bool quiet_weekends = true;
    int batch_window_seconds = 30;  // after a change, wait this long so one document = one mail
    // A message being delivered is leased for this long; if the daemon dies before recording the
    // outcome, the message is delivered again (same bytes, same Message-ID) once the lease ends.
    int lease_seconds = 300;
    // How e-mail leaves: [smtp], or a local MTA's sendmail (`sendmail_path -t -i`).
    MailTransportKind transport = MailTransportKind::smtp;
    std::string sendmail_path = "/usr/sbin/sendmail";
    std::string from;                            // the From: address; required to send e-mail
    std::string from_name = "Action reminders";  // its display name
    // The weekly digest goes out on this weekday at this local time (HH:MM) of each recipient.
    Weekday digest_weekday = Weekday::monday;
    std::string digest_time = "08:00";
};

// [smtp]: the mail relay, when notify.transport = "smtp".
struct SmtpConfig {
    std::string host;  // empty: no SMTP (sendmail or webhooks only)
    int port = 0;      // 0: 587 for starttls, 465 for tls, 25 for none
    SmtpSecurity security = SmtpSecurity::starttls;
    std::string username;       // AUTH PLAIN/LOGIN, only ever after TLS; empty: no AUTH
    std::string password_file;  // the password is never in this file; read at start-up
    // Permit security = "none" (or a server without STARTTLS) only towards a loopback relay.
    bool allow_plain_on_loopback = false;
    bool verify_certificate = true;  // the certificate chain and the host name
    std::string ca_file;             // an extra trusted CA (PEM); empty: the system store only
    std::string helo_name;           // the EHLO name; empty: this machine's host name
    int timeout_seconds = 30;        // for each step: connect, TLS, every reply
};

// [[digest_recipients]]: digests besides the scrutiny officer's. Without a committee the
// recipient gets the whole digest (another scrutiny officer); with one, that committee's part.
struct DigestRecipientConfig {
    std::string name;
    std::string email;
    std::string committee;  // as the minutes name it; case and punctuation do not matter
    std::string time_zone;  // empty: the notify/top-level time zone
};

// [[webhooks]]: HTTP POSTs of register events, signed with HMAC-SHA256.
struct WebhookConfig {
    std::string url;                   // http:// or https://
    std::vector<std::string> secrets;  // the first signs; more than one during a rotation
    std::vector<std::string> events;   // empty: all events
    std::string ca_file;               // an extra trusted CA for https:// (PEM); empty: none
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
    std::vector<DigestRecipientConfig> digest_recipients;
};

// Where /etc-installed daemons read their configuration when --config is not given.
inline constexpr const char* k_default_config_path = "/etc/actiontrack/actiontrack.toml";

}  // namespace actiontrack::config
