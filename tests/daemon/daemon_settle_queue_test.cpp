// The settle rule and the "never queued twice" bookkeeping, with the clock passed in.

#include <gtest/gtest.h>

#include "daemon/settle_queue.hpp"

namespace actiontrack::service {
namespace {

using namespace std::chrono_literals;
using Clock = SettleQueue::Clock;

FileSignature sig(std::int64_t size, std::int64_t mtime = 1) {
    return FileSignature{.size = size, .mtime_ns = mtime, .inode = 7, .device = 1};
}

TEST(SettleQueue, WrittenFileIsDueAfterTheSettleTime) {
    SettleQueue queue(1000ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    EXPECT_TRUE(queue.notice("/d/a", sig(10), Trigger::written, t0, 0ms));
    EXPECT_TRUE(queue.take_due(t0 + 999ms).empty());
    auto due = queue.take_due(t0 + 1000ms);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].path, "/d/a");
}

TEST(SettleQueue, RenamedFileIsDueAtOnce) {
    SettleQueue queue(1000ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    queue.notice("/d/a", sig(10), Trigger::renamed, t0, 0ms);
    EXPECT_EQ(queue.take_due(t0).size(), 1u);
}

TEST(SettleQueue, OldFileFoundByAScanIsDueAtOnce) {
    SettleQueue queue(1000ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    queue.notice("/d/a", sig(10), Trigger::scanned, t0, 3600s);
    queue.notice("/d/b", sig(10), Trigger::scanned, t0, 400ms);
    auto due = queue.take_due(t0);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].path, "/d/a");
    EXPECT_EQ(queue.take_due(t0 + 600ms).size(), 1u);
}

TEST(SettleQueue, ChangeRestartsTheClockButTheSameSignatureDoesNot) {
    SettleQueue queue(1000ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    queue.notice("/d/a", sig(10), Trigger::written, t0, 0ms);
    // Polled again, unchanged: the due time stays.
    EXPECT_FALSE(queue.notice("/d/a", sig(10), Trigger::scanned, t0 + 500ms, 500ms));
    // Grew: wait a full settle time from now.
    EXPECT_TRUE(queue.notice("/d/a", sig(20, 2), Trigger::written, t0 + 800ms, 0ms));
    EXPECT_TRUE(queue.take_due(t0 + 1500ms).empty());
    EXPECT_EQ(queue.take_due(t0 + 1800ms).size(), 1u);
}

TEST(SettleQueue, PathInProgressIsNeverQueuedAgain) {
    SettleQueue queue(0ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    queue.notice("/d/a", sig(10), Trigger::renamed, t0, 0ms);
    ASSERT_EQ(queue.take_due(t0).size(), 1u);
    queue.start("/d/a");
    EXPECT_FALSE(queue.notice("/d/a", sig(10), Trigger::written, t0, 0ms));
    EXPECT_FALSE(queue.notice("/d/a", sig(99), Trigger::scanned, t0, 0ms));
    EXPECT_EQ(queue.waiting(), 0u);
    EXPECT_EQ(queue.busy(), 1u);
    queue.finish("/d/a", std::nullopt);
    EXPECT_TRUE(queue.notice("/d/a", sig(10), Trigger::renamed, t0, 0ms));
}

TEST(SettleQueue, FileLeftInPlaceIsNotQueuedAgainUntilItChanges) {
    SettleQueue queue(0ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    queue.start("/d/a");
    queue.finish("/d/a", sig(10));
    EXPECT_FALSE(queue.notice("/d/a", sig(10), Trigger::scanned, t0, 10s));
    EXPECT_TRUE(queue.notice("/d/a", sig(11, 5), Trigger::written, t0, 0ms));
}

TEST(SettleQueue, NextDueIsTheEarliestAndForgetDropsAPath) {
    SettleQueue queue(1000ms, 100ms);
    const auto t0 = Clock::time_point{} + 1h;
    EXPECT_FALSE(queue.next_due());
    queue.notice("/d/a", sig(1), Trigger::written, t0, 0ms);
    queue.notice("/d/b", sig(1), Trigger::renamed, t0, 0ms);
    EXPECT_EQ(queue.next_due(), t0 + 100ms);
    queue.forget("/d/b");
    EXPECT_EQ(queue.next_due(), t0 + 1000ms);
}

// Due files come out earliest first, then by path; a changed file's old due time is gone.
TEST(SettleQueue, TakeDueIsInDueThenPathOrderAndFollowsChanges) {
    SettleQueue queue(1000ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    queue.notice("/d/c", sig(1), Trigger::renamed, t0, 0ms);
    queue.notice("/d/a", sig(1), Trigger::renamed, t0, 0ms);
    queue.notice("/d/b", sig(1), Trigger::written, t0 - 500ms, 0ms);  // due at t0 + 500ms
    queue.notice("/d/d", sig(1), Trigger::written, t0, 0ms);          // due at t0 + 1000ms
    // /d/d changes: its clock starts again, and the earlier due time must not linger.
    queue.notice("/d/d", sig(2), Trigger::written, t0 + 100ms, 0ms);  // due at t0 + 1100ms
    std::vector<std::string> taken;
    for (const auto& candidate : queue.take_due(t0 + 1000ms)) taken.push_back(candidate.path);
    EXPECT_EQ(taken, (std::vector<std::string>{"/d/a", "/d/c", "/d/b"}));
    EXPECT_EQ(queue.waiting(), 1u);
    EXPECT_EQ(queue.next_due(), t0 + 1100ms);
    const auto last = queue.take_due(t0 + 1100ms);
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0].path, "/d/d");
    EXPECT_EQ(last[0].signature, sig(2));
    EXPECT_FALSE(queue.next_due());
}

// A burst of files written in place, noticed one event at a time with the settle timer
// re-armed after each (what settle_loop does): no scan of every waiting file per event.
TEST(SettleQueue, ABurstOfManyFilesStaysCheap) {
    SettleQueue queue(1000ms, 0ms);
    const auto t0 = Clock::time_point{} + 1h;
    constexpr int k_files = 50'000;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < k_files; ++i) {
        const auto now = t0 + std::chrono::microseconds(i);
        queue.notice("/d/file-" + std::to_string(i), sig(i), Trigger::written, now, 0ms);
        ASSERT_TRUE(queue.take_due(now).empty());
        ASSERT_EQ(queue.next_due(), t0 + 1000ms);
    }
    EXPECT_EQ(queue.take_due(t0 + 2000ms).size(), static_cast<std::size_t>(k_files));
    // Scanning every waiting file per event would visit 1.25 billion entries here.
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

}  // namespace
}  // namespace actiontrack::service
