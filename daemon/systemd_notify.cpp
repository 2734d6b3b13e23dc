#include "daemon/systemd_notify.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "daemon/log.hpp"

namespace actiontrack::service {

SystemdNotifier::SystemdNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    m_enabled = socket != nullptr && *socket != '\0';
    std::uint64_t usec = 0;
    // sd_watchdog_enabled checks WATCHDOG_PID against our pid, so a watchdog meant for a
    // parent shell script is not mistaken for ours.
    if (m_enabled && sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        m_watchdog_interval = std::chrono::microseconds(usec / 2);
    }
}

void SystemdNotifier::send(std::string_view message) {
    if (!m_enabled) return;
    const std::string text(message);
    if (int result = sd_notify(0, text.c_str()); result < 0) {
        log::warning("sd_notify failed: error {}", -result);
    }
}

void SystemdNotifier::ready(std::string_view status) {
    send(std::string("READY=1\nSTATUS=") + std::string(status));
}

void SystemdNotifier::reloading() { send("RELOADING=1"); }

void SystemdNotifier::reloaded(std::string_view status) {
    send(std::string("READY=1\nSTATUS=") + std::string(status));
}

void SystemdNotifier::stopping() { send("STOPPING=1"); }

void SystemdNotifier::status(std::string_view status) {
    send(std::string("STATUS=") + std::string(status));
}

void SystemdNotifier::watchdog() { send("WATCHDOG=1"); }

}  // namespace actiontrack::service
