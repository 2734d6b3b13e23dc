#pragma once
// Opening the register for the commands that read or change it.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "store/store.hpp"

namespace actiontrack::cli {

// Where the register is when --db is not given: the current folder.
inline constexpr std::string_view k_default_db = "actiontrack.db";

// Opens the register at `path` only if the file exists: `list` or `done` with a mistyped --db
// should say so, not create an empty register and report that it has no actions.
// Fails with "no register here (run `actiontrack ingest` first, or give --db)" or the store's
// reason.
Result<store::Store> open_existing_register(const std::string& path);

}  // namespace actiontrack::cli
