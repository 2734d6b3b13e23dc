// Tests for deferred checkpoints (Store::defer_checkpoints, Database's WAL hook) and for
// store/wal_checkpointer.cpp, which checkpoints from a connection of its own.

#include "store/wal_checkpointer.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::StoreTest;

// SQLite's default wal_autocheckpoint: past it, a writer with its own checkpoints on would have
// checkpointed and restarted the log.
constexpr std::int64_t k_autocheckpoint_frames = 1000;

// Document `n`: distinct bytes (its sha256 is n in hex) and a meeting of its own.
DocumentInput numbered(int n) {
    return DocumentInput{.path = fmt::format("/drop/minutes-{}.html", n),
                         .sha256 = fmt::format("{:064x}", n),
                         .size = 4096};
}

parsers::Extraction meeting(int n) {
    parsers::Extraction extraction = testing::panel_meeting();
    extraction.meeting.committee = fmt::format("Scrutiny Panel {}", n);
    return extraction;
}

std::uintmax_t wal_file_bytes(const std::string& path) {
    return std::filesystem::file_size(path + "-wal");
}

class WalCheckpointerTest : public StoreTest {
  protected:
    void SetUp() override { m_store.defer_checkpoints(); }

    // Ingests new documents until the log holds more than `frames` frames; at most 1,000, so a
    // store that still checkpoints (its log restarting every 1,000 frames) fails, not hangs.
    void grow_log_past(std::int64_t frames) {
        for (int tries = 0; tries < 1000 && m_store.wal_frames() <= frames; ++tries) {
            ASSERT_TRUE(m_store.ingest(numbered(m_next), meeting(m_next)));
            ++m_next;
        }
        ASSERT_GT(m_store.wal_frames(), frames);
    }

    // One more new document, in a commit of its own.
    void ingest_one() {
        ASSERT_TRUE(m_store.ingest(numbered(m_next), meeting(m_next)));
        ++m_next;
    }

    int m_next = 0;
};

TEST_F(WalCheckpointerTest, TheLogGrowsUntilACheckpointAndTheNextCommitRestartsIt) {
    ASSERT_NO_FATAL_FAILURE(grow_log_past(k_autocheckpoint_frames));
    const std::int64_t frames = m_store.wal_frames();
    // The file agrees: every frame since the first commit is still in it (4 KiB pages).
    EXPECT_GE(wal_file_bytes(m_path), static_cast<std::uintmax_t>(frames) * 4096);

    auto checkpointer = WalCheckpointer::open(m_path);
    ASSERT_TRUE(checkpointer) << checkpointer.error().message();
    auto counts = checkpointer->checkpoint();
    ASSERT_TRUE(counts) << counts.error().message();
    EXPECT_EQ(counts->log_frames, frames);
    EXPECT_EQ(counts->checkpointed_frames, counts->log_frames);

    // Everything is in the database file: the next commit writes from the log's start.
    ASSERT_NO_FATAL_FAILURE(ingest_one());
    EXPECT_GT(m_store.wal_frames(), 0);
    EXPECT_LT(m_store.wal_frames(), frames / 4);
    EXPECT_EQ(testing::count_rows(m_path, "documents"), m_next);
}

TEST_F(WalCheckpointerTest, FramesAReaderStillNeedsStayInTheLog) {
    ingest_one();
    Database reader = testing::inspect(m_path);
    // A read transaction that has read: its snapshot is pinned until COMMIT.
    ASSERT_TRUE(reader.execute("BEGIN"));
    ASSERT_EQ(reader.query_int64("SELECT COUNT(*) FROM documents").value(), 1);
    const std::int64_t pinned = m_store.wal_frames();
    for (int i = 0; i < 5; ++i) ingest_one();

    auto checkpointer = WalCheckpointer::open(m_path);
    ASSERT_TRUE(checkpointer) << checkpointer.error().message();
    auto partial = checkpointer->checkpoint();
    ASSERT_TRUE(partial) << partial.error().message();
    EXPECT_EQ(partial->log_frames, m_store.wal_frames());
    EXPECT_EQ(partial->checkpointed_frames, pinned);
    // Not everything was copied: the log goes on growing rather than restarting.
    const std::int64_t before = m_store.wal_frames();
    ingest_one();
    EXPECT_GT(m_store.wal_frames(), before);

    ASSERT_TRUE(reader.execute("COMMIT"));
    auto full = checkpointer->checkpoint();
    ASSERT_TRUE(full) << full.error().message();
    EXPECT_EQ(full->checkpointed_frames, full->log_frames);
    ingest_one();
    EXPECT_LT(m_store.wal_frames(), before);
}

TEST(WalCheckpointer, RefusesADatabaseNotInWalMode) {
    testing::TempDir dir;
    const std::string path = dir.file("rollback.db");
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
    }
    for (const std::string& target : {path, std::string(":memory:")}) {
        auto checkpointer = WalCheckpointer::open(target);
        ASSERT_FALSE(checkpointer) << target;
        EXPECT_NE(checkpointer.error().message().find("WAL"), std::string::npos)
            << checkpointer.error().message();
    }
}

// The hook's counter lives on the heap: a moved Database (as Store::open moves its own) keeps
// counting.
TEST(WalCheckpointer, AMovedDatabaseKeepsCountingFrames) {
    testing::TempDir dir;
    auto opened = Database::open(dir.file("moved.db"));
    ASSERT_TRUE(opened);
    ASSERT_TRUE(opened->execute("PRAGMA journal_mode = WAL"));
    opened->defer_checkpoints();
    Database moved = std::move(opened).value();
    ASSERT_TRUE(moved.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
    const std::int64_t after_create = moved.wal_frames();
    EXPECT_GT(after_create, 0);
    ASSERT_TRUE(moved.execute("INSERT INTO t (id) VALUES (1)"));
    EXPECT_GT(moved.wal_frames(), after_create);
}

}  // namespace
}  // namespace actiontrack::store
