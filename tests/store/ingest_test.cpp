// Tests for Store::ingest and Store::record_failure (store/ingest.cpp and the writers it uses).

#include <gtest/gtest.h>

#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::action;
using testing::count_rows;
using testing::date;
using testing::document;
using testing::inspect;
using testing::k_fixed_now;
using testing::panel_meeting;
using testing::StoreTest;

// One text column of every row of a query, in the query's order.
std::vector<std::string> texts(const std::string& path, std::string_view sql, std::int64_t id = 0) {
    Database db = inspect(path);
    auto statement = db.prepare(sql);
    if (!statement) throw std::runtime_error(statement.error().message());
    if (id != 0) statement->bind(1, id);
    std::vector<std::string> values;
    while (*statement->step()) values.push_back(statement->column_text(0));
    return values;
}

std::vector<ActionRow> all_actions(Store& store) {
    auto rows = store.list_actions(ActionFilter{});
    if (!rows) throw std::runtime_error(rows.error().message());
    return *rows;
}

const ActionRow* find_by_reference(const std::vector<ActionRow>& rows, std::string_view reference) {
    for (const ActionRow& row : rows) {
        if (row.reference == reference) return &row;
    }
    return nullptr;
}

parsers::Resolution resolution(std::string item, std::string text) {
    parsers::Resolution result;
    result.item = std::move(item);
    result.text = std::move(text);
    return result;
}

TEST_F(StoreTest, IngestStoresTheMeetingWithReferences) {
    auto report = m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting());
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_EQ(report->outcome, IngestOutcome::stored);
    EXPECT_GT(report->meeting_id, 0);
    EXPECT_GT(report->document_id, 0);
    EXPECT_EQ(report->resolutions, 2);
    EXPECT_EQ(report->actions, 3);
    EXPECT_EQ(report->actions_kept, 0);

    EXPECT_EQ(count_rows(m_path, "meetings"), 1);
    EXPECT_EQ(count_rows(m_path, "items"), 2);
    EXPECT_EQ(texts(m_path, "SELECT reference FROM resolutions ORDER BY position"),
              (std::vector<std::string>{"CYPSCSSP/22-23/22.4.1", "CYPSCSSP/22-23/22.5.1"}));
    EXPECT_EQ(texts(m_path, "SELECT reference FROM actions ORDER BY position"),
              (std::vector<std::string>{"CYPSCSSP/22-23/22.4.A1", "CYPSCSSP/22-23/22.4.A2",
                                        "CYPSCSSP/22-23/22.5.A1"}));
    EXPECT_EQ(texts(m_path,
                    "SELECT meeting_date || ' ' || time || ' ' || municipal_year || ' ' || "
                    "venue FROM meetings ORDER BY id"),
              (std::vector<std::string>{"2022-06-07 16:00 22-23 Mandela Room, Town Hall"}));
    EXPECT_EQ(texts(m_path,
                    "SELECT status || ' ' || path || ' ' || meeting_id FROM documents "
                    "ORDER BY id"),
              (std::vector<std::string>{"ingested /drop/panel.html " +
                                        std::to_string(report->meeting_id)}));
    // The first action came from the first resolution; the others from none.
    EXPECT_EQ(texts(m_path,
                    "SELECT COALESCE(r.reference, '-') FROM actions AS a LEFT JOIN "
                    "resolutions AS r ON r.id = a.resolution_id ORDER BY a.position"),
              (std::vector<std::string>{"CYPSCSSP/22-23/22.4.1", "-", "-"}));

    const std::vector<ActionRow> rows = all_actions(m_store);
    ASSERT_EQ(rows.size(), 3u);
    const ActionRow* circulate = find_by_reference(rows, "CYPSCSSP/22-23/22.4.A1");
    ASSERT_NE(circulate, nullptr);
    EXPECT_EQ(circulate->committee,
              "Children and Young People's Social Care and Services Scrutiny Panel");
    EXPECT_EQ(circulate->meeting_date, "2022-06-07");
    EXPECT_EQ(circulate->item, "22/4");
    EXPECT_EQ(circulate->owner, "Democratic Services");
    EXPECT_EQ(circulate->due_date, "2022-07-01");
    EXPECT_EQ(circulate->status, ActionStatus::open);
    EXPECT_EQ(circulate->created_at, k_fixed_now);

    auto history = m_store.action_history(circulate->id);
    ASSERT_TRUE(history) << history.error().message();
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].kind, "created");
    EXPECT_EQ((*history)[0].who, "ingest");
    EXPECT_EQ((*history)[0].to_value, "open");
    EXPECT_EQ((*history)[0].note, "from /drop/panel.html");
}

