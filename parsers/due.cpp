#include "parsers/due.hpp"

#include <array>
#include <charconv>
#include <vector>

#include "parsers/date.hpp"
#include "parsers/keywords.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::istarts_with;

struct Candidate {
    std::size_t pos = std::string_view::npos;
    Due due;
};

// Phrases that state timing without fixing a date.
constexpr std::array<std::string_view, 18> k_vague = {
    "in due course",        "as soon as possible", "as soon as practicable", "as necessary",
    "as a priority",        "in the new year",     "a future meeting",       "as appropriate",
    "in the near future",   "later in the year",   "before the summer recess", "when available",
    "at the earliest opportunity", "early in the new year",
    // Seasons: the phrase is kept, the date left open (which year's autumn is not said).
    "in the spring", "in the summer", "in the autumn", "in the winter"};

constexpr std::array<std::string_view, 12> k_date_leads = {
    "by the end of ", "by end of ", "no later than ", "not later than ", "on or before ",
    "by ", "before ", "until ", "end of ",
    // "prior to March 2020", "in advance of 5 December": other ways of saying "before".
    "prior to ", "in advance of ", "ahead of "};

constexpr std::array<std::string_view, 13> k_number_words = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve"};

// Every word and phrase the due finders look for, found in one pass over the text (see
// keywords.hpp). The enum names each keyword's index; the vague phrases keep k_vague's order.
enum DueKeyword : std::size_t {
    kw_vague_first,
    kw_vague_last = kw_vague_first + k_vague.size() - 1,
    // k_date_leads, trimmed, in order.
    kw_by_the_end_of, kw_by_end_of, kw_no_later_than, kw_not_later_than, kw_on_or_before, kw_by,
    kw_before, kw_until, kw_end_of, kw_prior_to, kw_in_advance_of, kw_ahead_of,
    kw_meeting_on, kw_meeting, kw_in, kw_during, kw_for, kw_within, kw_next_meeting, kw_after,
    kw_early, kw_mid, kw_late, kw_later_in,
    kw_end_of_the_financial_year, kw_end_of_the_municipal_year, kw_end_of_the_calendar_year,
    kw_end_of_the_year, kw_end_of_the_month,
    kw_quarter, kw_q1, kw_q2, kw_q3, kw_q4,
    kw_agenda,
};

const KeywordScanner& due_keywords() {
    static const KeywordScanner scanner = [] {
        // k_vague first, so that its phrase k is keyword kw_vague_first + k.
        std::vector<std::string_view> keywords(k_vague.begin(), k_vague.end());
        for (std::string_view keyword :
             {"by the end of", "by end of", "no later than", "not later than", "on or before", "by",
              "before", "until", "end of", "prior to", "in advance of", "ahead of",
              "meeting on ", "meeting", "in", "during", "for", "within", "next meeting", "after",
              "early", "mid", "late", "later in",
              "end of the financial year", "end of the municipal year", "end of the calendar year",
              "end of the year", "end of the month",
              "quarter", "q1", "q2", "q3", "q4",
              "agenda"})
            keywords.push_back(keyword);
        return KeywordScanner(keywords);
    }();
    return scanner;
}

// The first last-day-of-`month` on or after the meeting.
std::optional<Date> next_month_end(std::optional<Date> meeting, unsigned month) {
    if (!meeting) return std::nullopt;
    const int year = static_cast<int>(meeting->year());
    const Date this_year = last_day_of_month(year, month);
    return std::chrono::sys_days{this_year} >= std::chrono::sys_days{*meeting}
               ? this_year
               : last_day_of_month(year + 1, month);
}

