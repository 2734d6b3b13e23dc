#include "notify/smtp_protocol.hpp"

#include <fmt/core.h>

namespace actiontrack::notify {
namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

}  // namespace

std::optional<ReplyLine> parse_reply_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.size() < 3) return std::nullopt;
    for (std::size_t i = 0; i < 3; ++i) {
        if (line[i] < '0' || line[i] > '9') return std::nullopt;
    }
    ReplyLine reply;
    reply.code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (line.size() == 3) return reply;
    if (line[3] != ' ' && line[3] != '-') return std::nullopt;
    reply.more = line[3] == '-';
    reply.text = std::string(line.substr(4));
    return reply;
}

bool Reply::has_extension(std::string_view keyword) const {
    const std::string wanted = upper(keyword);
    for (const std::string& line : lines) {
        const std::string text = upper(line);
        if (text == wanted || text.starts_with(wanted + " ")) return true;
    }
    return false;
}

bool Reply::has_auth(std::string_view mechanism) const {
    const std::string wanted = " " + upper(mechanism);
    for (const std::string& line : lines) {
        const std::string text = upper(line) + " ";
        if (text.starts_with("AUTH ") && text.find(wanted + " ") != std::string::npos) return true;
    }
    return false;
}

std::string Reply::summary() const {
    return fmt::format("{} {}", code, lines.empty() ? std::string() : lines.front());
}

std::string dot_stuff(std::string_view message) {
    std::string out;
    out.reserve(message.size() + message.size() / 64 + 8);
    bool line_start = true;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n') continue;
        if (c == '\n' || c == '\r') {
            out += "\r\n";
            line_start = true;
            continue;
        }
        if (line_start && c == '.') out += '.';
        out += c;
        line_start = false;
    }
    if (!line_start) out += "\r\n";
    out += ".\r\n";
    return out;
}

}  // namespace actiontrack::notify
