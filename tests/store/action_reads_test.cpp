// Tests for store/action_reads.cpp: keyset pages visit every matching action once and in order,
// whichever index serves them; and the tallies and the per-committee index that schema 0004's
// triggers keep always agree with counting the actions themselves, after every kind of write
// and after the migration fills them from an existing register.

#include "store/action_reads.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "schema/embedded.hpp"
#include "store/migrations.hpp"
#include "store/reader.hpp"
#include "tests/store/test_support.hpp"

namespace actiontrack::store {
namespace {

using testing::inspect;

constexpr std::string_view k_today = "2026-11-15";

// Runs `sql` (one integer column) on a separate connection: the brute-force answer.
std::vector<std::int64_t> ids_of(const std::string& path, const std::string& sql) {
    Database db = inspect(path);
    auto statement = db.prepare(sql);
    if (!statement) throw std::runtime_error(statement.error().message());
    std::vector<std::int64_t> ids;
    while (*statement->step()) ids.push_back(statement->column_int64(0));
    return ids;
}

std::int64_t count_of(const std::string& path, const std::string& sql) {
    Database db = inspect(path);
    auto value = db.query_int64(sql);
    if (!value) throw std::runtime_error(value.error().message());
    return *value;
}

// 150 hand-made actions: three committees (one also spelled in lower case), four owners and
// none, every status, due dates with many ties and some missing.
class ActionReadsTest : public testing::StoreTest {
  protected:
    void SetUp() override {
        const std::vector<std::string> committees = {"Cabinet", "Audit Committee", "cabinet",
                                                     "Scrutiny Panel"};
        const std::vector<std::optional<std::string>> owners = {
            "Head of Finance", "Chief Executive", std::nullopt, "Head of Finance", "Clerk"};
        const std::vector<ActionStatus> statuses = {ActionStatus::open,        ActionStatus::done,
                                                    ActionStatus::in_progress, ActionStatus::open,
                                                    ActionStatus::dropped,     ActionStatus::open};
        std::vector<ManualAction> actions;
        for (int i = 0; i < 150; ++i) {
            ManualAction action;
            action.committee = committees[i % committees.size()];
            action.meeting_date = fmt_date(2026, 1 + i % 3, 1 + i % 4);
            action.text = "Action " + std::to_string(i);
            action.owner = owners[i % owners.size()];
            if (i % 7 != 0) action.due_date = fmt_date(2026, 10 + i % 3, 1 + (i * 7) % 28);
            action.status = statuses[i % statuses.size()];
            if (i % 11 == 0) action.rag_override = "red";
            actions.push_back(action);
        }
        auto added = m_store.add_manual_actions(actions, "test");
        ASSERT_TRUE(added) << added.error().message();
        open_reader();
    }

    void open_reader() {
        auto reader = Reader::open(m_path);
        ASSERT_TRUE(reader) << reader.error().message();
        m_reader.emplace(std::move(*reader));
    }

    static std::string fmt_date(int year, int month, int day) {
        return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    }

    // Every id `query` yields, following next_cursor page by page.
    std::vector<std::int64_t> all_pages(ActionQuery query) {
        std::vector<std::int64_t> ids;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = query_actions(*m_reader, query);
            if (!page) throw std::runtime_error(page.error().message());
            EXPECT_LE(page->actions.size(), static_cast<std::size_t>(query.limit));
            for (const ActionView& action : page->actions) ids.push_back(action.id);
            if (!page->next_cursor) return ids;
            EXPECT_EQ(page->actions.size(), static_cast<std::size_t>(query.limit));
            query.cursor = page->next_cursor;
        }
        ADD_FAILURE() << "pagination did not end";
        return ids;
    }

    // Every row `query` yields through stream_actions (or through query_actions, `views`),
    // following next_cursor, each written out with all its fields: the two must agree.
    std::vector<std::string> all_rows(ActionQuery query, bool views) {
        auto describe = [](const ActionRowView& r) {
            return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", r.id,
                               r.reference, r.meeting_id, r.committee, r.meeting_date.value_or("-"),
                               r.item, r.text, r.owner.value_or("-"), r.due_date.value_or("-"),
                               r.due_text.value_or("-"), r.status, r.rag,
                               r.rag_override.value_or("-"), r.resolution_id.value_or(-1),
                               r.version, r.created_at, r.updated_at);
        };
        std::vector<std::string> rows;
        for (int pages = 0; pages < 1000; ++pages) {
            std::optional<std::string> next;
            if (views) {
                auto page = query_actions(*m_reader, query);
                if (!page) throw std::runtime_error(page.error().message());
                for (const ActionView& action : page->actions) {
                    rows.push_back(describe(row_view(action)));
                }
                next = page->next_cursor;
            } else {
                auto page = stream_actions(*m_reader, query, [&](const ActionRowView& row) {
                    rows.push_back(describe(row));
                });
                if (!page) throw std::runtime_error(page.error().message());
                EXPECT_TRUE(page->in_order);
                next = page->next_cursor;
            }
            if (!next) return rows;
            query.cursor = next;
        }
        ADD_FAILURE() << "pagination did not end";
        return rows;
    }

