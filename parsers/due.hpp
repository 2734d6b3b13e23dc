#pragma once
// Due phrases: "by 30 June 2023", "by the end of March 2023", "in May 2013", "within 28 days",
// "to the next meeting", "in due course". Pure.

#include <optional>
#include <string>
#include <string_view>

#include "parsers/extraction.hpp"

namespace actiontrack::parsers {

struct DueContext {
    std::optional<Date> meeting;       // for yearless dates and "within N days"
    std::optional<Date> next_meeting;  // for "the next meeting"
    unsigned financial_year_start_month = 4;  // April: Q1 is April-June, the year ends 31 March
    unsigned municipal_year_end_month = 5;    // "the end of the municipal year": end of May
    bool scrutiny = true;  // an overview and scrutiny body (or unknown): its recommendations bind
};

struct Due {
    std::string phrase;        // as written, e.g. "by the end of March 2023"
    std::optional<Date> date;  // when the phrase fixes a date
    DateGrain grain = DateGrain::day;
};

class KeywordHits;

// The first due phrase in `text`, or nullopt when it states none.
std::optional<Due> find_due(std::string_view text, const DueContext& context);
// The same, using `hits` (its contents replaced) for the text's keywords: a caller that looks in
// many texts keeps one and saves its allocations on every call.
std::optional<Due> find_due(std::string_view text, const DueContext& context, KeywordHits& hits);

// Whether a due phrase is a month's meeting or agenda ("the March meeting", "the September
// 2023 meeting", "the April agenda"): a later meeting, as "the next meeting" is.
bool names_a_months_meeting(std::string_view phrase);

}  // namespace actiontrack::parsers
