// Store::ingest and Store::record_failure: everything that writes a document's contents.

#include <fmt/core.h>

#include "store/action_writer.hpp"
#include "store/document_log.hpp"
#include "store/meeting_writer.hpp"
#include "store/reference.hpp"
#include "store/reference_allocator.hpp"
#include "store/store_impl.hpp"
#include "store/transaction.hpp"

namespace actiontrack::store {

Result<IngestReport> Store::ingest(const DocumentInput& document,
                                   const parsers::Extraction& extraction) {
    if (document.sha256.empty()) {
        return Error(fmt::format("cannot ingest '{}': no sha256 given", document.path));
    }
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    // One transaction for the whole document: a failure anywhere leaves no half-stored meeting.
    TRY_ASSIGN(transaction, Transaction::begin(db));

    TRY_ASSIGN(earlier, find_ingested(db, document.sha256));
    if (earlier) {
        TRY_ASSIGN(document_id, log_document(db, document, DocumentStatus::duplicate, std::nullopt,
                                             earlier->meeting_id, now));
        TRY(transaction.commit());
        return IngestReport{.outcome = IngestOutcome::duplicate, .document_id = document_id};
    }

    const MeetingRow row = meeting_row(extraction.meeting);
    TRY_ASSIGN(same_meeting, find_same_meeting(db, row));
    std::int64_t meeting_id = 0;
    std::optional<std::string> stem_committee = row.committee;
    if (same_meeting) {
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
    TRY_ASSIGN(merge,
               merge_actions(db, meeting_id,
                             ActionSource{extraction.actions, resolution_ids, document.path, now},
                             references));

    TRY_ASSIGN(document_id,
               log_document(db, document, DocumentStatus::ingested, std::nullopt, meeting_id, now));
    TRY(transaction.commit());
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

Result<void> Store::record_failure(const DocumentInput& document, std::string_view reason) {
    Database& db = m_impl->m_db;
    const std::string now = m_impl->m_now();
    TRY_ASSIGN(transaction, Transaction::begin(db));
    // An empty reason would make the log useless, and the schema requires one.
    const std::string_view stored_reason =
        reason.empty() ? std::string_view("unknown error") : reason;
    TRY(log_document(db, document, DocumentStatus::failed, stored_reason, 0, now));
    return transaction.commit();
}

}  // namespace actiontrack::store
