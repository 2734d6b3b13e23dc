#pragma once
// Test support for the daemon's integration tests: a workspace of real folders (drop, staging
// for renames, the database), the real `actiontrack daemon` as a child process, and small
// helpers to wait for and count what it did.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::daemon_testing {

namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards: drop/, staging/ (same file system, so a rename
// into drop/ is atomic) and register.db.
class Workspace {
  public:
    Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    ~Workspace();

    const fs::path& root() const { return m_root; }
    fs::path drop() const { return m_root / "drop"; }
    fs::path staging() const { return m_root / "staging"; }
    fs::path db() const { return m_root / "register.db"; }
    fs::path processed() const { return drop() / "processed"; }
    fs::path failed() const { return drop() / "failed"; }

    // The drop contract: write in staging/, then rename into drop/ (or drop/SUBFOLDER/).
    fs::path drop_by_rename(const std::string& name, std::string_view bytes) const;
    // Writes straight into drop/ (what a careless copy does).
    fs::path write_in_place(const std::string& name, std::string_view bytes) const;

  private:
    fs::path m_root;
};

// The built `actiontrack` binary the tests run.
fs::path actiontrack_binary();

// `actiontrack daemon --drop W/drop --db W/register.db --http off ARGS...` in the background,
// its stderr captured in W/daemon-N.log; `binary` instead of actiontrack_binary() when given.
class DaemonProcess {
  public:
    DaemonProcess(const Workspace& workspace, std::vector<std::string> args = {},
                  std::vector<std::string> environment = {}, const fs::path& binary = {});
    DaemonProcess(const DaemonProcess&) = delete;
    DaemonProcess& operator=(const DaemonProcess&) = delete;
    ~DaemonProcess();  // kills (SIGKILL) a daemon still running

    // Waits for the "watching ..." line that follows start-up; false on timeout or exit.
    bool wait_ready(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void signal(int number);
    // SIGTERM and wait; returns the exit code (-1 when killed by a signal or timed out).
    int stop(std::chrono::milliseconds timeout = std::chrono::seconds(20));
    void kill_hard();  // SIGKILL and reap
    bool running();
    std::string log() const;

  private:
    int wait_exit(std::chrono::milliseconds timeout);

    pid_t m_pid = -1;
    fs::path m_log;
    int m_exit = -1;
};

// Polls `condition` every 10 ms until it holds or `timeout` passes.
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(20));

// One integer from the database (COUNT(*) and friends); -1 when it cannot be read.
std::int64_t query_int(const fs::path& db, const std::string& sql);

// Regular files under `dir`, recursively; *.error.txt files counted only when asked.
std::size_t count_files(const fs::path& dir, bool include_error_files = false);

// A small minutes document of its own meeting: committee "Panel N", with one resolution and
// one action, so every N gives different bytes and a different meeting.
std::string minutes(int n, std::string_view extra = {});

// Runs the binary in the foreground and returns its exit code, with stdout+stderr in `output`.
int run_actiontrack(const std::vector<std::string>& args, std::string& output,
                    const fs::path& binary = {});

}  // namespace actiontrack::daemon_testing