// A month, perhaps with its year, named by the words that end at `end` ("the June", "its
// September 2023" before " meeting" or " agenda"), and where the phrase starts, with "the" or
// "its" before it. Not a whole date ("16th July 2013 meeting" was held already) nor a
// lower-case "may".
struct MonthNamed {
    unsigned month = 0;
    int year = 0;  // 0 when not said
    std::size_t start = 0;
};
std::optional<MonthNamed> month_named_before(std::string_view s, std::size_t end) {
    text::Word w = text::prev_word(s, end);
    if (w.text.empty() || w.pos + w.text.size() != end) return std::nullopt;
    int year = 0;
    if (w.text.size() == 4 && std::from_chars(w.text.data(), w.text.data() + 4, year).ptr == w.text.data() + 4) {
        if (w.pos == 0 || s[w.pos - 1] != ' ') return std::nullopt;
        w = text::prev_word(s, w.pos - 1);
        if (w.text.empty()) return std::nullopt;
    }
    const auto month = month_from_name(w.text);
    if (!month || !text::is_upper(w.text[0])) return std::nullopt;
    if (w.pos > 0 && text::is_digit(text::prev_word(s, w.pos).text.front())) return std::nullopt;
    std::size_t start = w.pos;
    for (std::string_view lead : {"the ", "its "})
        if (start >= lead.size() && text::iequals(s.substr(start - lead.size(), lead.size()), lead)) start -= lead.size();
    return MonthNamed{*month, year, start};
}

// A date before the meeting's own: a meeting named by it was held already, no deadline.
bool held_before_this_meeting(const std::optional<Date>& date, const DueContext& ctx) {
    return date && ctx.meeting && std::chrono::sys_days{*date} < std::chrono::sys_days{*ctx.meeting};
}

std::optional<int> read_count(std::string_view word) {
    if (!word.empty() && text::is_digit(word[0])) {
        int n = 0;
        for (char c : word) {
            if (!text::is_digit(c)) return std::nullopt;
            n = n * 10 + (c - '0');
            if (n > 400) return std::nullopt;
        }
        return n;
    }
    for (std::size_t i = 0; i < k_number_words.size(); ++i)
        if (text::iequals(word, k_number_words[i])) return static_cast<int>(i);
    return std::nullopt;
}

void consider(Candidate& best, std::size_t pos, Due due) {
    if (pos < best.pos) best = Candidate{pos, std::move(due)};
}

