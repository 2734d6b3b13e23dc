// Inputs that once crashed a fuzzer (fuzz/, scripts/fuzz) stay here as regression tests: every
// file in tests/fixtures/fuzz/ must go through extract_document() without throwing or crashing.
// html-crash-b283f780.html and text-resolved-that.txt: a bare "RESOLVED - That" made
// directive_in_resolution() read past the end of the resolution text (fixed in actions.cpp).
// text-glued-number-0b949117.txt: a minute number typed against its text ("01.For") was
// written apart into a buffer without the padding the 16-byte line scans read (normalise.cpp).
// pages-mark-spelled-cf0cc454.txt: bytes that are not UTF-8 around a removed page mark spelled
// a new one that survived take_page_marks() (page_layout.cpp, page_marks.cpp; tested in
// page_layout_test.cpp).
// document-action-label-dash-a50d519f.txt: an "Action: <owner> - <task>" line whose task was
// shorter than "to " made action_line() read a word past its end (fixed in actions.cpp).
// docx-oom-packed-size-40092b2d.docx: a part declaring a 4 GB packed size made the one-call
// inflate path allocate that much (docx.cpp now believes no size larger than the archive).
#include <gtest/gtest.h>

#include <filesystem>

#include "fixture_file.hpp"
#include "parsers/extract.hpp"

namespace actiontrack::parsers {
namespace {

void expect_all_handled(const std::string& folder) {
    const auto dir = std::filesystem::path(ACTIONTRACK_FIXTURES_DIR) / folder;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = folder + "/" + entry.path().filename().string();
        ++files;
        EXPECT_NO_THROW({
            auto result = extract_document(testing::read_fixture(name));
            if (!result) {
                EXPECT_FALSE(result.error().message().empty()) << name;
            }
        }) << name;
    }
    EXPECT_GT(files, 0u);
}

TEST(FuzzRegressions, EveryRecordedCrashInputIsHandled) {
    expect_all_handled("fuzz");
}

}  // namespace
}  // namespace actiontrack::parsers
