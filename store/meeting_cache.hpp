#pragma once
// The committee and date of meetings, remembered by one Reader between requests. A page of the
// action list names a meeting per row; there are a few thousand meetings against a million
// actions, so the list reads them from here instead of joining the meetings table for every
// row (a lookup per row that cost about a fifth of a 50-row page's SQLite time).
//
// Staleness: the cache forgets everything whenever the register has changed since it was last
// checked (PRAGMA data_version, which changes when any other connection commits). The check
// runs inside the read transaction whose rows are looked up, so what the cache holds is never
// older than the rows it is asked about.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/result.hpp"

namespace actiontrack::store {

class Reader;

class MeetingCache {
  public:
    struct Meeting {
        std::string committee;  // "" when the minutes name none
        std::optional<std::string> meeting_date;
    };

    // Empties the cache if the register changed since the last call. Call it with a read
    // transaction open on `reader` (a statement stepped and not yet reset), before find().
    Result<void> revalidate(Reader& reader);

    // The meeting `id`, read through `reader` the first time it is asked for. The reference
    // stays valid until the next revalidate(). Fails when there is no such meeting.
    Result<const Meeting*> find(Reader& reader, std::int64_t id);

  private:
    std::optional<std::int64_t> m_data_version;
    // Node-based: a reference handed out survives later insertions.
    std::unordered_map<std::int64_t, Meeting> m_meetings;
};

}  // namespace actiontrack::store
