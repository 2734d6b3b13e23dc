#pragma once
// The register of meetings, resolutions and actions, kept in one SQLite file.
// One Store owns one connection; it is the single writer. Not thread-safe: use it from one thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "store/unsubscribe.hpp"
#include "parsers/extraction.hpp"
#include "store/web_types.hpp"

namespace actiontrack::store {

// Where a document came from, as the caller (CLI or daemon) saw it on disk.
struct DocumentInput {
    std::string path;       // as given, for display and audit
    std::string sha256;     // lowercase hex of the exact bytes; the duplicate key
    std::int64_t size = 0;  // bytes
};

enum class IngestOutcome {
    stored,     // a new meeting (or a new document of a meeting with no identity) was stored
    updated,    // a corrected version of an already stored meeting (same committee and date)
    duplicate,  // these exact bytes were ingested before; nothing changed but the documents log
};
std::string_view to_string(IngestOutcome outcome);

struct IngestReport {
    IngestOutcome outcome = IngestOutcome::stored;
    std::int64_t document_id = 0;
    std::int64_t meeting_id = 0;  // 0 for a duplicate
    int resolutions = 0;          // rows now belonging to the meeting
    int actions = 0;              // the document's actions: kept plus new (not the dropped)
    int actions_kept = 0;         // on update: actions recognised as the same, status kept
    int actions_dropped = 0;      // on update: old actions missing from the correction
};

enum class ActionStatus { open, in_progress, done, dropped };
std::string_view to_string(ActionStatus status);  // "open", "in_progress", "done", "dropped"
// The inverse of to_string (also accepts "in-progress"); nullopt for anything else.
std::optional<ActionStatus> parse_action_status(std::string_view text);

struct ActionRow {
    std::int64_t id = 0;
    std::string reference;  // stable human reference, e.g. "CYPSCSSP/22-23/22.4.A1"
    std::string committee;  // may be empty
    std::optional<std::string> meeting_date;  // ISO
    std::string item;                         // minute number, may be empty
    std::string text;
    std::optional<std::string> owner;
    std::optional<std::string> due_date;  // ISO
    std::optional<std::string> due_text;
    ActionStatus status = ActionStatus::open;
    std::string created_at;  // ISO 8601 UTC
    std::string updated_at;
};

struct ActionFilter {
    std::optional<ActionStatus> status;
    std::optional<std::string> owner;       // case-insensitive substring
    bool overdue_only = false;              // due_date < today and not done/dropped
    std::optional<std::string> due_before;  // ISO date, exclusive
    std::string today;                      // ISO date used for "overdue"; caller supplies it
};

// One entry of an action's audit trail, oldest first.
struct ActionEvent {
    std::int64_t id = 0;
    std::string at;    // ISO 8601 UTC
    std::string who;   // the person, or "ingest" for changes made by reading minutes
    std::string kind;  // "created", "status", "updated" or "carried_over"
    std::optional<std::string> from_value;  // e.g. the old status; none for "created"
    std::optional<std::string> to_value;
    std::string note;  // for "updated": which field changed; otherwise free text
};

// The stored document with given bytes, as the daemon needs it to tell a crash-interrupted
// ingest (same path: the file was stored but not yet moved) from a real duplicate drop.
struct KnownDocument {
    std::int64_t document_id = 0;
    std::int64_t meeting_id = 0;  // 0 when the document had no meeting (never, today)
    std::string path;             // the path it was ingested from
};

// Sizes of the register for `actiontrack status` and the daemon's STATUS= line.
struct RegisterCounts {
    std::int64_t documents_ingested = 0;
    std::int64_t documents_duplicate = 0;
    std::int64_t documents_failed = 0;
    std::int64_t meetings = 0;
    std::int64_t resolutions = 0;
    std::int64_t actions = 0;
    std::int64_t actions_open = 0;     // open or in progress
    std::int64_t actions_overdue = 0;  // open or in progress with a due date before today
};

struct StoreOptions {
    // The current time as UTC ISO 8601, e.g. "2026-11-26T20:31:00Z"; used for every timestamp
    // the store writes. Empty means the system clock. Tests set a fixed clock here.
    std::function<std::string()> now;
};

class Store {
  public:
    // Opens (creating if needed) the database at `path` (":memory:" allowed), sets the pragmas
    // and applies pending migrations, each in a transaction. Fails when the file is not a
    // database, is another program's SQLite database, or its schema is newer than this binary
    // knows.
    static Result<Store> open(const std::string& path);
    static Result<Store> open(const std::string& path, StoreOptions options);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // Stores one document's extraction in a single transaction. The same bytes twice are a
    // no-op reported as `duplicate`. A different document for an already stored meeting (same
    // committee and date) replaces its items and resolutions and keeps each action's status
    // and history where the action is recognisably the same (item + similar text).
    Result<IngestReport> ingest(const DocumentInput& document,
                                const parsers::Extraction& extraction);

