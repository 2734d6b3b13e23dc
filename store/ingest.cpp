// Store::ingest and Store::record_failure: everything that writes a document's contents, and
// the group commit (Store::begin_batch) they may run in.

#include <fmt/core.h>

#include "store/action_writer.hpp"
#include "store/deferred_rows.hpp"
#include "store/document_log.hpp"
#include "store/meeting_writer.hpp"
#include "store/reference.hpp"
#include "store/reference_allocator.hpp"
#include "store/store_impl.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {
namespace {

// One document's rows, inside an open batch (the caller makes them all-or-nothing).
Result<IngestReport> ingest_rows(Database& db, DeferredRows& deferred, const std::string& now,
                                 const DocumentInput& document,
                                 const parsers::Extraction& extraction) {
    TRY_ASSIGN(earlier, find_ingested(db, document.sha256));
    if (earlier) {
        TRY_ASSIGN(document_id, log_document(db, document, DocumentStatus::duplicate, std::nullopt,
                                             earlier->meeting_id, now));
        return IngestReport{.outcome = IngestOutcome::duplicate, .document_id = document_id};
    }

    const MeetingRow row = meeting_row(extraction.meeting);
    TRY_ASSIGN(same_meeting, find_same_meeting(db, row));
    std::int64_t meeting_id = 0;
    std::optional<std::string> stem_committee = row.committee;
    if (same_meeting) {
        // The correction's UPDATEs and DELETEs keep the search tables right row by row, which
        // needs the rows they touch to be there: an earlier document of this batch may have
        // stored this very meeting.
        TRY(deferred.index_pending(db));
        meeting_id = same_meeting->id;
        stem_committee = same_meeting->committee;
        TRY(update_meeting(db, meeting_id, row, now));
        TRY(delete_items_and_resolutions(db, meeting_id));
    } else {
        TRY_ASSIGN(inserted_id, insert_meeting(db, row, now));
        meeting_id = inserted_id;
    }

    // Planned after the old resolutions are gone, so the corrected ones can reuse their
    // references; see reference_allocator.hpp.
    TRY_ASSIGN(
        references,
        ReferenceAllocator::plan(
            db, meeting_id, reference_stem(stem_committee, extraction.meeting.date), extraction));
    TRY(insert_items(db, meeting_id, extraction.items));
    TRY_ASSIGN(resolution_ids,
               insert_resolutions(db, meeting_id, extraction.resolutions, references));
    TRY(DeferredRows::add_resolution_events(db, resolution_ids));
    TRY_ASSIGN(merge,
               merge_actions(db, meeting_id,
                             ActionSource{extraction.actions, resolution_ids, document.path, now},
                             references));
    TRY(DeferredRows::add_action_events(db, merge.inserted_ids));
    deferred.defer_search(resolution_ids, merge.inserted_ids);

    TRY_ASSIGN(document_id,
               log_document(db, document, DocumentStatus::ingested, std::nullopt, meeting_id, now));
    return IngestReport{
        .outcome = same_meeting ? IngestOutcome::updated : IngestOutcome::stored,
        .document_id = document_id,
        .meeting_id = meeting_id,
        .resolutions = static_cast<int>(resolution_ids.size()),
        .actions = merge.kept + merge.inserted,
        .actions_kept = merge.kept,
        .actions_dropped = merge.dropped,
    };
}

// After an I/O error SQLite may have rolled the whole batch back on its own; going on would
// write the next documents in autocommit mode, each committed at once and without the
// deferral switch (their events would be written twice). commit_batch() then fails as well.
Result<void> check_batch_alive(Database& db) {
    if (db.in_transaction()) return {};
    return Error("the batch's transaction was rolled back after an earlier error");
}

}  // namespace

Result<void> Store::begin_batch() {
    if (m_impl->m_batch) return Error("a batch is already open");
    Database& db = m_impl->m_db;
    TRY_ASSIGN(transaction, Transaction::begin(db));
    TRY(DeferredRows::switch_on(db));
    m_impl->m_batch.emplace(std::move(transaction));
    m_impl->m_deferred.clear();
    return {};
}

Result<void> Store::commit_batch() {
    if (!m_impl->m_batch) return Error("no batch is open");
    Database& db = m_impl->m_db;
    auto finish = [&]() -> Result<void> {
        TRY(check_batch_alive(db));
        TRY(m_impl->m_deferred.index_pending(db));
        TRY(DeferredRows::switch_off(db));
        return m_impl->m_batch->commit();
    };
    Result<void> committed = finish();
    // Committed, or rolled back by the Transaction's destructor: either way the batch is over.
    rollback_batch();
    return committed;
}

void Store::rollback_batch() {
    m_impl->m_batch.reset();
    m_impl->m_deferred.clear();
}

Result<IngestReport> Store::ingest(const DocumentInput& document,
                                   const parsers::Extraction& extraction) {
    if (document.sha256.empty()) {
        return Error(fmt::format("cannot ingest '{}': no sha256 given", document.path));
    }
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    if (!m_impl->m_batch) {
        // A batch of one: one transaction for the whole document, so a failure anywhere
        // leaves no half-stored meeting.
        TRY(begin_batch());
        auto report = ingest_rows(db, m_impl->m_deferred, now, document, extraction);
        if (!report) {
            rollback_batch();
            return report;
        }
        TRY(commit_batch());
        return report;
    }
    TRY(check_batch_alive(db));
    const DeferredRows::Mark mark = m_impl->m_deferred.mark();
    TRY_ASSIGN(savepoint, Savepoint::begin(db));
    auto report = ingest_rows(db, m_impl->m_deferred, now, document, extraction);
    if (report) {
        if (auto released = savepoint.release(); !released) report = released.error();
    }
    // On failure the savepoint's destructor undoes this document's rows; its pending full-text
    // rows go with them.
    if (!report) m_impl->m_deferred.forget_after(mark);
    return report;
}

Result<void> Store::record_failure(const DocumentInput& document, std::string_view reason) {
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    // An empty reason would make the log useless, and the schema requires one.
    const std::string_view stored_reason =
        reason.empty() ? std::string_view("unknown error") : reason;
    // One INSERT is all or nothing by itself; in a batch it needs no savepoint of its own.
    if (m_impl->m_batch) {
        TRY(check_batch_alive(db));
        TRY(log_document(db, document, DocumentStatus::failed, stored_reason, 0, now));
        return {};
    }
    TRY_ASSIGN(transaction, Transaction::begin(db));
    TRY(log_document(db, document, DocumentStatus::failed, stored_reason, 0, now));
    return transaction.commit();
}

}  // namespace actiontrack::store
