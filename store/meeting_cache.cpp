#include "store/meeting_cache.hpp"

#include <fmt/core.h>

#include "store/reader.hpp"

namespace actiontrack::store {

Result<void> MeetingCache::revalidate(Reader& reader) {
    TRY_ASSIGN(statement, reader.statement("PRAGMA data_version"));
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return Error("PRAGMA data_version returned no row");
    const std::int64_t version = statement->column_int64(0);
    if (m_data_version != version) {
        m_meetings.clear();
        m_data_version = version;
    }
    return {};
}

Result<const MeetingCache::Meeting*> MeetingCache::find(Reader& reader, std::int64_t id) {
    if (const auto found = m_meetings.find(id); found != m_meetings.end()) return &found->second;
    TRY_ASSIGN(statement,
               reader.statement("SELECT COALESCE(committee, ''), meeting_date FROM meetings "
                                "WHERE id = ?"));
    statement->bind(1, id);
    TRY_ASSIGN(has_row, statement->step());
    if (!has_row) return Error(fmt::format("no meeting with id {} in the SQLite register", id));
    Meeting meeting{statement->column_text(0), statement->column_optional_text(1)};
    return &m_meetings.emplace(id, std::move(meeting)).first->second;
}

}  // namespace actiontrack::store