void find_explicit(std::string_view s, const DueContext& ctx, const KeywordHits& hits, Candidate& best) {
    // (Each group of keywords below is tested at once first: most texts hold none of it. The
    // group tested is the one the loop walks, so that it grows with k_date_leads.)
    const bool any_lead = hits.any_in(kw_by_the_end_of, kw_by_the_end_of + k_date_leads.size() - 1);
    for (std::size_t k = 0; any_lead && k < k_date_leads.size(); ++k) {
        const std::string_view lead = k_date_leads[k];
        const std::size_t keyword = kw_by_the_end_of + k;
        for (std::size_t at = hits.first_word(keyword); at != KeywordHits::npos; at = hits.first_word(keyword, at + 1)) {
            if (!istarts_with(s.substr(at), lead)) continue;
            std::size_t date_at = at + lead.size();
            const bool end_of = text::ifind(lead, "end of") != std::string_view::npos;
            // "by the 31st March", "before the 14th of September": an article before a day.
            if (!end_of && istarts_with(s.substr(date_at), "the ") && date_at + 4 < s.size() &&
                text::is_digit(s[date_at + 4]))
                date_at += 4;
            const bool before = keyword == kw_before || keyword >= kw_prior_to;
            if (auto m = match_date_at(s, date_at, /*allow_month_only=*/true)) {
                if (m->day == 0 && !end_of && lead != "by " && !before) {
                    continue;  // "until March" is vague
                }
                Due due;
                due.phrase = std::string(s.substr(at, date_at + m->length - at));
                due.date = resolve_date(*m, ctx.meeting);
                due.grain = m->day == 0 ? DateGrain::month : DateGrain::day;
                if (m->day == 0 && before && due.date) {
                    // "before March" means by the end of February.
                    due.date = add_days(Date{due.date->year(), due.date->month(), std::chrono::day{1}}, -1);
                }
                consider(best, at, std::move(due));
            }
        }
    }
    // "by the consultation deadline of 24 May", "before its meeting on 2 February 2023".
    for (const std::size_t lead : {kw_by, kw_before}) {
        for (std::size_t at = hits.first_word(lead); at != KeywordHits::npos; at = hits.first_word(lead, at + 1)) {
            const std::string_view window = s.substr(at, 70);
            for (std::string_view link : {" of ", " on "}) {
                const std::size_t l = window.find(link);
                if (l == std::string_view::npos || window.substr(0, l).find_first_of(",;.") != std::string_view::npos)
                    continue;
                const std::size_t date_at = at + l + link.size();
                const auto m = match_date_at(s, date_at);
                if (!m) continue;
                consider(best, at, Due{std::string(s.substr(at, date_at + m->length - at)),
                                       resolve_date(*m, ctx.meeting), DateGrain::day});
                break;
            }
        }
    }
    // "to the meeting on 30 January 2024": a named meeting date ("the list of those in
    // attendance at the meeting on 18 December 2019", before this one, names a meeting held).
    for (std::size_t at = hits.first(kw_meeting_on); at != KeywordHits::npos; at = hits.first(kw_meeting_on, at + 1)) {
        if (const auto m = match_date_at(s, at + 11)) {
            const std::optional<Date> date = resolve_date(*m, ctx.meeting);
            if (held_before_this_meeting(date, ctx)) continue;
            std::size_t start = at;
            if (start >= 4 && text::iequals(s.substr(start - 4, 4), "the ")) start -= 4;
            consider(best, start, Due{std::string(s.substr(start, at + 11 + m->length - start)), date, DateGrain::day});
        }
    }
    // "the June meeting", "the September 2010 meeting", "with the April agenda": the next
    // meeting when it falls in that month; otherwise the month, due at its end.
    // Only the words just before each " meeting" or " agenda" can be the month and its year.
    for (const std::size_t keyword : {kw_meeting, kw_agenda}) {
        for (std::size_t m = hits.first(keyword); m != KeywordHits::npos; m = hits.first(keyword, m + 1)) {
            if (m == 0 || s[m - 1] != ' ') continue;
            const auto named = month_named_before(s, m - 1);
            if (!named) continue;
            const auto [month, year, start] = *named;
            // "moved from the October meeting to the January meeting": where it came from.
            if (text::word_before(s, start) == "from") continue;
            const std::string phrase(s.substr(start, m + due_keywords().length(keyword) - start));
            if (ctx.next_meeting && static_cast<unsigned>(ctx.next_meeting->month()) == month &&
                (year == 0 || static_cast<int>(ctx.next_meeting->year()) == year)) {
                consider(best, start, Due{phrase, ctx.next_meeting, DateGrain::day});
                continue;
            }
            const std::optional<Date> month_end =
                year != 0 ? std::optional<Date>(last_day_of_month(year, month)) : next_month_end(ctx.meeting, month);
            // A month before the meeting's own is a meeting already held, not a deadline.
            if (held_before_this_meeting(month_end, ctx)) continue;
            consider(best, start, Due{phrase, month_end, month_end ? DateGrain::month : DateGrain::day});
        }
    }
    // "in May 2013", "during December": a month, due at its end.
    for (const std::size_t lead : {kw_in, kw_during, kw_for}) {
        for (std::size_t at = hits.first_word(lead); at != KeywordHits::npos; at = hits.first_word(lead, at + 1)) {
            const std::size_t date_at = at + due_keywords().length(lead) + 1;
            const auto m = match_date_at(s, date_at, /*allow_month_only=*/true);
            if (!m) continue;
            Due due;
            due.phrase = std::string(s.substr(at, date_at + m->length - at));
            due.date = resolve_date(*m, ctx.meeting);
            due.grain = m->day == 0 ? DateGrain::month : DateGrain::day;
            consider(best, at, std::move(due));
        }
    }
}

// Where a "next meeting" phrase starts once its preposition and article are included: "to the
// next meeting", "at its next meeting", "by the next Panel meeting".
std::size_t with_preposition(std::string_view s, std::size_t start) {
    for (std::string_view lead : {"the ", "its ", "their "})
        if (start >= lead.size() && text::iequals(s.substr(start - lead.size(), lead.size()), lead))
            start -= lead.size();
    for (std::string_view lead : {"to ", "at ", "for ", "by ", "until ", "before "})
        if (start >= lead.size() && text::iequals(s.substr(start - lead.size(), lead.size()), lead))
            return start - lead.size();
    return start;
}

