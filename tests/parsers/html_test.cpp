#include "parsers/formats/html.hpp"

#include <gtest/gtest.h>

#include "fixture_file.hpp"

namespace actiontrack::parsers {
namespace {

std::string html_text(std::string_view html) {
    auto result = html_to_text(html);
    EXPECT_TRUE(result.has_value());
    return result ? result->utf8 : std::string();
}

TEST(Html, DropsScriptsNavigationHeadersFootersAndForms) {
    const std::string out = html_text(
        "<html><head><title>T</title><style>p{}</style></head><body><header>Site</header>"
        "<nav>Menu</nav><script>RESOLVED()</script><div role=\"navigation\">Skip</div>"
        "<p style=\"display: none\">Hidden</p><p>Kept minute.</p><form><input "
        "name=\"q\"><button>Search</button></form>"
        "<footer>Footer</footer></body></html>");
    EXPECT_EQ(out, "Kept minute.\n\n");
}

TEST(Html, DecodesEntitiesAndCollapsesWhitespace) {
    EXPECT_EQ(
        html_text("<p>RESOLVED&nbsp;&ndash; that the\n   Chair&rsquo;s   report &amp; "
                  "<b>appendix</b> be noted.</p>"),
        "RESOLVED\xC2\xA0\xE2\x80\x93 that the Chair\xE2\x80\x99s report & appendix be noted.\n\n");
}

TEST(Html, WritesOrderedListNumbersAndBullets) {
    EXPECT_EQ(
        html_text("<p>RESOLVED that</p><ol><li>one</li><li>two<ol type=\"a\"><li>two "
                  "a</li></ol></li></ol>"
                  "<ol start=\"4\" style=\"list-style-type: "
                  "lower-roman\"><li>four</li></ol><ul><li>dot</li></ul>"),
        "RESOLVED that\n\n(1) one\n\n(2) two\n\n(a) two a\n\n(iv) four\n\n\xE2\x80\xA2 dot\n\n");
}

TEST(Html, HeadingsAndLineBreaksSeparateParagraphs) {
    EXPECT_EQ(html_text("<h2>Item 4</h2>Minutes:<br>The Panel met.<br><br>AGREED"),
              "Item 4\n\nMinutes:\nThe Panel met.\n\nAGREED\n\n");
}

TEST(Html, ActionTableRowsBecomeActionLines) {
    EXPECT_EQ(
        html_text("<table><tr><th>Ref</th><th>Action</th><th>Lead Officer</th><th>Deadline</th>"
                  "<th>Status</th></tr><tr><td>1</td><td>Circulate the figures.</td>"
                  "<td>Head of Finance</td><td>End of April 2023</td><td>Open</td></tr>"
                  "<tr><td>2</td><td>Report back</td><td>Chief Executive</td><td>Next "
                  "meeting</td><td></td></tr></table>"),
        "ACTION: Head of Finance to circulate the figures by the end of April 2023.\n\n"
        "ACTION: Chief Executive to report back by the next meeting.\n\n");
}

TEST(Html, OtherTablesKeepCellsAndItemNumbers) {
    EXPECT_EQ(
        html_text(
            "<table><tr><td>21/44</td><td><p>Budget</p><p>RESOLVED that it be noted.</p></td></tr>"
            "<tr><td>Councillor Ali</td><td>Present</td><td></td></tr></table>"),
        "21/44\n\nBudget\n\nRESOLVED that it be noted.\n\nCouncillor Ali | Present\n\n");
}

TEST(Html, Iso88591DeclaredPagesAreReadAsWindows1252) {
    // 0x92 and 0x96 are undefined in ISO-8859-1; Windows writes its apostrophe and en dash there.
    EXPECT_EQ(html_text("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                        "charset=ISO-8859-1\">"
                        "</head><body><p>Children\x92s Services \x96 \xA3"
                        "5</p></body></html>"),
              "Children\xE2\x80\x99s Services \xE2\x80\x93 \xC2\xA3"
              "5\n\n");
}

TEST(Html, UndeclaredInvalidUtf8FallsBackWithAWarning) {
    auto result = html_to_text("<p>Caf\xE9</p>");
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->utf8, "Caf\xC3\xA9\n\n");
    EXPECT_EQ(result->warnings.size(), 1u);
}

TEST(Html, DeepNestingIsBounded) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    deep += "too deep";
    EXPECT_NO_FATAL_FAILURE(html_text(deep));
}

// Broken pages nest deeply (unclosed <div>s and <font>s from old editors). The minutes after
// such a block must still be read: a parser that stops at a nesting limit would drop the rest
// of the page, and one that is quadratic in depth (gumbo took ~3 minutes on 100,000 nested
// <div>s) would stall a daemon worker on one file.
TEST(Html, TextAfterADeeplyNestedBlockIsKept) {
    std::string page = "<p>Before.</p>";
    for (int i = 0; i < 3000; ++i) page += "<div>";
    page += "deep";
    for (int i = 0; i < 3000; ++i) page += "</div>";
    page += "<p>RESOLVED that the Chair write to the Minister.</p>";
    const std::string out = html_text(page);
    EXPECT_EQ(out.find("Before."), 0u) << out;
    EXPECT_NE(out.find("RESOLVED that the Chair write to the Minister."), std::string::npos) << out;
}

}  // namespace
}  // namespace actiontrack::parsers