    // The tallies and outstanding_actions against counting and joining the actions directly.
    void expect_derived_tables_match(const std::string& today) {
        auto counts = dashboard_counts(*m_reader, today);
        ASSERT_TRUE(counts) << counts.error().message();
        const std::string outstanding = "status IN ('open', 'in_progress')";
        EXPECT_EQ(counts->outstanding,
                  count_of(m_path, "SELECT COUNT(*) FROM actions WHERE " + outstanding));
        EXPECT_EQ(counts->overdue,
                  count_of(m_path, "SELECT COUNT(*) FROM actions WHERE " + outstanding +
                                       " AND due_date < '" + today + "'"));
        EXPECT_EQ(counts->due_this_week,
                  count_of(m_path, "SELECT COUNT(*) FROM actions WHERE " + outstanding +
                                       " AND due_date >= '" + today + "' AND due_date < '" +
                                       add_days(today, 7) + "'"));
        EXPECT_EQ(counts->done_this_month,
                  count_of(m_path,
                           "SELECT COUNT(*) FROM actions WHERE status = 'done' AND "
                           "substr(updated_at, 1, 7) = '" +
                               today.substr(0, 7) + "'"));
        auto by_status = actions_by_status(*m_reader);
        ASSERT_TRUE(by_status);
        for (const auto& [status, count] : *by_status) {
            EXPECT_EQ(count, count_of(m_path, "SELECT COUNT(*) FROM actions WHERE status = '" +
                                                  status + "'"))
                << status;
        }
        EXPECT_EQ(ids_of(m_path,
                         "SELECT action_id FROM outstanding_actions ORDER BY "
                         "committee, due_key, action_id"),
                  ids_of(m_path,
                         "SELECT a.id FROM actions AS a JOIN meetings AS m ON m.id = "
                         "a.meeting_id WHERE a.status IN ('open', 'in_progress') ORDER BY "
                         "COALESCE(m.committee, '') COLLATE NOCASE, COALESCE(a.due_date, "
                         "'9999-12-31'), a.id"));
    }

    std::optional<Reader> m_reader;
};

struct PagingCase {
    std::string name;
    ActionQuery query;
    std::string expected_sql;  // the same rows in the same order, the slow way
};