void find_relative(std::string_view s, const DueContext& ctx, const KeywordHits& hits, Candidate& best) {
    // "within two months", and "in six months' time" / "in 3 months" (a period from the meeting;
    // "in" with a count and a unit, so "in March" and "in two parts" are not read here).
    // Every "within", then every "in", without listing them first.
    const auto read_period = [&](std::size_t at) {
        // The first four words of the 40 bytes from `at`, as words() splits them, kept in an
        // array: every "in" of the text comes here, and most are followed by no count.
        const std::string_view window = s.substr(at, 40);
        std::array<text::Word, 4> ws;
        std::size_t taken = 0;
        for (auto w = text::next_word(window, 0); !w.text.empty() && taken < ws.size();
             w = text::next_word(window, w.pos + w.text.size()))
            ws[taken++] = w;
        if (taken < 3) return;
        const auto count = read_count(ws[1].text);
        if (!count) return;
        const std::string unit = text::to_lower(ws[2].text);
        const bool within = text::iequals(ws[0].text, "within");
        if (!within && unit != "weeks" && unit != "months" && unit != "weeks'" && unit != "months'") return;
        Due due;
        std::size_t end = ws[2].pos + ws[2].text.size();
        if (!within && taken >= 4 && text::iequals(ws[3].text, "time")) end = ws[3].pos + 4;
        due.phrase = std::string(s.substr(at, end));
        if (ctx.meeting) {
            if (unit == "day" || unit == "days") due.date = add_days(*ctx.meeting, *count);
            else if (unit == "week" || unit == "weeks") due.date = add_days(*ctx.meeting, *count * 7);
            else if (unit == "month" || unit == "months" || unit == "months'") due.date = add_months(*ctx.meeting, *count);
            else if (unit == "weeks'") due.date = add_days(*ctx.meeting, *count * 7);
            else return;
        } else if (unit.rfind("day", 0) != 0 && unit.rfind("week", 0) != 0 && unit.rfind("month", 0) != 0) {
            return;
        }
        consider(best, at, std::move(due));
    };
    for (std::size_t at = hits.first_word(kw_within); at != KeywordHits::npos; at = hits.first_word(kw_within, at + 1))
        read_period(at);
    for (std::size_t at = hits.first_word(kw_in); at != KeywordHits::npos; at = hits.first_word(kw_in, at + 1))
        read_period(at);
    for (std::size_t at = hits.first(kw_next_meeting); at != KeywordHits::npos; at = hits.first(kw_next_meeting, at + 1)) {
        const std::size_t start = with_preposition(s, at);
        std::size_t end = at + 12;
        if (istarts_with(s.substr(end), " of the ")) {
            // "the next meeting of the Scrutiny Panel": keep the body's name in the phrase.
            const std::size_t name_at = end + 8;
            std::size_t name_end = 0;
            for (const auto& w : text::words(s.substr(name_at, 120))) {
                const bool joiner = w.text == "and" || w.text == "of";
                if (!text::is_capitalised(w.text) && !joiner) break;
                if (!joiner) name_end = name_at + w.pos + w.text.size();
            }
            if (name_end > 0) end = name_end;
        }
        Due due;
        due.phrase = std::string(s.substr(start, end - start));
        due.date = ctx.next_meeting;
        consider(best, start, std::move(due));
    }
    // "by the next Panel meeting", "at the next full Council meeting": the body named between.
    for (std::size_t m = hits.first(kw_meeting); m != KeywordHits::npos; m = hits.first(kw_meeting, m + 1)) {
        std::size_t next_at = std::string_view::npos;
        std::size_t pos = m;
        for (int k = 0; k < 3; ++k) {
            const std::string_view w = text::word_before(s, pos);
            if (w.empty()) break;
            pos = static_cast<std::size_t>(w.data() - s.data());
            if (text::iequals(w, "next")) {
                next_at = pos;
                break;
            }
            static constexpr std::array<std::string_view, 9> k_bodies = {
                "panel", "board", "committee", "council", "cabinet", "forum", "group", "full", "authority"};
            if (!text::contains_ci(k_bodies, w)) break;
        }
        if (next_at == std::string_view::npos || next_at + 5 == m) continue;  // "next meeting" is read above
        const std::size_t start = with_preposition(s, next_at);
        Due due;
        due.phrase = std::string(s.substr(start, m + 7 - start));
        due.date = ctx.next_meeting;
        consider(best, start, std::move(due));
    }
}

