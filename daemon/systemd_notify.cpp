#include "daemon/systemd_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/log.hpp"

// The notification protocol (sd_notify(3), "stable interface"): each message is one datagram,
// "VAR=value" lines, sent to the AF_UNIX socket named in NOTIFY_SOCKET: a file-system path, or
// an abstract-namespace name written with a leading '@'. It is written here rather than taken
// from libsystemd, whose loading (with libgcrypt, libgpg-error, liblz4, libzstd, liblzma and
// libcap, none of them otherwise used) cost ~0.8 MB of the daemon's resident memory for what
// is one sendto() per message.

namespace actiontrack::service {

namespace {

// The socket's address from NOTIFY_SOCKET; false when the variable names no usable socket.
bool notify_address(std::string_view name, sockaddr_un& address, socklen_t& length) {
    address = {};
    address.sun_family = AF_UNIX;
    if (name.size() < 2 || name.size() >= sizeof(address.sun_path)) return false;
    if (name[0] != '/' && name[0] != '@') return false;
    name.copy(address.sun_path, name.size());
    if (name[0] == '@') address.sun_path[0] = '\0';  // abstract: no terminating NUL either
    length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size() +
                                    (name[0] == '/' ? 1 : 0));
    return true;
}

// WATCHDOG_USEC when it is meant for this process (WATCHDOG_PID, when set, names it): a
// watchdog armed for a parent shell script is not ours. Nothing when unset or malformed.
std::optional<std::uint64_t> watchdog_usec() {
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (usec == nullptr || *usec == '\0') return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(usec, &end, 10);
    if (errno != 0 || *end != '\0' || *usec == '-' || value == 0) return std::nullopt;
    if (const char* pid = std::getenv("WATCHDOG_PID"); pid != nullptr && *pid != '\0') {
        const long long owner = std::strtoll(pid, &end, 10);
        if (*end != '\0' || owner != static_cast<long long>(::getpid())) return std::nullopt;
    }
    return static_cast<std::uint64_t>(value);
}

}  // namespace

SystemdNotifier::SystemdNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    if (socket == nullptr || *socket == '\0') return;
    sockaddr_un address;
    socklen_t length = 0;
    if (!notify_address(socket, address, length)) {
        log::warning("NOTIFY_SOCKET={} is not a socket path or @name: systemd is not told", socket);
        return;
    }
    m_socket = socket;
    m_enabled = true;
    if (const auto usec = watchdog_usec())
        m_watchdog_interval = std::chrono::microseconds(*usec / 2);
}

void SystemdNotifier::send(std::string_view message) {
    if (!m_enabled) return;
    sockaddr_un address;
    socklen_t length = 0;
    notify_address(m_socket, address, length);
    int error = 0;
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = errno;
    } else {
        if (::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL,
                     reinterpret_cast<const sockaddr*>(&address), length) < 0)
            error = errno;
        ::close(fd);
    }
    if (error != 0) log::warning("sd_notify failed: error {}", error);
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
