#pragma once
// Test support: a Python test server (SMTP or HTTP) started by the test on a free loopback port,
// with /usr/bin/python3 (Debian's aiosmtpd is installed for that interpreter, not for whatever
// python3 comes first on PATH). Stopped with SIGTERM on destruction.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace actiontrack::notify::testing {

// A fresh temporary folder, removed with its contents on destruction.
class TempFolder {
  public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
std::uint16_t free_port();

// A server that never speaks: a socket listening on 127.0.0.1 that accepts nothing. Connections
// complete (the kernel queues them) and then hear nothing, as from a hung peer. Closed on
// destruction.
class SilentListener {
  public:
    SilentListener();
    ~SilentListener();
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    std::uint16_t port() const { return m_port; }

  private:
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

// Runs a command and waits; returns its exit status (0 on success).
int run_command(const std::vector<std::string>& argv);

// Writes a self-signed certificate for "localhost" and 127.0.0.1 (or the subjectAltName `names`,
// e.g. "DNS:mail.example.org") into `dir` (cert.pem, key.pem) with `openssl req`; false when
// openssl fails.
bool make_certificate(const std::filesystem::path& dir,
                      const std::string& names = "DNS:localhost,IP:127.0.0.1");

// Writes `dir`/sendmail: an executable stand-in for /usr/sbin/sendmail that records each call
// as `dir`/N.args (one argument per line) and `dir`/N.stdin (what it read), and exits with the
// number in `dir`/exit-code when that file exists, else 0. Returns its path.
std::filesystem::path write_fake_sendmail(const std::filesystem::path& dir);

class PythonServer {
  public:
    // Starts /usr/bin/python3 `script` `args`... and waits up to 15 s for `ready_file`.
    PythonServer(const std::string& script, const std::vector<std::string>& args,
                 const std::filesystem::path& ready_file);
    ~PythonServer();
    PythonServer(const PythonServer&) = delete;
    PythonServer& operator=(const PythonServer&) = delete;
    bool ready() const { return m_ready; }
    void stop();

  private:
    pid_t m_pid = -1;
    bool m_ready = false;
};

std::string read_text(const std::filesystem::path& path);
// Files named N.json in `dir` (1.json, 2.json, ... while they exist), waiting up to `seconds`
// for at least `count` of them; looks once when `seconds` is 0.
std::vector<std::filesystem::path> wait_for_json(const std::filesystem::path& dir,
                                                 std::size_t count, int seconds);

}  // namespace actiontrack::notify::testing