void find_vague(std::string_view s, const KeywordHits& hits, Candidate& best) {
    const bool any_vague = hits.any_in(kw_vague_first, kw_vague_last);  // one test for the group
    for (std::size_t k = 0; any_vague && k < k_vague.size(); ++k) {
        const std::size_t at = hits.first_word(kw_vague_first + k);
        if (at != KeywordHits::npos) consider(best, at, Due{std::string(s.substr(at, k_vague[k].size())), std::nullopt, DateGrain::day});
    }
    // "after the Panel had been operating for 12 months": relative to an unstated start.
    for (std::size_t at = hits.first_word(kw_after); at != KeywordHits::npos; at = hits.first_word(kw_after, at + 1)) {
        const auto ws = text::words(s.substr(at, 90));
        for (std::size_t k = 1; k + 1 < ws.size() && k < 10; ++k) {
            const std::string unit = text::to_lower(ws[k + 1].text);
            if (read_count(ws[k].text) &&
                (unit.rfind("month", 0) == 0 || unit.rfind("year", 0) == 0 || unit.rfind("week", 0) == 0)) {
                consider(best, at, Due{std::string(s.substr(at, ws[k + 1].pos + ws[k + 1].text.size())),
                                       std::nullopt, DateGrain::day});
                break;
            }
        }
    }
    // "early 2022", "later in 2023": a year with no month fixes nothing.
    for (const std::size_t lead : {kw_early, kw_mid, kw_late, kw_later_in}) {
        const std::size_t lead_size = due_keywords().length(lead) + 1;  // with its space
        for (std::size_t at = hits.first_word(lead); at != KeywordHits::npos; at = hits.first_word(lead, at + 1)) {
            if (at + lead_size > s.size()) continue;  // "early" ending the text: no year follows
            const std::string_view w = text::word_after(s, at + lead_size);
            if (w.size() == 4 && text::is_digit(w[0]) && text::is_digit(w[3]) &&
                s.compare(at + lead_size, 4, w) == 0)
                consider(best, at, Due{std::string(s.substr(at, lead_size + 4)), std::nullopt, DateGrain::day});
        }
    }
}

// "the end of the financial year", "the end of the municipal year", "the end of the year",
// "the end of the month" (the meeting's month; unknown without the meeting's date).
void find_period_ends(std::string_view s, const DueContext& ctx, const KeywordHits& hits, Candidate& best) {
    // One test for the group first (the one the loop below walks): most texts hold none of it.
    constexpr std::size_t k_period_count = 5;
    if (!hits.any_in(kw_end_of_the_financial_year, kw_end_of_the_financial_year + k_period_count - 1)) return;
    const unsigned fy_end = (ctx.financial_year_start_month + 10) % 12 + 1;
    const unsigned meeting_month = ctx.meeting ? static_cast<unsigned>(ctx.meeting->month()) : 0;
    const std::array<std::pair<std::string_view, unsigned>, k_period_count> k_periods = {{
        {"end of the financial year", fy_end},
        {"end of the municipal year", ctx.municipal_year_end_month},
        {"end of the calendar year", 12},
        {"end of the year", 12},
        {"end of the month", meeting_month},
    }};
    for (std::size_t k = 0; k < k_periods.size(); ++k) {
        const auto& [phrase, month] = k_periods[k];
        const std::size_t at = hits.first(kw_end_of_the_financial_year + k);
        if (at == KeywordHits::npos) continue;
        std::size_t start = at;
        for (std::string_view lead : {"by the ", "before the ", "at the ", "the "})
            if (start >= lead.size() && text::iequals(s.substr(start - lead.size(), lead.size()), lead)) {
                start -= lead.size();
                break;
            }
        consider(best, start, Due{std::string(s.substr(start, at + phrase.size() - start)),
                                  month == 0 ? std::nullopt : next_month_end(ctx.meeting, month),
                                  DateGrain::day});
        return;
    }
}

