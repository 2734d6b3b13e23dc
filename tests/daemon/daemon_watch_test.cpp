// The daemon on a real drop folder: what it reads, when, and how often.

#include <gtest/gtest.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

std::int64_t ingested(const Workspace& w) {
    return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'ingested'");
}

TEST(DaemonWatch, FileRenamedInIsReadAtOnceWhileWritesInPlaceWaitForTheSettleTime) {
    Workspace w;
    // A long settle time: only a rename may be read quickly.
    DaemonProcess daemon(w, {"--set", "drop.settle_seconds=5"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    const auto start = std::chrono::steady_clock::now();
    w.drop_by_rename("renamed.txt", minutes(1));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; }, 4s)) << daemon.log();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    // The row is committed before the file is moved: wait for the move too.
    EXPECT_TRUE(wait_until([&] { return count_files(w.processed()) == 1u; }, 2s)) << daemon.log();

    w.write_in_place("in-place.txt", minutes(2));
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(ingested(w), 1) << "a file written in place was read before it settled";
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 2; }, 10s)) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, FileWrittenInThreeSlowChunksIsReadOnceComplete) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "drop.settle_seconds=0.8"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    const std::string text = minutes(3, std::string(3000, 'x') + "\nThe meeting closed at 4pm.\n");
    const std::size_t third = text.size() / 3;
    const auto path = w.drop() / "slow.txt";
    for (int chunk = 0; chunk < 3; ++chunk) {
        // A new open/append/close per chunk: each close is an IN_CLOSE_WRITE.
        std::ofstream out(path, std::ios::binary | std::ios::app);
        const std::size_t begin = chunk * third;
        const std::size_t size = chunk == 2 ? text.size() - begin : third;
        out.write(text.data() + begin, static_cast<std::streamsize>(size));
        out.close();
        if (chunk < 2) std::this_thread::sleep_for(400ms);
    }
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; }, 10s)) << daemon.log();
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents"), 1);
    EXPECT_EQ(query_int(w.db(), "SELECT size FROM documents"),
              static_cast<std::int64_t>(text.size()));
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, WriterHoldingTheFileOpenIsWaitedFor) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "drop.settle_seconds=0.2"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    const std::string text = minutes(4, std::string(2000, 'y'));
    {
        // One open for the whole write, with pauses longer than the settle time; a periodic
        // scan or an IN_CREATE may see the file meanwhile.
        std::ofstream out(w.drop() / "held.txt", std::ios::binary);
        for (int chunk = 0; chunk < 3; ++chunk) {
            out.write(text.data() + chunk * (text.size() / 3),
                      static_cast<std::streamsize>(chunk == 2 ? text.size() - 2 * (text.size() / 3)
                                                              : text.size() / 3));
            out.flush();
            std::this_thread::sleep_for(500ms);
        }
    }
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; }, 10s)) << daemon.log();
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents"), 1) << daemon.log();
    EXPECT_EQ(query_int(w.db(), "SELECT size FROM documents"),
              static_cast<std::int64_t>(text.size()));
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, SameBytesDroppedTwiceMakeOneDocument) {
    Workspace w;
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    w.drop_by_rename("first.txt", minutes(5));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; })) << daemon.log();
    w.drop_by_rename("again.txt", minutes(5));
    ASSERT_TRUE(wait_until([&] {
        return query_int(w.db(), "SELECT COUNT(*) FROM documents WHERE status = 'duplicate'") == 1;
    })) << daemon.log();
    EXPECT_EQ(ingested(w), 1);
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM meetings"), 1);
    EXPECT_TRUE(wait_until([&] { return count_files(w.processed()) == 2u; }, 2s)) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, CorrectedVersionUpdatesTheMeetingInPlace) {
    Workspace w;
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    w.drop_by_rename("minutes.txt", minutes(6));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; })) << daemon.log();
    w.drop_by_rename("minutes.txt", minutes(6, "2. Any other business\n\nNone was raised.\n"));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 2; })) << daemon.log();
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM meetings"), 1);
    // The log line follows the commit (and the move).
    EXPECT_TRUE(wait_until([&] { return daemon.log().find("updated ") != std::string::npos; }, 2s))
        << daemon.log();
    // The second minutes.txt did not overwrite the first in processed/.
    EXPECT_TRUE(wait_until([&] { return count_files(w.processed()) == 2u; }, 2s)) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