TEST_F(StoreTest, SameBytesTwiceIsADuplicateAndChangesNothing) {
    ASSERT_TRUE(m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    // A different path and even a different extraction: the bytes decide.
    parsers::Extraction other = panel_meeting();
    other.actions.push_back(action("22/5", "Something new", std::nullopt, std::nullopt));
    auto again = m_store.ingest(document("/drop/copy-of-panel.html", 'a'), other);
    ASSERT_TRUE(again) << again.error().message();
    EXPECT_EQ(again->outcome, IngestOutcome::duplicate);
    EXPECT_EQ(again->meeting_id, 0);

    EXPECT_EQ(count_rows(m_path, "meetings"), 1);
    EXPECT_EQ(count_rows(m_path, "items"), 2);
    EXPECT_EQ(count_rows(m_path, "resolutions"), 2);
    EXPECT_EQ(count_rows(m_path, "actions"), 3);
    EXPECT_EQ(count_rows(m_path, "action_events"), 3);
    EXPECT_EQ(texts(m_path, "SELECT status FROM documents ORDER BY id"),
              (std::vector<std::string>{"ingested", "duplicate"}));
}

// The corrected version of the panel meeting: the committee name in other case, the first
// action reworded and re-owned, the second gone, the third unchanged, one new action.
parsers::Extraction corrected_panel_meeting() {
    parsers::Extraction extraction = panel_meeting();
    extraction.meeting.committee =
        "CHILDREN AND YOUNG PEOPLE'S SOCIAL CARE AND SERVICES SCRUTINY PANEL";
    extraction.meeting.venue = "Committee Room 2, Town Hall";
    extraction.actions = {
        action("22/4", "Circulate the care leavers survey results to all members", "Clerk",
               date(2022, 7, 1)),
        action("22/5", "Update the work programme with the new topics", "Scrutiny Officer",
               date(2022, 6, 30)),
        action("22/5", "Report back on the consultation responses", "Director", std::nullopt),
    };
    extraction.actions[0].resolution = 0;
    return extraction;
}

TEST_F(StoreTest, CorrectedMinutesUpdateTheMeetingAndKeepActionHistory) {
    auto first = m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting());
    ASSERT_TRUE(first) << first.error().message();
    const std::vector<ActionRow> before = all_actions(m_store);
    const ActionRow* circulate = find_by_reference(before, "CYPSCSSP/22-23/22.4.A1");
    const ActionRow* invite = find_by_reference(before, "CYPSCSSP/22-23/22.4.A2");
    ASSERT_NE(circulate, nullptr);
    ASSERT_NE(invite, nullptr);
    const std::int64_t circulate_id = circulate->id;
    const std::int64_t invite_id = invite->id;
    ASSERT_TRUE(m_store.set_status(circulate_id, ActionStatus::done, "jo", "sent 30 June"));

    auto second = m_store.ingest(document("/drop/panel-v2.html", 'b'), corrected_panel_meeting());
    ASSERT_TRUE(second) << second.error().message();
    EXPECT_EQ(second->outcome, IngestOutcome::updated);
    EXPECT_EQ(second->meeting_id, first->meeting_id);
    EXPECT_EQ(second->actions_kept, 2);
    EXPECT_EQ(second->actions_dropped, 1);
    EXPECT_EQ(second->actions, 3);
    EXPECT_EQ(second->resolutions, 2);

    EXPECT_EQ(count_rows(m_path, "meetings"), 1);
    EXPECT_EQ(count_rows(m_path, "items"), 2);
    EXPECT_EQ(count_rows(m_path, "resolutions"), 2);
    EXPECT_EQ(count_rows(m_path, "actions"), 4);  // 3 old (one now dropped) + 1 new
    EXPECT_EQ(texts(m_path, "SELECT venue FROM meetings ORDER BY id"),
              (std::vector<std::string>{"Committee Room 2, Town Hall"}));
    // The committee keeps its first spelling, so references keep their initials.
    EXPECT_EQ(texts(m_path, "SELECT reference FROM resolutions ORDER BY position"),
              (std::vector<std::string>{"CYPSCSSP/22-23/22.4.1", "CYPSCSSP/22-23/22.5.1"}));

    auto kept = m_store.find_action(circulate_id);
    ASSERT_TRUE(kept) << kept.error().message();
    EXPECT_EQ(kept->reference, "CYPSCSSP/22-23/22.4.A1");
    EXPECT_EQ(kept->status, ActionStatus::done);
    EXPECT_EQ(kept->text, "Circulate the care leavers survey results to all members");
    EXPECT_EQ(kept->owner, "Clerk");
    auto kept_history = m_store.action_history(circulate_id);
    ASSERT_TRUE(kept_history);
    ASSERT_EQ(kept_history->size(), 4u);
    EXPECT_EQ((*kept_history)[0].kind, "created");
    EXPECT_EQ((*kept_history)[1].kind, "status");
    EXPECT_EQ((*kept_history)[2].kind, "updated");
    EXPECT_EQ((*kept_history)[2].from_value,
              "Circulate the care leavers survey results to members");
    EXPECT_EQ((*kept_history)[2].to_value,
              "Circulate the care leavers survey results to all members");
    EXPECT_EQ((*kept_history)[2].note, "text changed by /drop/panel-v2.html");
    EXPECT_EQ((*kept_history)[3].kind, "updated");
    EXPECT_EQ((*kept_history)[3].from_value, "Democratic Services");
    EXPECT_EQ((*kept_history)[3].to_value, "Clerk");
    // The re-created resolution is linked again.
    EXPECT_EQ(texts(m_path,
                    "SELECT r.reference FROM actions AS a JOIN resolutions AS r "
                    "ON r.id = a.resolution_id WHERE a.id = ? ORDER BY a.id",
                    circulate_id),
              (std::vector<std::string>{"CYPSCSSP/22-23/22.4.1"}));

    auto vanished = m_store.find_action(invite_id);
    ASSERT_TRUE(vanished);
    EXPECT_EQ(vanished->status, ActionStatus::dropped);
    EXPECT_EQ(vanished->reference, "CYPSCSSP/22-23/22.4.A2");
    auto vanished_history = m_store.action_history(invite_id);
    ASSERT_TRUE(vanished_history);
    ASSERT_EQ(vanished_history->size(), 2u);
    EXPECT_EQ(vanished_history->back().kind, "status");
    EXPECT_EQ(vanished_history->back().from_value, "open");
    EXPECT_EQ(vanished_history->back().to_value, "dropped");
    EXPECT_EQ(vanished_history->back().note, "not in corrected minutes /drop/panel-v2.html");

    const std::vector<ActionRow> after = all_actions(m_store);
    const ActionRow* unchanged = find_by_reference(after, "CYPSCSSP/22-23/22.5.A1");
    ASSERT_NE(unchanged, nullptr);
    auto unchanged_history = m_store.action_history(unchanged->id);
    ASSERT_TRUE(unchanged_history);
    EXPECT_EQ(unchanged_history->size(), 1u);  // nothing changed, nothing logged
    const ActionRow* added = find_by_reference(after, "CYPSCSSP/22-23/22.5.A2");
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->text, "Report back on the consultation responses");
    EXPECT_EQ(added->status, ActionStatus::open);
}

