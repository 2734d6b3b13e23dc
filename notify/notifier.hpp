#pragma once
// The reminder service the daemon runs on its io_context: every tick (and a batch window after
// poke()), it turns new register changes into webhook rows, queues the reminders and digests
// that are due, and delivers what the outbox holds. Free of Beast and SSL headers.

#include <functional>
#include <memory>
#include <string>

#include "common/result.hpp"
#include "notify/settings.hpp"

namespace boost::asio {
class io_context;
}

namespace actiontrack::notify {

class Clock;
class MailTransport;
class WebhookSender;

// Replacements for the real clock and senders, for tests. Null members mean the real ones.
struct NotifierSeams {
    std::shared_ptr<Clock> clock;
    std::shared_ptr<MailTransport> mail;
    std::shared_ptr<WebhookSender> webhooks;
};

class Notifier {
  public:
    Notifier(boost::asio::io_context& io, NotifySettings settings, std::string db_path,
             NotifierSeams seams = {});
    ~Notifier();
    Notifier(const Notifier&) = delete;
    Notifier& operator=(const Notifier&) = delete;

    // Opens the register (its own connection) and starts the loop on the io_context. Fails when
    // the database cannot be opened or migrated. Work that fell due while the service was
    // stopped is done on the first tick.
    Result<void> start();
    // Asks the loop to finish: the delivery in hand completes, no new tick starts. Safe to call
    // twice; call it from the io_context's thread.
    void stop();
    // Test hook: `hook` runs after each delivery and before the outbox marks the row sent. Only
    // the daemon's crash test sets it (through ACTIONTRACK_TEST_CRASH_AFTER_DELIVERY, see
    // daemon/notify_service.cpp), to end the process in exactly that window. Call before start().
    void set_after_delivery_hook(std::function<void()> hook);
    // Something changed (a document was ingested): run a tick after the batch window, so one
    // document yields one e-mail per owner.
    void poke();
    // New settings (a SIGHUP reload): the next tick uses them; a tick in progress finishes with
    // the old ones. The e-mail and webhook senders are rebuilt unless tests supplied them. Call
    // it from the io_context's thread.
    void reconfigure(NotifySettings settings);

    // What the most recent tick did (for tests and logging).
    struct TickReport {
        int changes = 0;
        int queued = 0;
        int delivered = 0;
        int retried = 0;
        int dead = 0;
    };
    const TickReport& last_tick() const;

    // The state the loop coroutine shares (opaque; public only so notifier.cpp's free
    // coroutines can name it).
    struct Impl;

  private:
    std::shared_ptr<Impl> m_impl;
};

}  // namespace actiontrack::notify
