// The writer's WAL checkpoints run beside it on the thread pool (daemon/service_ingest.cpp):
// files dropped one at a time, each in a commit of its own as in everyday use, are all stored,
// and the write-ahead log stays bounded.

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <system_error>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

std::int64_t ingested(const Workspace& w) {
    return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'ingested'");
}

// The -wal file's size; 0 while it does not exist. SQLite writes a restarted log over the old
// one from its start and never shortens the file, so this is the longest the log has been.
std::uintmax_t wal_bytes(const Workspace& w) {
    std::error_code error;
    const auto size = fs::file_size(w.db().string() + "-wal", error);
    return error ? 0 : size;
}

TEST(DaemonCheckpoint, FilesDroppedOneByOneAreStoredAndTheLogStaysBounded) {
    constexpr int k_files = 400;
    Workspace w;
    // Debug logging for the checkpoints' own lines.
    DaemonProcess daemon(w, {"--set", "log_level=\"debug\""});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    const auto drop_and_wait = [&](int n) {
        w.drop_by_rename("one-" + std::to_string(n) + ".txt", minutes(3000 + n));
        return wait_until([&] { return ingested(w) == n + 1; }, 10s);
    };
    ASSERT_TRUE(drop_and_wait(0)) << daemon.log();
    // What one file's commit adds to the log, far below the 1,000 frames that start the first
    // checkpoint: with no checkpoints, the log would end up k_files times that long.
    const std::uintmax_t first_commit = wal_bytes(w);
    ASSERT_GT(first_commit, 0u);
    for (int n = 1; n < k_files; ++n) {
        ASSERT_TRUE(drop_and_wait(n)) << "file " << n << "\n" << daemon.log();
    }
    const std::uintmax_t unbounded = first_commit * k_files;
    const std::uintmax_t longest = wal_bytes(w);
    std::printf(
        "WAL: %ju bytes after the first commit, %ju at most after %d (%ju without "
        "checkpoints)\n",
        first_commit, longest, k_files, unbounded);
    EXPECT_NE(daemon.log().find("WAL checkpoint on the pool:"), std::string::npos) << daemon.log();
    // A checkpoint starts at 1,000 frames (~4 MB), and the log restarts once one has copied
    // every frame before the next commit; with this test's reader polling for each row that
    // may take a few rounds, and past 4,000 frames (~16 MB) the writer waits for one. Without
    // checkpoints the log would hold every commit: ~60 MB.
    EXPECT_LT(longest, unbounded / 3);
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents"), k_files);
    EXPECT_TRUE(wait_until(
        [&] { return count_files(w.processed()) == static_cast<std::size_t>(k_files); }, 5s));
    EXPECT_EQ(daemon.stop(), 0) << daemon.log();
}

}  // namespace
}  // namespace actiontrack::daemon_testing
