#include "web/json_views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether no byte of `text` needs escaping, a word at a time to the end: the last word is the
// final bytes again (overlapping, which is harmless), so no byte-wise tail loop runs; texts
// shorter than a word are padded with spaces, which need no escape. With SSE2 (every x86-64)
// the words are 16 bytes: this scan was a tenth of the list's instructions.
bool is_clean(std::string_view text) {
    const std::size_t size = text.size();
    const char* data = text.data();
#if defined(__SSE2__)
    if (size >= 16) {
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i last_control = _mm_set1_epi8(0x1f);
        const auto dirty = [&](const char* at) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
            // Unsigned bytes <= 0x1f are exactly those equal to their minimum with 0x1f.
            const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, last_control), bytes);
            const __m128i special =
                _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
            return _mm_movemask_epi8(_mm_or_si128(control, special)) != 0;
        };
        for (std::size_t i = 0; i + 16 < size; i += 16) {
            if (dirty(data + i)) return false;
        }
        return !dirty(data + size - 16);
    }
#endif
    std::uint64_t word = 0;
    if (size == 0) return true;
    if (size < 8) {
        word = 0x2020202020202020ULL;
        std::memcpy(&word, data, size);
        return !needs_escape(word);
    }
    for (std::size_t i = 0; i + 8 < size; i += 8) {
        std::memcpy(&word, data + i, 8);
        if (needs_escape(word)) return false;
    }
    std::memcpy(&word, data + size - 8, 8);
    return !needs_escape(word);
}

}  // namespace

namespace {

// Where the list's JSON goes while a row is written: a buffer sized beforehand for the row's
// worst case, so no write checks capacity (std::string checks at every append, ~50 a row,
// which cost more than the copying). Same two operations as std::string, so the writers below
// serve both.
class UncheckedSink {
  public:
    explicit UncheckedSink(char* at) : m_at(at) {}
    void append(std::string_view text) {
        if (!text.empty()) std::memcpy(m_at, text.data(), text.size());
        m_at += text.size();
    }
    void push_back(char c) { *m_at++ = c; }
    const char* end() const { return m_at; }

  private:
    char* m_at;
};

template <class Sink>
void write_json_string(Sink& out, std::string_view text) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    // Almost every text from minutes needs no escape at all: one scan, one copy.
    if (is_clean(text)) {
        out.push_back('"');
        out.append(text);
        out.push_back('"');
        return;
    }
    out.push_back('"');
    std::size_t clean = clean_prefix(text);
    out.append(text.substr(0, clean));
    for (std::size_t i = clean; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out.append(text.substr(clean, i - clean));
        clean = i + 1;
        switch (byte) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            default:
                out.append("\\u00");
                out.push_back(k_hex[byte >> 4]);
                out.push_back(k_hex[byte & 0x0f]);
        }
    }
    out.append(text.substr(clean));
    out.push_back('"');
}

// Each `member` below is the literal text before a value, comma and quotes included
// (`,"reference":`): one append per member rather than one per character.
template <class Sink>
void write_text(Sink& out, std::string_view member, std::string_view text) {
    out.append(member);
    write_json_string(out, text);
}

template <class Sink>
void write_optional(Sink& out, std::string_view member,
                    const std::optional<std::string_view>& text) {
    out.append(member);
    if (text) {
        write_json_string(out, *text);
    } else {
        out.append("null");
    }
}

template <class Sink>
void write_integer(Sink& out, std::string_view member, std::int64_t value) {
    out.append(member);
    const fmt::format_int digits(value);
    out.append(std::string_view(digits.data(), digits.size()));
}

template <class Sink>
void write_action(Sink& out, const store::ActionRowView& a) {
    write_integer(out, "{\"id\":", a.id);
    write_text(out, ",\"reference\":", a.reference);
    write_text(out, ",\"committee\":", a.committee);
    write_integer(out, ",\"meeting_id\":", a.meeting_id);
    write_optional(out, ",\"meeting_date\":", a.meeting_date);
    write_text(out, ",\"item\":", a.item);
    write_text(out, ",\"text\":", a.text);
    write_optional(out, ",\"owner\":", a.owner);
    write_optional(out, ",\"due_date\":", a.due_date);
    write_optional(out, ",\"due_text\":", a.due_text);
    write_text(out, ",\"status\":", a.status);
    write_text(out, ",\"rag\":", a.rag);
    write_optional(out, ",\"rag_override\":", a.rag_override);
    if (a.resolution_id) {
        write_integer(out, ",\"resolution_id\":", *a.resolution_id);
    } else {
        out.append(",\"resolution_id\":null");
    }
    write_integer(out, ",\"version\":", a.version);
    write_text(out, ",\"created_at\":", a.created_at);
    write_text(out, ",\"updated_at\":", a.updated_at);
    out.push_back('}');
}

// A row no longer than this is written through an UncheckedSink on the stack.
constexpr std::size_t k_row_buffer = 8192;
// Everything of a row but its texts: member names, quotes, four integers, nulls (about 300).
constexpr std::size_t k_row_overhead = 512;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    write_json_string(out, text);
}

void append_action_json(std::string& out, const store::ActionRowView& a) {
    const auto size = [](const std::optional<std::string_view>& text) {
        return text ? text->size() : 0;
    };
    const std::size_t texts = a.reference.size() + a.committee.size() + size(a.meeting_date) +
                              a.item.size() + a.text.size() + size(a.owner) + size(a.due_date) +
                              size(a.due_text) + a.status.size() + a.rag.size() +
                              size(a.rag_override) + a.created_at.size() + a.updated_at.size();
    // At worst every text byte becomes a 6-byte \u00XX escape.
    if (6 * texts + k_row_overhead > k_row_buffer) {
        write_action(out, a);
        return;
    }
    std::array<char, k_row_buffer> buffer;  // left uninitialised: only what is written is read
    UncheckedSink sink(buffer.data());
    write_action(sink, a);
    out.append(buffer.data(), static_cast<std::size_t>(sink.end() - buffer.data()));
}

void append_action_json(std::string& out, const store::ActionView& a) {
    append_action_json(out, store::row_view(a));
}

}  // namespace actiontrack::web
