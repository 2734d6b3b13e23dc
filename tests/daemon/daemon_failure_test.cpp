// Files the daemon cannot use go to failed/ with a reason, are recorded, and the daemon lives.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

std::string reason_for(const Workspace& w, const std::string& name) {
    std::ifstream in(w.failed() / (name + ".error.txt"));
    std::string line;
    std::getline(in, line);
    return line;
}

TEST(DaemonFailures, BadFilesGoToFailedWithAReasonAndTheDaemonLives) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "drop.max_file_bytes=4000"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();

    w.drop_by_rename("empty.txt", "");
    w.drop_by_rename("binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 11) +
                                       std::string(200, '\0'));
    w.drop_by_rename("huge.txt", minutes(1, std::string(5000, 'z')));
    // A FIFO renamed in: not a regular file, and must never block the daemon.
    ASSERT_EQ(::mkfifo((w.staging() / "pipe.txt").c_str(), 0644), 0);
    std::filesystem::rename(w.staging() / "pipe.txt", w.drop() / "pipe.txt");
    int expected_failures = 4;
    const bool root = ::geteuid() == 0;
    if (!root) {
        // Root reads anything, so an unreadable file can only be tested as another user.
        const auto path = w.staging() / "locked.txt";
        std::ofstream(path) << minutes(2);
        std::filesystem::permissions(path, std::filesystem::perms::none);
        std::filesystem::rename(path, w.drop() / "locked.txt");
        ++expected_failures;
    }

    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'failed'") ==
               expected_failures;
    })) << daemon.log();
    // Each failure is recorded before its file and reason are moved to failed/.
    EXPECT_TRUE(wait_until(
        [&] { return count_files(w.failed(), true) == 2u * expected_failures; }, 2s))
        << daemon.log();
    EXPECT_TRUE(daemon.running());
    EXPECT_EQ(reason_for(w, "empty.txt"), "file is empty");
    EXPECT_NE(reason_for(w, "binary.txt").find("binary"), std::string::npos);
    EXPECT_NE(reason_for(w, "huge.txt").find("too large"), std::string::npos);
    EXPECT_EQ(reason_for(w, "pipe.txt"), "not a regular file");
    if (!root) {
        EXPECT_EQ(reason_for(w, "locked.txt"), "permission denied");
    }
    EXPECT_EQ(count_files(w.failed()), static_cast<std::size_t>(expected_failures));
    EXPECT_EQ(count_files(w.failed(), true), 2u * expected_failures);

    // Still working: the next good file is stored.
    w.drop_by_rename("good.txt", minutes(3));
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'ingested'") == 1;
    })) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonFailures, SymbolicLinksAreRefusedNotFollowed) {
    Workspace w;
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    const auto secret = w.root() / "outside.txt";
    std::ofstream(secret) << minutes(4);
    std::filesystem::create_symlink(secret, w.staging() / "link.txt");
    std::filesystem::rename(w.staging() / "link.txt", w.drop() / "link.txt");
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'failed'") == 1;
    })) << daemon.log();
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM meetings"), 0);
    EXPECT_TRUE(std::filesystem::exists(secret));
    EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace actiontrack::daemon_testing
