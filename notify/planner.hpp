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
    Date local_date{};
    Digest digest;
};

// The digests due at `now`: one per recipient (the scrutiny officer, and each of
// settings.digest_recipients), when the recipient's local weekday and hour are the configured ones
// or later that day, unless already queued. With `force`, the digests as if it were digest time
// now.
Result<std::vector<DigestPlan>> plan_digests(RegisterReader& reader, Outbox& outbox,
                                             const NotifySettings& settings, Instant now,
                                             bool force);

Result<int> queue_digests(const std::vector<DigestPlan>& plans, Outbox& outbox,
                          const NotifySettings& settings, Instant now);

}  // namespace actiontrack::notify