// "Q3", "Q3 2023/24", "the third quarter": the end of a financial-year quarter.
void find_quarters(std::string_view s, const DueContext& ctx, const KeywordHits& hits, Candidate& best) {
    static constexpr std::array<std::string_view, 4> k_ordinals = {"first", "second", "third", "fourth"};
    // "Q1".."Q4" or "quarter" somewhere: otherwise no word below can match.
    if (!hits.any_in(kw_quarter, kw_q4)) return;
    for (auto w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size())) {
        int quarter = 0;
        std::size_t end = w.pos + w.text.size();
        if (w.text.size() == 2 && (w.text[0] == 'Q' || w.text[0] == 'q') && w.text[1] >= '1' && w.text[1] <= '4') {
            quarter = w.text[1] - '0';
        } else {
            for (std::size_t k = 0; k < k_ordinals.size(); ++k)
                if (text::iequals(w.text, k_ordinals[k]) && text::istarts_with(s.substr(end), " quarter")) {
                    quarter = static_cast<int>(k) + 1;
                    end += 8;
                }
        }
        if (quarter == 0) continue;
        const unsigned start_month = ctx.financial_year_start_month;
        const unsigned last_month = (start_month - 1 + static_cast<unsigned>(quarter) * 3 - 1) % 12 + 1;
        std::optional<Date> date;
        // An explicit financial year "2023/24" fixes the year; otherwise the next such quarter end.
        const std::string_view rest = text::trim(s.substr(end, 12));
        int fy = 0;
        if (rest.size() >= 4 && text::is_digit(rest[0]) && text::is_digit(rest[3]) &&
            (rest.size() == 4 || !text::is_digit(rest[4]))) {
            fy = (rest[0] - '0') * 1000 + (rest[1] - '0') * 100 + (rest[2] - '0') * 10 + (rest[3] - '0');
            end = s.find(rest.substr(0, 4), end) + 4;
            if (end < s.size() && s[end] == '/') {
                while (end + 1 < s.size() && text::is_digit(s[end + 1])) ++end;
                ++end;
            }
        }
        if (fy > 0) {
            const int year = last_month >= start_month ? fy : fy + 1;
            date = last_day_of_month(year, last_month);
        } else {
            date = next_month_end(ctx.meeting, last_month);
        }
        std::size_t start = w.pos;
        for (std::string_view lead : {"the end of ", "end of ", "the "})
            if (start >= lead.size() && text::iequals(s.substr(start - lead.size(), lead.size()), lead)) {
                start -= lead.size();
                break;
            }
        consider(best, start, Due{std::string(s.substr(start, end - start)), date, DateGrain::quarter});
    }
}

}  // namespace

std::optional<Due> find_due(std::string_view text, const DueContext& context) {
    KeywordHits hits;
    return find_due(text, context, hits);
}

std::optional<Due> find_due(std::string_view text, const DueContext& context, KeywordHits& hits) {
    Candidate best;
    hits.collect(due_keywords(), text);
    find_explicit(text, context, hits, best);
    find_relative(text, context, hits, best);
    find_period_ends(text, context, hits, best);
    find_quarters(text, context, hits, best);
    find_vague(text, hits, best);
    if (best.pos == std::string_view::npos) return std::nullopt;
    return best.due;
}

bool names_a_months_meeting(std::string_view phrase) {
    std::string_view named = phrase;
    if (!text::strip_suffix_ci(named, " meeting") && !text::strip_suffix_ci(named, " agenda")) return false;
    return month_named_before(phrase, named.size()).has_value();
}

}  // namespace actiontrack::parsers
