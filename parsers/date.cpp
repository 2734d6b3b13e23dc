#include "parsers/date.hpp"

#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "parsers/byte_scan.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::is_digit;
using text::is_space;
using text::skip_spaces;

constexpr std::array<std::string_view, 7> k_weekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> k_months = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// For each lower-case letter, the months whose names start with it: bit m stands for k_months[m].
// Most words start with a letter no month starts with, or one of two or three.
constexpr std::array<std::uint16_t, 26> k_months_by_initial = [] {
    std::array<std::uint16_t, 26> table{};
    for (unsigned m = 0; m < k_months.size(); ++m)
        table[static_cast<std::size_t>(k_months[m][0] - 'a')] |= static_cast<std::uint16_t>(1u << m);
    return table;
}();

// The letters a weekday or a month name starts with, bit c - 'a' for letter c.
constexpr std::uint32_t k_date_word_initials = [] {
    std::uint32_t letters = 0;
    for (auto day : k_weekdays) letters |= 1u << (day[0] - 'a');
    for (auto month : k_months) letters |= 1u << (month[0] - 'a');
    return letters;
}();

// Whether the letter `c` (either case) starts a weekday or a month name. A date that starts with
// a letter starts with one of those, and most capitalised words start with another letter.
bool starts_weekday_or_month(char c) {
    return (k_date_word_initials >> (text::to_lower(c) - 'a')) & 1u;
}

// For each lower-case initial, the second and third letters of the weekdays and months that
// start with it ("ar", "ay" and "on" for 'm'), packed as second * 256 + third; 0 ends a list.
// Every form of a weekday or a month that a date is read from (the full name, "Sept", the
// three-letter abbreviation) starts with those three letters.
constexpr std::array<std::array<std::uint16_t, 4>, 26> k_date_word_prefixes = [] {
    std::array<std::array<std::uint16_t, 4>, 26> table{};
    const auto add = [&](std::string_view name) {
        auto& row = table[static_cast<std::size_t>(name[0] - 'a')];
        const auto packed = static_cast<std::uint16_t>(static_cast<unsigned char>(name[1]) * 256u +
                                                       static_cast<unsigned char>(name[2]));
        for (auto& slot : row) {
            if (slot == packed) return;
            if (slot == 0) {
                slot = packed;
                return;
            }
        }
    };
    for (auto day : k_weekdays) add(day);
    for (auto month : k_months) add(month);
    return table;
}();

// Whether s[pos, pos + 3) (a letter first) spells, in any case, the start of a weekday or a
// month name: a word that does not is no date's first word. Capitalised words are asked about
// all over the head of the minutes, and most starting with 'M', 'S' or 'T' are no dates.
bool starts_date_word(std::string_view s, std::size_t pos) {
    if (pos + 3 > s.size() || !text::is_alpha(s[pos + 1]) || !text::is_alpha(s[pos + 2])) return false;
    const auto packed = static_cast<std::uint16_t>(static_cast<unsigned char>(text::to_lower(s[pos + 1])) * 256u +
                                                   static_cast<unsigned char>(text::to_lower(s[pos + 2])));
    for (const std::uint16_t prefix : k_date_word_prefixes[static_cast<std::size_t>(text::to_lower(s[pos]) - 'a')]) {
        if (prefix == packed) return true;
        if (prefix == 0) return false;
    }
    return false;
}

// Reads an unsigned number of 1..max_digits digits at i; returns digits consumed (0 if none).
std::size_t read_number(std::string_view s, std::size_t i, std::size_t max_digits, int& value) {
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j]) && j - i < max_digits + 1) ++j;
    const std::size_t n = j - i;
    if (n == 0 || n > max_digits) return 0;
    std::from_chars(s.data() + i, s.data() + j, value);
    return n;
}

// The alphabetic word at i (ASCII letters only).
std::string_view alpha_word(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && text::is_alpha(s[j])) ++j;
    return s.substr(i, j - i);
}

bool at_word_start(std::string_view s, std::size_t pos) {
    return pos == 0 || !text::is_word_char(s[pos - 1]);
}

bool ends_word(std::string_view s, std::size_t end) {
    return end >= s.size() || !(text::is_alpha(s[end]) || is_digit(s[end]));
}

bool valid_day(int year, unsigned month, unsigned day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    if (year == 0) year = 2000;  // leap year: accept 29 February without a year
    return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                       std::chrono::day{day}}
        .ok();
}

// After a weekday: optional comma and spaces. `word` is alpha_word(s, i).
std::size_t skip_weekday(std::string_view s, std::size_t i, std::string_view word) {
    // "Monday" to "Wednesday": most capitalised words that start a date's search are longer or
    // shorter than any weekday, and need no comparison.
    if (word.size() < 6 || word.size() > 9) return i;
    for (auto day : k_weekdays) {
        if (text::iequals(word, day)) {  // k_weekdays is lower case
            std::size_t j = i + word.size();
            if (j < s.size() && s[j] == ',') ++j;
            return skip_spaces(s, j);
        }
    }
    return i;
}

