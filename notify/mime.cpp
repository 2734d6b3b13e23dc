#include "notify/mime.hpp"

#include <date/date.h>
#include <fmt/core.h>

#include <functional>

#include "notify/encoding.hpp"

namespace actiontrack::notify {
namespace {

Result<std::string> format_address(const MailAddress& address) {
    if (!is_valid_address(address.address)) {
        return Error(fmt::format("invalid e-mail address '{}'", without_controls(address.address)));
    }
    const std::string name = without_controls(address.display_name);
    if (name.empty()) return "<" + address.address + ">";
    // A display name with specials must be quoted (or encoded, which encode_header_text does
    // for anything that is not plain ASCII).
    std::string encoded = encode_header_text(name);
    if (encoded == name) {
        std::string quoted = "\"";
        for (char c : name) {
            if (c == '"' || c == '\\') quoted += '\\';
            quoted += c;
        }
        encoded = quoted + "\"";
    }
    return encoded + " <" + address.address + ">";
}

Result<std::string> format_list(const std::vector<MailAddress>& addresses) {
    std::string out;
    for (const MailAddress& address : addresses) {
        TRY_ASSIGN(formatted, format_address(address));
        if (!out.empty()) out += ",\r\n ";
        out += formatted;
    }
    return out;
}

// Boundaries derive from the Message-ID so a retry renders byte-identical; "=_" can never
// occur in quoted-printable or Base64 output, so no body line can be mistaken for one.
std::string boundary(const MailMessage& message, std::string_view part) {
    return fmt::format("=_at_{}_{:016x}", part, std::hash<std::string>{}(message.message_id));
}

std::string alternative_part(const MailMessage& message) {
    std::string out;
    if (message.html.empty()) {
        out +=
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += quoted_printable(message.text);
        return out;
    }
    const std::string b = boundary(message, "alt");
    out += "Content-Type: multipart/alternative; boundary=\"" + b + "\"\r\n\r\n";
    out += "--" + b +
           "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += quoted_printable(message.text);
    out += "--" + b +
           "\r\nContent-Type: text/html; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += quoted_printable(message.html);
    out += "--" + b + "--\r\n";
    return out;
}

}  // namespace

bool is_valid_address(std::string_view address) {
    const auto at = address.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= address.size()) return false;
    if (address.find('@', at + 1) != std::string_view::npos) return false;
    if (address.size() > 254) return false;
    for (char c : address) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f) return false;
        if (std::string_view("<>()[]\\,;:\"").find(c) != std::string_view::npos) return false;
    }
    return true;
}

std::string rfc5322_date(std::chrono::sys_seconds time) {
    const auto day = date::floor<date::days>(time);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss hms{time - day};
    static constexpr std::string_view k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::string_view k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{}, {} {} {} {:02}:{:02}:{:02} +0000",
                       k_days[date::weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                       k_months[static_cast<unsigned>(ymd.month()) - 1],
                       static_cast<int>(ymd.year()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count());
}

Result<std::string> render_message(const MailMessage& message) {
    if (message.to.empty()) return Error("a message needs at least one recipient");
    if (!is_valid_address(message.message_id)) {
        return Error(fmt::format("invalid Message-ID '{}'", without_controls(message.message_id)));
    }
    TRY_ASSIGN(from, format_address(message.from));
    TRY_ASSIGN(to, format_list(message.to));
    std::string out;
    out += "Date: " + rfc5322_date(message.date) + "\r\n";
    out += "From: " + from + "\r\n";
    out += "To: " + to + "\r\n";
    if (!message.cc.empty()) {
        TRY_ASSIGN(cc, format_list(message.cc));
        out += "Cc: " + cc + "\r\n";
    }
    out += "Subject: " + encode_header_text(message.subject) + "\r\n";
    out += "Message-ID: <" + message.message_id + ">\r\n";
    out += "Auto-Submitted: auto-generated\r\n";
    if (message.list_id) out += "List-Id: " + encode_header_text(*message.list_id) + "\r\n";
    if (message.list_unsubscribe) {
        out += "List-Unsubscribe: <" + without_controls(*message.list_unsubscribe) + ">\r\n";
        out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    out += "MIME-Version: 1.0\r\n";
    if (message.attachments.empty()) {
        out += alternative_part(message);
        return out;
    }
    const std::string b = boundary(message, "mixed");
    out += "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n";
    out += "--" + b + "\r\n" + alternative_part(message);
    for (const Attachment& attachment : message.attachments) {
        const std::string filename = without_controls(attachment.filename);
        out += "--" + b + "\r\n";
        out += "Content-Type: " + without_controls(attachment.content_type) + "; name=\"" +
               filename + "\"\r\n";
        out += "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n";
        out += "Content-Transfer-Encoding: base64\r\n\r\n";
        out += base64_lines(attachment.content);
    }
    out += "--" + b + "--\r\n";
    return out;
}

}  // namespace actiontrack::notify
