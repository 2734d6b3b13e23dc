// MIME and ICS rendering: exact headers, structure, header injection, ICS folding and escaping.

#include "notify/mime.hpp"

#include <gtest/gtest.h>

#include "notify/ics.hpp"
#include "notify/time_text.hpp"

namespace actiontrack::notify {
namespace {

MailMessage sample() {
    MailMessage m;
    m.from = {"Action reminders", "reminders@example.org"};
    m.to = {{"Zo\xc3\xab O'Neil", "zoe@example.org"}};
    m.subject = "Reminder: 1 action";
    m.text = "Hello\n.dot line\n";
    m.html = "<p>Hello</p>";
    m.date = *parse_instant("2024-05-17T09:30:00Z");
    m.message_id = "reminder.1@example.org";
    return m;
}

TEST(Mime, HeadersAndStructure) {
    auto rendered = render_message(sample());
    ASSERT_TRUE(rendered) << rendered.error().message();
    const std::string& m = *rendered;
    EXPECT_TRUE(
        m.starts_with("Date: Fri, 17 May 2024 09:30:00 +0000\r\n"
                      "From: \"Action reminders\" <reminders@example.org>\r\n"
                      "To: =?UTF-8?B?Wm/DqyBPJ05laWw=?= <zoe@example.org>\r\n"
                      "Subject: Reminder: 1 action\r\n"
                      "Message-ID: <reminder.1@example.org>\r\n"
                      "Auto-Submitted: auto-generated\r\n"
                      "MIME-Version: 1.0\r\n"
                      "Content-Type: multipart/alternative;"))
        << m;
    const auto text = m.find("text/plain; charset=UTF-8");
    const auto html = m.find("text/html; charset=UTF-8");
    ASSERT_NE(text, std::string::npos);
    ASSERT_NE(html, std::string::npos);
    EXPECT_LT(text, html);  // text first, then HTML (the preferred part last)
    EXPECT_NE(m.find("=2Edot line"), std::string::npos);
    // The same message renders byte-identically (retries send the same bytes).
    EXPECT_EQ(*render_message(sample()), m);
}

TEST(Mime, NoHeaderInjectionFromMinutesText) {
    MailMessage m = sample();
    m.subject = "Item 4\r\nBcc: everyone@example.org";
    m.to[0].display_name = "Chair\nX-Evil: 1";
    auto rendered = render_message(m);
    ASSERT_TRUE(rendered);
    EXPECT_EQ(rendered->find("\r\nBcc:"), std::string::npos);
    EXPECT_EQ(rendered->find("\r\nX-Evil"), std::string::npos);
    EXPECT_EQ(rendered->find("\nBcc:"), std::string::npos);
}

TEST(Mime, InvalidAddressesAreRefused) {
    for (const char* bad : {"no-at", "a@b\r\nBcc: x@y", "<a@b>", "a b@c", "@b", "a@"}) {
        MailMessage m = sample();
        m.to[0].address = bad;
        EXPECT_FALSE(render_message(m)) << bad;
    }
}

TEST(Mime, DigestHeadersAndAttachments) {
    MailMessage m = sample();
    m.list_id = "Weekly digest <digest.example.org>";
    m.list_unsubscribe = "https://actions.example.org/unsubscribe?list=digest";
    m.attachments.push_back({"text/calendar; charset=UTF-8; method=PUBLISH", "a.ics", "BEGIN:X"});
    auto rendered = render_message(m);
    ASSERT_TRUE(rendered);
    EXPECT_NE(rendered->find("List-Id: Weekly digest <digest.example.org>\r\n"), std::string::npos);
    EXPECT_NE(
        rendered->find("List-Unsubscribe: <https://actions.example.org/unsubscribe?list=digest>\r\n"
                       "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
        std::string::npos);
    EXPECT_NE(rendered->find("Content-Type: multipart/mixed;"), std::string::npos);
    EXPECT_NE(rendered->find("filename=\"a.ics\""), std::string::npos);
}

TEST(Ics, AllDayEventWithStableUidAndSequence) {
    CalendarEvent event{"action-42@example.org",   3,
                        *parse_date("2024-05-17"), "Due: REF; with, specials",
                        std::string(100, 'y'),     *parse_instant("2024-05-10T08:00:00Z")};
    const std::string ics = render_calendar(event);
    EXPECT_NE(ics.find("UID:action-42@example.org\r\n"), std::string::npos);
    EXPECT_NE(ics.find("SEQUENCE:3\r\n"), std::string::npos);
    EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20240517\r\nDTEND;VALUE=DATE:20240518\r\n"),
              std::string::npos);
    EXPECT_NE(ics.find("SUMMARY:Due: REF\\; with\\, specials\r\n"), std::string::npos);
    EXPECT_NE(ics.find("DTSTAMP:20240510T080000Z\r\n"), std::string::npos);
    std::size_t start = 0;
    while (start < ics.size()) {
        const auto end = ics.find("\r\n", start);
        EXPECT_LE(end - start, 75u);
        start = end + 2;
    }
}

}  // namespace
}  // namespace actiontrack::notify