TEST_F(StoreTest, ACorrectionThatReusesAFreedNumberSkipsTheDroppedReference) {
    ASSERT_TRUE(m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting()));
    // Only a new, unrelated action under 22/4 at the second place: A2 still belongs to the
    // dropped "invite" action, so the newcomer must take A3.
    parsers::Extraction corrected = panel_meeting();
    corrected.actions[1] =
        action("22/4", "Publish the minutes on the website", std::nullopt, std::nullopt);
    auto report = m_store.ingest(document("/drop/panel-v2.html", 'b'), corrected);
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_EQ(report->actions_dropped, 1);
    EXPECT_EQ(
        texts(m_path, "SELECT reference || ' ' || status FROM actions ORDER BY id"),
        (std::vector<std::string>{"CYPSCSSP/22-23/22.4.A1 open", "CYPSCSSP/22-23/22.4.A2 dropped",
                                  "CYPSCSSP/22-23/22.5.A1 open", "CYPSCSSP/22-23/22.4.A3 open"}));
}

// Long minutes are written in several multi-row INSERTs (store/row_batches.hpp): every row
// must still get its place, its reference, its resolution link and its 'created' event, in
// document order, and a correction of them must still keep and drop the right actions.
TEST_F(StoreTest, LongMinutesKeepOrderReferencesAndLinksAcrossBatches) {
    constexpr int k_resolutions = 45;  // 32 + 8 + 4 + 1 rows
    constexpr int k_actions = 37;      // 32 + 4 + 1 rows
    parsers::Extraction long_minutes = panel_meeting();
    long_minutes.items = {parsers::Item{.number = "22/4", .number_inferred = false, .title = ""}};
    long_minutes.resolutions.clear();
    long_minutes.actions.clear();
    for (int i = 0; i < k_resolutions; ++i) {
        long_minutes.resolutions.push_back(
            resolution("22/4", "that recommendation " + std::to_string(i) + " be approved"));
    }
    for (int i = 0; i < k_actions; ++i) {
        long_minutes.actions.push_back(
            action("22/4", "Task number " + std::to_string(i) + " for officer " + std::to_string(i),
                   "Officer " + std::to_string(i), std::nullopt));
        long_minutes.actions.back().resolution = static_cast<std::size_t>(i);
    }
    auto report = m_store.ingest(document("/drop/long.txt", 'a'), long_minutes);
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_EQ(report->resolutions, k_resolutions);
    EXPECT_EQ(report->actions, k_actions);

    const auto resolution_rows =
        texts(m_path,
              "SELECT position || ' ' || reference || ' ' || text FROM resolutions "
              "ORDER BY id");
    ASSERT_EQ(resolution_rows.size(), static_cast<std::size_t>(k_resolutions));
    EXPECT_EQ(resolution_rows[0], "1 CYPSCSSP/22-23/22.4.1 that recommendation 0 be approved");
    EXPECT_EQ(resolution_rows[44], "45 CYPSCSSP/22-23/22.4.45 that recommendation 44 be approved");
    // Each action is linked to the resolution with its own number, ids ascend in document
    // order, and each has its one 'created' event.
    const auto action_rows = texts(
        m_path,
        "SELECT a.position || ' ' || a.reference || ' ' || r.text || ' ' || "
        "(SELECT COUNT(*) FROM action_events AS e WHERE e.action_id = a.id AND "
        "e.kind = 'created') FROM actions AS a JOIN resolutions AS r ON r.id = a.resolution_id "
        "ORDER BY a.id");
    ASSERT_EQ(action_rows.size(), static_cast<std::size_t>(k_actions));
    for (int i = 0; i < k_actions; ++i) {
        EXPECT_EQ(action_rows[static_cast<std::size_t>(i)],
                  std::to_string(i + 1) + " CYPSCSSP/22-23/22.4.A" + std::to_string(i + 1) +
                      " that recommendation " + std::to_string(i) + " be approved 1");
    }
    EXPECT_EQ(texts(m_path,
                    "SELECT MIN(e.id) < MAX(e.id) AND MIN(a.id) < MAX(a.id) FROM "
                    "action_events AS e JOIN actions AS a ON a.id = e.action_id"),
              (std::vector<std::string>{"1"}));

    // The correction drops the first action and adds one at the end: 36 kept, 1 new.
    parsers::Extraction corrected = long_minutes;
    corrected.actions.erase(corrected.actions.begin());
    corrected.actions.push_back(
        action("22/4", "Publish the minutes on the website", std::nullopt, std::nullopt));
    auto second = m_store.ingest(document("/drop/long-v2.txt", 'b'), corrected);
    ASSERT_TRUE(second) << second.error().message();
    EXPECT_EQ(second->outcome, IngestOutcome::updated);
    EXPECT_EQ(second->actions_kept, k_actions - 1);
    EXPECT_EQ(second->actions_dropped, 1);
    EXPECT_EQ(count_rows(m_path, "actions"), k_actions + 1);
    EXPECT_EQ(texts(m_path,
                    "SELECT reference || ' ' || status || ' ' || position FROM actions "
                    "ORDER BY id DESC LIMIT 1"),
              (std::vector<std::string>{"CYPSCSSP/22-23/22.4.A38 open 37"}));
}

