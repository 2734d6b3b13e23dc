// The format adapters end to end: a DOCX, a PDF and an HTML page of our own making, each with
// numbered resolutions and an action table, extract to the same meeting, items, resolutions
// and actions as their text version (tests/fixtures/formats/sample.txt). Plus the documents
// extract_document() must refuse with a reason.
#include <gtest/gtest.h>

#include <sstream>

#include "fixture_file.hpp"
#include "parsers/extract.hpp"

namespace actiontrack::parsers {
namespace {

using testing::read_fixture;

std::string show(const std::optional<Date>& d) {
    return d ? iso_date(*d) : "null";
}
std::string show(const std::optional<std::string>& s) {
    return s ? *s : "null";
}

// Everything the extraction contract prints, as one comparable string (pages left out: the
// text version has none).
std::string contract_view(const Extraction& e) {
    std::ostringstream out;
    const auto& m = e.meeting;
    out << "meeting: " << show(m.committee) << " | " << show(m.date) << " | " << show(m.time)
        << " | " << show(m.venue) << " | " << show(m.contact) << " | " << show(m.next_meeting)
        << "\n";
    for (const auto& i : e.items) out << "item: " << i.number << " | " << i.title << "\n";
    for (const auto& r : e.resolutions)
        out << "resolution: " << r.item << " | " << to_string(r.kind) << " | " << r.label << " | "
            << r.text << "\n";
    for (const auto& a : e.actions)
        out << "action: " << a.item << " | " << a.text << " | " << show(a.owner) << " | "
            << show(a.due_text) << " | " << show(a.due) << (a.derived ? " | derived" : "") << "\n";
    return out.str();
}

Extraction text_version() {
    auto text = extract_document(read_fixture("formats/sample.txt"));
    EXPECT_TRUE(text.has_value());
    return text ? *text : Extraction{};
}

TEST(Formats, TextVersionHasNumberedResolutionsAndTableActions) {
    const Extraction e = text_version();
    EXPECT_GE(e.resolutions.size(), 3u) << contract_view(e);
    bool circulate = false, visit = false;
    for (const auto& a : e.actions) {
        circulate |= a.owner == "Licensing Manager" && a.due && iso_date(*a.due) == "2023-06-16";
        visit |=
            a.owner == "Democratic Services Officer" && a.due && iso_date(*a.due) == "2023-06-30";
    }
    EXPECT_TRUE(circulate && visit) << contract_view(e);
}

class SameAsText : public ::testing::TestWithParam<const char*> {};

TEST_P(SameAsText, ExtractsTheSameAsTheTextVersion) {
    auto result = extract_document(read_fixture(std::string("formats/") + GetParam()));
    ASSERT_TRUE(result.has_value()) << result.error().message();
    EXPECT_EQ(contract_view(*result), contract_view(text_version()));
}

INSTANTIATE_TEST_SUITE_P(Samples, SameAsText,
                         ::testing::Values("sample.html", "sample_cp1252.html", "sample.docx",
                                           "sample.pdf"));

TEST(Formats, PdfResolutionsAndActionsKnowTheirPage) {
    auto result = extract_document(read_fixture("formats/sample.pdf"));
    ASSERT_TRUE(result.has_value()) << result.error().message();
    const Extraction& e = *result;
    for (const auto& r : e.resolutions) {
        ASSERT_TRUE(r.page.has_value()) << r.text;
        // The page break falls between sub-resolutions (2) and (3).
        EXPECT_EQ(*r.page, r.text.find("revised policy") != std::string::npos ? 2 : 1) << r.text;
    }
    for (const auto& a : e.actions) {
        ASSERT_TRUE(a.page.has_value()) << a.text;
        EXPECT_EQ(*a.page, a.text.find("consult the taxi trade") != std::string::npos ? 1 : 2)
            << a.text;
    }
}

TEST(Formats, TextAndHtmlHaveNoPages) {
    for (const char* name : {"formats/sample.txt", "formats/sample.html", "formats/sample.docx"}) {
        auto result = extract_document(read_fixture(name));
        ASSERT_TRUE(result.has_value()) << name;
        for (const auto& r : result->resolutions) EXPECT_FALSE(r.page.has_value()) << name;
    }
}

struct Refusal {
    const char* file;
    const char* reason;
};

class Refused : public ::testing::TestWithParam<Refusal> {};

TEST_P(Refused, ReturnsAnErrorWithTheReason) {
    auto result = extract_document(read_fixture(std::string("formats/") + GetParam().file));
    ASSERT_FALSE(result.has_value()) << GetParam().file;
    EXPECT_NE(result.error().message().find(GetParam().reason), std::string::npos)
        << result.error().message();
}

INSTANTIATE_TEST_SUITE_P(Unreadable, Refused,
                         ::testing::Values(Refusal{"scanned.pdf", "no text layer: OCR needed"},
                                           Refusal{"corrupt.docx", "corrupt DOCX"},
                                           Refusal{"not_word.zip", "not a Word document"},
                                           Refusal{"encrypted.pdf", "encrypted PDF"}));

TEST(Formats, TruncatedPdfIsRefusedNotCrashed) {
    const std::string pdf = read_fixture("formats/sample.pdf");
    for (std::size_t cut : {std::size_t{9}, std::size_t{200}, pdf.size() / 2}) {
        auto result = extract_document(std::string_view(pdf).substr(0, cut));
        // poppler may recover a damaged file; it must never crash, and a failure has a reason.
        if (!result) {
            EXPECT_FALSE(result.error().message().empty());
        }
    }
}

}  // namespace
}  // namespace actiontrack::parsers
