// The daemon under systemd (Type=notify, daemon/systemd_notify.cpp): READY=1 with a STATUS=
// line once started, WATCHDOG=1 at half of WatchdogSec= when the watchdog is ours, RELOADING=1
// then READY=1 on SIGHUP, STOPPING=1 on SIGTERM; each one datagram on the NOTIFY_SOCKET socket,
// a file-system path or an abstract name ("@...").

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "daemon_harness.hpp"

namespace actiontrack::daemon_testing {
namespace {

using namespace std::chrono_literals;

// The systemd side: a datagram socket bound where NOTIFY_SOCKET says, collecting messages.
class NotifySocket {
  public:
    explicit NotifySocket(const std::string& name) : m_name(name) {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        name.copy(address.sun_path, sizeof(address.sun_path) - 1);
        if (name[0] == '@') address.sun_path[0] = '\0';
        const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
        m_bound =
            m_fd >= 0 && ::bind(m_fd, reinterpret_cast<const sockaddr*>(&address), length) == 0;
    }
    ~NotifySocket() {
        if (m_fd >= 0) ::close(m_fd);
        if (m_name[0] == '/') ::unlink(m_name.c_str());
    }
    bool bound() const { return m_bound; }

    // Reads messages until one contains `text`; false after `timeout` without it.
    bool wait_for(const std::string& text, std::chrono::milliseconds timeout = 10s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (seen(text)) return true;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
            char buffer[4096];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0) m_messages.emplace_back(buffer, static_cast<std::size_t>(n));
        }
    }
    bool seen(const std::string& text) const {
        return std::any_of(m_messages.begin(), m_messages.end(),
                           [&](const std::string& m) { return m.find(text) != std::string::npos; });
    }
    std::string all() const {
        std::string out;
        for (const auto& m : m_messages) out += "[" + m + "] ";
        return out;
    }

  private:
    std::string m_name;
    int m_fd = -1;
    bool m_bound = false;
    std::vector<std::string> m_messages;
};

TEST(DaemonSystemd, ReadyWatchdogReloadAndStoppingReachTheNotifySocket) {
    Workspace w;
    const std::string path = (w.root() / "notify.sock").string();
    NotifySocket systemd(path);
    ASSERT_TRUE(systemd.bound());
    // WatchdogSec=0.2s: pings every 0.1 s.
    DaemonProcess daemon(w, {}, {"NOTIFY_SOCKET=" + path, "WATCHDOG_USEC=200000"});
    ASSERT_TRUE(systemd.wait_for("READY=1")) << daemon.log();
    EXPECT_TRUE(systemd.seen("STATUS=")) << systemd.all();
    EXPECT_TRUE(systemd.wait_for("WATCHDOG=1", 5s)) << systemd.all() << daemon.log();
    daemon.signal(SIGHUP);
    EXPECT_TRUE(systemd.wait_for("RELOADING=1")) << systemd.all() << daemon.log();
    EXPECT_EQ(daemon.stop(), 0);
    EXPECT_TRUE(systemd.wait_for("STOPPING=1", 1s)) << systemd.all();
}

TEST(DaemonSystemd, AnAbstractSocketWorksAndAnotherProcesssWatchdogIsNotOurs) {
    Workspace w;
    const std::string name = "@actiontrack-notify-test-" + std::to_string(::getpid());
    NotifySocket systemd(name);
    ASSERT_TRUE(systemd.bound());
    // WATCHDOG_PID names another process (pid 1): the watchdog was armed for it, not for us.
    DaemonProcess daemon(w, {},
                         {"NOTIFY_SOCKET=" + name, "WATCHDOG_USEC=100000", "WATCHDOG_PID=1"});
    ASSERT_TRUE(systemd.wait_for("READY=1")) << daemon.log();
    EXPECT_FALSE(systemd.wait_for("WATCHDOG=1", 500ms)) << systemd.all();
    EXPECT_EQ(daemon.stop(), 0);
    EXPECT_TRUE(systemd.wait_for("STOPPING=1", 1s)) << systemd.all();
}

}  // namespace
}  // namespace actiontrack::daemon_testing
