#include "python_server.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

extern char** environ;

namespace actiontrack::notify::testing {
namespace {

// Starts `argv`; with `quiet`, its stdout and stderr go to /dev/null.
pid_t spawn(const std::vector<std::string>& argv, bool quiet = false) {
    std::vector<char*> args;
    std::vector<std::string> copy = argv;
    for (std::string& arg : copy) args.push_back(arg.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (quiet) {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    }
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return spawned == 0 ? pid : -1;
}

}  // namespace

TempFolder::TempFolder() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("notify-test-" + std::to_string(random()) + std::to_string(getpid()));
    std::filesystem::create_directories(m_path);
}

TempFolder::~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::uint16_t free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

SilentListener::SilentListener() {
    m_fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (m_fd < 0 || bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(m_fd, 8) != 0)
        return;
    socklen_t length = sizeof address;
    if (getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) m_port = ntohs(address.sin_port);
}

SilentListener::~SilentListener() {
    if (m_fd >= 0) close(m_fd);
}

int run_command(const std::vector<std::string>& argv) {
    const pid_t pid = spawn(argv, true);
    if (pid < 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool make_certificate(const std::filesystem::path& dir, const std::string& names) {
    return run_command({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=" + names, "-keyout",
                        (dir / "key.pem").string(), "-out", (dir / "cert.pem").string()}) == 0 ||
           std::filesystem::exists(dir / "cert.pem");
}

std::filesystem::path write_fake_sendmail(const std::filesystem::path& dir) {
    const auto path = dir / "sendmail";
    // The folder is baked in (quoted for the shell), so nothing depends on the environment.
    std::ofstream(path)
        << "#!/bin/sh\n"
           "out='"
        << dir.string()
        << "'\n"
           "n=1\n"
           "while [ -e \"$out/$n.args\" ]; do n=$((n + 1)); done\n"
           "cat > \"$out/$n.stdin\"\n"
           "printf '%s\\n' \"$@\" > \"$out/$n.args.tmp\"\n"
           "mv \"$out/$n.args.tmp\" \"$out/$n.args\"\n"
           "if [ -f \"$out/exit-code\" ]; then exit \"$(cat \"$out/exit-code\")\"; fi\n"
           "exit 0\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
}

PythonServer::PythonServer(const std::string& script, const std::vector<std::string>& args,
                           const std::filesystem::path& ready_file) {
    std::vector<std::string> argv = {"/usr/bin/python3", script};
    argv.insert(argv.end(), args.begin(), args.end());
    m_pid = spawn(argv);
    for (int i = 0; i < 300 && m_pid > 0; ++i) {
        if (std::filesystem::exists(ready_file)) {
            m_ready = true;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void PythonServer::stop() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

PythonServer::~PythonServer() {
    stop();
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<std::filesystem::path> wait_for_json(const std::filesystem::path& dir,
                                                 std::size_t count, int seconds) {
    std::vector<std::filesystem::path> found;
    for (int i = 0;; ++i) {  // at least one look, even with seconds = 0
        found.clear();
        for (std::size_t n = 1;; ++n) {
            const auto path = dir / (std::to_string(n) + ".json");
            if (!std::filesystem::exists(path)) break;
            found.push_back(path);
        }
        if (found.size() >= count || i >= seconds * 20) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return found;
}

}  // namespace actiontrack::notify::testing
