#pragma once
// The outbox: every message to send is a row, queued in the same transaction as the send-log
// rows (or change event) that caused it, claimed by a sender under a lease, and marked sent,
// retried with backoff, or dead. At least once, never twice: a unique idempotency key makes
// re-queueing a no-op, and a crash between delivery and "sent" re-delivers the same stored
// bytes (same Message-ID / webhook-id) once the lease expires.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "notify/delivery.hpp"
#include "notify/policy.hpp"

namespace actiontrack::store {
class Database;
}

namespace actiontrack::notify {

enum class OutboxStatus { pending, sent, dead };
std::string_view to_string(OutboxStatus status);

struct NewMessage {
    std::string idempotency_key;  // unique: a second enqueue with it is a no-op
    Channel channel = Channel::email;
    std::string recipient;  // addresses (comma-separated) or the webhook endpoint name
    std::string kind;
    std::string subject;
    std::string message_id;
    std::string payload;
};

struct OutboxRow {
    std::int64_t id = 0;
    std::string idempotency_key;
    Channel channel = Channel::email;
    std::string recipient;
    std::string kind;
    std::string subject;
    std::string message_id;
    std::string payload;
    OutboxStatus status = OutboxStatus::pending;
    int attempts = 0;  // delivery attempts started (claims)
    std::string next_attempt_at;
    std::optional<std::string> last_error;
    std::string created_at;
    std::optional<std::string> sent_at;
};

class Outbox {
  public:
    // Uses `db` (not owned); it must outlive the Outbox.
    explicit Outbox(store::Database& db) : m_db(&db) {}

    // The connection the outbox writes through (the digest's unsubscribe tokens share it).
    store::Database& database() { return *m_db; }

    // Queues `message` and records `log` (the reminders it carries) in one transaction. Returns
    // the new row's id, or nullopt when the idempotency key was already queued (nothing written).
    Result<std::optional<std::int64_t>> enqueue(const NewMessage& message,
                                                const std::vector<SentEntry>& log, Instant now);

    // Claims up to `limit` pending rows that are due at `now` and not leased, leasing them until
    // now + lease and counting the attempt. Oldest due first.
    Result<std::vector<OutboxRow>> claim(Instant now, std::chrono::seconds lease, int limit);

    // Records the outcome of a claimed row's attempt: sent; retry at now + retry_delay(...); or
    // dead with the error (also when the retry schedule is exhausted). Returns the row's status
    // now: sent, pending (to be retried) or dead.
    Result<OutboxStatus> record(const OutboxRow& row, const DeliveryResult& result, Instant now);

    // All rows, newest first; only `status` ones when given.
    Result<std::vector<OutboxRow>> list(std::optional<OutboxStatus> status);
    // Makes a dead (or pending) row due now with a fresh retry schedule; false when no such row
    // or it was sent already.
    Result<bool> retry(std::int64_t id, Instant now);
    // Deletes sent and dead rows created before `before` (their send-log rows stay, so nothing
    // is sent again). Returns how many.
    Result<int> purge(Instant before);

    // When the newest row of `kind` to `recipient` was queued, or nullopt when none is kept.
    Result<std::optional<std::string>> last_queued(const std::string& kind,
                                                   const std::string& recipient);

    // The whole send log, for the policy.
    Result<std::vector<SentEntry>> send_log();

    // The digest log: which weekly digest periods (named by the date the period starts) each
    // digest recipient has had. Like the send log it outlives `outbox purge`, so each period is
    // dealt with once.
    //
    // Queues a digest `message` and logs `period` for `recipient` with it, in one transaction.
    // Returns as enqueue(); when the key was queued already, nothing is written.
    Result<std::optional<std::int64_t>> enqueue_digest(const NewMessage& message,
                                                       const std::string& recipient, Date period,
                                                       Date local_date, Instant now);
    // Logs `period` for `recipient` with no outbox row (an empty digest, no address); a no-op
    // when it is logged already.
    Result<void> log_digest(const std::string& recipient, Date period, Date local_date);
    // Whether `period` is logged for `recipient`.
    Result<bool> digest_logged(const std::string& recipient, Date period);
    // Whether any period is logged for `recipient`, i.e. the notifier has dealt with its
    // digests before.
    Result<bool> digest_history(const std::string& recipient);

  private:
    // Inserts the outbox row inside the caller's transaction; nullopt when the key exists.
    Result<std::optional<std::int64_t>> insert(const NewMessage& message, Instant now);
    Result<void> insert_digest_log(const std::string& recipient, Date period, Date local_date,
                                   std::optional<std::int64_t> outbox_id);

    store::Database* m_db;
};

}  // namespace actiontrack::notify
