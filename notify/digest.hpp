#pragma once
// The weekly digest for a scrutiny officer: overdue (most overdue first), due in the next 14
// days, no due date, unassigned, completed in the last 7 days, new since the last digest, and
// dead deliveries. Pure: rendering only; the notifier decides when and to whom.

#include <optional>
#include <string>
#include <vector>

#include "notify/owners.hpp"
#include "notify/policy.hpp"
#include "notify/register_reader.hpp"

namespace actiontrack::notify {

struct DigestInput {
    const std::vector<PolicyAction>& actions;
    const std::vector<ResolutionFacts>& new_resolutions;
    const std::vector<std::string>& dead_deliveries;  // one line each
    const OwnerDirectory& owners;
    std::string recipient_name;             // who this digest is for (its heading)
    std::string routed_to;                  // who unassigned actions go to: the scrutiny officer
    std::optional<std::string> committee;   // only this committee's actions (case-insensitive)
    Date today{};                           // the recipient's local date
    Instant since{};                        // the last digest; "new" means created at or after it
    std::optional<std::string> public_url;  // dashboard base URL for links
};

struct Digest {
    std::string subject;
    std::string text;
    std::string html;
    bool empty = true;  // nothing in any section: the notifier skips it
};

Digest render_digest(const DigestInput& input);

}  // namespace actiontrack::notify