TEST_F(StoreTest, UndatedMeetingsAreNeverMergedAndGetDistinctReferences) {
    parsers::Extraction undated = panel_meeting();
    undated.meeting.date.reset();
    auto first = m_store.ingest(document("/drop/one.html", 'a'), undated);
    auto second = m_store.ingest(document("/drop/two.html", 'b'), undated);
    ASSERT_TRUE(first) << first.error().message();
    ASSERT_TRUE(second) << second.error().message();
    EXPECT_EQ(first->outcome, IngestOutcome::stored);
    EXPECT_EQ(second->outcome, IngestOutcome::stored);
    EXPECT_NE(first->meeting_id, second->meeting_id);
    EXPECT_EQ(count_rows(m_path, "meetings"), 2);
    EXPECT_EQ(count_rows(m_path, "actions"), 6);
    EXPECT_EQ(
        texts(m_path, "SELECT reference FROM resolutions WHERE meeting_id = ? ORDER BY position",
              second->meeting_id),
        (std::vector<std::string>{"CYPSCSSP/undated/22.4-2.1", "CYPSCSSP/undated/22.5-2.1"}));
    EXPECT_EQ(texts(m_path, "SELECT reference FROM actions WHERE meeting_id = ? ORDER BY position",
                    second->meeting_id),
              (std::vector<std::string>{"CYPSCSSP/undated/22.4-2.A1", "CYPSCSSP/undated/22.4-2.A2",
                                        "CYPSCSSP/undated/22.5-2.A1"}));
}

