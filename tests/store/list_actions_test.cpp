// Tests for Store::list_actions: each filter on its own, combined, and the ordering.

#include <gtest/gtest.h>

#include <map>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::action;
using testing::date;
using testing::document;

// Five actions with distinct owners, due dates and (after SetUp) statuses:
//   text      owner                   due          status
//   "one"     Head of Planning        2022-07-01   open
//   "two"     planning officer        2022-06-15   done
//   "three"   (none)                  (none)       open
//   "four"    Chair                   2022-08-01   in_progress
//   "five"    Democratic Services     2022-06-15   dropped
class ListActionsTest : public testing::StoreTest {
  protected:
    void SetUp() override {
        parsers::Extraction extraction;
        extraction.meeting.committee = "Planning Committee";
        extraction.meeting.date = date(2022, 6, 7);
        extraction.actions = {
            action("4", "one", "Head of Planning", date(2022, 7, 1)),
            action("4", "two", "planning officer", date(2022, 6, 15)),
            action("5", "three", std::nullopt, std::nullopt),
            action("5", "four", "Chair", date(2022, 8, 1)),
            action("6", "five", "Democratic Services", date(2022, 6, 15)),
        };
        auto report = m_store.ingest(document("/drop/planning.html", 'a'), extraction);
        ASSERT_TRUE(report) << report.error().message();
        ids_by_text = {};
        auto rows = m_store.list_actions({});
        ASSERT_TRUE(rows);
        for (const ActionRow& row : *rows) ids_by_text[row.text] = row.id;
        ASSERT_TRUE(m_store.set_status(ids_by_text["two"], ActionStatus::done, "t", ""));
        ASSERT_TRUE(m_store.set_status(ids_by_text["four"], ActionStatus::in_progress, "t", ""));
        ASSERT_TRUE(m_store.set_status(ids_by_text["five"], ActionStatus::dropped, "t", ""));
    }

    // The texts of the listed actions, in the order listed.
    std::vector<std::string> listed(const ActionFilter& filter) {
        auto rows = m_store.list_actions(filter);
        EXPECT_TRUE(rows) << rows.error().message();
        std::vector<std::string> result;
        if (rows) {
            for (const ActionRow& row : *rows) result.push_back(row.text);
        }
        return result;
    }

    std::map<std::string, std::int64_t> ids_by_text;
};

using Texts = std::vector<std::string>;

// One filter field each (ActionFilter has no default for most fields, so designated
// initialisers that skip some would warn).
ActionFilter with_status(ActionStatus status) {
    ActionFilter filter;
    filter.status = status;
    return filter;
}
ActionFilter with_owner(std::string owner) {
    ActionFilter filter;
    filter.owner = std::move(owner);
    return filter;
}
ActionFilter overdue_on(std::string today) {
    ActionFilter filter;
    filter.overdue_only = true;
    filter.today = std::move(today);
    return filter;
}
ActionFilter due_before(std::string date) {
    ActionFilter filter;
    filter.due_before = std::move(date);
    return filter;
}

TEST_F(ListActionsTest, NoFilterListsAllByDueDateThenIdWithUndatedLast) {
    // "two" and "five" share a due date; "two" was inserted first.
    EXPECT_EQ(listed({}), (Texts{"two", "five", "one", "four", "three"}));
}

TEST_F(ListActionsTest, FiltersByStatus) {
    EXPECT_EQ(listed(with_status(ActionStatus::open)), (Texts{"one", "three"}));
    EXPECT_EQ(listed(with_status(ActionStatus::done)), (Texts{"two"}));
    EXPECT_EQ(listed(with_status(ActionStatus::in_progress)), (Texts{"four"}));
}

TEST_F(ListActionsTest, FiltersByOwnerSubstringIgnoringCase) {
    EXPECT_EQ(listed(with_owner("PLANNING")), (Texts{"two", "one"}));
    EXPECT_EQ(listed(with_owner("chair")), (Texts{"four"}));
    EXPECT_EQ(listed(with_owner("nobody")), Texts{});
}

TEST_F(ListActionsTest, OverdueMeansDueBeforeTodayAndNotFinished) {
    // On 2022-07-02: "one" (07-01) is overdue; "two" and "five" are past due but done/dropped;
    // "four" is not due yet; "three" has no date.
    EXPECT_EQ(listed(overdue_on("2022-07-02")), (Texts{"one"}));
    // Due today is not overdue.
    EXPECT_EQ(listed(overdue_on("2022-07-01")), Texts{});
    EXPECT_EQ(listed(overdue_on("2023-01-01")), (Texts{"one", "four"}));
}

TEST_F(ListActionsTest, DueBeforeIsExclusive) {
    EXPECT_EQ(listed(due_before("2022-07-01")), (Texts{"two", "five"}));
    EXPECT_EQ(listed(due_before("2022-07-02")), (Texts{"two", "five", "one"}));
    EXPECT_EQ(listed(due_before("2022-06-15")), Texts{});
}

TEST_F(ListActionsTest, FiltersCombine) {
    ActionFilter filter = with_status(ActionStatus::open);
    filter.owner = "planning";
    filter.due_before = "2022-12-31";
    EXPECT_EQ(listed(filter), (Texts{"one"}));
    filter.overdue_only = true;
    filter.today = "2022-07-01";  // "one" is due that day, so not yet overdue
    EXPECT_EQ(listed(filter), Texts{});
}

TEST_F(ListActionsTest, RejectsBadDates) {
    auto no_today = m_store.list_actions(overdue_on(""));
    ASSERT_FALSE(no_today);
    EXPECT_NE(no_today.error().message().find("today"), std::string::npos);
    auto bad = m_store.list_actions(due_before("1 July 2022"));
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message().find("1 July 2022"), std::string::npos);
}

TEST_F(ListActionsTest, RowsCarryTheMeeting) {
    auto rows = m_store.list_actions(with_owner("Head"));
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].committee, "Planning Committee");
    EXPECT_EQ((*rows)[0].meeting_date, "2022-06-07");
    EXPECT_EQ((*rows)[0].reference, "PC/22-23/4.A1");
    EXPECT_EQ((*rows)[0].item, "4");
}

}  // namespace
}  // namespace actiontrack::store