TEST_F(ActionReadsTest, EveryPageSizeVisitsEveryRowOnceInOrder) {
    const std::string due = "COALESCE(a.due_date, '9999-12-31')";
    const std::string from =
        "SELECT a.id FROM actions AS a JOIN meetings AS m ON m.id = a.meeting_id WHERE ";
    auto query = [](std::string sort) {
        ActionQuery q;
        q.today = std::string(k_today);
        q.sort = std::move(sort);
        return q;
    };
    std::vector<PagingCase> cases;
    cases.push_back({"all by due", query("due"), from + "1 ORDER BY " + due + ", a.id"});
    cases.push_back(
        {"all by -due", query("-due"), from + "1 ORDER BY " + due + " DESC, a.id DESC"});
    cases.push_back({"all by id", query("id"), from + "1 ORDER BY a.id"});
    cases.push_back({"all by -id", query("-id"), from + "1 ORDER BY a.id DESC"});
    {
        ActionQuery q = query("due");
        q.owner = "Head of Finance";
        q.status = "open";
        cases.push_back({"owner and status (the benchmark's list)", q,
                         from + "a.owner = 'Head of Finance' AND a.status = 'open' ORDER BY " +
                             due + ", a.id"});
    }
    {
        ActionQuery q = query("due");
        q.status = "outstanding";
        cases.push_back({"outstanding", q,
                         from + "a.status IN ('open', 'in_progress') ORDER BY " + due + ", a.id"});
    }
    for (const std::string sort : {"due", "-due"}) {
        ActionQuery q = query(sort);
        q.status = "outstanding";
        q.committee = "CABINET";  // either spelling, as meetings compare them
        const std::string direction = sort == "due" ? "" : " DESC";
        cases.push_back({"a committee's outstanding actions " + sort, q,
                         from +
                             "a.status IN ('open', 'in_progress') AND m.committee = 'cabinet' "
                             "COLLATE NOCASE ORDER BY " +
                             due + direction + ", a.id" + direction});
    }
    {
        ActionQuery q = query("due");
        q.status = "in_progress";
        q.committee = "Cabinet";
        cases.push_back({"a committee, one outstanding status", q,
                         from +
                             "a.status = 'in_progress' AND m.committee = 'Cabinet' COLLATE "
                             "NOCASE ORDER BY " +
                             due + ", a.id"});
    }
    {
        ActionQuery q = query("due");
        q.status = "done";
        q.committee = "audit committee";
        cases.push_back({"a committee's done actions", q,
                         from + "a.status = 'done' AND m.committee = 'Audit Committee' ORDER BY " +
                             due + ", a.id"});
    }
    {
        ActionQuery q = query("due");
        q.overdue = true;
        cases.push_back({"overdue", q,
                         from + "a.status IN ('open', 'in_progress') AND a.due_date < '" +
                             std::string(k_today) + "' ORDER BY " + due + ", a.id"});
    }
    {
        ActionQuery q = query("-due");
        q.rag = "red";
        cases.push_back({"red, newest due first", q,
                         from +
                             "a.status IN ('open', 'in_progress') AND (a.rag_override = 'red' "
                             "OR (a.rag_override IS NULL AND a.due_date < '" +
                             std::string(k_today) + "')) ORDER BY " + due + " DESC, a.id DESC"});
    }
    for (const PagingCase& c : cases) {
        const std::vector<std::int64_t> expected = ids_of(m_path, c.expected_sql);
        ASSERT_FALSE(expected.empty()) << c.name;
        for (const int limit : {1, 7, 50, 1000}) {
            ActionQuery q = c.query;
            q.limit = limit;
            EXPECT_EQ(all_pages(q), expected) << c.name << ", limit " << limit;
            // The list endpoint's path (its own SQL, meetings from the reader's cache, the RAG
            // worked out in C++) must yield the very same rows.
            EXPECT_EQ(all_rows(q, false), all_rows(q, true)) << c.name << ", limit " << limit;
        }
    }
}

TEST_F(ActionReadsTest, StreamedRowsSeeAMeetingChangedByAnotherConnection) {
    ActionQuery query;
    query.today = std::string(k_today);
    query.owner = "Head of Finance";
    query.status = "open";
    query.limit = 1000;
    const std::vector<std::string> before = all_rows(query, false);
    ASSERT_FALSE(before.empty());
    EXPECT_EQ(before, all_rows(query, true));
    // The writer is another connection: the reader's meeting cache must notice its commit.
    Database writer = inspect(m_path);
    ASSERT_TRUE(writer.execute(
        "UPDATE meetings SET committee = 'Renamed Panel', meeting_date = '2026-02-02' "
        "WHERE id = (SELECT meeting_id FROM actions WHERE owner = 'Head of Finance' AND "
        "status = 'open' ORDER BY COALESCE(due_date, '9999-12-31'), id LIMIT 1)"));
    const std::vector<std::string> after = all_rows(query, false);
    EXPECT_NE(after, before);
    EXPECT_EQ(after, all_rows(query, true));
    EXPECT_NE(after.front().find("|Renamed Panel|2026-02-02|"), std::string::npos) << after.front();
}

TEST(EffectiveRag, FollowsTheSqlRule) {
    const std::string_view today = "2026-11-15";
    const std::string_view amber_before = "2026-11-29";
    EXPECT_EQ(effective_rag("done", "red", "2020-01-01", today, amber_before), "complete");
    EXPECT_EQ(effective_rag("dropped", std::nullopt, std::nullopt, today, amber_before),
              "complete");
    EXPECT_EQ(effective_rag("open", "green", "2020-01-01", today, amber_before), "green");
    EXPECT_EQ(effective_rag("in_progress", std::nullopt, "2026-11-14", today, amber_before), "red");
    EXPECT_EQ(effective_rag("open", std::nullopt, "2026-11-15", today, amber_before), "amber");
    EXPECT_EQ(effective_rag("open", std::nullopt, "2026-11-28", today, amber_before), "amber");
    EXPECT_EQ(effective_rag("open", std::nullopt, "2026-11-29", today, amber_before), "green");
    EXPECT_EQ(effective_rag("open", std::nullopt, std::nullopt, today, amber_before), "green");
}

