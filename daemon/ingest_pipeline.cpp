#include "daemon/ingest_pipeline.hpp"

#include <fmt/core.h>
#include <sys/stat.h>

#include "common/digest.hpp"
#include "daemon/document_reader.hpp"
#include "daemon/file_mover.hpp"
#include "daemon/log.hpp"
#include "parsers/extract.hpp"
#include "parsers/formats/sniff.hpp"

namespace actiontrack::service {

namespace {

// Records a failure in the register; moving the file aside is move_document's part.
CommitResult record_failure(store::Store& db, const PreparedDocument& prepared,
                            const std::string& reason) {
    CommitResult result;
    result.disposition = Disposition::failed;
    result.detail = reason;
    if (auto recorded = db.record_failure(prepared.document, reason); !recorded) {
        log::error("{}: cannot record the failure in the register: {}", prepared.document.path,
                   recorded.error().message());
    }
    return result;
}

// Moves a failed file aside and says where it went; the failure itself is already recorded.
void move_failed(const std::string& path, const CommitOptions& options, CommitResult& result) {
    auto moved = move_to_failed(path, options.layout.failed, result.detail);
    if (moved) {
        result.new_path = std::move(*moved);
    } else {
        log::error("{}: cannot move to {}: {}", path, options.layout.failed,
                   moved.error().message());
        result.left_in_place = true;
    }
}

// After a successful store: out of the drop folder, or left where it is.
void dispose(const std::string& path, const CommitOptions& options, CommitResult& result) {
    if (options.after_ingest == config::AfterIngest::leave) {
        result.left_in_place = true;
        return;
    }
    auto moved = move_to_processed(path, options.layout.processed, options.month);
    if (moved) {
        result.new_path = std::move(*moved);
        return;
    }
    // Stored but not moved: the hash makes the next attempt (after a restart) a quiet move.
    log::error("{}: stored, but cannot move it to {}: {}", path, options.layout.processed,
               moved.error().message());
    result.left_in_place = true;
}

std::string describe(const store::IngestReport& report) {
    std::string text = fmt::format("meeting {}, {} resolutions, {} actions", report.meeting_id,
                                   report.resolutions, report.actions);
    if (report.outcome == store::IngestOutcome::updated) {
        text += fmt::format(" ({} kept their status, {} dropped)", report.actions_kept,
                            report.actions_dropped);
    }
    return text;
}

}  // namespace

std::string_view to_string(Disposition disposition) {
    switch (disposition) {
        case Disposition::stored:
            return "stored";
        case Disposition::updated:
            return "updated";
        case Disposition::duplicate:
            return "duplicate";
        case Disposition::recovered:
            return "recovered";
        case Disposition::failed:
            return "failed";
    }
    return "failed";
}

PreparedDocument prepare_document(const std::string& path, std::int64_t max_bytes) {
    PreparedDocument prepared;
    prepared.document.path = path;
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) {
        prepared.document.size = static_cast<std::int64_t>(info.st_size);
        if (S_ISLNK(info.st_mode)) {
            prepared.failure = "a symbolic link: links are not followed, drop the file itself";
            return prepared;
        }
    }
    auto bytes = cli::read_file(path, max_bytes);
    if (!bytes) {
        prepared.failure = bytes.error().message();
        return prepared;
    }
    prepared.document.size = static_cast<std::int64_t>(bytes->size());
    prepared.document.sha256 = sha256_hex(*bytes);

    // The format is decided by content, never by the name. Plain text must pass the same
    // checks as `actiontrack ingest` (not empty, not binary); PDF, DOCX and HTML go to their
    // readers, which fail with their own reasons.
    if (parsers::sniff_format(*bytes) == parsers::DocumentFormat::text) {
        if (auto text = cli::check_text(*bytes); !text) {
            prepared.failure = text.error().message();
            return prepared;
        }
        prepared.extraction = parsers::extract(*bytes);
        return prepared;
    }
    auto extraction = parsers::extract_document(*bytes);
    if (!extraction) {
        prepared.failure = extraction.error().message();
        return prepared;
    }
    prepared.extraction = std::move(*extraction);
    return prepared;
}

CommitResult commit_document(store::Store& db, PreparedDocument prepared,
                             const CommitOptions& options) {
    CommitResult result = store_document(db, prepared, options);
    move_document(prepared.document.path, options, result);
    return result;
}

CommitResult store_document(store::Store& db, const PreparedDocument& prepared,
                            const CommitOptions& options) {
    const std::string& path = prepared.document.path;
    if (!prepared.extraction) return record_failure(db, prepared, prepared.failure);

    CommitResult result;
    if (options.may_be_interrupted) {
        auto known = db.find_ingested_document(prepared.document.sha256);
        if (!known) {
            return record_failure(db, prepared, "database error: " + known.error().message());
        }
        if (*known && (*known)->path == path) {
            result.disposition = Disposition::recovered;
            result.detail = fmt::format("already stored as document {} before a restart",
                                        (*known)->document_id);
            return result;
        }
    }
    auto report = db.ingest(prepared.document, *prepared.extraction);
    if (!report) {
        return record_failure(db, prepared, "database error: " + report.error().message());
    }
    switch (report->outcome) {
        case store::IngestOutcome::stored:
            result.disposition = Disposition::stored;
            result.detail = describe(*report);
            break;
        case store::IngestOutcome::updated:
            result.disposition = Disposition::updated;
            result.detail = describe(*report);
            break;
        case store::IngestOutcome::duplicate:
            result.disposition = Disposition::duplicate;
            result.detail = "the same bytes are already stored; nothing changed";
            break;
    }
    return result;
}

void move_document(const std::string& path, const CommitOptions& options, CommitResult& result) {
    if (result.disposition == Disposition::failed) {
        move_failed(path, options, result);
    } else {
        dispose(path, options, result);
    }
}

}  // namespace actiontrack::service
