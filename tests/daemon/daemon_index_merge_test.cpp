// The full-text indexes' segments are merged by the daemon's writer once files stop coming
// (daemon/service_ingest.cpp, schema/0009), not inside the commits that store a file.

#include <gtest/gtest.h>

#include <string>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

std::int64_t segments(const Workspace& w, const std::string& table) {
    // Each segment of an FTS5 index has its own rows in the %_idx table.
    return query_int(w.db(), "SELECT COUNT(DISTINCT segid) FROM " + table + "_idx");
}

TEST(DaemonIndexMerge, SegmentsLeftByFilesDroppedOneByOneAreMergedOnceFilesStopComing) {
    constexpr int k_files = 16;
    Workspace w;
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    for (int n = 0; n < k_files; ++n) {
        w.drop_by_rename("one-" + std::to_string(n) + ".txt", minutes(5000 + n));
        ASSERT_TRUE(wait_until(
            [&] { return query_int(w.db(), "SELECT COUNT(*) FROM documents") == n + 1; }, 10s))
            << "file " << n << "\n" << daemon.log();
    }
    // Sixteen commits of their own left up to sixteen segments in each index; once the drop
    // folder is quiet the writer merges them (FTS5 merges a level of four or more).
    EXPECT_TRUE(wait_until(
        [&] { return segments(w, "action_search") < 4 && segments(w, "resolution_search") < 4; }, 10s))
        << segments(w, "action_search") << " and " << segments(w, "resolution_search")
        << " segments\n" << daemon.log();
    EXPECT_GT(query_int(w.db(), "SELECT COUNT(*) FROM action_search WHERE action_search MATCH 'circulate'"),
              0);
    EXPECT_EQ(daemon.stop(), 0) << daemon.log();
}

}  // namespace
}  // namespace actiontrack::daemon_testing
