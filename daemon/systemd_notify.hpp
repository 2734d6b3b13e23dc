#pragma once
// Talking to systemd (sd_notify) for a Type=notify service: readiness, stopping, reloading,
// a STATUS= line and watchdog pings. Every call is a no-op when not started by systemd
// (NOTIFY_SOCKET unset), so the daemon behaves the same in a terminal and in tests.

#include <chrono>
#include <optional>
#include <string_view>

namespace actiontrack::service {

class SystemdNotifier {
  public:
    // Reads NOTIFY_SOCKET and the watchdog settings (WATCHDOG_USEC/WATCHDOG_PID) once.
    SystemdNotifier();

    void ready(std::string_view status);      // READY=1 with a STATUS= line
    void reloading();                         // RELOADING=1 (SIGHUP in progress)
    void reloaded(std::string_view status);   // READY=1 again after a reload
    void stopping();                          // STOPPING=1
    void status(std::string_view status);     // STATUS=...
    void watchdog();                          // WATCHDOG=1

    // How often to ping: half of WatchdogSec=, or nothing when no watchdog is configured.
    std::optional<std::chrono::microseconds> watchdog_interval() const {
        return m_watchdog_interval;
    }

  private:
    void send(std::string_view message);

    bool m_enabled = false;
    std::optional<std::chrono::microseconds> m_watchdog_interval;
};

}  // namespace actiontrack::service