// Reads ", 2021" / " 2021" after a day-month; returns the new position or `i` when absent.
// "24 February2014": a year glued to its month by a PDF converter (four digits, then the word ends).
bool glued_year(std::string_view s, std::size_t i) {
    int value = 0;
    return read_number(s, i, 4, value) == 4 && value >= 1900 && value <= 2200 && ends_word(s, i + 4);
}

std::size_t read_year_after(std::string_view s, std::size_t i, int& year) {
    std::size_t j = i;
    if (j < s.size() && s[j] == ',') ++j;
    j = skip_spaces(s, j);
    int value = 0;
    const std::size_t n = read_number(s, j, 4, value);
    if (n == 4 && value >= 1900 && value <= 2200 && ends_word(s, j + n)) {
        year = value;
        return j + n;
    }
    return i;
}

std::optional<DateMention> match_numeric(std::string_view s, std::size_t pos) {
    int a = 0, b = 0, c = 0;
    std::size_t i = pos;
    std::size_t n = read_number(s, i, 4, a);
    if (n == 0) return std::nullopt;
    i += n;
    if (n == 4) {  // ISO 2021-11-03
        if (i + 1 >= s.size() || s[i] != '-') return std::nullopt;
        std::size_t m = read_number(s, i + 1, 2, b);
        if (m == 0 || i + 1 + m >= s.size() || s[i + 1 + m] != '-') return std::nullopt;
        std::size_t d = read_number(s, i + 2 + m, 2, c);
        if (d == 0) return std::nullopt;
        const std::size_t end = i + 2 + m + d;
        if (!ends_word(s, end) || !valid_day(a, static_cast<unsigned>(b), static_cast<unsigned>(c)))
            return std::nullopt;
        return DateMention{pos, end - pos, a, static_cast<unsigned>(b), static_cast<unsigned>(c)};
    }
    if (n > 2 || i >= s.size()) return std::nullopt;
    const char sep = s[i];
    if (sep != '/' && sep != '.' && sep != '-') return std::nullopt;
    std::size_t m = read_number(s, i + 1, 2, b);
    if (m == 0 || i + 1 + m >= s.size() || s[i + 1 + m] != sep) return std::nullopt;
    const std::size_t year_at = i + 2 + m;
    std::size_t y = read_number(s, year_at, 4, c);
    if (y != 2 && y != 4) return std::nullopt;
    const std::size_t end = year_at + y;
    if (!ends_word(s, end)) return std::nullopt;
    // "4.00.2021" style noise and times are excluded by requiring a real day and month.
    if (y == 2) c += 2000;
    if (!valid_day(c, static_cast<unsigned>(b), static_cast<unsigned>(a))) return std::nullopt;
    return DateMention{pos, end - pos, c, static_cast<unsigned>(b), static_cast<unsigned>(a)};
}

}  // namespace

bool is_capitalised_weekday(std::string_view word) {
    if (word.size() < 6 || !text::is_upper(word[0])) return false;
    for (char c : word.substr(1))
        if (!text::is_lower(c)) return false;
    for (auto day : k_weekdays)
        if (text::iequals(word, day)) return true;  // k_weekdays is lower case
    return false;
}

std::optional<unsigned> month_from_name(std::string_view word) {
    // Called on many words of every action: no allocation, and most words fail on length.
    if (word.size() < 3 || word.size() > 9 || !text::is_alpha(word[0])) return std::nullopt;
    // Every form of a month starts with the month's first letter: the other months need no
    // comparison.
    const auto initial = static_cast<std::size_t>(text::to_lower(word[0]) - 'a');
    for (unsigned months = k_months_by_initial[initial]; months != 0; months &= months - 1) {
        const auto m = static_cast<unsigned>(std::countr_zero(months));
        const std::string_view full = k_months[m];  // lower case
        if (text::iequals(word, full)) return m + 1;
        if (word.size() == 3 && text::iequals(word, full.substr(0, 3))) return m + 1;
        if (m == 8 && text::iequals(word, "sept")) return m + 1;
    }
    return std::nullopt;
}

