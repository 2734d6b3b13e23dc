#pragma once
// Moving handled files out of the drop folder without ever losing or overwriting one:
// processed files to PROCESSED/YYYY/MM/NAME (the month in the configured zone, see month_folder.hpp), failed ones to FAILED/NAME with a sibling
// NAME.error.txt that gives the reason in one line. A name already taken gets a numbered
// suffix ("minutes-2.txt"). No input file is ever deleted.

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack::service {

// Moves `path` into `processed_root`/`month`/ (month as MonthFolder::at gives it, "2024/04"),
// creating the folders. Returns the new path. Fails (leaving the file where it was) with the
// reason.
Result<std::string> move_to_processed(const std::string& path, const std::string& processed_root,
                                      std::string_view month);

// Writes FAILED/NAME.error.txt with `reason`, then moves `path` to FAILED/NAME. Returns the
// new path. Fails (leaving the file where it was) with the reason.
Result<std::string> move_to_failed(const std::string& path, const std::string& failed_root,
                                   std::string_view reason);

// Renames `from` to `to` unless `to` exists (renameat2 RENAME_NOREPLACE); across file systems
// copies, syncs and then removes the original. Fails with "exists" semantics as EEXIST.
// Exposed for tests.
Result<void> move_no_replace(const std::string& from, const std::string& to, bool& name_taken);

// "minutes.txt", 2 → "minutes-2.txt"; "README", 3 → "README-3".
std::string numbered_name(std::string_view name, int number);

}  // namespace actiontrack::service
