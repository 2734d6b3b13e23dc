// Store::find_ingested_document and Store::counts: the read-only questions the daemon asks
// (is this file's content already stored, and how big is the register for `status`).

#include "store/document_log.hpp"
#include "store/store_impl.hpp"

namespace actiontrack::store {

Result<std::optional<KnownDocument>> Store::find_ingested_document(std::string_view sha256) {
    TRY_ASSIGN(statement, m_impl->m_db.prepare(R"sql(
        SELECT id, COALESCE(meeting_id, 0), path FROM documents
        WHERE sha256 = ? AND status = 'ingested'
    )sql"));
    statement.bind(1, sha256);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<KnownDocument>();
    return std::optional<KnownDocument>(KnownDocument{.document_id = statement.column_int64(0),
                                                      .meeting_id = statement.column_int64(1),
                                                      .path = statement.column_text(2)});
}

Result<RegisterCounts> Store::counts(std::string_view today) {
    Database& db = m_impl->m_db;
    RegisterCounts counts;
    // One statement per table keeps each query on its own index; the documents log is grouped
    // by status in a single pass.
    TRY_ASSIGN(documents, db.prepare(R"sql(
        SELECT status, COUNT(*) FROM documents GROUP BY status ORDER BY status
    )sql"));
    for (;;) {
        TRY_ASSIGN(has_row, documents.step());
        if (!has_row) break;
        const std::string status = documents.column_text(0);
        const std::int64_t count = documents.column_int64(1);
        if (status == "ingested") counts.documents_ingested = count;
        if (status == "duplicate") counts.documents_duplicate = count;
        if (status == "failed") counts.documents_failed = count;
    }
    TRY_ASSIGN(meetings, db.query_int64("SELECT COUNT(*) FROM meetings"));
    TRY_ASSIGN(resolutions, db.query_int64("SELECT COUNT(*) FROM resolutions"));
    counts.meetings = meetings;
    counts.resolutions = resolutions;

    // "Overdue" matches list_actions: a due date before today on an action still to be done.
    TRY_ASSIGN(actions, db.prepare(R"sql(
        SELECT COUNT(*),
               COALESCE(SUM(status IN ('open', 'in_progress')), 0),
               COALESCE(SUM(status IN ('open', 'in_progress') AND due_date < ?), 0)
        FROM actions
    )sql"));
    actions.bind(1, today);
    TRY_ASSIGN(has_actions, actions.step());
    if (has_actions) {
        counts.actions = actions.column_int64(0);
        counts.actions_open = actions.column_int64(1);
        counts.actions_overdue = actions.column_int64(2);
    }
    return counts;
}

}  // namespace actiontrack::store