TEST_F(ActionReadsTest, PagesStayExactWhileActionsAreAdded) {
    ActionQuery query;
    query.today = std::string(k_today);
    query.status = "outstanding";
    query.limit = 10;
    const std::vector<std::int64_t> before = all_pages(query);
    auto first = query_actions(*m_reader, query);
    ASSERT_TRUE(first && first->next_cursor);

    // One action sorting before the cursor (already passed: not seen) and one after it.
    ManualAction early;
    early.committee = "Cabinet";
    early.text = "Early";
    early.due_date = "2025-01-01";
    ManualAction late;
    late.committee = "Cabinet";
    late.text = "Late";
    late.due_date = "2027-01-01";
    auto early_id = m_store.add_manual_action(early, "test");
    auto late_id = m_store.add_manual_action(late, "test");
    ASSERT_TRUE(early_id && late_id);

    std::vector<std::int64_t> seen;
    for (const ActionView& action : first->actions) seen.push_back(action.id);
    query.cursor = first->next_cursor;
    for (const std::int64_t id : all_pages(query)) seen.push_back(id);

    std::vector<std::int64_t> expected = before;
    const auto undated = std::find_if(expected.begin(), expected.end(), [&](std::int64_t id) {
        return ids_of(m_path,
                      "SELECT due_date IS NULL FROM actions WHERE id = " + std::to_string(id))
                   .front() == 1;
    });
    expected.insert(undated, *late_id);  // the latest dated action, before the undated ones
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(std::count(seen.begin(), seen.end(), *early_id), 0);
}

TEST_F(ActionReadsTest, BadCursorsAndParametersAreErrors) {
    ActionQuery query;
    query.today = std::string(k_today);
    query.cursor = "zz";
    EXPECT_FALSE(query_actions(*m_reader, query));
    query.cursor.reset();
    query.sort = "owner";
    EXPECT_FALSE(query_actions(*m_reader, query));
    query.sort = "due";
    query.limit = 0;
    EXPECT_FALSE(query_actions(*m_reader, query));
}

TEST_F(ActionReadsTest, TalliesFollowEveryKindOfWrite) {
    expect_derived_tables_match(std::string(k_today));
    expect_derived_tables_match("2026-11-27");  // "done this month" by updated_at

    const std::vector<std::int64_t> outstanding = ids_of(
        m_path, "SELECT id FROM actions WHERE status IN ('open', 'in_progress') ORDER BY id");
    ASSERT_GE(outstanding.size(), 6u);
    auto change = [&](std::int64_t id, const auto& edit) {
        ActionChange c;
        edit(c);
        auto report = m_store.change_action(id, c, "test");
        ASSERT_TRUE(report) << report.error().message();
        EXPECT_EQ(report->outcome, ChangeOutcome::changed);
    };
    change(outstanding[0], [](ActionChange& c) { c.status = ActionStatus::done; });
    change(outstanding[1],
           [](ActionChange& c) { c.due_date = std::optional<std::string>("2026-11-16"); });
    change(outstanding[2], [](ActionChange& c) { c.due_date = std::optional<std::string>(); });
    change(outstanding[3], [](ActionChange& c) {
        c.status = ActionStatus::in_progress;
        c.due_date = std::optional<std::string>("2026-01-01");
    });
    change(outstanding[4], [](ActionChange& c) { c.note = "a note changes only updated_at"; });
    change(outstanding[0], [](ActionChange& c) { c.status = ActionStatus::open; });  // reopened
    ASSERT_TRUE(m_store.set_status(outstanding[5], ActionStatus::dropped, "test", ""));
    ManualAction added;
    added.committee = "New Committee";
    added.text = "Added later";
    added.due_date = "2026-11-20";
    ASSERT_TRUE(m_store.add_manual_action(added, "test"));
    expect_derived_tables_match(std::string(k_today));

    // Corrected minutes may respell a meeting's committee.
    {
        Database db = inspect(m_path);
        ASSERT_TRUE(
            db.execute("UPDATE meetings SET committee = 'Scrutiny Board' "
                       "WHERE committee = 'Scrutiny Panel'"));
    }
    expect_derived_tables_match(std::string(k_today));

    // Ingest and its corrections (which drop actions that disappear) go through the same.
    ASSERT_TRUE(m_store.ingest(testing::document("/drop/a.txt", 'a'), testing::panel_meeting()));
    auto corrected = testing::panel_meeting();
    corrected.actions.pop_back();
    ASSERT_TRUE(m_store.ingest(testing::document("/drop/b.txt", 'b'), corrected));
    expect_derived_tables_match(std::string(k_today));
}