// Minutes and their correction dropped one after the other are stored in that order, even when
// the first takes far longer to read and extract than the second: otherwise the correction
// would be stored first and then overwritten by the minutes it corrects.
TEST(DaemonWatch, ACorrectionDroppedRightAfterItsMinutesIsStoredAfterThem) {
    Workspace w;
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    std::string filler;
    while (filler.size() < 3'000'000) {
        filler += "The Panel discussed the report at some length and asked questions.\n\n";
    }
    w.drop_by_rename("original.txt", minutes(7, filler));
    w.drop_by_rename("correction.txt",
                     minutes(7, "RESOLVED - that the Chair write to the Cabinet Member.\n"));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 2; }, 60s)) << daemon.log();
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM meetings"), 1);
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents AS d WHERE d.id = "
                                "(SELECT MAX(id) FROM documents) AND d.path LIKE '%correction.txt'"),
              1)
        << daemon.log();
    // The meeting holds the correction's two resolutions, not the original's one.
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM resolutions"), 2) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, FilesDroppedWhileStoppedAreReadAtStart) {
    Workspace w;
    for (int n = 0; n < 5; ++n) w.write_in_place("waiting-" + std::to_string(n) + ".txt", minutes(10 + n));
    DaemonProcess daemon(w);
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 5; })) << daemon.log();
    EXPECT_TRUE(wait_until([&] { return count_files(w.processed()) == 5u; }, 2s)) << daemon.log();
    EXPECT_EQ(count_files(w.drop()), 5u);  // all of them now under processed/
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, SubfoldersCreatedLaterAreWatched) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "drop.rescan_interval_seconds=0"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    std::filesystem::create_directories(w.drop() / "committee-a" / "2023");
    std::this_thread::sleep_for(100ms);
    w.drop_by_rename("committee-a/2023/late.txt", minutes(20));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; }, 5s)) << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, HiddenTemporaryAndConfiguredPatternsAreIgnored) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "drop.ignore=[\"*.bak\"]"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    for (const char* name : {".hidden.txt", "~$lock.docx", "copy.tmp", "download.part",
                             "edit.swp", "file.crdownload", "old.bak"}) {
        w.drop_by_rename(name, minutes(30));
    }
    w.drop_by_rename("real.txt", minutes(31));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; })) << daemon.log();
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents"), 1);
    EXPECT_EQ(count_files(w.drop()) - count_files(w.processed()), 7u);
    EXPECT_EQ(daemon.stop(), 0);
}

TEST(DaemonWatch, LeaveInPlaceRecordsOnceAndDoesNotReadAgainOnRescan) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "drop.after_ingest=leave", "--set",
                             "drop.rescan_interval_seconds=0.2"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    w.drop_by_rename("kept.txt", minutes(40));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; })) << daemon.log();
    std::this_thread::sleep_for(800ms);  // several rescans
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents"), 1);
    EXPECT_TRUE(std::filesystem::exists(w.drop() / "kept.txt"));
    EXPECT_EQ(daemon.stop(), 0);

    // And after a restart the file, already stored from this path, is not logged again.
    DaemonProcess again(w, {"--set", "drop.after_ingest=leave"});
    ASSERT_TRUE(again.wait_ready()) << again.log();
    std::this_thread::sleep_for(500ms);
    EXPECT_EQ(query_int(w.db(), "SELECT COUNT(*) FROM documents"), 1) << again.log();
    EXPECT_EQ(again.stop(), 0);
}

}  // namespace
}  // namespace actiontrack::daemon_testing

namespace actiontrack::daemon_testing {
namespace {

// "YYYY/MM" now in `zone`, the way the C library sees it with TZ set to that zone.
std::string month_now_in(const char* zone) {
    const char* saved = std::getenv("TZ");
    const std::string previous = saved != nullptr ? saved : "";
    ::setenv("TZ", zone, 1);
    ::tzset();
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    if (saved != nullptr) {
        ::setenv("TZ", previous.c_str(), 1);
    } else {
        ::unsetenv("TZ");
    }
    ::tzset();
    char text[32];
    std::snprintf(text, sizeof text, "%04d/%02d", local.tm_year + 1900, local.tm_mon + 1);
    return text;
}

// The processed/YYYY/MM folder follows `time_zone`, not the process's own zone. The two zones
// are 25 hours apart, so near the turn of a month they give different folders; on other days
// this checks that the configured zone reaches the mover (month_folder_test.cpp checks the
// month arithmetic at fixed instants).
TEST(DaemonWatch, ProcessedMonthIsTheMonthInTheConfiguredTimeZone) {
    Workspace w;
    DaemonProcess daemon(w, {"--set", "time_zone=Pacific/Kiritimati"},
                         {"TZ=Pacific/Pago_Pago"});
    ASSERT_TRUE(daemon.wait_ready()) << daemon.log();
    const std::string before = month_now_in("Pacific/Kiritimati");
    w.drop_by_rename("zoned.txt", minutes(1));
    ASSERT_TRUE(wait_until([&] { return ingested(w) == 1; })) << daemon.log();
    // The row is committed before the file is moved (a crash in between re-reads the file), so
    // the move may still be under way here.
    const auto moved = [&](const std::string& month) {
        return std::filesystem::exists(w.processed() / month / "zoned.txt");
    };
    const bool found = wait_until([&] {
        return moved(before) || moved(month_now_in("Pacific/Kiritimati"));
    });
    EXPECT_TRUE(found) << "expected under processed/" << before << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
}

}  // namespace
}  // namespace actiontrack::daemon_testing
