// The daemon's command line: configuration checks (exit 78 with FILE:LINE), --print-config
// origins, SIGHUP reload, and `actiontrack status`.

#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <thread>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

fs::path write_config(const Workspace& w, const std::string& text) {
    const auto path = w.root() / "actiontrack.toml";
    std::ofstream(path) << text;
    return path;
}

TEST(DaemonCommand, UnknownKeyIsReportedWithFileAndLineAndExit78) {
    Workspace w;
    const auto config = write_config(w, "[drop]\nfolder = \"/tmp/x\"\nsettle_secs = 2\n");
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--check-config"}, output),
              78);
    EXPECT_NE(output.find(config.string() + ":3: unknown key 'drop.settle_secs'"),
              std::string::npos)
        << output;
}

TEST(DaemonCommand, BadValueIsReportedWithFileAndLine) {
    Workspace w;
    const auto config = write_config(w, "[drop]\nfolder = \"/tmp/x\"\nwatch = \"fanotify\"\n");
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--check-config"}, output),
              78);
    EXPECT_NE(output.find(":3: drop.watch: 'fanotify' is not one of"), std::string::npos)
        << output;
}

TEST(DaemonCommand, CheckConfigAcceptsTheAnnotatedExample) {
    std::string output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", ACTIONTRACK_EXAMPLE_CONFIG, "--check-config"},
                              output),
              0)
        << output;
}

TEST(DaemonCommand, PrintConfigShowsWhereEachValueCameFrom) {
    Workspace w;
    const auto config =
        write_config(w, "log_level = \"debug\"\n[drop]\nfolder = \"/srv/from-file\"\n");
    std::string output;
    ASSERT_EQ(run_actiontrack({"daemon", "--config", config.string(), "--db", "/tmp/flag.db",
                               "--set", "drop.settle_seconds=0.5", "--print-config"},
                              output),
              0)
        << output;
    EXPECT_NE(output.find(config.string() + ":1 log_level = \"debug\""), std::string::npos)
        << output;
    EXPECT_NE(output.find(config.string() + ":3 drop.folder = \"/srv/from-file\""),
              std::string::npos);
    EXPECT_NE(output.find("--db database.path = \"/tmp/flag.db\""), std::string::npos);
    EXPECT_NE(output.find("--set drop.settle_seconds = 0.5"), std::string::npos);
    EXPECT_NE(output.find("default http.port = 8080"), std::string::npos);
}

TEST(DaemonCommand, FlagsOverrideTheFileAndNoFileIsNeeded) {
    std::string output;
    ASSERT_EQ(run_actiontrack({"daemon", "--config", "/dev/null", "--drop", "/srv/drop", "--db",
                               "/srv/db", "--print-config"},
                              output),
              0)
        << output;
    EXPECT_NE(output.find("--drop drop.folder = \"/srv/drop\""), std::string::npos) << output;
    EXPECT_EQ(run_actiontrack({"daemon", "--config", "/dev/null", "--check-config"}, output), 78);
    EXPECT_NE(output.find("drop.folder"), std::string::npos) << output;
}

TEST(DaemonCommand, SighupReloadsAndABadNewConfigKeepsTheOldOne) {
    Workspace w;
    const auto config = write_config(w, "[drop]\nsettle_seconds = 0.1\n");
    DaemonProcess daemon(w, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();

    write_config(w, "[drop]\nsettle_seconds = 0.1\nignore = [\"*.skip\"]\n");
    daemon.signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] { return daemon.log().find("reloaded") != std::string::npos; }))
        << daemon.log();
    w.drop_by_rename("a.skip", minutes(50));

    write_config(w, "[drop]\nsettle_seconds = \"soon\"\n");
    daemon.signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] {
        return daemon.log().find("keeping the running configuration") != std::string::npos;
    })) << daemon.log();
    EXPECT_NE(daemon.log().find(config.string() + ":2: drop.settle_seconds"), std::string::npos);
    EXPECT_TRUE(daemon.running());

    w.drop_by_rename("b.txt", minutes(51));
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents") == 1;
    })) << daemon.log();
    EXPECT_TRUE(fs::exists(w.drop() / "a.skip")) << "the reloaded ignore pattern applies";
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonCommand, StatusPrintsTheCounts) {
    Workspace w;
    {
        DaemonProcess daemon(w);
        ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
        w.drop_by_rename("one.txt", minutes(60));
        w.drop_by_rename("two.txt", minutes(60));
        w.drop_by_rename("bad.txt", "");
        ASSERT_TRUE(wait_until([&] {
            return query_int(w.db(), "SELECT COUNT(*) FROM documents") == 3;
        })) << daemon.log();
        EXPECT_EQ(daemon.stop(), 0);
    }
    std::string output;
    ASSERT_EQ(run_actiontrack({"status", "--db", w.db().string()}, output), 0) << output;
    EXPECT_NE(output.find("documents    1 ingested, 1 duplicate, 1 failed"), std::string::npos)
        << output;
    EXPECT_NE(output.find("meetings     1"), std::string::npos) << output;
    EXPECT_NE(output.find("actions      "), std::string::npos) << output;
}

}  // namespace
}  // namespace actiontrack::daemon_testing
