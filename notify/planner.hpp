#pragma once
// One reminder run and one digest run against the register: read what the policy needs, ask
// it, and either explain the answer (--dry-run) or queue it in the outbox. Shared by the CLI
// and the Notifier, so the dry run shows exactly what the service would do.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "notify/digest.hpp"
#include "notify/outbox.hpp"
#include "notify/policy.hpp"
#include "notify/register_reader.hpp"
#include "notify/settings.hpp"

namespace actiontrack::notify {

struct ReminderPlan {
    std::vector<PolicyAction> actions;
    OwnerDirectory owners;
    PolicyResult result;
};

// The directory from the database plus the owners in the settings (the database wins on a
// shared alias, since it is what officers edit with `actiontrack owners`).
Result<OwnerDirectory> load_owners(RegisterReader& reader, const NotifySettings& settings);

Result<ReminderPlan> plan_reminders(RegisterReader& reader, Outbox& outbox,
                                    const NotifySettings& settings, Instant now);

// Human-readable: per message, the channel, the recipient (or "no known address") and each
// action with why it is due; then the deferrals.
std::string explain_plan(const ReminderPlan& plan);

// Queues the plan's e-mails (and webhook events) in the outbox. Returns how many rows were
// queued; notifications to recipients without an address are skipped (explain_plan shows them).
Result<int> queue_reminders(const ReminderPlan& plan, RegisterReader& reader, Outbox& outbox,
                            const NotifySettings& settings, Instant now);

struct DigestPlan {
    Person to;
    std::optional<std::string> committee;  // none: the whole register
    Date local_date{};  // the recipient's date now: what "overdue" and "due soon" count from
    Date period{};      // the digest period's first day (see digest_period); in the idempotency key
    std::string log_key;  // the recipient in the digest log (Outbox::digest_logged)
    Digest digest;
};

// The first day of the digest period that `local` falls in: the latest `weekday` (0 = Sunday)
// whose digest time (`minute` after local midnight) has come: today once the time has passed on
// the digest weekday, else an earlier day up to 7 days back.
Date digest_period(const LocalTime& local, unsigned weekday, int minute);

// The digests due at `now`: one per recipient (the scrutiny officer, and each of
// settings.digest_recipients) whose current digest period is not in the digest log yet. On the
// period's first day after the digest time that is the on-time digest; later in the period it is
// one that was missed because the daemon was not running at the time, sent late but once (the
// period, not the sending date, is in its idempotency key), and only the latest period's, never
// a backlog. A recipient the notifier has never dealt with before starts with the next period
// instead of a late one, so switching reminders on mid-week sends no digest at once. With
// `force` (the dry run), every recipient's digest as if it were digest time now.
Result<std::vector<DigestPlan>> plan_digests(RegisterReader& reader, Outbox& outbox,
                                             const NotifySettings& settings, Instant now,
                                             bool force);

// Queues the plans' e-mails (and the digest.weekly event) and logs each plan's period, also
// when there was nothing to queue. Returns how many outbox rows were queued.
Result<int> queue_digests(const std::vector<DigestPlan>& plans, Outbox& outbox,
                          const NotifySettings& settings, Instant now);

}  // namespace actiontrack::notify
