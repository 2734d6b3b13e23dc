#pragma once
// The pieces of the stable human references given to resolutions and actions.
//
// A reference reads  <committee acronym>/<municipal year>/<minute>.<sequence>  e.g.
//   CYPSCSSP/22-23/22.4.1    the 1st resolution under minute 22/4
//   CYPSCSSP/22-23/22.4.A1   the 1st action under minute 22/4 ("A" keeps actions and
//                            resolutions apart, so both can count from 1 under one minute)
// Pure functions here; reference_allocator.hpp turns them into unique references.

#include <optional>
#include <string>
#include <string_view>

#include "parsers/extraction.hpp"

namespace actiontrack::store {

// Initials of the committee name's significant words: capitalised words give their first
// letter, all-capital words (ICT, SEND) and numbers are kept whole, and "and", "of", "the"...
// are skipped. "Children and Young People's Social Care and Services Scrutiny Panel" gives
// "CYPSCSSP". A name with no capitalised word falls back to all its non-trivial words;
// "MTG" when nothing is left (including no committee at all).
std::string committee_acronym(std::string_view committee);

// The council year, May to April, of a meeting: 2022-06-07 gives "22-23", 2023-04-30 also
// "22-23", 2023-05-01 gives "23-24". "undated" without a date.
std::string municipal_year(std::optional<parsers::Date> date);

// A minute number made safe for a reference: runs of anything but ASCII letters and digits
// become ".", so "22/4" gives "22.4" and "4(a)" gives "4.a". Items with no number ("") are
// grouped under "0", which no council uses as a minute number; their running sequence keeps
// them apart.
std::string minute_key(std::string_view item_number);

// "CYPSCSSP/22-23": the part of every reference shared by one meeting.
std::string reference_stem(const std::optional<std::string>& committee,
                           std::optional<parsers::Date> date);

// The base for one minute's references. `attempt` 1 gives "stem/minute"; when that collides
// with another meeting's references (same committee initials and year, minute numbers that
// restart every meeting), attempt k gives "stem/minute-k". A minute key never contains "-",
// so the suffix cannot be mistaken for part of the minute number.
std::string minute_base(std::string_view stem, std::string_view minute, int attempt);

std::string resolution_reference(std::string_view base, int sequence);  // "base.3"
std::string action_reference(std::string_view base, int sequence);      // "base.A3"

}  // namespace actiontrack::store