TEST_F(ActionReadsTest, EachCommitteesFirstOutstandingActions) {
    auto groups = outstanding_by_committee(*m_reader, std::string(k_today), 4);
    ASSERT_TRUE(groups) << groups.error().message();
    // "Cabinet" and "cabinet" are one committee, as meetings count them.
    ASSERT_EQ(groups->size(), 3u);
    std::set<std::string> seen;
    for (const CommitteeActions& group : *groups) {
        seen.insert(group.committee == "cabinet" ? "Cabinet" : group.committee);
        const std::vector<std::int64_t> all =
            ids_of(m_path,
                   "SELECT a.id FROM actions AS a JOIN meetings AS m ON m.id = a.meeting_id "
                   "WHERE a.status IN ('open', 'in_progress') AND m.committee = '" +
                       group.committee +
                       "' COLLATE NOCASE ORDER BY COALESCE(a.due_date, '9999-12-31'), a.id");
        std::vector<std::int64_t> shown;
        for (const ActionView& action : group.actions) {
            shown.push_back(action.id);
            EXPECT_TRUE(action.status == "open" || action.status == "in_progress");
        }
        EXPECT_EQ(shown, std::vector<std::int64_t>(all.begin(), all.begin() + 4))
            << group.committee;
        EXPECT_EQ(group.more, all.size() > 4) << group.committee;
    }
    EXPECT_EQ(seen, (std::set<std::string>{"Audit Committee", "Cabinet", "Scrutiny Panel"}));
}

// A register made before schema 0004 gets its tallies and committee index filled by the
// migration, so the first page served after an upgrade is already right.
TEST(ActionReadsMigration, FillsTheDerivedTablesFromExistingActions) {
    testing::TempDir dir;
    const std::string path = dir.file("old.db");
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(apply_migrations(*db, schema::migrations().first(3)));
        ASSERT_TRUE(db->execute(R"sql(
            INSERT INTO meetings (id, committee, meeting_date, municipal_year, created_at, updated_at)
            VALUES (1, 'Cabinet', '2026-01-05', '25-26', 'x', 'x'),
                   (2, NULL, NULL, 'undated', 'x', 'x');
            INSERT INTO actions (meeting_id, item, text, owner, due_date, due_grain, derived,
                                 status, reference, position, created_at, updated_at)
            VALUES (1, '1', 'a', 'X', '2026-11-01', 'day', 0, 'open', 'R1', 0, 'x', '2026-11-01T00:00:00Z'),
                   (1, '1', 'b', 'X', NULL, 'day', 0, 'in_progress', 'R2', 1, 'x', '2026-11-01T00:00:00Z'),
                   (2, '1', 'c', NULL, '2026-12-01', 'day', 0, 'open', 'R3', 0, 'x', '2026-11-01T00:00:00Z'),
                   (2, '1', 'd', NULL, '2026-12-01', 'day', 0, 'done', 'R4', 1, 'x', '2026-11-02T00:00:00Z');
        )sql"));
    }
    testing::open_store(path);  // applies 0004 and later
    auto reader = Reader::open(path);
    ASSERT_TRUE(reader) << reader.error().message();
    auto counts = dashboard_counts(*reader, "2026-11-15");
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->outstanding, 3);
    EXPECT_EQ(counts->overdue, 1);
    EXPECT_EQ(counts->done_this_month, 1);
    auto groups = outstanding_by_committee(*reader, "2026-11-15", 10);
    ASSERT_TRUE(groups);
    ASSERT_EQ(groups->size(), 2u);
    EXPECT_EQ((*groups)[0].committee, "");  // unnamed sorts first
    EXPECT_EQ((*groups)[0].actions.size(), 1u);
    EXPECT_EQ((*groups)[1].committee, "Cabinet");
    ASSERT_EQ((*groups)[1].actions.size(), 2u);
    EXPECT_EQ((*groups)[1].actions[0].text, "a");
    EXPECT_EQ((*groups)[1].actions[0].rag, "red");
    EXPECT_EQ((*groups)[1].actions[1].text, "b");  // undated last
}

}  // namespace
}  // namespace actiontrack::store
