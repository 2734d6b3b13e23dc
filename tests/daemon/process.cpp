#include "process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace actiontrack::cli::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
    // pid + counter: unique across the parallel processes ctest starts and within one process.
    static std::atomic<int> counter{0};
    m_root = fs::temp_directory_path() / ("actiontrack-cli-test-" + std::to_string(::getpid()) +
                                          "-" + std::to_string(counter++));
    fs::remove_all(m_root);
    fs::create_directories(m_root / "work");
}

TempDir::~TempDir() {
    std::error_code ec;
    // A test may have made a file unreadable; give permissions back so removal cannot fail.
    for (auto it = fs::recursive_directory_iterator(m_root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(m_root, ec);
}

std::string TempDir::write(const std::string& name, std::string_view bytes) const {
    std::ofstream out(work() / name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write test file " + name);
    return name;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

RunResult run_actiontrack(const TempDir& dir, const std::vector<std::string>& args) {
    const fs::path out_path = dir.root() / "stdout";
    const fs::path err_path = dir.root() / "stderr";
    const std::string work = dir.work().string();

    std::vector<std::string> storage{ACTIONTRACK_BIN};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : storage) argv.push_back(arg.data());
    argv.push_back(nullptr);

    // Output goes to files rather than pipes, so a chatty child can never block on a full pipe.
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // In the child only async-signal-safe calls until exec: everything is prepared above.
        int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0 || ::chdir(work.c_str()) != 0 || ::dup2(out, 1) < 0 ||
            ::dup2(err, 2) < 0) {
            ::_exit(126);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

}  // namespace actiontrack::cli::testing
