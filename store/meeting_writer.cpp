#include "store/meeting_writer.hpp"

#include <fmt/core.h>

#include "store/database.hpp"
#include "store/reference.hpp"
#include "store/reference_allocator.hpp"
#include "store/row_batches.hpp"
#include "store/vocabulary.hpp"

namespace actiontrack::store {
namespace {

// Surrounding whitespace would defeat the committee comparison and adds nothing elsewhere.
std::optional<std::string> trimmed(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    constexpr std::string_view k_blank = " \t\r\n\f\v";
    const std::size_t first = text->find_first_not_of(k_blank);
    if (first == std::string::npos) return std::nullopt;
    const std::size_t last = text->find_last_not_of(k_blank);
    return text->substr(first, last - first + 1);
}

std::optional<std::string> iso(const std::optional<parsers::Date>& date) {
    if (!date || !date->ok()) return std::nullopt;
    return parsers::iso_date(*date);
}

}  // namespace

MeetingRow meeting_row(const parsers::MeetingFacts& facts) {
    return MeetingRow{
        .committee = trimmed(facts.committee),
        .meeting_date = iso(facts.date),
        .time = trimmed(facts.time),
        .venue = trimmed(facts.venue),
        .contact = trimmed(facts.contact),
        .next_meeting = iso(facts.next_meeting),
        .municipal_year = municipal_year(facts.date),
    };
}

Result<std::optional<StoredMeeting>> find_same_meeting(Database& db, const MeetingRow& row) {
    if (!row.committee || !row.meeting_date) return std::optional<StoredMeeting>();
    // COLLATE NOCASE matches the meetings_identity index, so this is an index lookup and agrees
    // exactly with what the unique index considers "the same".
    TRY_ASSIGN(statement, db.prepare(R"sql(
        SELECT id, committee FROM meetings
        WHERE committee = ? COLLATE NOCASE AND meeting_date = ?
    )sql"));
    statement.bind_all(*row.committee, *row.meeting_date);
    TRY_ASSIGN(has_row, statement.step());
    if (!has_row) return std::optional<StoredMeeting>();
    return std::optional<StoredMeeting>(
        StoredMeeting{statement.column_int64(0), statement.column_optional_text(1)});
}

Result<std::int64_t> insert_meeting(Database& db, const MeetingRow& row, const std::string& now) {
    TRY_ASSIGN(statement, db.prepare(R"sql(
        INSERT INTO meetings (committee, meeting_date, time, venue, contact, next_meeting,
                              municipal_year, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    )sql"));
    statement.bind_all(row.committee, row.meeting_date, row.time, row.venue, row.contact,
                       row.next_meeting, row.municipal_year, now, now);
    TRY(statement.run());
    return db.last_insert_rowid();
}

Result<void> update_meeting(Database& db, std::int64_t id, const MeetingRow& row,
                            const std::string& now) {
    // meeting_date and municipal_year cannot differ: they are part of what matched.
    TRY_ASSIGN(statement, db.prepare(R"sql(
        UPDATE meetings SET time = ?, venue = ?, contact = ?, next_meeting = ?, updated_at = ?
        WHERE id = ?
    )sql"));
    statement.bind_all(row.time, row.venue, row.contact, row.next_meeting, now, id);
    return statement.run();
}

Result<void> delete_items_and_resolutions(Database& db, std::int64_t meeting_id) {
    TRY_ASSIGN(items, db.prepare("DELETE FROM items WHERE meeting_id = ?"));
    items.bind(1, meeting_id);
    TRY(items.run());
    TRY_ASSIGN(resolutions, db.prepare("DELETE FROM resolutions WHERE meeting_id = ?"));
    resolutions.bind(1, meeting_id);
    return resolutions.run();
}

Result<void> insert_items(Database& db, std::int64_t meeting_id,
                          const std::vector<parsers::Item>& items) {
    constexpr std::string_view k_head =
        "INSERT INTO items (meeting_id, number, number_inferred, title, position)";
    return insert_in_batches(
        db, k_head, 5, items.size(), "",
        [&](Statement& statement, std::size_t first, std::size_t count) -> Result<void> {
            int index = 1;
            for (std::size_t i = first; i < first + count; ++i) {
                const parsers::Item& item = items[i];
                index = statement.bind_from(index, meeting_id, item.number, item.number_inferred,
                                            item.title, static_cast<std::int64_t>(i + 1));
            }
            return statement.run();
        });
}

Result<std::vector<std::int64_t>> insert_resolutions(
    Database& db, std::int64_t meeting_id, const std::vector<parsers::Resolution>& resolutions,
    ReferenceAllocator& references) {
    std::vector<std::string> refs;
    refs.reserve(resolutions.size());
    for (std::size_t i = 0; i < resolutions.size(); ++i) {
        TRY_ASSIGN(reference, references.resolution(i));
        refs.push_back(std::move(reference));
    }
    constexpr std::string_view k_head =
        "INSERT INTO resolutions (meeting_id, item, kind, label, text, reference, position)";
    TRY(insert_in_batches(
        db, k_head, 7, resolutions.size(), "",
        [&](Statement& statement, std::size_t first, std::size_t count) -> Result<void> {
            int index = 1;
            for (std::size_t i = first; i < first + count; ++i) {
                const parsers::Resolution& resolution = resolutions[i];
                index = statement.bind_from(
                    index, meeting_id, resolution.item, db_text(resolution.kind), resolution.label,
                    resolution.text, refs[i], static_cast<std::int64_t>(i + 1));
            }
            return statement.run();
        }));

    // The meeting's resolutions are exactly the ones just inserted (a correction deleted the
    // old ones first), and position i + 1 is resolution i.
    TRY_ASSIGN(statement, db.prepare(R"sql(
        SELECT id FROM resolutions WHERE meeting_id = ? ORDER BY position
    )sql"));
    statement.bind(1, meeting_id);
    std::vector<std::int64_t> ids;
    ids.reserve(resolutions.size());
    while (true) {
        TRY_ASSIGN(has_row, statement.step());
        if (!has_row) break;
        ids.push_back(statement.column_int64(0));
    }
    if (ids.size() != resolutions.size()) {
        return Error(fmt::format("meeting {}: inserted {} resolutions, found {}", meeting_id,
                                 resolutions.size(), ids.size()));
    }
    return ids;
}

}  // namespace actiontrack::store