    // Records a document that could not be read or extracted, with the reason.
    Result<void> record_failure(const DocumentInput& document, std::string_view reason);

    // Group commit, for a writer with a backlog: ingest() and record_failure() calls between
    // begin_batch() and commit_batch() share one transaction (one WAL commit, one full-text
    // flush), and each document is still all or nothing: a failing one is undone alone (a
    // savepoint) and the others go on. Nothing is durable before commit_batch() succeeds, so
    // a caller moves files out of the drop folder only after it. After a failed commit_batch()
    // the batch is rolled back (every document in it undone) and the store is out of batch
    // mode. No other Store call may come between begin_batch() and commit_batch().
    Result<void> begin_batch();
    Result<void> commit_batch();
    // Undoes every document of the open batch; no-op without one.
    void rollback_batch();

    // Actions matching every set field of `filter`, by due date (undated last), then id.
    // Fails when overdue_only is set without a valid `today`, or a date is not ISO.
    Result<std::vector<ActionRow>> list_actions(const ActionFilter& filter);

    // One action; Error "no action with id N" when there is none.
    Result<ActionRow> find_action(std::int64_t action_id);

    // The action's audit trail, oldest first; Error "no action with id N" when there is none.
    Result<std::vector<ActionEvent>> action_history(std::int64_t action_id);

    // Changes an action's status and appends an audit event (who, when, from, to, note), even
    // when the status is unchanged (the note may matter). Returns the updated row. Fails with
    // "no action with id N", or when `who` is empty.
    Result<ActionRow> set_status(std::int64_t action_id, ActionStatus status, std::string_view who,
                                 std::string_view note);

    // --- For the web API and its CLI commands (issue 5; store/web_writes.cpp, web_tokens.cpp).
    // Every change appends action_events rows (who = `who`) in the same transaction.

    // Applies `change` to action `action_id` in one transaction. Fails on an invalid date or
    // RAG value, an empty `who`, or a database error; a missing action or a version mismatch
    // are outcomes, not errors.
    Result<ChangeReport> change_action(std::int64_t action_id, const ActionChange& change,
                                       std::string_view who);
    // Adds a manual action (and its meeting when new); returns the new action's id. Fails when
    // the text is empty, a date is not ISO, or the reference is taken.
    Result<std::int64_t> add_manual_action(const ManualAction& action, std::string_view who);
    // Adds all of `actions` in one transaction (CSV import): all or, on the first failure,
    // none; the error names the 1-based position of the failing action.
    Result<void> add_manual_actions(const std::vector<ManualAction>& actions, std::string_view who);

    // Stores a new API token by the SHA-256 (lowercase hex) of its secret. Fails when a live
    // token already has this name.
    Result<void> add_token(std::string_view name, std::string_view sha256_hex);
    // Revokes the live token called `name` and ends its sessions; false when there is none.
    Result<bool> revoke_token(std::string_view name);
    // Every token ever created, oldest first.
    Result<std::vector<TokenInfo>> list_tokens();
    // Records a dashboard session for the live token `token_sha256`; false when that token is
    // unknown or revoked.
    Result<bool> add_session(std::string_view session_sha256, std::string_view token_sha256,
                             std::string_view csrf, std::string_view expires_at);
    Result<void> delete_session(std::string_view session_sha256);

    // --- For the daemon (store/daemon_queries.cpp); read-only.

    // The successfully ingested document with these bytes (lowercase hex SHA-256), if any.
    Result<std::optional<KnownDocument>> find_ingested_document(std::string_view sha256);
    // Row counts of the register; `today` is the ISO date that decides "overdue".
    Result<RegisterCounts> counts(std::string_view today);

    // One-click unsubscribe (store/unsubscribe.hpp) through the writer, at the store's clock:
    // the token's subscription after recording its opt-out; nullopt for an unknown token.
    Result<std::optional<Subscription>> unsubscribe(std::string_view token);

    // The schema version after migrations (PRAGMA user_version).
    int schema_version();

    // For a writer that checkpoints the WAL elsewhere (the daemon, with a WalCheckpointer on
    // its thread pool): from now on no commit of this Store copies the log into the database
    // file, however long the log grows. `after_commit` is called after each commit, inside
    // it: it must not use the Store nor throw (see Database::defer_checkpoints).
    void defer_checkpoints(std::function<void()> after_commit = {});
    // The WAL's length in frames after this Store's last commit; 0 without defer_checkpoints().
    std::int64_t wal_frames() const;

    // One small step of merging the full-text indexes' segments, which their commits no longer
    // do (schema/0009): at most about `pages` pages written per index, in a transaction of its
    // own. True when it merged something (call again while it does), false when there was
    // nothing to merge. For a writer with nothing else to do; not inside a batch.
    Result<bool> merge_full_text(int pages);

  private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace actiontrack::store
