// Noticing files: the inotify watch (recursive, with IN_Q_OVERFLOW → full rescan), the poll
// and rescan timer, and the settle rule's timer that releases files to the ingest pipeline.

#include <fmt/core.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstdlib>
#include <memory>
#include <unistd.h>

#include "daemon/log.hpp"
#include "daemon/service_impl.hpp"

namespace actiontrack::service {

namespace {

// A writer that still holds the file open is waited for this long before the next look.
constexpr std::chrono::milliseconds k_writer_retry{200};

// Test builds of the CI force the IN_Q_OVERFLOW path with a tiny pretend queue, because
// fs.inotify.max_queued_events cannot be lowered on the CI machines.
std::size_t test_queue_limit() {
    const char* text = std::getenv("ACTIONTRACK_TEST_INOTIFY_QUEUE");
    if (text == nullptr) return 0;
    return static_cast<std::size_t>(std::strtoul(text, nullptr, 10));
}

std::chrono::milliseconds age_of(const FileSignature& signature) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto modified = std::chrono::nanoseconds(signature.mtime_ns);
    const auto age = std::chrono::duration_cast<std::chrono::milliseconds>(now - modified);
    // An mtime in the future (clock skew on a share) counts as "just now".
    return age.count() < 0 ? std::chrono::milliseconds(0) : age;
}

}  // namespace

Result<void> Daemon::start_watching() {
    if (config().drop.watch == config::WatchMode::inotify) {
        TRY_ASSIGN(watch, InotifyWatch::open());
        watch.set_test_queue_limit(test_queue_limit());
        m_inotify.emplace(std::move(watch));
        // Asio owns (and closes) a duplicate; InotifyWatch keeps the original for adding watches.
        const int fd = ::dup(m_inotify->fd());
        if (fd < 0) return Error("cannot duplicate the inotify descriptor");
        m_inotify_stream.emplace(m_io, fd);
    }
    // The start-up scan. In inotify mode each folder is watched before it is listed, so a file
    // arriving during the scan is either listed or reported by an event (or both: the queue
    // ignores a path it already has).
    scan(m_layout.drop, Trigger::scanned);
    if (m_inotify && m_inotify->folders() == 0) {
        return Error(fmt::format("{}: cannot watch the drop folder", m_layout.drop));
    }
    return {};
}

void Daemon::scan(const std::string& root, Trigger trigger) {
    const bool starting = !m_context.has_value();
    ScanCallbacks callbacks;
    callbacks.on_dir = [this](const std::string& dir) {
        if (!m_inotify) return;
        if (auto watched = m_inotify->watch_folder(dir, dir == m_layout.drop); !watched) {
            log::error("{}", watched.error().message());
        }
    };
    callbacks.on_file = [this, trigger, starting](const std::string& path,
                                                  const FileSignature& signature) {
        if (starting) m_found_at_start.insert(path);
        notice(path, signature, trigger);
    };
    scan_tree(root, m_layout, config().drop.ignore, callbacks);
}

void Daemon::notice(const std::string& path, const FileSignature& signature, Trigger trigger) {
    if (m_stopping) return;
    m_last_file_seen = net::steady_timer::clock_type::now();
    if (m_queue.notice(path, signature, trigger, SettleQueue::Clock::now(), age_of(signature))) {
        m_status_dirty = true;
        m_settle_wake.cancel();
    }
}

void Daemon::handle(const WatchEvent& event) {
    switch (event.kind) {
        case WatchEvent::Kind::written:
        case WatchEvent::Kind::moved_in: {
            if (is_ignored_name(base_name(event.path), config().drop.ignore)) return;
            auto signature = signature_of(event.path);
            if (!signature) return;  // already gone again
            const Trigger trigger = event.kind == WatchEvent::Kind::moved_in ? Trigger::renamed
                                                                             : Trigger::written;
            notice(event.path, *signature, trigger);
            return;
        }
        case WatchEvent::Kind::gone:
            m_queue.forget(event.path);
            return;
        case WatchEvent::Kind::dir_added:
            if (is_excluded_dir(event.path, m_layout)) return;
            // Files may have landed in the new folder before its watch existed.
            scan(event.path, Trigger::scanned);
            return;
        case WatchEvent::Kind::overflow:
            log::warning("inotify queue overflowed: events were lost; rescanning {}",
                         m_layout.drop);
            scan(m_layout.drop, Trigger::scanned);
            return;
        case WatchEvent::Kind::root_gone:
            log::error("{}: the drop folder was deleted or moved away; stopping", m_layout.drop);
            begin_stop(k_exit_failure);
            return;
    }
}