std::optional<DateMention> match_date_at(std::string_view s, std::size_t pos, bool allow_month_only) {
    if (pos >= s.size() || !at_word_start(s, pos)) return std::nullopt;
    if (text::is_alpha(s[pos]) && (!starts_weekday_or_month(s[pos]) || !starts_date_word(s, pos))) return std::nullopt;
    const std::string_view first_word = alpha_word(s, pos);
    const std::size_t i = skip_weekday(s, pos, first_word);
    if (i < s.size() && is_digit(s[i])) {
        if (i == pos) {
            if (auto numeric = match_numeric(s, pos)) return numeric;
        }
        int day = 0;
        std::size_t n = read_number(s, i, 2, day);
        if (n == 0) return std::nullopt;
        std::size_t j = i + n;
        auto is_ordinal_suffix = [](std::string_view w) {
            return text::iequals(w, "st") || text::iequals(w, "nd") || text::iequals(w, "rd") || text::iequals(w, "th");
        };
        if (is_ordinal_suffix(alpha_word(s, j))) {
            j += 2;
            if (j + 1 < s.size() && s[j] == '.' && s[j + 1] == ' ') ++j;  // "22nd. APRIL"
            // "Wednesday 1st, February, 2017": a comma after the ordinal (only after one: "on 1,
            // February" is not how anyone writes a date).
            else if (j + 1 < s.size() && s[j] == ',' && s[j + 1] == ' ') ++j;
        } else if (j + 3 < s.size() && s[j] == ' ' && is_ordinal_suffix(alpha_word(s, j + 1)) && s[j + 3] == ' ') {
            j += 3;  // "20 th July 2010": a suffix typed apart from its number
        } else if (const std::string_view glued = alpha_word(s, j);
                   glued.size() > 4 && is_ordinal_suffix(glued.substr(0, 2)) && text::is_upper(glued[2]) &&
                   month_from_name(glued.substr(2))) {
            j += 2;  // "12thFebruary 2010": text from a PDF loses the space after the suffix
        }
        j = skip_spaces(s, j);
        // A month's name follows, perhaps after "day of" or "of": "1. Apologies" is no date.
        if (j >= s.size() || !text::is_alpha(s[j])) return std::nullopt;
        // "the 24th day of April, 2007", as formal notices of meeting write it.
        if (text::istarts_with(s.substr(j), "day of ")) j = skip_spaces(s, j + 7);
        else if (text::istarts_with(s.substr(j), "of ")) j = skip_spaces(s, j + 3);
        const std::string_view month_word = alpha_word(s, j);
        const auto month = month_from_name(month_word);
        if (!month || !(ends_word(s, j + month_word.size()) || glued_year(s, j + month_word.size())))
            return std::nullopt;
        if (month_word.size() == 3 && j + 3 < s.size() && s[j + 3] == '.') ++j;  // "Sep."
        std::size_t end = j + month_word.size();
        int year = 0;
        end = read_year_after(s, end, year);
        if (!valid_day(year, *month, static_cast<unsigned>(day))) return std::nullopt;
        return DateMention{pos, end - pos, year, *month, static_cast<unsigned>(day)};
    }
    const std::string_view month_word = i == pos ? first_word : alpha_word(s, i);
    const auto month = month_from_name(month_word);
    if (!month || !ends_word(s, i + month_word.size())) return std::nullopt;
    // "May" is also a verb: only a capitalised month name counts.
    if (!text::is_upper(month_word[0])) return std::nullopt;
    std::size_t j = skip_spaces(s, i + month_word.size());
    int day = 0;
    std::size_t n = read_number(s, j, 2, day);
    if (n > 0 && ends_word(s, j + n + (alpha_word(s, j + n).size() == 2 ? 2 : 0))) {
        std::size_t end = j + n;
        const std::string_view suffix = alpha_word(s, end);
        // "January 12th", "JANUARY 12TH 2009".
        if (text::iequals(suffix, "st") || text::iequals(suffix, "nd") || text::iequals(suffix, "rd") ||
            text::iequals(suffix, "th"))
            end += 2;
        int year = 0;
        const std::size_t after_year = read_year_after(s, end, year);
        if (year != 0 && valid_day(year, *month, static_cast<unsigned>(day)))
            return DateMention{pos, after_year - pos, year, *month, static_cast<unsigned>(day)};
    }
    if (!allow_month_only || i != pos) return std::nullopt;
    int year = 0;
    const std::size_t end = read_year_after(s, i + month_word.size(), year);
    return DateMention{pos, end - pos, year, *month, 0};
}