TEST_F(StoreTest, MinuteNumbersRestartingEachMeetingDoNotCollide) {
    parsers::Extraction june;
    june.meeting.committee = "Planning Committee";
    june.meeting.date = date(2022, 6, 7);
    june.resolutions = {resolution("4", "approve")};
    june.actions = {action("4", "Issue the decision notice", std::nullopt, std::nullopt)};
    parsers::Extraction july = june;
    july.meeting.date = date(2022, 7, 5);
    parsers::Extraction planning_and_pensions = june;  // same initials, other committee
    planning_and_pensions.meeting.committee = "Pensions Committee";
    planning_and_pensions.meeting.date = date(2022, 9, 1);

    ASSERT_TRUE(m_store.ingest(document("/drop/june.html", '1'), june));
    ASSERT_TRUE(m_store.ingest(document("/drop/july.html", '2'), july));
    ASSERT_TRUE(m_store.ingest(document("/drop/pensions.html", '3'), planning_and_pensions));
    EXPECT_EQ(texts(m_path, "SELECT reference FROM resolutions ORDER BY id"),
              (std::vector<std::string>{"PC/22-23/4.1", "PC/22-23/4-2.1", "PC/22-23/4-3.1"}));
    EXPECT_EQ(texts(m_path, "SELECT reference FROM actions ORDER BY id"),
              (std::vector<std::string>{"PC/22-23/4.A1", "PC/22-23/4-2.A1", "PC/22-23/4-3.A1"}));
}

