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

}  // namespace
}  // namespace actiontrack::service
