// Tests for Store::set_status, find_action and action_history: the audit trail.

#include <gtest/gtest.h>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::document;
using testing::inspect;
using testing::panel_meeting;
using testing::TempDir;

// A clock that advances one minute per reading, to tell created_at from updated_at.
StoreOptions ticking_clock() {
    auto minute = std::make_shared<int>(0);
    return StoreOptions{.now = [minute] {
        return "2026-11-26T20:" + std::string(*minute < 10 ? "0" : "") +
               std::to_string((*minute)++) + ":00Z";
    }};
}

class SetStatusTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto store = Store::open(m_path, ticking_clock());
        ASSERT_TRUE(store) << store.error().message();
        m_store.emplace(std::move(store).value());
        ASSERT_TRUE(
            m_store->ingest(document("/drop/panel.html", 'a'), panel_meeting()));  // at 20:00
        auto rows = m_store->list_actions({});
        ASSERT_TRUE(rows);
        ASSERT_FALSE(rows->empty());
        m_action = rows->front();
    }

    TempDir m_dir;
    std::string m_path = m_dir.file("register.db");
    std::optional<Store> m_store;
    ActionRow m_action;
};

TEST_F(SetStatusTest, ChangesStatusAndAppendsAnEvent) {
    auto row = m_store->set_status(m_action.id, ActionStatus::in_progress, "jo.bloggs",
                                   "chased the provider");
    ASSERT_TRUE(row) << row.error().message();
    EXPECT_EQ(row->id, m_action.id);
    EXPECT_EQ(row->status, ActionStatus::in_progress);
    EXPECT_EQ(row->created_at, "2026-11-26T20:00:00Z");
    EXPECT_EQ(row->updated_at, "2026-11-26T20:01:00Z");

    auto done = m_store->set_status(m_action.id, ActionStatus::done, "sam", "");
    ASSERT_TRUE(done);
    EXPECT_EQ(done->updated_at, "2026-11-26T20:02:00Z");

    auto history = m_store->action_history(m_action.id);
    ASSERT_TRUE(history) << history.error().message();
    ASSERT_EQ(history->size(), 3u);
    const ActionEvent& first = (*history)[1];
    EXPECT_EQ(first.kind, "status");
    EXPECT_EQ(first.who, "jo.bloggs");
    EXPECT_EQ(first.at, "2026-11-26T20:01:00Z");
    EXPECT_EQ(first.from_value, "open");
    EXPECT_EQ(first.to_value, "in_progress");
    EXPECT_EQ(first.note, "chased the provider");
    const ActionEvent& second = (*history)[2];
    EXPECT_EQ(second.who, "sam");
    EXPECT_EQ(second.from_value, "in_progress");
    EXPECT_EQ(second.to_value, "done");

    auto found = m_store->find_action(m_action.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->status, ActionStatus::done);
}

TEST_F(SetStatusTest, UnknownActionIsAnError) {
    auto row = m_store->set_status(999, ActionStatus::done, "jo", "");
    ASSERT_FALSE(row);
    EXPECT_EQ(row.error().message(), "no action with id 999");
    auto history = m_store->action_history(999);
    ASSERT_FALSE(history);
    EXPECT_EQ(history.error().message(), "no action with id 999");
    auto found = m_store->find_action(999);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().message(), "no action with id 999");
}

TEST_F(SetStatusTest, RequiresWho) {
    auto row = m_store->set_status(m_action.id, ActionStatus::done, "", "");
    ASSERT_FALSE(row);
    auto found = m_store->find_action(m_action.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->status, ActionStatus::open);
}

TEST_F(SetStatusTest, TheAuditTrailCannotBeRewritten) {
    ASSERT_TRUE(m_store->set_status(m_action.id, ActionStatus::done, "jo", ""));
    Database db = inspect(m_path);
    EXPECT_FALSE(db.execute("UPDATE action_events SET who = 'someone else'"));
    EXPECT_FALSE(db.execute("DELETE FROM action_events"));
    // Nor can an action with history be deleted from under it.
    auto deleted = db.prepare("DELETE FROM actions WHERE id = ?");
    ASSERT_TRUE(deleted);
    ASSERT_TRUE(db.execute("PRAGMA foreign_keys = ON"));
    deleted->bind(1, m_action.id);
    EXPECT_FALSE(deleted->run());
}

TEST(ActionStatusText, RoundTrips) {
    for (ActionStatus status : {ActionStatus::open, ActionStatus::in_progress, ActionStatus::done,
                                ActionStatus::dropped}) {
        EXPECT_EQ(parse_action_status(to_string(status)), status);
    }
    EXPECT_EQ(parse_action_status("in-progress"), ActionStatus::in_progress);
    EXPECT_EQ(parse_action_status("Done"), std::nullopt);
    EXPECT_EQ(to_string(IngestOutcome::duplicate), "duplicate");
}

}  // namespace
}  // namespace actiontrack::store
