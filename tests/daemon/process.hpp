#pragma once
// Test support: a temporary folder per test and a way to run the built `actiontrack` in it.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::cli::testing {

// A fresh, uniquely named folder under the system's temp directory, removed with everything
// in it on destruction. work() is the current directory for the program under test; the
// captured output lives beside it, so it never shows up in what the program sees.
class TempDir {
  public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path work() const { return m_root / "work"; }

    // Writes `bytes` to work()/name and returns the file's name (relative to work()).
    std::string write(const std::string& name, std::string_view bytes) const;

  private:
    std::filesystem::path m_root;
};

struct RunResult {
    int exit_code = -1;  // -1 when the program did not exit normally (a crash)
    std::string out;
    std::string err;
};

// Runs the built binary with `args` in `dir.work()` and waits for it.
RunResult run_actiontrack(const TempDir& dir, const std::vector<std::string>& args);

std::string read_file(const std::filesystem::path& path);

}  // namespace actiontrack::cli::testing
