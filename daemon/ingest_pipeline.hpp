#pragma once
// What happens to one file from the drop folder, in two steps so the slow part can run on a
// worker thread while the database has a single writer:
//   1. prepare_document (any thread): read, hash, sniff the format by content, extract;
//   2. commit_document (the writer's thread): is the content stored already? store it in one
//      transaction, and only then move the file to processed/ (or leave it), or record the
//      failure and move the file to failed/ with NAME.error.txt.
// Crash safety comes from that order: the file leaves the drop folder only after its rows are
// committed, and the content hash makes a second attempt a no-op, so after a crash at any
// instant every file is either stored exactly once or read again from scratch.

#include <cstdint>
#include <optional>
#include <string>

#include "daemon/config.hpp"
#include "daemon/drop_folder.hpp"
#include "parsers/extraction.hpp"
#include "store/store.hpp"

namespace actiontrack::service {

struct PreparedDocument {
    store::DocumentInput document;  // path, and sha256/size when the bytes could be read
    std::optional<parsers::Extraction> extraction;  // set when the file is a readable document
    std::string failure;  // otherwise the one-line reason ("file is empty", "binary file ...")
};

// Reads and extracts `path`. Never fails: a file that cannot be used comes back with
// `failure` set. Symbolic links are refused, not followed. Thread-safe.
PreparedDocument prepare_document(const std::string& path, std::int64_t max_bytes);

enum class Disposition {
    stored,     // a new meeting
    updated,    // corrected minutes of a stored meeting
    duplicate,  // the same bytes as a stored document (a "duplicate" row is logged)
    recovered,  // stored before a crash but not yet moved: moved now, no new row
    failed,     // recorded as failed, moved to failed/
};
std::string_view to_string(Disposition disposition);

struct CommitResult {
    Disposition disposition = Disposition::failed;
    std::string detail;     // for the log: counts, or the failure reason
    std::string new_path;   // where the file is now (empty when it stayed in place)
    bool left_in_place = false;  // after_ingest = "leave", or a move that failed
};

struct CommitOptions {
    DropLayout layout;
    config::AfterIngest after_ingest = config::AfterIngest::move;
    // The processed/ subfolder for a stored file, "YYYY/MM" (MonthFolder::at the time of the
    // commit, in the configured time zone).
    std::string month{};
    // True for files found by the start-up scan: a stored document whose recorded path is this
    // file's path was interrupted between commit and move, and is moved without a new row.
    bool may_be_interrupted = false;
};

// Stores (or records the failure of) a prepared document and moves the file. Never throws on
// expected failures: a database error makes the file a failure too (recorded where possible,
// moved to failed/), so the daemon goes on with the next file.
CommitResult commit_document(store::Store& db, PreparedDocument prepared,
                             const CommitOptions& options);

// commit_document in two halves, for a group commit (Store::begin_batch): store_document()
// writes the rows (or the failure) of each file of the batch, and move_document() moves each
// file only after the batch's transaction committed, which keeps the crash guarantee above.
// If the commit fails, nothing was stored: the caller goes back to commit_document per file.
CommitResult store_document(store::Store& db, const PreparedDocument& prepared,
                            const CommitOptions& options);
void move_document(const std::string& path, const CommitOptions& options, CommitResult& result);

}  // namespace actiontrack::service
