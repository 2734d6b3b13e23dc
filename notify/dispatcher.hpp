#pragma once
// Delivering what the outbox holds: claim due rows under a lease, hand each to its transport,
// record the outcome. One pass per call; the notifier calls it on every tick.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>

#include "notify/mail_transport.hpp"
#include "notify/outbox.hpp"
#include "notify/register_reader.hpp"
#include "notify/settings.hpp"
#include "notify/webhook_sender.hpp"

namespace actiontrack::notify {

// The seam for time: the real clock in the daemon, a settable one in tests.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
  public:
    Instant now() const override;
};

struct DispatchCounts {
    int delivered = 0;
    int retried = 0;
    int dead = 0;
};

// Delivers every row due at clock.now() (up to `limit`). E-mail goes from settings.from to the
// row's recipients; a webhook row goes to the endpoint named by its recipient, signed with the
// endpoint's secrets and the attempt's timestamp; a 410 disables the endpoint. Rows for a
// disabled or unknown endpoint die without a request. `after_delivery`, when set, runs after a
// row was delivered and before the outbox records it (a test hook: see NotifierSeams).
net::awaitable<Result<DispatchCounts>> dispatch_due(Outbox& outbox, RegisterReader& reader,
                                                    MailTransport& mail, WebhookSender& webhooks,
                                                    const NotifySettings& settings,
                                                    const Clock& clock, int limit,
                                                    std::function<void()> after_delivery = {});

}  // namespace actiontrack::notify
