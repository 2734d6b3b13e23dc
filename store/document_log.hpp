#pragma once
// The documents table: one row per document handed to the store, whatever became of it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace actiontrack::store {

class Database;
struct DocumentInput;

enum class DocumentStatus { ingested, duplicate, failed };

struct IngestedDocument {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
};

// The successfully ingested document with these bytes, if any.
Result<std::optional<IngestedDocument>> find_ingested(Database& db, std::string_view sha256);

// Appends a row and returns its id. `error` is required for `failed` and ignored otherwise;
// `meeting_id` 0 stores NULL.
Result<std::int64_t> log_document(Database& db, const DocumentInput& document,
                                  DocumentStatus status, std::optional<std::string_view> error,
                                  std::int64_t meeting_id, const std::string& now);

}  // namespace actiontrack::store
