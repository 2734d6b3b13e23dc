#pragma once
// Building RFC 5322 / MIME messages: multipart/alternative (text, then HTML) in quoted-printable
// UTF-8, optional attachments (the ICS invitation), and the headers reminders need. Pure.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace actiontrack::notify {

struct MailAddress {
    std::string display_name;  // any text; encoded per RFC 2047, controls removed
    std::string address;       // local@domain; validated
};

struct Attachment {
    std::string content_type;  // e.g. "text/calendar; charset=UTF-8; method=PUBLISH"
    std::string filename;      // ASCII
    std::string content;       // bytes; sent as Base64
};

struct MailMessage {
    MailAddress from;
    std::vector<MailAddress> to;
    std::vector<MailAddress> cc;
    std::string subject;
    std::string text;  // UTF-8, LF or CRLF line ends
    std::string html;  // UTF-8; empty means text/plain only
    std::chrono::sys_seconds date{};
    std::string message_id;  // without the angle brackets: "reminder.42.20240517@example.org"
    std::optional<std::string> list_id;           // "Action reminders <reminders.example.org>"
    std::optional<std::string> list_unsubscribe;  // an https: URL (one-click, RFC 8058)
    std::vector<Attachment> attachments;
};

// The whole message with CRLF line ends, ready for SMTP DATA (before dot-stuffing) or sendmail.
// Fails when an address is not a plain local@domain (no spaces, controls, quotes or brackets)
// or the Message-ID is malformed: a bad address must never become a header.
Result<std::string> render_message(const MailMessage& message);

// "Fri, 17 May 2024 09:30:00 +0000".
std::string rfc5322_date(std::chrono::sys_seconds time);

// True for a local@domain address with no characters that could break a header or a command.
bool is_valid_address(std::string_view address);

}  // namespace actiontrack::notify
