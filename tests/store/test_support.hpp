#pragma once
// Shared fixtures for the store tests: a temporary folder, a fixed clock, hand-built
// extractions and a second connection for looking at the tables directly.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "parsers/extraction.hpp"
#include "store/database.hpp"
#include "store/store.hpp"

namespace actiontrack::store::testing {

// A fresh, empty folder removed with everything in it when the test ends.
class TempDir {
  public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();
    std::string file(std::string_view name) const { return (m_path / name).string(); }

  private:
    std::filesystem::path m_path;
};

// The time every test store believes it is.
inline constexpr std::string_view k_fixed_now = "2026-11-26T20:31:00Z";

// Opens a store at `path` with the fixed clock. Throws (failing the test: GoogleTest reports
// exceptions) when it cannot, since no test can go on without its store.
Store open_store(const std::string& path);

// A test with a fresh store in a temporary file.
class StoreTest : public ::testing::Test {
  protected:
    TempDir m_dir;
    std::string m_path = m_dir.file("register.db");
    Store m_store = open_store(m_path);
};

parsers::Date date(int year, unsigned month, unsigned day);

// A document input whose sha256 is 64 copies of `digit`, so tests can name distinct contents.
DocumentInput document(std::string_view path, char digit);

// A hand-made extraction of the Children and Young People's ... Scrutiny Panel meeting of
// 7 June 2022: two items (22/4 with one resolution and two actions, 22/5 with one of each).
parsers::Extraction panel_meeting();

parsers::Action action(std::string item, std::string text, std::optional<std::string> owner,
                       std::optional<parsers::Date> due);

// Runs "SELECT COUNT(*) FROM <table>" on a separate connection to the same file.
std::int64_t count_rows(const std::string& path, std::string_view table);

// A second connection to the same file, for assertions the public API does not expose.
// Throws when it cannot open.
Database inspect(const std::string& path);

}  // namespace actiontrack::store::testing
