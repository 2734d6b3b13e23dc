#pragma once
// Test support shared by the integration tests: sample minutes, a register seeded through the
// store API, and readers for what the binary prints or stores.

#include <boost/json/array.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "process.hpp"

namespace actiontrack::cli::testing {

// Plain committee minutes with one agreed resolution that directs work and a next meeting.
inline constexpr std::string_view k_minutes =
    "PLANNING COMMITTEE\n"
    "\n"
    "MINUTES of the meeting held on Monday, 7 March 2022 at 4.00pm at the Town Hall\n"
    "\n"
    "1. Minutes of the Previous Meeting\n"
    "\n"
    "The minutes of the meeting held on 7 February 2022 were approved as a correct record.\n"
    "\n"
    "2. Highways Maintenance Report\n"
    "\n"
    "The Committee considered the report of the Head of Highways.\n"
    "\n"
    "AGREED that the report be circulated to all Members.\n"
    "\n"
    "3. Date and Time of Next Meeting - Monday, 21 March 2022 at 4.00pm\n";

// The text of a seeded action; the comma and the double quotes are there for the CSV test.
inline constexpr std::string_view k_tricky_text = "circulate the \"final\" report, with appendices";

// The number of rows in `table` (optionally WHERE `where`) of the register at `db`; -1 when it
// cannot be read.
long long count_rows(const std::filesystem::path& db, const std::string& table,
                     const std::string& where = "");

// Creates the register at `db` with one meeting and two open actions, made through the store
// API so that tests of list and done do not depend on what the extractor finds: k_tricky_text
// (owner "Clerk", due 2022-03-31) and "arrange a site visit for Members" (owner "Head of
// Planning", due 2022-06-30). Reports failures with gtest assertions.
void seed_register(const std::filesystem::path& db);

// Runs `actiontrack list --format json ARGS...` in `dir`, expects success, returns the array.
boost::json::array list_json(const TempDir& dir, std::vector<std::string> args = {});

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace actiontrack::cli::testing