net::awaitable<void> Daemon::inotify_loop() {
    // About 2,000 events per read (inotify never splits one); the kernel's queue, not this
    // buffer, decides when events are lost. Not zero-filled: a page of it becomes resident only
    // once an event is written there, so an idle daemon does not carry it (a zero-filled
    // 256 KiB vector was 6% of the idle RSS).
    constexpr std::size_t k_buffer_size = 64 * 1024;
    std::unique_ptr<char[]> buffer(new char[k_buffer_size]);
    while (!m_stopping) {
        auto [error, size] = co_await m_inotify_stream->async_read_some(
            net::buffer(buffer.get(), k_buffer_size), net::as_tuple(net::use_awaitable));
        if (m_stopping || error == net::error::operation_aborted) co_return;
        if (error) {
            log::error("reading inotify events: {}; falling back to rescans", error.message());
            co_return;
        }
        for (const WatchEvent& event :
             m_inotify->decode(std::span<const char>(buffer.get(), size))) {
            handle(event);
            if (m_stopping) co_return;
        }
    }
}

void Daemon::release_due() {
    const auto now = SettleQueue::Clock::now();
    for (SettleQueue::Candidate& candidate : m_queue.take_due(now)) {
        auto signature = signature_of(candidate.path);
        if (!signature) continue;  // gone before it settled
        if (*signature != candidate.signature) {
            // Still being written: the settle time starts again from this change.
            m_queue.postpone(candidate.path, *signature, now, config().drop.settle);
            continue;
        }
        if (signature->regular && is_open_for_writing(candidate.path)) {
            m_queue.postpone(candidate.path, *signature, now,
                             std::max(config().drop.settle, k_writer_retry));
            continue;
        }
        m_queue.start(candidate.path);
        m_ready.push_back(std::move(candidate.path));
    }
    dispatch();
    m_status_dirty = true;
}

net::awaitable<void> Daemon::settle_loop() {
    while (!m_stopping) {
        release_due();
        // Sleep until the next file is due, or until notice() cancels the wait because a new
        // file arrived (it may be due sooner, e.g. a rename with no settle time).
        auto due = m_queue.next_due();
        if (due) {
            m_settle_wake.expires_at(*due);
        } else {
            m_settle_wake.expires_at(net::steady_timer::time_point::max());
        }
        co_await m_settle_wake.async_wait(net::as_tuple(net::use_awaitable));
    }
}

net::awaitable<void> Daemon::rescan_loop() {
    while (!m_stopping) {
        // Poll mode scans every poll interval (that is how it sees anything); inotify mode
        // rescans rarely, as the safety net for missed events. Read each round: SIGHUP may
        // change the interval (and cancels the timer to apply it).
        const bool polling = config().drop.watch == config::WatchMode::poll;
        const auto interval = polling ? config().drop.poll_interval : config().drop.rescan_interval;
        if (interval.count() <= 0) {
            m_rescan_timer.expires_at(net::steady_timer::time_point::max());
        } else {
            m_rescan_timer.expires_after(interval);
        }
        auto [error] = co_await m_rescan_timer.async_wait(net::as_tuple(net::use_awaitable));
        if (m_stopping) co_return;
        if (error) continue;  // cancelled by a reload: recompute the interval
        if (!polling) log::debug("periodic rescan of {}", m_layout.drop);
        scan(m_layout.drop, Trigger::scanned);
    }
}

}  // namespace actiontrack::service
