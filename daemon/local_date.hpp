#pragma once
// Today's date where the user is. Commands read the clock here, at the edge, and pass the date
// down as a value (the store's ActionFilter::today), so nothing below depends on the clock.

#include <string>

namespace actiontrack::cli {

// "2024-05-17" in the local time zone.
std::string local_date_today();

}  // namespace actiontrack::cli
