// The ingest pipeline on real files and an in-memory register: store-then-move ordering, the
// crash-recovery path, failures with their reason files, and name rules.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "daemon/drop_folder.hpp"
#include "daemon/file_mover.hpp"
#include "daemon/ingest_pipeline.hpp"
#include "daemon_harness.hpp"

namespace actiontrack::service {
namespace {

namespace fs = std::filesystem;
using daemon_testing::minutes;

class Pipeline : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = store::Store::open(":memory:");
        ASSERT_TRUE(opened) << opened.error().message();
        m_db.emplace(std::move(*opened));
        m_layout = make_layout(m_workspace.drop().string(), "", "");
        ASSERT_TRUE(prepare_layout(m_layout));
    }

    std::string put(const std::string& name, const std::string& text) {
        const auto path = m_workspace.drop() / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }

    store::RegisterCounts counts() { return *m_db->counts("2026-01-01"); }

    daemon_testing::Workspace m_workspace;
    std::optional<store::Store> m_db;
    DropLayout m_layout;
};

TEST_F(Pipeline, StoresThenMovesToProcessedYearMonth) {
    const std::string path = put("a.txt", minutes(1));
    auto result = commit_document(*m_db, prepare_document(path, 1 << 20),
                                  {.layout = m_layout, .month = "2031/07"});
    EXPECT_EQ(result.disposition, Disposition::stored) << result.detail;
    EXPECT_FALSE(fs::exists(path));
    ASSERT_FALSE(result.new_path.empty());
    EXPECT_TRUE(fs::exists(result.new_path));
    // processed/YYYY/MM/a.txt, with the month the caller worked out in the configured zone.
    EXPECT_EQ(fs::path(result.new_path), fs::path(m_layout.processed) / "2031" / "07" / "a.txt");
    EXPECT_EQ(counts().documents_ingested, 1);
}

TEST_F(Pipeline, StoredButNotMovedBeforeACrashIsMovedWithoutANewRow) {
    const std::string path = put("b.txt", minutes(2));
    // The crash: the transaction committed, the process died before the rename.
    PreparedDocument first = prepare_document(path, 1 << 20);
    ASSERT_TRUE(m_db->ingest(first.document, *first.extraction));

    auto result = commit_document(*m_db, prepare_document(path, 1 << 20),
                                  {.layout = m_layout, .may_be_interrupted = true});
    EXPECT_EQ(result.disposition, Disposition::recovered);
    EXPECT_FALSE(fs::exists(path));
    EXPECT_EQ(counts().documents_ingested, 1);
    EXPECT_EQ(counts().documents_duplicate, 0);
}

TEST_F(Pipeline, SameBytesUnderAnotherNameAreADuplicate) {
    ASSERT_EQ(commit_document(*m_db, prepare_document(put("c.txt", minutes(3)), 1 << 20),
                              {.layout = m_layout})
                  .disposition,
              Disposition::stored);
    auto again = commit_document(*m_db, prepare_document(put("c-copy.txt", minutes(3)), 1 << 20),
                                 {.layout = m_layout, .may_be_interrupted = true});
    EXPECT_EQ(again.disposition, Disposition::duplicate);
    EXPECT_EQ(counts().documents_duplicate, 1);
}

TEST_F(Pipeline, FailureIsRecordedAndMovedWithItsReasonAndNamesNeverClash) {
    for (int round = 0; round < 2; ++round) {
        const std::string path = put("empty.txt", "");
        auto result = commit_document(*m_db, prepare_document(path, 1 << 20), {.layout = m_layout});
        EXPECT_EQ(result.disposition, Disposition::failed);
        EXPECT_EQ(result.detail, "file is empty");
        EXPECT_FALSE(fs::exists(path));
    }
    EXPECT_TRUE(fs::exists(fs::path(m_layout.failed) / "empty.txt"));
    EXPECT_TRUE(fs::exists(fs::path(m_layout.failed) / "empty-2.txt"));
    std::ifstream reason(fs::path(m_layout.failed) / "empty-2.txt.error.txt");
    std::string line;
    std::getline(reason, line);
    EXPECT_EQ(line, "file is empty");
    EXPECT_EQ(counts().documents_failed, 2);
}

TEST_F(Pipeline, LeaveInPlaceKeepsTheFile) {
    const std::string path = put("d.txt", minutes(4));
    auto result = commit_document(*m_db, prepare_document(path, 1 << 20),
                                  {.layout = m_layout, .after_ingest = config::AfterIngest::leave});
    EXPECT_EQ(result.disposition, Disposition::stored);
    EXPECT_TRUE(result.left_in_place);
    EXPECT_TRUE(fs::exists(path));
}

TEST(DropNames, IgnoredNames) {
    const std::vector<std::string> extra{"*.bak", "draft-*"};
    struct Case {
        const char* name;
        bool ignored;
    };
    for (const Case& c : {Case{"minutes.txt", false}, Case{".hidden", true},
                          Case{"~$minutes.docx", true}, Case{"x.TMP", true}, Case{"x.part", true},
                          Case{"x.swp", true}, Case{"x.crdownload", true}, Case{"x.bak", true},
                          Case{"draft-1.txt", true}, Case{"final-draft.txt", false},
                          Case{"minutes.pdf", false}}) {
        EXPECT_EQ(is_ignored_name(c.name, extra), c.ignored) << c.name;
    }
}

TEST(DropNames, NumberedNamesKeepTheExtension) {
    EXPECT_EQ(numbered_name("minutes.txt", 2), "minutes-2.txt");
    EXPECT_EQ(numbered_name("archive.tar.gz", 3), "archive.tar-3.gz");
    EXPECT_EQ(numbered_name("README", 2), "README-2");
    EXPECT_EQ(numbered_name(".profile", 2), ".profile-2");
}

TEST(DropNames, LayoutDefaultsInsideTheDropFolder) {
    const DropLayout layout = make_layout("/srv/drop/", "", "/var/failed");
    EXPECT_EQ(layout.drop, "/srv/drop");
    EXPECT_EQ(layout.processed, "/srv/drop/processed");
    EXPECT_EQ(layout.failed, "/var/failed");
    EXPECT_TRUE(is_excluded_dir("/srv/drop/processed", layout));
    EXPECT_TRUE(is_excluded_dir("/srv/drop/.git", layout));
    EXPECT_FALSE(is_excluded_dir("/srv/drop/committee", layout));
}

}  // namespace
}  // namespace actiontrack::service
