#pragma once
// The seam between the notifier and whatever carries e-mail: SMTP, sendmail, or a test fake.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "notify/delivery.hpp"

namespace actiontrack::notify {

namespace net = boost::asio;

struct Envelope {
    std::string from;             // MAIL FROM
    std::vector<std::string> to;  // RCPT TO, one or more
};

class MailTransport {
  public:
    virtual ~MailTransport() = default;
    // Delivers `message` (CRLF lines, not dot-stuffed) to the envelope's recipients. Never
    // throws for expected failures; the result says whether to retry.
    virtual net::awaitable<DeliveryResult> send(Envelope envelope, std::string message) = 0;
};

enum class SmtpSecurity {
    starttls,      // port 587: STARTTLS is required before anything else
    implicit_tls,  // port 465: TLS from the first byte
    none,          // plain text: only to a loopback server, and only when configured
};

struct SmtpSettings {
    std::string host = "localhost";
    std::uint16_t port = 587;
    SmtpSecurity security = SmtpSecurity::starttls;
    // Lets a loopback server without STARTTLS be used in plain text (local relays, tests).
    bool allow_plaintext_on_loopback = false;
    bool verify_certificate = true;  // certificate chain and host name
    std::string ca_file;             // extra trusted CA (PEM); empty: the system store only
    std::string username;            // AUTH only after TLS; empty: no AUTH
    std::string password;
    std::string helo_name;             // EHLO name; empty: this machine's host name
    std::chrono::seconds timeout{30};  // for each step: connect, TLS, every reply
};

// One SMTP conversation per message (reminders are few; a pooled connection is not worth its
// failure modes).
class SmtpTransport final : public MailTransport {
  public:
    explicit SmtpTransport(SmtpSettings settings) : m_settings(std::move(settings)) {}
    net::awaitable<DeliveryResult> send(Envelope envelope, std::string message) override;

  private:
    SmtpSettings m_settings;
};

// Pipes the message to `/usr/sbin/sendmail -t -i` (or `program`); exit 0 is delivered, 75
// (EX_TEMPFAIL) a retry, anything else dead. Blocks the calling thread while the MTA reads.
class SendmailTransport final : public MailTransport {
  public:
    explicit SendmailTransport(std::string program = "/usr/sbin/sendmail")
        : m_program(std::move(program)) {}
    net::awaitable<DeliveryResult> send(Envelope envelope, std::string message) override;

  private:
    std::string m_program;
};

// The conversation itself, for tests and the transport: EHLO, STARTTLS (or implicit TLS),
// EHLO again, AUTH, MAIL, RCPT..., DATA, QUIT, each step with a deadline.
net::awaitable<DeliveryResult> smtp_send(SmtpSettings settings, Envelope envelope,
                                         std::string message);

// This machine's name for EHLO: the fully qualified name when the resolver knows it.
std::string local_host_name();

}  // namespace actiontrack::notify
