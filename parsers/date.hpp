#pragma once
// Recognises the date and time forms UK council minutes use. Pure functions over text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extraction.hpp"

namespace actiontrack::parsers {

// A date as written: the year or the day may be missing ("21 March", "March 2023").
struct DateMention {
    std::size_t pos = 0;     // byte offset of the first character (the weekday when present)
    std::size_t length = 0;  // bytes consumed
    int year = 0;            // 0 when not written
    unsigned month = 0;      // 1..12
    unsigned day = 0;        // 0 when not written (month grain)
};

// 1..12 for an English month name or its three-letter form ("Sept" too); nullopt otherwise.
std::optional<unsigned> month_from_name(std::string_view word);

// Whether `word` is a day of the week written as a heading or dateline starts it: "Monday"
// (capitalised, the rest in lower case).
bool is_capitalised_weekday(std::string_view word);

// Matches a date starting exactly at `pos`: "Tuesday 21st September, 2021", "21 March 2022",
// "24th September 2014", "September 21, 2021", "03/11/2021", "31/03/23", "31.03.2023",
// "2021-11-03". With `allow_month_only`, also "March 2023" and a bare "March". Day-month forms
// without a year ("21 March", "24th November") are returned with year 0.
std::optional<DateMention> match_date_at(std::string_view text, std::size_t pos,
                                         bool allow_month_only = false);

// Every date mention in `text`, left to right, non-overlapping (day-level forms only).
std::vector<DateMention> find_dates(std::string_view text);
// The first `max_count` mentions find_dates(text) gives, without reading further: for callers
// that look at one or two dates of a paragraph that may be long.
std::vector<DateMention> find_dates(std::string_view text, std::size_t max_count);
// The first mention find_dates(text) gives, or nullopt.
std::optional<DateMention> find_first_date(std::string_view text);
// The same when it starts at or before `last_start`; nullopt otherwise, without reading on.
std::optional<DateMention> find_first_date(std::string_view text, std::size_t last_start);

// A complete calendar date from a mention that has a day and a year; nullopt otherwise.
std::optional<Date> to_date(const DateMention& mention);

// Fills in a missing year from the meeting: the meeting's year, or the next year when that date
// would fall before the meeting. nullopt when the mention has no year and there is no meeting.
std::optional<Date> resolve_date(const DateMention& mention, std::optional<Date> meeting);

Date last_day_of_month(int year, unsigned month);
Date add_days(Date date, int days);
Date add_months(Date date, int months);  // clamps to the month's last day

// Matches a time at `pos`: "4.00 pm", "4.00pm", "10:00 am", "18:00", "4pm". Returns "16:00" and
// the bytes consumed.
struct TimeMention {
    std::string hhmm;
    std::size_t length = 0;
};
std::optional<TimeMention> match_time_at(std::string_view text, std::size_t pos);

}  // namespace actiontrack::parsers
