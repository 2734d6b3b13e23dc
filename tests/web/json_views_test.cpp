// Tests for web/json_views.cpp: the action list's hand-written JSON is the same document as
// action_json's, for every kind of value (nulls, escapes, control characters, UTF-8).

#include "web/json_views.hpp"

#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace actiontrack::web {
namespace {

namespace json = boost::json;

store::ActionView full() {
    store::ActionView a;
    a.id = 42;
    a.reference = "CAB/26-27/7.A1";
    a.meeting_id = 7;
    a.committee = "Cabinet";
    a.meeting_date = "2026-10-01";
    a.item = "7";
    a.text = "Publish the \"plan\" \\ by\tFriday\nand report";
    a.owner = "Head of Finance";
    a.due_date = "2026-12-31";
    a.due_text = "by the end of December";
    a.status = "in_progress";
    a.rag = "amber";
    a.rag_override = "amber";
    a.resolution_id = 3;
    a.resolution_text = "RESOLVED that";
    a.version = 5;
    a.created_at = "2026-10-02T09:00:00Z";
    a.updated_at = "2026-11-26T20:31:00Z";
    return a;
}

TEST(JsonViews, TheListWriterMatchesActionJson) {
    store::ActionView nulls;
    nulls.id = 1;
    nulls.status = "open";
    nulls.rag = "green";
    store::ActionView odd = full();
    odd.text = std::string("control \x01\x1f bytes, caf\xc3\xa9, <script>", 33);
    odd.committee = "";
    // Too long for the writer's row buffer (at worst 6 bytes per text byte), so it takes the
    // other path.
    store::ActionView long_text = full();
    for (int i = 0; i < 300; ++i) long_text.text += "a \"quoted\"\n line ";
    std::vector<store::ActionView> cases = {full(), nulls, odd, long_text};
    for (const store::ActionView& view : cases) {
        std::string written;
        append_action_json(written, view);
        boost::system::error_code ec;
        const json::value parsed = json::parse(written, ec);
        ASSERT_FALSE(ec) << written;
        EXPECT_EQ(parsed, json::value(action_json(view))) << written;
        // Same members in the same order, so clients see one shape.
        EXPECT_EQ(json::serialize(parsed), json::serialize(action_json(view)));
    }
}

TEST(JsonViews, StringsAreEscapedAsJsonRequires) {
    const std::pair<std::string, std::string> cases[] = {
        {"plain", "\"plain\""},
        {"a\"b\\c", "\"a\\\"b\\\\c\""},
        {std::string("\x00\x1f", 2), "\"\\u0000\\u001f\""},
        {"\r\n\t\b\f", "\"\\r\\n\\t\\b\\f\""},
        {"caf\xc3\xa9 </script>", "\"caf\xc3\xa9 </script>\""},
        // Longer than a word, so the 8-bytes-at-a-time scan meets each kind of byte in every
        // position of a word, next to UTF-8 bytes that must not count.
        {"0123456789abcdef", "\"0123456789abcdef\""},
        {"0123456\"89abcdef", "\"0123456\\\"89abcdef\""},
        {"01234567\\9abcdef", "\"01234567\\\\9abcdef\""},
        {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n", "\"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\\n\""},
        {"\xff\xfe\xa2\xdc\x9f\xa0\xe2\x80\x9c!", "\"\xff\xfe\xa2\xdc\x9f\xa0\xe2\x80\x9c!\""},
        {"abcdefghijklmno\x1f", "\"abcdefghijklmno\\u001f\""},
    };
    for (const auto& [text, expected] : cases) {
        std::string out;
        append_json_string(out, text);
        EXPECT_EQ(out, expected);
    }
}

// Every length around the scan's word sizes (8 and, with SSE2, 16 bytes), with one byte that
// needs escaping at every position (or none, or DEL, which needs none): the whole-word scan, its
// overlapping last word and the space-padded short texts must each notice it, and a text
// without one must come out verbatim.
TEST(JsonViews, EveryPositionOfAnEscapeIsNoticed) {
    const char specials[] = {'"', '\\', '\n', '\x00', '\x1f', '\x7f'};
    for (std::size_t size = 0; size <= 40; ++size) {
        const std::string plain = std::string(size, 'x');
        std::string out;
        append_json_string(out, plain);
        EXPECT_EQ(out, "\"" + plain + "\"");
        for (std::size_t at = 0; at < size; ++at) {
            for (const char special : specials) {
                std::string text = plain;
                text[at] = special;
                std::string written;
                append_json_string(written, text);
                boost::system::error_code ec;
                const json::value parsed = json::parse(written, ec);
                ASSERT_FALSE(ec) << "size " << size << ", at " << at << ": " << written;
                EXPECT_EQ(parsed, json::value(json::string_view(text)))
                    << "size " << size << ", at " << at;
            }
        }
    }
}

}  // namespace
}  // namespace actiontrack::web
