#include "daemon_harness.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace actiontrack::daemon_testing {

namespace {

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

pid_t spawn(const fs::path& binary, const std::vector<std::string>& args,
            const std::vector<std::string>& environment, const fs::path& log) {
    std::vector<std::string> storage{binary.string()};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_storage = environment;
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::dup2(fd, STDOUT_FILENO);
            ::dup2(fd, STDERR_FILENO);
        }
        // Not under systemd here, whatever the CI runner is.
        ::unsetenv("NOTIFY_SOCKET");
        ::unsetenv("JOURNAL_STREAM");
        for (auto& entry : env_storage) ::putenv(entry.data());
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

}  // namespace

Workspace::Workspace() {
    static std::atomic<int> counter{0};
    m_root = fs::temp_directory_path() /
             ("actiontrack-daemon-test-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++));
    fs::remove_all(m_root);
    fs::create_directories(drop());
    fs::create_directories(staging());
}

Workspace::~Workspace() {
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(m_root, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
    }
    fs::remove_all(m_root, error);
}

fs::path Workspace::drop_by_rename(const std::string& name, std::string_view bytes) const {
    const fs::path staged = staging() / fs::path(name).filename();
    write_file(staged, bytes);
    const fs::path target = drop() / name;
    fs::rename(staged, target);
    return target;
}

fs::path Workspace::write_in_place(const std::string& name, std::string_view bytes) const {
    const fs::path target = drop() / name;
    write_file(target, bytes);
    return target;
}

fs::path actiontrack_binary() { return ACTIONTRACK_BIN; }

DaemonProcess::DaemonProcess(const Workspace& workspace, std::vector<std::string> args,
                             std::vector<std::string> environment, const fs::path& binary) {
    static std::atomic<int> counter{0};
    m_log = workspace.root() / ("daemon-" + std::to_string(counter++) + ".log");
    std::vector<std::string> full{"daemon",     "--drop", workspace.drop().string(),
                                  "--db",       workspace.db().string(), "--http", "off",
                                  "--config",   "/dev/null"};
    full.insert(full.end(), args.begin(), args.end());
    m_pid = spawn(binary.empty() ? actiontrack_binary() : binary, full, environment, m_log);
}

DaemonProcess::~DaemonProcess() {
    if (m_pid > 0) kill_hard();
}

bool DaemonProcess::wait_ready(std::chrono::milliseconds timeout) {
    return wait_until(
        [&] {
            if (!running()) return true;
            return log().find("info: watching ") != std::string::npos;
        },
        timeout) &&
           running();
}

void DaemonProcess::signal(int number) {
    if (m_pid > 0) ::kill(m_pid, number);
}

int DaemonProcess::wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_pid > 0) {
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_pid = -1;
            m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
        if (std::chrono::steady_clock::now() > deadline) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return m_exit;
}

int DaemonProcess::stop(std::chrono::milliseconds timeout) {
    signal(SIGTERM);
    return wait_exit(timeout);
}

void DaemonProcess::kill_hard() {
    signal(SIGKILL);
    wait_exit(std::chrono::seconds(10));
}

bool DaemonProcess::running() {
    if (m_pid <= 0) return false;
    wait_exit(std::chrono::milliseconds(0));
    return m_pid > 0;
}

std::string DaemonProcess::log() const { return read_all(m_log); }

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (condition()) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::int64_t query_int(const fs::path& db, const std::string& sql) {
    if (!fs::exists(db)) return -1;
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(handle);
        return -1;
    }
    sqlite3_busy_timeout(handle, 2000);
    std::int64_t value = -1;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(handle);
    return value;
}

std::size_t count_files(const fs::path& dir, bool include_error_files) {
    std::size_t count = 0;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_directory()) continue;
        const std::string name = it->path().filename().string();
        if (!include_error_files && name.ends_with(".error.txt")) continue;
        ++count;
    }
    return count;
}

std::string minutes(int n, std::string_view extra) {
    std::ostringstream text;
    text << "Agenda and minutes\n\n"
         << "Northbridge Test Scrutiny Panel " << n << " - Tuesday 14th March, 2023 2.00 pm\n\n"
         << "Venue: Council Chamber, Northbridge Town Hall\n\n"
         << "1. Budget monitoring report " << n << "\n\n"
         << "The Panel considered the budget monitoring report number " << n << ".\n\n"
         << "RESOLVED - that the Head of Finance circulate the revised figures for cost centre "
         << n << " to all Members by 30 June 2023.\n\n"
         << extra << "\n";
    return text.str();
}

int run_actiontrack(const std::vector<std::string>& args, std::string& output, const fs::path& binary) {
    const fs::path log =
        fs::temp_directory_path() / ("actiontrack-daemon-run-" + std::to_string(::getpid()));
    const pid_t pid = spawn(binary.empty() ? actiontrack_binary() : binary, args, {}, log);
    int status = 0;
    ::waitpid(pid, &status, 0);
    output = read_all(log);
    fs::remove(log);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace actiontrack::daemon_testing
