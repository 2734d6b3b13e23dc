#pragma once
// The pure parts of SMTP (RFC 5321): reading replies, dot-stuffing DATA, and what a reply code
// means for the outbox. smtp_client.cpp does the talking.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::notify {

// One line of a reply: "250-SIZE 1000" → {250, more, "SIZE 1000"}.
struct ReplyLine {
    int code = 0;
    bool more = false;  // "-" after the code: further lines follow
    std::string text;
};
// nullopt when the line does not start with three digits and " ", "-" or end of line.
std::optional<ReplyLine> parse_reply_line(std::string_view line);

// A complete reply: the code and every line's text.
struct Reply {
    int code = 0;
    std::vector<std::string> lines;
    // True when one EHLO line names `keyword` (case-insensitive), e.g. "STARTTLS", "AUTH".
    bool has_extension(std::string_view keyword) const;
    // True when the AUTH line lists `mechanism`.
    bool has_auth(std::string_view mechanism) const;
    std::string summary() const;  // "550 5.1.1 no such user" (first line)
};

// The message ready for DATA: line ends made CRLF, every line starting with "." gets another
// "." (RFC 5321 4.5.2), and the terminating "\r\n.\r\n" appended.
std::string dot_stuff(std::string_view message);

}  // namespace actiontrack::notify
