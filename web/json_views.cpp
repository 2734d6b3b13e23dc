#include "web/json_views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace actiontrack::web {

namespace json = boost::json;

json::value to_json(const std::optional<std::string>& text, json::storage_ptr storage) {
    if (!text) return json::value(nullptr, std::move(storage));
    return json::value(json::string_view(*text), std::move(storage));
}

// Members are emplaced into an object sized for all of them: no rehashing on the way, and with
// a monotonic `storage` (the list endpoint) no allocation per member either.
json::object action_json(const store::ActionView& a, json::storage_ptr storage) {
    json::object o(storage);
    o.reserve(17);
    auto optional = [&storage](const std::optional<std::string>& text) {
        return to_json(text, storage);
    };
    o.emplace("id", a.id);
    o.emplace("reference", a.reference);
    o.emplace("committee", a.committee);
    o.emplace("meeting_id", a.meeting_id);
    o.emplace("meeting_date", optional(a.meeting_date));
    o.emplace("item", a.item);
    o.emplace("text", a.text);
    o.emplace("owner", optional(a.owner));
    o.emplace("due_date", optional(a.due_date));
    o.emplace("due_text", optional(a.due_text));
    o.emplace("status", a.status);
    o.emplace("rag", a.rag);
    o.emplace("rag_override", optional(a.rag_override));
    if (a.resolution_id) {
        o.emplace("resolution_id", *a.resolution_id);
    } else {
        o.emplace("resolution_id", nullptr);
    }
    o.emplace("version", a.version);
    o.emplace("created_at", a.created_at);
    o.emplace("updated_at", a.updated_at);
    return o;
}

json::object event_json(const store::ActionEvent& e) {
    json::object o;
    o["id"] = e.id;
    o["at"] = e.at;
    o["who"] = e.who;
    o["kind"] = e.kind;
    o["from"] = to_json(e.from_value);
    o["to"] = to_json(e.to_value);
    o["note"] = e.note;
    return o;
}

namespace {

// Whether any of the 8 bytes of `word` needs escaping in a JSON string: a control byte
// (< 0x20), '"' or '\\'. The classic "has a zero byte" trick (Hacker's Delight 6-1), applied
// to word ^ '"' and word ^ '\\'; bytes >= 0x80 (UTF-8) are masked out so they never count.
bool needs_escape(std::uint64_t word) {
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
    const std::uint64_t ascii = ~word & k_highs;  // 0x80 in each byte below 0x80
    const std::uint64_t control = (word - k_ones * 0x20) & ascii;
    const std::uint64_t quote = word ^ (k_ones * '"');
    const std::uint64_t backslash = word ^ (k_ones * '\\');
    const std::uint64_t quotes = (quote - k_ones) & ~quote & k_highs;
    const std::uint64_t backslashes = (backslash - k_ones) & ~backslash & k_highs;
    return (control | quotes | backslashes) != 0;
}

// The length of the prefix of `text` that needs no escaping, 8 bytes at a time while it can.
std::size_t clean_prefix(std::string_view text) {
    std::size_t i = 0;
    while (i + 8 <= text.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        if (needs_escape(word)) break;
        i += 8;
    }
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == '"' || byte == '\\') break;
        ++i;
    }
    return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    out.push_back('"');
    // Almost every text from minutes needs no escape at all: one scan, one copy.
    std::size_t clean = clean_prefix(text);
    out.append(text.substr(0, clean));
    for (std::size_t i = clean; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out.append(text.substr(clean, i - clean));
        clean = i + 1;
        switch (byte) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                out += "\\u00";
                out.push_back(k_hex[byte >> 4]);
                out.push_back(k_hex[byte & 0x0f]);
        }
    }
    out.append(text.substr(clean));
    out.push_back('"');
}

namespace {

// Each `member` below is the literal text before a value, comma and quotes included
// (`,"reference":`): one append per member rather than one per character.
void append_text(std::string& out, std::string_view member, std::string_view text) {
    out.append(member);
    append_json_string(out, text);
}

void append_optional(std::string& out, std::string_view member,
                     const std::optional<std::string_view>& text) {
    out.append(member);
    if (text) {
        append_json_string(out, *text);
    } else {
        out.append("null");
    }
}

void append_integer(std::string& out, std::string_view member, std::int64_t value) {
    out.append(member);
    const fmt::format_int digits(value);
    out.append(digits.data(), digits.size());
}

}  // namespace

void append_action_json(std::string& out, const store::ActionRowView& a) {
    append_integer(out, "{\"id\":", a.id);
    append_text(out, ",\"reference\":", a.reference);
    append_text(out, ",\"committee\":", a.committee);
    append_integer(out, ",\"meeting_id\":", a.meeting_id);
    append_optional(out, ",\"meeting_date\":", a.meeting_date);
    append_text(out, ",\"item\":", a.item);
    append_text(out, ",\"text\":", a.text);
    append_optional(out, ",\"owner\":", a.owner);
    append_optional(out, ",\"due_date\":", a.due_date);
    append_optional(out, ",\"due_text\":", a.due_text);
    append_text(out, ",\"status\":", a.status);
    append_text(out, ",\"rag\":", a.rag);
    append_optional(out, ",\"rag_override\":", a.rag_override);
    if (a.resolution_id) {
        append_integer(out, ",\"resolution_id\":", *a.resolution_id);
    } else {
        out.append(",\"resolution_id\":null");
    }
    append_integer(out, ",\"version\":", a.version);
    append_text(out, ",\"created_at\":", a.created_at);
    append_text(out, ",\"updated_at\":", a.updated_at);
    out.push_back('}');
}

void append_action_json(std::string& out, const store::ActionView& a) {
    append_action_json(out, store::row_view(a));
}

}  // namespace actiontrack::web
