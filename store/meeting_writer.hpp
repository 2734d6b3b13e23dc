#pragma once
// Writing a meeting and the parts of it that corrected minutes replace wholesale: the meeting
// facts, its items and its resolutions. Actions, which must survive corrections, are in
// action_writer.hpp. All functions expect to run inside the ingest transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "parsers/extraction.hpp"

namespace actiontrack::store {

class Database;
class ReferenceAllocator;

// Meeting facts as stored: trimmed text (blank counts as unknown), ISO dates.
struct MeetingRow {
    std::optional<std::string> committee;
    std::optional<std::string> meeting_date;
    std::optional<std::string> time;
    std::optional<std::string> venue;
    std::optional<std::string> contact;
    std::optional<std::string> next_meeting;
    std::string municipal_year;  // "22-23" or "undated"
};
MeetingRow meeting_row(const parsers::MeetingFacts& facts);

struct StoredMeeting {
    std::int64_t id = 0;
    std::optional<std::string> committee;  // as first stored; references are built from it
};

// The stored meeting that `row` is a corrected version of: same committee (ignoring ASCII
// case) and same date. Never matches when either is unknown: an undated page could be any
// meeting, so it always becomes a meeting of its own.
Result<std::optional<StoredMeeting>> find_same_meeting(Database& db, const MeetingRow& row);

Result<std::int64_t> insert_meeting(Database& db, const MeetingRow& row, const std::string& now);

// Overwrites the facts of meeting `id` with `row`, except the committee spelling, which
// stays as first stored so the meeting's references keep their initials.
Result<void> update_meeting(Database& db, std::int64_t id, const MeetingRow& row,
                            const std::string& now);

// Removes the meeting's items and resolutions ahead of re-inserting them; actions linked to a
// removed resolution lose the link (ON DELETE SET NULL) until merge_actions re-links them.
Result<void> delete_items_and_resolutions(Database& db, std::int64_t meeting_id);

Result<void> insert_items(Database& db, std::int64_t meeting_id,
                          const std::vector<parsers::Item>& items);

// Inserts the resolutions in order with references from `references`; returns their ids,
// index for index, so actions can be linked to the resolution they came from.
Result<std::vector<std::int64_t>> insert_resolutions(
    Database& db, std::int64_t meeting_id, const std::vector<parsers::Resolution>& resolutions,
    ReferenceAllocator& references);

}  // namespace actiontrack::store
