#include "store/document_log.hpp"

#include "store/database.hpp"
#include "store/store.hpp"

namespace actiontrack::store {
namespace {

std::string_view db_text(DocumentStatus status) {
    switch (status) {
        case DocumentStatus::ingested:
            return "ingested";
        case DocumentStatus::duplicate:
            return "duplicate";
        case DocumentStatus::failed:
            return "failed";
    }
    return "failed";
}

}  // namespace

Result<std::optional<IngestedDocument>> find_ingested(Database& db, std::string_view sha256) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        SELECT id, meeting_id FROM documents WHERE sha256 = ? AND status = 'ingested'
    )sql"));
    statement.bind(1, sha256);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<IngestedDocument>();
    return std::optional<IngestedDocument>(
        IngestedDocument{statement.column_int64(0), statement.column_int64(1)});
}

Result<std::int64_t> log_document(Database& db, const DocumentInput& document,
                                  DocumentStatus status, std::optional<std::string_view> error,
                                  std::int64_t meeting_id, const std::string& now) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        INSERT INTO documents (path, sha256, size, received_at, status, error, meeting_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
    )sql"));
    statement.bind_all(document.path, document.sha256, document.size, now, db_text(status));
    if (status == DocumentStatus::failed) {
        statement.bind(6, error.value_or("unknown error"));
    } else {
        statement.bind(6, std::nullopt);
    }
    if (meeting_id != 0) {
        statement.bind(7, meeting_id);
    } else {
        statement.bind(7, std::nullopt);
    }
    TRY(statement.run());
    return db.last_insert_rowid();
}

}  // namespace actiontrack::store