TEST_F(StoreTest, MeetingWithoutCommitteeOrItemNumbers) {
    parsers::Extraction bare;
    bare.resolutions = {resolution("", "first"), resolution("", "second")};
    bare.actions = {action("", "Do the thing", std::nullopt, std::nullopt)};
    auto report = m_store.ingest(document("/drop/bare.txt", 'c'), bare);
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_EQ(texts(m_path, "SELECT reference FROM resolutions ORDER BY id"),
              (std::vector<std::string>{"MTG/undated/0.1", "MTG/undated/0.2"}));
    EXPECT_EQ(texts(m_path, "SELECT reference FROM actions ORDER BY id"),
              (std::vector<std::string>{"MTG/undated/0.A1"}));
    const std::vector<ActionRow> rows = all_actions(m_store);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].committee, "");
    EXPECT_EQ(rows[0].meeting_date, std::nullopt);
}

TEST_F(StoreTest, RecordFailureLogsTheReason) {
    DocumentInput unreadable{.path = "/drop/locked.pdf", .sha256 = "", .size = 0};
    ASSERT_TRUE(m_store.record_failure(unreadable, "permission denied"));
    ASSERT_TRUE(m_store.record_failure(document("/drop/empty.html", 'd'), "no text in document"));
    EXPECT_EQ(texts(m_path,
                    "SELECT path || ' ' || status || ' ' || error || ' ' || "
                    "COALESCE(meeting_id, 'none') || ' ' || received_at "
                    "FROM documents ORDER BY id"),
              (std::vector<std::string>{
                  "/drop/locked.pdf failed permission denied none 2026-11-26T20:31:00Z",
                  "/drop/empty.html failed no text in document none 2026-11-26T20:31:00Z"}));
    EXPECT_EQ(count_rows(m_path, "meetings"), 0);
    // A failure does not make the same bytes a duplicate later.
    auto report = m_store.ingest(document("/drop/empty.html", 'd'), panel_meeting());
    ASSERT_TRUE(report) << report.error().message();
    EXPECT_EQ(report->outcome, IngestOutcome::stored);
}

TEST_F(StoreTest, AFailedIngestLeavesNoTrace) {
    {
        // Make every action insert fail half-way through the ingest.
        Database db = inspect(m_path);
        ASSERT_TRUE(
            db.execute("CREATE TRIGGER sabotage BEFORE INSERT ON actions "
                       "BEGIN SELECT RAISE(ABORT, 'sabotaged'); END"));
    }
    auto report = m_store.ingest(document("/drop/panel.html", 'a'), panel_meeting());
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message().find("sabotaged"), std::string::npos)
        << report.error().message();
    for (std::string_view table : {"documents", "meetings", "items", "resolutions", "actions"}) {
        EXPECT_EQ(count_rows(m_path, table), 0) << table;
    }
}

TEST_F(StoreTest, IngestWithoutSha256IsRefused) {
    DocumentInput no_hash{.path = "/drop/x.html", .sha256 = "", .size = 3};
    auto report = m_store.ingest(no_hash, panel_meeting());
    ASSERT_FALSE(report);
    EXPECT_NE(report.error().message().find("sha256"), std::string::npos);
}

}  // namespace
}  // namespace actiontrack::store