namespace {

// A date find_dates gives starts with a digit or a capital.
bool may_start_date(unsigned char c) { return is_digit(static_cast<char>(c)) || text::is_upper(static_cast<char>(c)); }
std::uint32_t may_start_date_block(const char* p) {
    const byte_scan::Bytes b = byte_scan::load(p);
    return byte_scan::mask(((b >= '0') & (b <= '9')) | ((b >= 'A') & (b <= 'Z')));
}

// The first date mention that starts at or after `from` (and at or before `last_start`); nullopt
// when there is none. Most bytes of prose are neither digits nor capitals: the scan passes over
// them sixteen at a time.
std::optional<DateMention> next_date(std::string_view s, std::size_t from,
                                     std::size_t last_start = std::string_view::npos) {
    const std::size_t starts_end = last_start < s.size() ? last_start + 1 : s.size();
    for (std::size_t i = from; (i = byte_scan::find_if(s.data(), i, starts_end, may_start_date_block, may_start_date)) < starts_end;
         ++i)
        if (at_word_start(s, i))
            if (auto m = match_date_at(s, i)) return m;
    return std::nullopt;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view s) {
    return find_dates(s, std::numeric_limits<std::size_t>::max());
}

std::vector<DateMention> find_dates(std::string_view s, std::size_t max_count) {
    std::vector<DateMention> out;
    std::size_t from = 0;
    while (out.size() < max_count) {
        const auto m = next_date(s, from);
        if (!m) break;
        out.push_back(*m);
        from = m->pos + m->length;
    }
    return out;
}

std::optional<DateMention> find_first_date(std::string_view s) { return next_date(s, 0); }

std::optional<DateMention> find_first_date(std::string_view s, std::size_t last_start) {
    return next_date(s, 0, last_start);
}

std::optional<Date> to_date(const DateMention& m) {
    if (m.year == 0 || m.day == 0) return std::nullopt;
    const Date d{std::chrono::year{m.year}, std::chrono::month{m.month}, std::chrono::day{m.day}};
    if (!d.ok()) return std::nullopt;
    return d;
}

std::optional<Date> resolve_date(const DateMention& m, std::optional<Date> meeting) {
    if (m.year != 0) {
        if (m.day == 0) return last_day_of_month(m.year, m.month);
        return to_date(m);
    }
    if (!meeting) return std::nullopt;
    const int year = static_cast<int>(meeting->year());
    auto candidate = [&](int y) {
        return m.day == 0 ? last_day_of_month(y, m.month)
                          : Date{std::chrono::year{y}, std::chrono::month{m.month},
                                 std::chrono::day{m.day}};
    };
    Date d = candidate(year);
    if (!d.ok()) return std::nullopt;
    if (std::chrono::sys_days{d} < std::chrono::sys_days{*meeting}) d = candidate(year + 1);
    return d.ok() ? std::optional<Date>(d) : std::nullopt;
}

Date last_day_of_month(int year, unsigned month) {
    const std::chrono::year_month_day_last last{
        std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}};
    return Date{last};
}

Date add_days(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

Date add_months(Date date, int months) {
    const auto ym = std::chrono::year_month{date.year(), date.month()} + std::chrono::months{months};
    const Date last = last_day_of_month(static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    return date.day() > last.day() ? last : Date{ym.year(), ym.month(), date.day()};
}

std::optional<TimeMention> match_time_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size() || !at_word_start(s, pos)) return std::nullopt;
    int hour = 0, minute = 0;
    std::size_t n = read_number(s, pos, 2, hour);
    if (n == 0) return std::nullopt;
    std::size_t i = pos + n;
    bool has_minutes = false;
    if (i + 2 < s.size() && (s[i] == '.' || s[i] == ':') && is_digit(s[i + 1])) {
        const std::size_t m = read_number(s, i + 1, 2, minute);
        if (m != 2) return std::nullopt;
        i += 1 + m;
        has_minutes = true;
    }
    std::size_t j = skip_spaces(s, i);
    const std::string lower = text::to_lower(alpha_word(s, j));
    const std::string_view dotted = s.substr(j, 4);
    int add = -1;
    if (lower == "am" || text::iequals(dotted, "a.m.")) add = 0;
    if (lower == "pm" || text::iequals(dotted, "p.m.")) add = 12;
    if (add >= 0) {
        if (hour < 1 || hour > 12 || minute > 59) return std::nullopt;
        hour = hour % 12 + add;
        i = j + (lower.size() == 2 ? 2 : 4);
    } else if (!has_minutes || s[pos + n] != ':' || hour > 23 || minute > 59) {
        return std::nullopt;  // a bare "4.00" is too ambiguous; "18:00" is a time
    }
    return TimeMention{fmt::format("{:02}:{:02}", hour, minute), i - pos};
}

std::string iso_date(Date date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10) return std::nullopt;
    const auto m = match_date_at(s, 0);
    if (!m || m->length != 10 || s[4] != '-') return std::nullopt;
    return to_date(*m);
}

std::string_view to_string(DateGrain grain) {
    switch (grain) {
        case DateGrain::day: return "day";
        case DateGrain::month: return "month";
        case DateGrain::quarter: return "quarter";
    }
    return "day";
}

std::string_view to_string(ResolutionKind kind) {
    switch (kind) {
        case ResolutionKind::agreed: return "agreed";
        case ResolutionKind::resolved: return "resolved";
        case ResolutionKind::noted: return "noted";
        case ResolutionKind::recommended: return "recommended";
    }
    return "resolved";
}

}  // namespace actiontrack::parsers
