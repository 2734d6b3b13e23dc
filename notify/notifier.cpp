#include "notify/notifier.hpp"

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <map>

#include "notify/dispatcher.hpp"
#include "notify/notify_db.hpp"
#include "notify/planner.hpp"
#include "notify/webhook_events.hpp"

namespace actiontrack::notify {

struct Notifier::Impl {
    Impl(net::io_context& io, NotifySettings settings, std::string db_path, NotifierSeams seams)
        : m_io(io),
          m_settings(std::make_shared<const NotifySettings>(std::move(settings))),
          m_db_path(std::move(db_path)),
          m_seams(std::move(seams)),
          m_given(m_seams),
          m_timer(io) {}

    // The real senders for `settings`, except where a test supplied its own.
    void make_senders() {
        if (!m_given.mail) {
            if (m_settings->transport == NotifySettings::Transport::sendmail) {
                m_seams.mail = std::make_shared<SendmailTransport>(m_settings->sendmail_program);
            } else {
                m_seams.mail = std::make_shared<SmtpTransport>(m_settings->smtp);
            }
        }
        if (!m_given.webhooks) m_seams.webhooks = std::make_shared<BeastWebhookSender>();
    }

    net::io_context& m_io;
    // Shared, and copied by each tick: a reload replaces these pointers while a delivery still
    // uses the old settings and senders, which the tick's copies keep alive until it ends.
    std::shared_ptr<const NotifySettings> m_settings;
    std::string m_db_path;
    NotifierSeams m_seams;
    NotifierSeams m_given;  // what the caller supplied (tests); null members are ours to make
    net::steady_timer m_timer;
    std::unique_ptr<store::Database> m_db;
    std::function<void()> m_after_delivery;  // the test hook, usually empty
    bool m_stopping = false;
    bool m_poked = false;
    TickReport m_last;
};

namespace {

// Turns change events into webhook rows; each event and its rows in one transaction (the
// outbox's own), then the event is marked. A crash in between re-fans it out, and the rows'
// idempotency keys make that a no-op.
Result<int> fan_out_changes(RegisterReader& reader, Outbox& outbox, const NotifySettings& settings,
                            Instant now) {
    TRY_ASSIGN(changes, reader.pending_changes(500));
    if (changes.empty()) return 0;
    std::map<std::int64_t, PolicyAction> actions;
    if (!settings.webhooks.empty()) {
        TRY_ASSIGN(all, reader.actions());
        for (PolicyAction& action : all) actions.emplace(action.id, std::move(action));
    }
    for (const ChangeEvent& change : changes) {
        if (!settings.webhooks.empty()) {
            const PolicyAction* action = nullptr;
            if (change.action_id) {
                auto found = actions.find(*change.action_id);
                if (found != actions.end()) action = &found->second;
            }
            // The resolution as stored now; one deleted since (a correction) keeps its id only.
            std::optional<ResolutionFacts> resolution;
            if (change.resolution_id) {
                TRY_ASSIGN(found, reader.resolution(*change.resolution_id));
                resolution = std::move(found);
                if (!resolution) {
                    resolution.emplace();
                    resolution->id = *change.resolution_id;
                }
            }
            const std::string body =
                webhook_body(change.type, now, action, resolution ? &*resolution : nullptr);
            for (const NewMessage& row : webhook_rows(settings.webhooks, change.type,
                                                      fmt::format("change:{}", change.id), body)) {
                TRY(outbox.enqueue(row, {}, now));
            }
        }
        TRY(reader.mark_fanned_out(change.id));
    }
    return static_cast<int>(changes.size());
}

// One pass: changes, reminders, digests, deliveries.
net::awaitable<Result<Notifier::TickReport>> tick(std::shared_ptr<Notifier::Impl> impl) {
    Notifier::TickReport report;
    RegisterReader reader(*impl->m_db);
    Outbox outbox(*impl->m_db);
    // This tick's settings and senders, held across the co_await below (see Impl).
    const std::shared_ptr<const NotifySettings> settings_ptr = impl->m_settings;
    const NotifySettings& settings = *settings_ptr;
    const NotifierSeams seams = impl->m_seams;
    const Instant now = seams.clock->now();
    auto changes = fan_out_changes(reader, outbox, settings, now);
    if (!changes) co_return changes.error();
    report.changes = *changes;
    auto plan = plan_reminders(reader, outbox, settings, now);
    if (!plan) co_return plan.error();
    auto queued = queue_reminders(*plan, reader, outbox, settings, now);
    if (!queued) co_return queued.error();
    auto digests = plan_digests(reader, outbox, settings, now, false);
    if (!digests) co_return digests.error();
    auto queued_digests = queue_digests(*digests, outbox, settings, now);
    if (!queued_digests) co_return queued_digests.error();
    report.queued = *queued + *queued_digests;
    auto counts = co_await dispatch_due(outbox, reader, *seams.mail, *seams.webhooks, settings,
                                        *seams.clock, 100, impl->m_after_delivery);
    if (!counts) co_return counts.error();
    report.delivered = counts->delivered;
    report.retried = counts->retried;
    report.dead = counts->dead;
    co_return report;
}

// The service loop. `impl` is shared so the frame keeps it alive after the Notifier is gone.
net::awaitable<void> run_loop(std::shared_ptr<Notifier::Impl> impl) {
    while (!impl->m_stopping) {
        auto report = co_await tick(impl);
        if (report) {
            impl->m_last = *report;
        } else {
            fmt::print(stderr, "<4>notify: {}\n", report.error().message());
        }
        if (impl->m_stopping) break;
        impl->m_timer.expires_after(impl->m_poked ? impl->m_settings->batch_window
                                                  : impl->m_settings->tick);
        impl->m_poked = false;
        auto [ec] = co_await impl->m_timer.async_wait(net::as_tuple(net::use_awaitable));
        // Cancelled by poke() (start the batch window) or stop() (leave the loop).
        while (ec == net::error::operation_aborted && impl->m_poked && !impl->m_stopping) {
            impl->m_timer.expires_after(impl->m_settings->batch_window);
            impl->m_poked = false;
            std::tie(ec) = co_await impl->m_timer.async_wait(net::as_tuple(net::use_awaitable));
        }
    }
}

}  // namespace

Notifier::Notifier(net::io_context& io, NotifySettings settings, std::string db_path,
                   NotifierSeams seams)
    : m_impl(
          std::make_shared<Impl>(io, std::move(settings), std::move(db_path), std::move(seams))) {}

Notifier::~Notifier() {
    stop();
}

Result<void> Notifier::start() {
    TRY_ASSIGN(db, open_notify_db(m_impl->m_db_path));
    m_impl->m_db = std::make_unique<store::Database>(std::move(db));
    if (!m_impl->m_seams.clock) m_impl->m_seams.clock = std::make_shared<SystemClock>();
    m_impl->make_senders();
    net::co_spawn(m_impl->m_io, run_loop(m_impl), [](std::exception_ptr error) {
        // The boundary for bugs in the loop: report, never take the daemon down.
        if (!error) return;
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            fmt::print(stderr, "<3>notify: internal error: {}\n", e.what());
        }
    });
    return {};
}

void Notifier::stop() {
    m_impl->m_stopping = true;
    m_impl->m_timer.cancel();
}

void Notifier::reconfigure(NotifySettings settings) {
    m_impl->m_settings = std::make_shared<const NotifySettings>(std::move(settings));
    m_impl->make_senders();
    // A shorter tick or batch window should not wait for the old timer.
    poke();
}

void Notifier::set_after_delivery_hook(std::function<void()> hook) {
    m_impl->m_after_delivery = std::move(hook);
}

void Notifier::poke() {
    m_impl->m_poked = true;
    m_impl->m_timer.cancel();
}

const Notifier::TickReport& Notifier::last_tick() const {
    return m_impl->m_last;
}

}  // namespace actiontrack::notify
