#pragma once
// Turning the policy's notifications and the digest into outbox rows: subject, text and HTML
// bodies, the ICS attachment, a Message-ID derived from the idempotency key. Pure except for
// `sequence`, which the caller backs with the calendar_sequences table.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "notify/digest.hpp"
#include "notify/outbox.hpp"
#include "notify/policy.hpp"
#include "notify/settings.hpp"

namespace actiontrack::notify {

struct ComposedMessage {
    NewMessage row;
    std::vector<SentEntry> log;  // the reminders this message carries, for the send log
};

// The ICS SEQUENCE for (action, due date).
using SequenceFor = std::function<int(std::int64_t action_id, Date due)>;

// One e-mail for `notification` (channel email, a recipient with an address). Fails when an
// address is invalid.
Result<ComposedMessage> compose_reminder(const Notification& notification,
                                         const std::vector<PolicyAction>& actions,
                                         const NotifySettings& settings, Instant now,
                                         const SequenceFor& sequence);

// The digest e-mail to `to` (for `committee`, or the whole register), idempotent per
// recipient, committee and digest period (the date the period starts: a digest sent late has
// the same key, and so the same Message-ID, as the on-time one would have had). With a
// public_url, its List-Unsubscribe URL carries `unsubscribe_token` (the recipient's, from
// store::unsubscribe_token).
Result<ComposedMessage> compose_digest(const Digest& digest, const Person& to,
                                       const std::optional<std::string>& committee, Date period,
                                       const NotifySettings& settings, Instant now,
                                       std::string_view unsubscribe_token);

// A short human explanation of one due item, for `remind --dry-run`.
std::string describe_item(const DueItem& item, const PolicyAction& action);

}  // namespace actiontrack::notify
