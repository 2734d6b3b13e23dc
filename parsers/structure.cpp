#include "parsers/structure.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <span>
#include <string>

#include "parsers/byte_scan.hpp"
#include "parsers/date.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::has_more_words_than;
using text::ifind;
using text::istarts_with;
using text::trim;

// Like text::ifind, but the scan looks for the two bytes needle[anchor], needle[anchor + 1] (in
// either case) instead of the needle's first letter, 16 positions at a time. "next meeting" and
// "... of the " are looked for in every paragraph, and their first letters are among the
// commonest in English; "xt" and "f " are not.
std::size_t ifind_by_anchor(std::string_view haystack, std::string_view needle, std::size_t anchor,
                            std::size_t from = 0) {
    constexpr auto npos = std::string_view::npos;
    if (from > haystack.size() || needle.size() > haystack.size() - from) return npos;
    // OR-ing 0x20 folds ASCII case; on other bytes it can only add candidates, which are checked.
    const auto first = static_cast<unsigned char>(needle[anchor] | 0x20);
    const auto second = static_cast<unsigned char>(needle[anchor + 1] | 0x20);
    const char* const p = haystack.data();
    const std::size_t end = haystack.size() - needle.size() + anchor + 1;  // past the last possible anchor
    auto matches_at = [&](std::size_t hit) {
        return text::iequals(haystack.substr(hit - anchor, needle.size()), needle);
    };
    std::size_t k = from + anchor;
    for (; k < end && k + byte_scan::k_block + 1 <= haystack.size(); k += byte_scan::k_block) {
        const byte_scan::Lanes pairs = ((byte_scan::load(p + k) | 0x20) == first) &
                                       ((byte_scan::load(p + k + 1) | 0x20) == second);
        for (std::uint32_t bits = byte_scan::keep_before(byte_scan::mask(pairs), k, end); bits != 0; bits &= bits - 1)
            if (const std::size_t hit = k + byte_scan::first_bit(bits); matches_at(hit)) return hit - anchor;
    }
    for (; k < end; ++k)
        if ((p[k] | 0x20) == first && (p[k + 1] | 0x20) == second && matches_at(k)) return k - anchor;
    return npos;
}

// Every phrase the meeting facts are read from in the body contains one of these.
constexpr std::string_view k_next_meeting = "next meeting";
constexpr std::size_t k_next_meeting_anchor = 2;  // "xt"
constexpr std::string_view k_of_next_meeting = "of next meeting";
constexpr std::size_t k_of_next_meeting_anchor = 5;  // "xt"
constexpr std::string_view k_of_the = " of the ";
constexpr std::size_t k_of_the_anchor = 2;  // "f "
// A title run into a paragraph of the head contains this.
constexpr std::string_view k_minute = "minute";
constexpr std::size_t k_minute_anchor = 2;  // "nu"

constexpr std::array<std::string_view, 23> k_body_heads = {
    "Committee", "Sub-Committee", "Panel",   "Board",     "Commission",  "Cabinet", "Council",
    "Group",     "Forum",         "Executive", "Partnership", "Authority", "Assembly",
    // "Braddan Parish Commissioners", "Hall Trustees", "Board of Governors", "Municipal District
    // of Ardee", "States of Alderney", "Racecourse Ward Residents Association", "LiFE Trust".
    "Commissioners", "Trustees", "Governors", "District", "States", "Association", "Trust",
    // "Great Chart Cricket Club", "Binswood Allotment Society"; a further education college's
    // governing body, "the Corporation".
    "Club", "Society", "Corporation"};

bool is_body_name(std::string_view name) {
    // "Planning Applications Sub-Committee (B)": a trailing bracket is part of the name.
    if (!name.empty() && name.back() == ')') {
        const std::size_t open = name.rfind(" (");
        if (open != std::string_view::npos) name = name.substr(0, open);
    }
    // Its words, without allocating: more than 18 words are no name, even once a number and "No"
    // are dropped below.
    std::array<text::Word, 18> found;
    std::size_t count = 0;
    for (text::Word w = text::next_word(name, 0); !w.text.empty(); w = text::next_word(name, w.pos + w.text.size())) {
        if (count == found.size()) return false;
        // A name starts with a capital (checked below): a sentence is ruled out by its first word.
        if (count == 0 && !text::is_capitalised(w.text)) return false;
        found[count++] = w;
    }
    std::span<const text::Word> ws(found.data(), count);
    // "LICENSING SUB-COMMITTEE No.5", "Planning Sub-Committee No. 2": one of several.
    if (ws.size() >= 2 && text::is_digit(ws.back().text[0])) ws = ws.first(ws.size() - 1);
    if (ws.size() >= 2 && text::iequals(ws.back().text, "No")) ws = ws.first(ws.size() - 1);
    if (ws.empty() || ws.size() > 16 || !text::is_capitalised(ws.front().text)) return false;
    for (auto head : k_body_heads) {
        if (text::iequals(ws.back().text, head)) return true;
        // "Committee for Infrastructure", "Board of Governors": the head first; "Parish Council
        // of Withypool and Hawkridge", "MUNICIPAL DISTRICT OF KILKENNY CITY": the head second.
        if (ws.size() >= 3 && ws.size() <= 6 && text::iequals(ws.front().text, head) &&
            (text::iequals(ws[1].text, "for") || text::iequals(ws[1].text, "of") || text::iequals(ws[1].text, "on")))
            return true;
        if (ws.size() >= 4 && ws.size() <= 7 && text::iequals(ws[1].text, head) && text::iequals(ws[2].text, "of") &&
            text::is_capitalised(ws[3].text))
            return true;
    }
    return false;
}

// Where the first of `stops`, words that each start with a space, occurs in `s` at or after
// `from`; npos when none does. One walk over the spaces: a search per stop word would read the
// rest of a long paragraph once for each.
template <std::size_t N>
std::size_t find_first_stop(std::string_view s, std::size_t from, const std::array<std::string_view, N>& stops) {
    for (std::size_t k = from; k < s.size(); ++k) {
        if (s[k] != ' ') continue;
        const std::string_view here = s.substr(k);
        for (std::string_view stop : stops)
            if (here.starts_with(stop)) return k;
    }
    return std::string_view::npos;
}

// Where " - " next occurs in `s` at or after `from`, or npos: looked for by its '-', which is rarer
// than a space.
std::size_t find_spaced_dash(std::string_view s, std::size_t from) {
    for (std::size_t dash = s.find('-', from + 1); dash != std::string_view::npos; dash = s.find('-', dash + 1))
        if (s[dash - 1] == ' ' && dash + 1 < s.size() && s[dash + 1] == ' ') return dash - 1;
    return std::string_view::npos;
}

// "PLANNING COMMITTEE" → "Planning Committee"; other text unchanged.
std::string tidy_name(std::string_view name) {
    std::string out(trim(name));
    while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ':'))
        out.pop_back();
    if (istarts_with(out, "the ")) out.erase(0, 4);
    // Words of the page's title before the body's name: "Meeting Summary Scrutiny Panel",
    // "Approved Minutes for the Steering Group Meeting", "Meeting From the Hughenden Village Hall
    // Committee". Dropped only while a body's name of two words or more is left.
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (std::string_view lead : {"meeting summary ", "meeting from the ", "approved minutes for the ",
                                      "draft minutes for the ", "minutes for the ", "summary of the ",
                                      "report of the "}) {
            if (!istarts_with(out, lead)) continue;
            std::string_view rest = trim(std::string_view(out).substr(lead.size()));
            text::strip_suffix_ci(rest, " meeting");
            if (!has_more_words_than(rest, 1) || !is_body_name(rest)) continue;
            out = std::string(rest);
            dropped = true;
        }
    }
    // "Licensing Committee (2005-2015)": the years a body sat, not part of its name.
    if (const std::size_t open = out.rfind(" ("); open != std::string::npos && out.back() == ')' &&
                                                  std::all_of(out.begin() + static_cast<std::ptrdiff_t>(open) + 2, out.end() - 1,
                                                              [](char c) { return text::is_digit(c) || c == '-' || c == ' '; }))
        out.erase(open);
    // Capitals throughout, perhaps with a designator: "LICENSING SUB-COMMITTEE No.5".
    bool has_lower = false;
    const std::size_t designator = out.rfind(" No.");
    for (std::size_t k = 0; k < out.size() && k < designator; ++k) has_lower |= text::is_lower(out[k]);
    if (!has_lower) {
        bool word_start = true;
        for (char& c : out) {
            if (text::is_alpha(c)) {
                if (!word_start) c = text::to_lower(c);
                word_start = false;
            } else {
                word_start = c == ' ' || c == '-' || c == '(';
            }
        }
        for (std::string_view small : {" And ", " Of ", " For ", " The ", " On ", " Upon ", " In ", " Under "}) {
            for (std::size_t at = out.find(small); at != std::string::npos; at = out.find(small, at + 1))
                out[at + 1] = text::to_lower(out[at + 1]);
        }
    }
    return out;
}

// "RESOLVED: ...", "Agreed that ...": the start of a decision, never a heading.
bool starts_with_decision_word(std::string_view s) {
    static constexpr std::array<std::string_view, 6> k_decision_words = {"resolved", "agreed",   "noted",
                                                                        "recommended", "decision", "action"};
    return text::contains_ci(k_decision_words, text::word_after(s, 0));
}

bool is_number_only(std::string_view s) {
    if (s.empty() || s.size() > 8 || !text::is_digit(s[0])) return false;
    for (char c : s)
        if (!text::is_digit(c) && c != '.' && c != '/' && c != '(' && c != ')') return false;
    return true;
}

// A short heading-like paragraph: few words, no closing punctuation, mostly capitalised words.
bool looks_like_title(const Paragraph& p) {
    const std::string_view s = p.text;
    if (p.bullet || s.empty() || !text::is_upper(s[0]) || s.back() == '.' || s.back() == ':' ||
        s.back() == ';' || s.back() == ',' || s.back() == '-' || starts_with_decision_word(s))
        return false;
    // One walk over the words, which stops at the fifteenth: most paragraphs are long prose.
    std::size_t words = 0, capitalised = 0, content = 0;
    for (text::Word w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size())) {
        if (++words > 14) return false;
        if (w.text.size() <= 3 && !text::is_capitalised(w.text)) continue;  // of, and, the
        ++content;
        if (text::is_capitalised(w.text) || text::is_digit(w.text[0])) ++capitalised;
    }
    if (words == 0 || content == 0 || capitalised * 2 < content + 1) return false;
    // "Tap in Garage - No updates [Action NC]": an action log's entry, its owner marked.
    if (s.back() == ']' && text::ifind(s, "[action") != std::string_view::npos) return false;
    // Looked for last: reading a date costs more than counting capitals.
    const auto date = match_date_at(s, 0);
    return !(date && date->length + 8 >= s.size());
}

// Parses "NAME - DATE [TIME]" title lines. Returns the name and fills date/time.
bool parse_title_line(std::string_view s, std::string& name, std::optional<Date>& date,
                      std::optional<std::string>& time) {
    for (std::size_t dash = find_spaced_dash(s, 0); dash != std::string_view::npos;
         dash = find_spaced_dash(s, dash + 1)) {
        const auto m = match_date_at(s, dash + 3);
        if (!m || !to_date(*m)) continue;
        name = std::string(trim(s.substr(0, dash)));
        date = to_date(*m);
        std::size_t after = dash + 3 + m->length;
        while (after < s.size() && (s[after] == ' ' || s[after] == ',')) ++after;
        if (istarts_with(s.substr(after), "at ")) after += 3;
        if (auto t = match_time_at(s, after)) time = t->hhmm;
        return true;
    }
    return false;
}

std::string clean_contact(std::string_view s) {
    std::size_t end = s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (text::is_digit(s[i]) || s[i] == '@' || s[i] == '(' || s[i] == '|') {
            end = i;
            break;
        }
    }
    for (std::string_view stop : {" Tel", " tel", " Email", " email", " E-mail", " Phone"}) {
        const std::size_t at = s.substr(0, end).find(stop);
        if (at != std::string_view::npos) end = at;
    }
    std::string out(trim(s.substr(0, end)));
    while (!out.empty() && (out.back() == ',' || out.back() == '-')) {
        out.pop_back();
        out = std::string(trim(out));
    }
    return out;
}

std::string clean_venue(std::string_view s) {
    std::string out(trim(s));
    const std::size_t at = out.find("View directions");
    if (at != std::string::npos) out = std::string(trim(std::string_view(out).substr(0, at)));
    while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
    return out;
}

// The first complete date in `s` at or after `from`; with `meeting` a year may be filled in.
std::optional<Date> first_date(std::string_view s, std::size_t from, std::optional<Date> meeting) {
    // The first date mention decides; a yearless one without a meeting is unknown.
    const auto m = find_first_date(s.substr(from));
    if (!m) return std::nullopt;
    return resolve_date(*m, meeting);
}

class MeetingFactsReader {
public:
    explicit MeetingFactsReader(const NormalisedText& doc) : m_doc(doc) {}

    MeetingFacts read() {
        read_header();
        read_committee_fallbacks();
        read_next_meeting();
        return m_facts;
    }

private:
    void read_header() {
        const auto& ps = m_doc.paragraphs;
        const std::size_t limit = std::min<std::size_t>(ps.size(), 14);
        for (std::size_t i = 0; i < limit; ++i) {
            const std::string_view s = ps[i].text;
            if (istarts_with(s, "Venue:") && !m_facts.venue) {
                m_facts.venue = clean_venue(s.substr(6));
                if (m_facts.venue->empty()) m_facts.venue.reset();
                continue;
            }
            if (istarts_with(s, "Contact:") && !m_facts.contact) {
                m_facts.contact = clean_contact(s.substr(8));
                if (m_facts.contact->empty()) m_facts.contact.reset();
                continue;
            }
            if (istarts_with(s, "Meeting:")) {
                read_meeting_field(s.substr(8));
                continue;
            }
            // "Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm": a ModernGov page's title.
            // (After what a scraper left of the page's markup: "{meta} Agenda for ...".)
            if (!m_facts.date) {
                const std::size_t agenda_for = istarts_with(s, "Agenda for ") ? 0 : ifind(s.substr(0, 20), " Agenda for ");
                if (agenda_for != std::string_view::npos &&
                    read_agenda_title(s.substr(agenda_for + (agenda_for == 0 ? 11 : 12))))
                    continue;
            }
            // "Date: 17 August 2016", or a line that is only the date and time near the top
            // ("Thursday 10th January 2019 7.30 pm", "18th February 2020 at 7pm").
            // "Date / 13th June 2017": a table of meeting details flattened with slashes.
            const bool date_field = istarts_with(s, "Date:") || istarts_with(s, "Date /");
            const bool meeting_date_field = istarts_with(s, "Meeting Date:");
            const bool date_of_meeting_field = istarts_with(s, "Date of meeting:");
            // "Date and Time: Thursday 28 July 2016 at 7.03 pm".
            const bool date_and_time_field = istarts_with(s, "Date and Time:");
            if (!m_facts.date && i <= 6 &&
                read_dateline(date_field              ? trim(s.substr(s[4] == ':' ? 5 : 6))
                              : meeting_date_field    ? trim(s.substr(13))
                              : date_of_meeting_field ? trim(s.substr(16))
                              : date_and_time_field   ? trim(s.substr(14))
                                                      : s))
                continue;
            std::string name;
            std::optional<Date> date;
            std::optional<std::string> time;
            if (!m_facts.date && parse_title_line(s, name, date, time)) {
                if (ifind(name, "next meeting") != std::string::npos) continue;
                if (istarts_with(name, "Agenda and minutes")) name = std::string(trim(name.substr(18)));
                // "Summary of DE Board Meeting - 11 April 2019": a summary's title names the meeting.
                if (istarts_with(name, "Summary of ")) {
                    std::string_view summarised = trim(std::string_view(name).substr(11));
                    text::strip_suffix_ci(summarised, " meeting");
                    if (is_body_name(summarised)) name = std::string(summarised);
                }
                // "Committee for Infrastructure" / "Minutes of Proceedings - 10 December 2025".
                if (istarts_with(name, "Minutes of Proceedings") && i > 0) name = std::string(heading_body_above(i));
                // "Minutes – 16th April 2019": the date, and no body. A heading above that names
                // one names the body, for that title ("MALDON HARBOUR IMPROVEMENT COMMISSIONERS"
                // over "MINUTES – Thursday, 17 January 2019, at 7.00 pm") and for any other that
                // names none ("Village Hall Management Committee" over "Monthly Meeting Minutes -
                // 28th March 2018").
                const bool says_minutes = text::iequals(name, "minutes") || text::iequals(name, "draft minutes");
                std::string_view named = name;  // "Planning Committee - Minutes" names its body
                for (std::string_view tail : {" - minutes", " minutes"}) text::strip_suffix_ci(named, tail);
                const std::string_view above = says_minutes || (i > 0 && !is_body_name(named)) ? heading_body_above(i)
                                                                                                 : std::string_view{};
                if (!above.empty()) m_facts.committee = tidy_name(above);
                else if (!says_minutes) m_facts.committee = tidy_name(name);
                m_facts.date = date;
                m_facts.time = time;
                continue;
            }
            if (!m_facts.date && i <= 6 && read_title_before_date(s)) {
                m_weak_date = true;
                continue;
            }
            if (!m_facts.date && i <= 6 && read_body_meeting_line(s)) {
                m_weak_date = true;
                continue;
            }
            if (!m_facts.date && i + 1 < ps.size() && read_two_line_title(s, date_line_after(i))) {
                m_weak_date = true;
                continue;
            }
            // "Minutes - 18 November 2009" gave the date and no body; "North Kelvin Community
            // Council Minutes" over "Wednesday 18 November 2009 at 6.30pm" names it, for the
            // same day.
            if (m_facts.date && !m_facts.committee && i <= 6 && i + 1 < ps.size()) {
                const MeetingFacts before = m_facts;
                if (read_two_line_title(s, ps[i + 1].text) || read_title_before_date(s)) {
                    if (m_facts.date == before.date) continue;
                    m_facts = before;
                }
            }
            if (!m_facts.date && read_dated_decision_line(s)) continue;
            read_minutes_title(s, i);
        }
        // ModernGov decision pages say which meeting made the decision below or above it, however
        // long the decision: "Decided at meeting: 16/07/2009 - CABINET", "Made at meeting: ...".
        if (!m_facts.date) {
            for (const auto& p : ps) {
                // Both fields start with a 'd' or an 'm', in either case: most paragraphs do not.
                const char first = p.text.empty() ? '\0' : text::to_lower(p.text.front());
                if (first != 'd' && first != 'm') continue;
                for (std::string_view field : {"Decided at meeting:", "Made at meeting:"}) {
                    if (istarts_with(p.text, field)) {
                        read_meeting_field(std::string_view(p.text).substr(field.size()));
                        return;
                    }
                }
            }
        }
    }

    // The line under paragraph `index` that may hold its date: the next, or the one after it
    // when the next is only a field's label ("Stewartry Area Committee Minutes" / "Date:" /
    // "Wednesday 17 August 2016"). Empty when there is none.
    std::string_view date_line_after(std::size_t index) const {
        const auto& ps = m_doc.paragraphs;
        if (index + 1 >= ps.size()) return {};
        const std::string_view next = ps[index + 1].text;
        static constexpr std::array<std::string_view, 4> k_date_labels = {"Date:", "Date", "Meeting date:", "Date of meeting:"};
        if (index + 2 < ps.size() && text::contains_ci(k_date_labels, trim(next))) return ps[index + 2].text;
        return next;
    }

    // "Council on Wednesday, 27th January, 2021, 6.00 pm", after "Agenda for ".
    bool read_agenda_title(std::string_view s) {
        const std::size_t on = s.find(" on ");
        if (on == std::string_view::npos || on > 100) return false;
        const auto m = match_date_at(s, on + 4);
        if (!m || !to_date(*m)) return false;
        const std::string_view name = trim(s.substr(0, on));
        // ModernGov's template puts the meeting's name there, whatever it is: "Agenda for
        // Monthly Council Meeting on Monday 2nd October, 2017".
        const bool meeting_name = text::iends_with(name, " meeting") && text::is_capitalised(name) &&
                                  !has_more_words_than(name, 8);
        if (!is_body_name(name) && !meeting_name) return false;
        m_facts.committee = tidy_name(name);
        take_date_and_time(s, *m);
        return true;
    }

    // "03/11/2021 - Overview and Scrutiny Committee (Item 297)", after "Meeting:"; or only the
    // body ("Meeting: ICP Board", with "Meeting Date: 13 May 2021" below).
    void read_meeting_field(std::string_view field) {
        if (m_facts.date) return;
        const std::string_view rest = trim(field);
        const auto m = match_date_at(rest, 0);
        if ((!m || !to_date(*m)) && !m_facts.committee && !has_more_words_than(rest, 8) && is_body_name(rest)) {
            m_facts.committee = tidy_name(rest);
            return;
        }
        if (!m || !to_date(*m)) return;
        m_facts.date = to_date(*m);
        std::string_view name = trim(rest.substr(m->length));
        if (!name.empty() && name[0] == '-') name = trim(name.substr(1));
        const std::size_t paren = name.find(" (");
        if (paren != std::string_view::npos) name = name.substr(0, paren);
        if (!name.empty()) m_facts.committee = tidy_name(name);
    }

    bool read_dateline(std::string_view s) {
        // "On Saturday, 27 June 2009 in Glasgow" under a title that has no date.
        if (istarts_with(s, "On ") && s.size() > 3 && (text::is_upper(s[3]) || text::is_digit(s[3]))) s = s.substr(3);
        if (s.empty() || s.size() > 60 || !(text::is_upper(s[0]) || text::is_digit(s[0]))) return false;
        if (!is_capitalised_weekday(text::word_after(s, 0)) && !text::is_digit(s[0])) return false;
        if (has_more_words_than(s, 9)) return false;
        const auto dates = find_dates(s, 2);
        if (dates.size() != 1 || dates.front().pos > 12 || !to_date(dates.front())) return false;
        // Nothing but the date and a time: "19 May 2009 - Minutes of the previous meeting" is not.
        std::string_view tail = trim(s.substr(dates.front().pos + dates.front().length));
        // "29th September 2011, 11.30a.m.": a comma or a dash before the time.
        if (!tail.empty() && (tail[0] == ',' || tail[0] == '-')) tail = trim(tail.substr(1));
        if (!tail.empty() && !text::is_digit(tail[0]) && !istarts_with(tail, "at ")) return false;
        take_date_and_time(s, dates.front());
        return true;
    }

    // "PARISH COUNCIL MEETING 27th February 2014", "Planning Committee Minutes 4 May 2022": a
    // body, perhaps "meeting" or "minutes", and the date that ends the line.
    bool read_title_before_date(std::string_view s) {
        // "1 HEATHFIELD AND WALDRON PARISH COUNCIL BURIAL GROUNDS AND AMENITIES COMMITTEE MONDAY
        // 23 MARCH 2015 AT 7.15 PM AT PARISH COUNCIL OFFICES, HEATHFIELD PRESENT: ...": a PDF's
        // page number, and a title in capitals run into the minutes, read as far as its date.
        if (std::size_t digits = 0; s.size() > 4 && text::is_digit(s[0])) {
            while (digits < 3 && text::is_digit(s[digits])) ++digits;
            if (s[digits] == ' ' && text::is_upper(s[digits + 1])) s.remove_prefix(digits + 1);
        }
        if (s.size() > 130) {
            const std::string_view head = s.substr(0, 130);
            const auto date = find_first_date(head);
            if (!date || date->pos < 10 || !text::is_all_caps(head.substr(0, date->pos))) return false;
            s = head;
        }
        auto dates = find_dates(s, 2);
        // "Village Hall Trust Management Committee Meeting - November 2008": a month and year at
        // the end name the body and no day (the committee is taken below, without a date).
        bool month_only = false;
        if (dates.empty()) {
            // The last word but one, of three or more.
            const text::Word month_word = text::prev_word(s, text::prev_word(s, s.size()).pos);
            if (!month_word.text.empty() && !text::prev_word(s, month_word.pos).text.empty()) {
                const std::size_t month_at = month_word.pos;
                if (auto m = match_date_at(s, month_at, /*allow_month_only=*/true);
                    m && m->day == 0 && m->year != 0 && month_at + m->length == s.size()) {
                    dates.push_back(*m);
                    month_only = true;
                }
            }
        }
        if (dates.size() != 1) return false;
        const DateMention& date = dates.front();
        if (!month_only && !to_date(date)) return false;
        const std::string_view tail = trim(s.substr(date.pos + date.length));
        // Nothing after the date but a time: "- 09:30 to 12:45", "at 7pm", "(EVE)", ", 16.30".
        const bool comma_time = tail.size() >= 3 && tail[0] == ',' && text::is_digit(trim(tail.substr(1)).front());
        if (!tail.empty() && !text::is_digit(tail[0]) && !istarts_with(tail, "at ") && tail[0] != '(' && tail[0] != '-' &&
            !comma_time)
            return false;
        std::string_view name = trim(s.substr(0, date.pos));
        // "Meeting Minutes Board of Trustees Wednesday 13 December 2017".
        for (std::string_view lead : {"Meeting Minutes ", "Minutes: "})
            if (istarts_with(name, lead)) name = trim(name.substr(lead.size()));
        while (!name.empty() && (name.back() == '-' || name.back() == ',' || name.back() == ':'))
            name = trim(name.substr(0, name.size() - 1));
        for (bool stripped = true; stripped;) {
            stripped = false;
            for (std::string_view word : {" minutes", " meeting", " held on", " draft"}) {
                if (!text::iends_with(name, word)) continue;
                name = trim(name.substr(0, name.size() - word.size()));
                stripped = true;
            }
        }
        // A weekday between the name and the date: "Cabinet Monday 3 May".
        if (const text::Word day = text::prev_word(name, name.size()); is_capitalised_weekday(day.text))
            name = trim(name.substr(0, day.pos));
        // "Minutes of the Parish Council held on ..." is read_minutes_title's; "To approve the
        // minutes of the meeting of the Committee held on ..." is an item.
        if (!is_body_name(name) || ifind(name, "minute") != std::string_view::npos || istarts_with(name, "to ")) return false;
        m_facts.committee = tidy_name(name);
        if (month_only) return false;  // the date may still come from a line below
        take_date_and_time(s, date);
        return true;
    }

    // "Healthwatch Hertfordshire Board Meeting 10 a.m on Monday 17th August 2015, at Douglas
    // Tilbe House", "Local Access Forum Meeting - Minutes / Date: 04-02-16": a body's meeting,
    // with its date a few words on and the venue or more after it.
    bool read_body_meeting_line(std::string_view s) {
        // "Minutes, Full Council Meeting, Friday, 20 th November, 2015, Van Community Centre."
        for (std::string_view lead : {"Minutes, ", "Minutes - ", "Minutes: "})
            if (istarts_with(s, lead)) s = s.substr(lead.size());
        const std::size_t at = ifind(s.substr(0, std::min<std::size_t>(s.size(), 100)), " meeting");
        if (at == std::string_view::npos) return false;
        const std::size_t after_word = at + 8;
        if (after_word < s.size() && text::is_word_char(s[after_word])) return false;  // "meetings"
        std::string_view name = trim(s.substr(0, at));
        if (has_more_words_than(name, 10) || ifind(name, "minute") != std::string_view::npos || !is_body_name(name))
            return false;
        // "Eastern Region Waste Management Group ARC21 JOINT COMMITTEE Meeting": a page's running
        // title before the meeting's own, which is in capitals.
        {
            const auto ws = text::words(name);
            std::size_t caps_from = ws.size();
            while (caps_from > 0 && text::is_all_caps(ws[caps_from - 1].text)) --caps_from;
            if (caps_from > 0 && ws.size() - caps_from >= 2) {
                const std::string_view caps = name.substr(ws[caps_from].pos);
                if (is_body_name(caps)) name = caps;
            }
        }
        // A page mark or a document reference before the name ("Page 1: COUNCIL MEETING",
        // "PH/KAK/312 109 ... COMMITTEE (29th meeting)") is not part of it.
        if (name.find_first_of(":/()") != std::string_view::npos) return false;
        for (const auto& w : text::words(name))
            if (std::all_of(w.text.begin(), w.text.end(), text::is_digit)) return false;  // "ARC21" is a name, "109" is not
        const std::string_view after = s.substr(after_word, 70);
        const auto date = find_first_date(after, 40);
        if (!date || !to_date(*date)) return false;
        // "... Meeting of 5 May 2021 minutes approved": the date of an earlier meeting is
        // introduced by a word, not given as this one's.
        if (istarts_with(trim(after), "of ")) return false;
        m_facts.committee = tidy_name(name);
        take_date_and_time(after, *date);
        return true;
    }

    // ModernGov's issue pages head each decision with the day it was taken:
    // "15/03/2023 - Report back from the Call In of Decision No. 4056".
    bool read_dated_decision_line(std::string_view s) {
        const auto m = match_date_at(s, 0);
        if (!m || !to_date(*m) || !istarts_with(s.substr(m->length), " - ")) return false;
        // Numeric dates only, as ModernGov prints them: "19 May 2009 - Minutes of ..." is an item.
        for (std::size_t k = 0; k < m->length; ++k)
            if (text::is_alpha(s[k])) return false;
        m_facts.date = to_date(*m);
        return true;
    }

    // The committee on one line and the date on the next, as ModernGov's meeting pages print
    // them: "Overview and Scrutiny Committee" / "Tuesday, 16th September, 2014 7.30 pm".
    bool read_two_line_title(std::string_view name, std::string_view next) {
        // "LEIGH ON MENDIP PARISH COUNCIL MEETING" / "held on 20th July 2009"; "Patient
        // Participation Group" / "Meeting minutes 17th March 2016".
        static constexpr std::array<std::string_view, 4> k_date_leads = {"held on ", "meeting minutes ", "minutes of meeting ",
                                                                         "minutes "};
        for (std::string_view lead : k_date_leads)
            if (istarts_with(next, lead)) {
                next = trim(next.substr(lead.size()));
                break;
            }
        if (text::strip_suffix_ci(name, " meeting")) name = trim(name);
        // "Place Select Committee Minutes" / "Monday, 9th July, 2018".
        if (text::strip_suffix_ci(name, " minutes")) name = trim(name);
        // The date line is short: a weekday or a date first, and a few words. A line that opens
        // with the weekday may go on to the venue ("Monday, 16 December 2024 at 10.30 am in
        // Washington Hall, Service Training Centre, Euxton").
        const bool weekday_first = !next.empty() && is_capitalised_weekday(text::word_after(next, 0));
        if (next.empty() || (next.size() > 80 && !weekday_first) || !(text::is_upper(next[0]) || text::is_digit(next[0])))
            return false;
        // A title "MINUTES OF THE X COMMITTEE" over its date is read_minutes_title's.
        // (So is "Approved Minutes of the Meeting of the Board of Trustees".)
        if (name.size() > 120 || ifind(name, "minute") != std::string_view::npos || !is_body_name(name)) return false;
        const auto date = find_first_date(next, 12);
        if (!date || !to_date(*date)) return false;
        // The date line is only a date (and a time): not a sentence that starts with one.
        if (has_more_words_than(next, 10) && !(weekday_first && next.size() <= 160)) return false;
        m_facts.committee = tidy_name(name);
        take_date_and_time(next, *date);
        return true;
    }

    // The meeting's date, and its time when one follows within a few characters
    // ("Tuesday 14 March 2023 at 7.00pm").
    void take_date_and_time(std::string_view s, const DateMention& date) {
        m_facts.date = to_date(date);
        const std::size_t after = date.pos + date.length;
        for (std::size_t k = after; k < s.size() && k < after + 12; ++k)
            if (auto t = match_time_at(s, k)) {
                m_facts.time = t->hhmm;
                break;
            }
    }

    // Title paragraphs of Word and PDF minutes:
    //   "Minutes of a meeting of the Planning Committee held in the Chamber on Tuesday, 14 March 2023"
    //   "MINUTES OF THE ANNUAL MEETING OF LITTLE HADDON PARISH COUNCIL HELD ON MONDAY 8TH MAY 2023"
    //   "MINUTE OF MEETING OF THE COMMUNITIES AND HOUSING COMMITTEE, Council Chamber, 14 November 2023"
    //   "MINUTES OF THE MEETING HELD ON ..." (the committee is the heading above it)
    //   "MINUTES OF THE PLANNING COMMITTEE MEETING HELD ON: 23 November 2021; 7 December 2021"
    void read_minutes_title(std::string_view s, std::size_t index) {
        std::size_t pos = 0;
        // "MPC(21)M04 Minutes of ...": a document reference first. Not an item's number ("1.
        // Minutes of the Parish Council meeting held on 28th June": previous minutes approved).
        // (The title first: it rules out nearly every paragraph with a comparison or two.)
        if (const std::size_t space = s.find(' '); space != std::string_view::npos && space < 20 &&
                                                   istarts_with(s.substr(space + 1), "Minutes of ") &&
                                                   std::any_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(space), text::is_digit) &&
                                                   std::any_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(space), text::is_alpha))
            pos = space + 1;
        // "21 JULY 2011 Minutes of a meeting of the DEVELOPMENT COMMITTEE held in the Council
        // Chamber": the date printed before the title, which then gives none.
        std::optional<Date> date_before;
        if (pos == 0) {
            if (const auto m = match_date_at(s, 0); m && to_date(*m)) {
                const std::size_t after = m->length + (s.size() > m->length && s[m->length] == ' ' ? 1 : 0);
                if (starts_title(s.substr(after))) {
                    date_before = to_date(*m);
                    pos = after;
                }
            }
        }
        // "Draft minutes of meeting held on ...", "Unconfirmed Minutes of ...". (Lists looked at for
        // every paragraph of the head are arrays of views: a braced list of literals would have
        // each one's length counted on every pass.)
        static constexpr std::array<std::string_view, 6> k_statuses = {"Draft ",     "Unconfirmed ", "Approved ",
                                                                      "Confirmed ", "Ordinary ",    "Summary "};
        for (std::string_view status : k_statuses)
            if (istarts_with(s.substr(pos), status)) pos += status.size();
        std::string_view title = s.substr(pos);
        // Text converted from PDF often runs the title into what precedes it: "... CAIRNGORMS
        // NATIONAL PARK AUTHORITY MINUTES OF THE BOARD MEETING held at ...". Near the top, a
        // title later in the paragraph counts too, and the body named just before it may be
        // the one the title leaves out.
        std::string_view preceding;
        if (index <= 7 && !m_facts.date && !starts_title(title)) {
            const std::size_t inside = title_inside(s);
            if (inside != std::string_view::npos) {
                preceding = s.substr(0, inside);
                pos = inside;
                title = s.substr(pos);
            }
        }
        // Every opening below starts "Minute" or "Notes of": most paragraphs are ruled out by one
        // or two comparisons.
        if (!istarts_with(title, "Minute") && !istarts_with(title, "Notes of ")) {
            read_meeting_was_held(s, index);
            return;
        }
        if (istarts_with(title, "Minutes of ")) pos += 11;
        else if (istarts_with(title, "Minute of ")) pos += 10;
        else if (istarts_with(title, "Minutes from ")) pos += 13;  // "Minutes from Ordinary Meeting held on"
        else if (istarts_with(title, "Minutes for the ")) pos += 12;  // "Minutes for the Ordinary Meeting of ..."
        // "Minutes for 19th January 2015 7.30" under the body's heading.
        else if (istarts_with(title, "Minutes for ") && match_date_at(title, 12)) pos += 12;
        // "Minutes for Health Scrutiny Commission meeting, Jul 7 2009, 7.00PM": a council site's
        // page title.
        else if (istarts_with(title, "Minutes for ") && title.size() > 12 && text::is_upper(title[12])) pos += 12;
        else if (istarts_with(title, "Notes of ")) pos += 9;       // "Notes of the meeting of the Parish Council"
        else {
            read_meeting_was_held(s, index);
            return;
        }
        std::string_view rest = s.substr(pos);
        auto strip = [&](std::string_view word) {
            if (!istarts_with(rest, word)) return false;
            rest.remove_prefix(word.size());
            return true;
        };
        // "MINUTES OF THE PROCEEDINGS OF THE MEETING OF THE COUNCIL".
        if (istarts_with(rest, "the proceedings ")) strip("the ");
        strip("proceedings of ");  // "Minutes of Proceedings of a Meeting of ..."
        strip("proceedings at ");  // "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF ..."
        for (std::string_view article : {"the ", "a ", "an "}) strip(article);
        // Twice: "Statutory Annual Meeting of".
        for (int round = 0; round < 2; ++round)
            for (std::string_view qualifier : {"annual ", "ordinary ", "special ", "extraordinary ",
                                               "extra-ordinary ", "additional ", "reconvened ",
                                               "adjourned ", "virtual ", "remote ", "informal ",
                                               "statutory ", "monthly ", "inaugural "})
                strip(qualifier);
        // ("Minutes of Meeting of: Council": a form's label and its answer.)
        bool meeting_of = strip("meeting of ") || strip("meeting of: ");
        // "Minute of Meeting- Muirtown Community Council", "Minutes of Meeting - Firth Community Council".
        meeting_of = meeting_of || strip("meeting- ") || strip("meeting - ");
        // "MINUTES OF THE COMBINED PLANNING AND MONTHLY MEETING OF DUNDALK TOWN COUNCIL": kinds
        // of meeting beyond the usual qualifiers, a few words before "meeting of".
        if (!meeting_of) {
            const std::size_t kind_end = ifind(rest.substr(0, std::min<std::size_t>(rest.size(), 60)), " meeting of ");
            if (kind_end != std::string_view::npos && !has_more_words_than(rest.substr(0, kind_end), 5) &&
                rest.substr(0, kind_end).find_first_of("0123456789,") == std::string_view::npos) {
                rest.remove_prefix(kind_end + 12);
                meeting_of = true;
            }
        }
        for (std::string_view article : {"the ", "a "}) strip(article);
        // The name runs to " held", a comma, or the first date.
        std::size_t name_end = rest.size();
        // ... or to a field of the details printed under it, run into the same paragraph:
        // "Minutes of the Eleventh Meeting of the Board Date of meeting: 11 April 2011".
        // Whichever comes first: one walk that stops there, not a search of the whole paragraph
        // for each (a title run into the minutes is followed by all of them).
        static constexpr std::array<std::string_view, 8> k_name_stops = {
            " held", ",", " on ", " at ", " in ", " which ", " date of meeting", " date:"};
        for (std::size_t k = 0; k < rest.size(); ++k) {
            if (rest[k] != ' ' && rest[k] != ',') continue;  // where every stop starts
            const std::string_view from_here = rest.substr(k);
            if (std::any_of(k_name_stops.begin(), k_name_stops.end(),
                            [&](std::string_view stop) { return istarts_with(from_here, stop); })) {
                name_end = k;
                break;
            }
        }
        // "Minute of Metheringham, Sots Hole & Tanvats Parish Council Meeting held on ...": a
        // comma inside the body's name, when the words up to "held" name a body and those up to
        // the comma do not.
        if (name_end < rest.size() && rest[name_end] == ',') {
            const std::size_t held = ifind(rest, " held");
            if (held != std::string_view::npos && held > name_end && held - name_end < 80) {
                std::string_view whole = trim(rest.substr(0, held));
                text::strip_suffix_ci(whole, " meeting");
                if (!is_body_name(trim(rest.substr(0, name_end))) && is_body_name(whole)) name_end = held;
            }
        }
        // "Minutes for the Executive meeting of Stoneyford Development Association 15 September
        // 2016", "Minutes of meeting 10th July 2018": or to a date.
        if (const auto date = find_first_date(rest.substr(0, name_end))) {
            // "Minutes of the meeting of 5th June 2023", "Minutes of 15/7/2015 Meeting": the
            // minutes of an earlier meeting, approved at this one ("Minutes for 19th January 2015"
            // are this meeting's).
            if (date->pos == 0 && !istarts_with(title, "Minutes for ")) return;
            name_end = date->pos;
        }
        // "... Meeting of Malew Parish Commissioners Thursday 5 April 2018": or to a weekday.
        for (const auto& w : text::words(rest.substr(0, name_end)))
            if (w.pos > 0 && is_capitalised_weekday(w.text)) {
                name_end = w.pos;
                break;
            }
        std::string_view name = trim(rest.substr(0, name_end));
        text::strip_suffix_ci(name, " meetings");
        // "MINUTES OF THE PLAYING FIELD MEETING HELD ON ...": kept whole below when the words
        // before "meeting" name no body ("Playing Field Meeting").
        const std::string_view with_meeting = name;
        text::strip_suffix_ci(name, " meeting");
        // "Parish Council Meeting PPC/MH/132": a reference after the body's name; "Community
        // Council Meeting 7:30Pm 28Th November 2018": the date after it.
        if (const std::size_t meeting = ifind(name, " meeting "); meeting != std::string_view::npos) {
            name_end = static_cast<std::size_t>(name.data() - rest.data()) + meeting + 8;
            name = name.substr(0, meeting);
        }
        // "Minutes of a meeting held on 17th May, 2018": the title may not name the body, or
        // names it only as "the Council" under the council's name.
        // ("MINUTES of the Councils meeting held at ...": the council's own, possessive or not.)
        for (std::string_view possessive : {"'s", "\xE2\x80\x99s", "s"})
            if (text::iequals(name.substr(0, std::min<std::size_t>(name.size(), 7)), "council") &&
                name.size() == 7 + possessive.size() && text::iends_with(name, possessive))
                name = name.substr(0, 7);
        // ("CONNAH'S QUAY TOWN COUNCIL Minutes of Meetings held ...": the plural says the same.)
        const bool untitled = text::iequals(name, "meeting") || text::iequals(name, "meetings") || name.empty() ||
                              text::iequals(name, "council");
        const std::string_view body_before = preceding.empty() ? std::string_view{} : trailing_body_name(preceding);
        std::string joined;  // "Cairngorms National Park Authority" + "Board"
        bool general_meeting_of_body = false;  // "Hurley Allotment Association" + "AGM"
        bool bare_council = false;
        if (untitled) {
            const std::string_view said = name;
            name = body_before.empty() ? heading_body_above(index) : body_before;
            // "Minutes of meeting 10th July 2018" over "Minsterley Parish Council": the body's
            // name just below the title.
            if (name.empty()) name = heading_body_below(index);
            // "Minute of Meeting on Tuesday 18 January 2011 Kalewater Community Council": the
            // line below run into the title's paragraph, straight after its date.
            if (name.empty())
                if (const auto date = find_first_date(rest); date && date->pos < 40)
                    name = leading_body_name(trim(rest.substr(date->pos + date->length)));
            // "MINUTES OF THE PROCEEDINGS OF THE MEETING OF THE COUNCIL HELD IN ...", with no
            // other name anywhere near: the Council it says.
            // Weak: a fallback below that names the council ("County Council") replaces it.
            if (name.empty() && text::iequals(said, "council")) {
                name = said;
                bare_council = true;
            }
        } else if (text::iequals(name, "AGM") || text::iequals(name, "EGM")) {
            // "Hurley Allotment Association: Minutes of AGM 30 March 2017": the body's general
            // meeting, named with the body before it or above it.
            const std::string_view body = body_before.empty() && index > 0 ? heading_body_above(index) : body_before;
            if (!body.empty()) {
                joined = tidy_name(body) + " " + std::string(name);
                name = joined;
                general_meeting_of_body = true;
            }
        } else if (!has_more_words_than(name, 2) && is_body_name(name)) {
            // "Notes of the meeting of the Parish Council" under "HELPRINGHAM PARISH COUNCIL".
            const std::string_view above = body_before.empty() && index > 0 ? heading_body_above(index) : body_before;
            if (!above.empty() && text::iends_with(above, name) && is_local_council(name)) {
                name = above;
            } else if (!above.empty() && body_before.empty() && is_generic_committee(name) &&
                       !text::iends_with(above, name) && ifind(above, "committee") == std::string_view::npos) {
                // "Minutes of Management Committee Meeting" under "GREAT CHART CRICKET CLUB": the
                // club's committee.
                joined = tidy_name(above) + " " + std::string(name);
                name = joined;
            } else if (!body_before.empty()) {
                joined = std::string(body_before) + " " + std::string(name);
                name = joined;
            }
        }
        if (ifind(name, "previous") != std::string_view::npos || text::iequals(name, "last") || text::istarts_with(name, "last ")) return;
        // "Minutes of the meeting of the NHS Chairs": what a meeting is "of" is the body.
        bool named = general_meeting_of_body || is_body_name(name) || (meeting_of && looks_like_a_title(name));
        // A kind of meeting the title names, when no body is named: "Playing Field Meeting",
        // "Village Hall and Recreation Ground Charity Trustee meeting". Only at the head.
        // Its date is the minutes' date; the name stands only until something names a body
        // (the fallbacks below), and only when it reads as one ("April 2014 meeting", "ELCC
        // Meeting" do not).
        bool kind_of_meeting = false;
        if (!named && !untitled && index <= 3 && with_meeting.size() > name.size() && !m_facts.date &&
            text::is_upper(name.front()) && !has_more_words_than(name, 10)) {
            kind_of_meeting = true;
            named = true;
            const auto ws = text::words(name);
            const bool reads_as_a_name = ws.size() >= 2 && name.find_first_of("0123456789:") == std::string_view::npos &&
                                         !text::is_all_caps(ws.front().text) && !month_from_name(ws.front().text);
            if (reads_as_a_name && !m_facts.committee) {
                m_facts.committee = tidy_name(with_meeting);
                m_weak_committee = true;
            }
        }
        // "Minutes of the Annual parish meeting, held at 7.30pm in the Millennium Hall, Church Lane
        // on 20th May 2010": a title at the top that names no body still dates the minutes.
        const bool date_only = !named && !untitled;
        if (date_only && (index > 3 || m_facts.date || title.data() != s.data())) return;
        // A page's heading and date ("Wellinton Town Council 2007 minutes" / "Tuesday, August 28,
        // 2007", a blog post's) give way to the minutes' own title naming its body.
        const bool overrides = m_weak_date && named && index <= 7;
        if (!date_only && !kind_of_meeting && (named || (untitled && !name.empty())) && (!m_facts.committee || overrides)) {
            m_facts.committee = tidy_name(name);
            m_weak_committee = bare_council;
        }
        if (index > 7 || (m_facts.date && !overrides)) return;
        // Only a document that opens with this title is these minutes; an item of that name is
        // about earlier meetings. Several dates ("held on: 23 November; 7 December") say nothing.
        const std::size_t after_name = pos + static_cast<std::size_t>(rest.data() - s.substr(pos).data()) + name_end;
        std::string_view tail = s.substr(std::min(after_name, s.size()));
        // Inside a paragraph the title ends long before the paragraph does; a title that runs
        // into the minutes ("... ON WEDNESDAY, 8TH JANUARY, 2020, AT 10AM. PRESENT ...") ends with
        // its sentence, and the dates after that are the minutes'.
        if (!preceding.empty()) tail = tail.substr(0, std::min<std::size_t>(tail.size(), 160));
        // One date, or two with a sentence's end between them: a third changes nothing.
        auto dates = find_dates(tail, 2);
        if (dates.size() > 1) {
            const std::size_t stop = tail.find(". ", dates[0].pos + dates[0].length);
            if (stop != std::string_view::npos && dates[1].pos > stop) dates.resize(1);
            // The same day twice is one date: a title printed again under a page's own ("...
            // Held on Thursday 25 February 2016 A Minutes of Meeting ... held on Thursday 25
            // February 2016 in the Council Offices").
            else if (to_date(dates[0]) && to_date(dates[0]) == to_date(dates[1])) dates.resize(1);
        }
        if (dates.empty() && index + 1 < m_doc.paragraphs.size()) {
            // "MINUTES OF THE OVERVIEW AND SCRUTINY COMMITTEE" with the date on the next line.
            tail = m_doc.paragraphs[index + 1].text;
            dates = find_dates(tail, 2);
            if (!dates.empty() && dates.front().pos > 12) dates.clear();
        }
        if (date_before) {
            m_facts.date = date_before;
            m_weak_date = false;
            return;
        }
        if (dates.size() != 1 || !to_date(dates.front())) return;
        take_date_and_time(tail, dates.front());
        m_weak_date = false;
    }

    // "Committee", "Management Committee", "Board": what every club or society calls its
    // committee, which names no body without the organisation's name.
    static bool is_generic_committee(std::string_view name) {
        static constexpr std::array<std::string_view, 8> k_generic = {
            "committee", "management committee", "executive committee", "general committee",
            "board", "board of trustees", "trustees", "management board"};
        return text::contains_ci(k_generic, name);
    }

    // "Parish Council", "Town Council", "Community Council": a name every such council shares.
    static bool is_local_council(std::string_view name) {
        for (std::string_view kind : {"parish council", "town council", "community council", "city council",
                                      "county council", "district council", "borough council"})
            if (text::iequals(name, kind)) return true;
        return false;
    }

    static bool starts_title(std::string_view s) {
        return istarts_with(s, "Minutes of ") || istarts_with(s, "Minute of ") || istarts_with(s, "Minutes from ") ||
               istarts_with(s, "Minutes for the ") || istarts_with(s, "Notes of the meeting");
    }

    // Where "Minutes of" (or "MINUTES OF") starts inside the first 600 bytes of `s`, after a space;
    // npos when it does not. Mixed case "minutes of" is prose ("the minutes of the last meeting").
    static std::size_t title_inside(std::string_view s) {
        const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 600));
        // Most paragraphs say "minute(s) of" in no case at all: one search for "minute" rules
        // them out.
        if (ifind_by_anchor(head, k_minute, k_minute_anchor) == std::string_view::npos)
            return std::string_view::npos;
        // Scottish councils write "Minute of": "Whiteinch Community Council Minute of Community
        // Council Meeting, 30/1/18".
        static constexpr std::array<std::string_view, 6> k_titles = {"MINUTES OF ", "Minutes of ", "MINUTES of ",
                                                                      "MINUTE OF ",  "Minute of ",  "MINUTE of "};
        // The earliest of them: "MARSTOW PARISH COUNCIL Minutes of the meeting held on 6 August
        // 2019 ... 4. MINUTES OF THE LAST MEETING" is titled by the first.
        std::size_t first = std::string_view::npos;
        for (std::string_view title : k_titles) {
            const std::size_t at = head.find(title);
            // "The Minute of the Meeting held on the 28 August 2015 was approved": prose about
            // earlier minutes, which Scottish minutes capitalise too.
            if (at != std::string_view::npos && at > 0 && s[at - 1] == ' ' && !text::iequals(text::word_before(s, at), "the"))
                first = std::min(first, at);
        }
        return first;
    }

    // The body's name that opens `s`, its capitalised words (with "of", "and", "for", "the"
    // between them) up to eight: "Kalewater Community Council In the Village Institute" gives
    // "Kalewater Community Council". Empty when no opening run of them names a body.
    static std::string_view leading_body_name(std::string_view s) {
        std::string_view best;
        std::size_t count = 0;
        std::size_t previous_end = 0;
        for (auto w = text::next_word(s, 0); !w.text.empty() && count < 8; w = text::next_word(s, w.pos + w.text.size()), ++count) {
            const bool joiner = w.text == "of" || w.text == "and" || w.text == "for" || w.text == "the";
            if (!text::is_capitalised(w.text) && !joiner) break;
            // Only spaces between the words of a name: "NDA (National Disability Authority)" is
            // an abbreviation and its meaning, not one name.
            if (s.substr(previous_end, w.pos - previous_end).find_first_not_of(' ') != std::string_view::npos) break;
            previous_end = w.pos + w.text.size();
            const std::string_view candidate = s.substr(0, w.pos + w.text.size());
            if (!joiner && is_body_name(candidate)) best = candidate;
        }
        return best;
    }

    // The body named at the end of `s`: "... version of this document. CAIRNGORMS NATIONAL PARK
    // AUTHORITY" -> "CAIRNGORMS NATIONAL PARK AUTHORITY". Empty when the last words do not name one.
    static std::string_view trailing_body_name(std::string_view s) {
        s = trim(s);
        // "Hurley Allotment Association: Minutes of AGM ...": the name, then a colon.
        while (!s.empty() && (s.back() == ':' || s.back() == '-')) s = trim(s.substr(0, s.size() - 1));
        // "CNPA BOARD MEETING APPROVED Minutes of the meeting held on ...": the minutes' status and
        // the word "meeting" after the name.
        for (std::string_view status : {" APPROVED", " DRAFT", " UNCONFIRMED", " CONFIRMED", " Approved", " Draft"})
            if (text::strip_suffix_ci(s, status)) break;
        text::strip_suffix_ci(s, " meeting");
        const auto ws = text::words(s);
        std::string_view best;
        for (std::size_t k = ws.size(); k-- > 0 && ws.size() - k <= 8;) {
            const std::string_view w = ws[k].text;
            if (!text::is_capitalised(w) && w != "of" && w != "and" && w != "for" && w != "the") break;
            // A word that ends a sentence ("document.") is not part of the name.
            const std::size_t end = ws[k].pos + w.size();
            if (k + 1 < ws.size() && end < s.size() && s[end] == '.') break;
            const std::string_view candidate = s.substr(ws[k].pos);
            if (is_body_name(candidate) && text::is_capitalised(w)) best = candidate;
        }
        return best;
    }

    // Capitalised words, a few of them, with small joining words: "NHS Chairs", "Comité des
    // Connétables".
    static bool looks_like_a_title(std::string_view name) {
        const auto ws = text::words(name);
        if (ws.empty() || ws.size() > 6 || !text::is_capitalised(ws.front().text)) return false;
        for (const auto& w : ws)
            if (!text::is_capitalised(w.text) && w.text.size() > 3) return false;
        return true;
    }

    // "The Meeting of the Parish Council was held on Tuesday 10 November 2020 at 7.30 pm": a
    // title written as the first sentence.
    void read_meeting_was_held(std::string_view s, std::size_t index) {
        if (index > 7 || m_facts.date) return;
        if (read_body_held_its_meeting(s)) return;
        std::string_view rest = s;
        // "WESTERN EDUCATION AND LIBRARY BOARD A meeting of the ... was held ...": text from a PDF
        // runs the heading in capitals into the first sentence.
        for (std::string_view lead : {" A meeting of ", " The meeting of "}) {
            const std::size_t at = rest.substr(0, std::min<std::size_t>(rest.size(), 100)).find(lead);
            if (at != std::string_view::npos && text::is_all_caps(rest.substr(0, at))) {
                rest.remove_prefix(at + 1);
                break;
            }
        }
        // "On Tuesday 20th July 2010 a Meeting of Trefeurig Council was held in ...": the date first.
        std::optional<Date> date_first;
        if (istarts_with(rest, "On ")) {
            const auto m = match_date_at(rest, 3);
            if (!m || !to_date(*m)) return;
            date_first = to_date(*m);
            rest = trim(rest.substr(3 + m->length));
            if (!rest.empty() && rest[0] == ',') rest = trim(rest.substr(1));
        }
        // "NOTICE IS HEREBY GIVEN that a meeting of Eccleshall Parish Council Footpaths Committee
        // will be held on Wednesday 7th February 2024": the summons these minutes open with.
        bool summons = false;
        if (!date_first && istarts_with(rest, "Notice is hereby given that ")) {
            rest = trim(rest.substr(28));
            summons = true;
        }
        // Every lead below says "meeting of " within its first 25 bytes ("Extraordinary meeting of
        // the "): most paragraphs are ruled out by one search of their head.
        if (ifind(rest.substr(0, 25), "meeting of ") == std::string_view::npos) return;
        const std::size_t before_lead = rest.size();
        // "At a meeting of the PLANNING COMMITTEE held in Committee Room 2 on TUESDAY 17TH MARCH,
        // 2020": the same title, with the place between "held" and the date.
        bool at_a_meeting = false;
        static constexpr std::array<std::string_view, 14> k_leads = {
            "The meeting of the ", "A meeting of the ", "The meeting of ", "A meeting of ", "At a meeting of the ",
            "At the meeting of the ", "At a meeting of ", "At the meeting of ",
            // "Ordinary Meeting of the Council held at the Welfare Hall on ...".
            "Ordinary meeting of the ", "Annual meeting of the ", "Monthly meeting of the ", "Special meeting of the ",
            "Extraordinary meeting of the ",
            // "Meeting of the Lake District National Park Partnership Monday 18 May 2009".
            "Meeting of the "};
        for (std::string_view lead : k_leads)
            if (istarts_with(rest, lead)) {
                rest.remove_prefix(lead.size());
                at_a_meeting = istarts_with(lead, "At ") || (!istarts_with(lead, "The ") && !istarts_with(lead, "A "));
                break;
            }
        if (rest.size() == before_lead) return;
        // "A meeting of the Western Education and Library Board was held in the Boardroom,
        // Headquarters Office, Omagh on Thursday 8 May 2008": the place may come between "was
        // held" and the date, as it may after "At a meeting of".
        const std::string_view held_word = summons      ? " will be held on "
                                           : date_first ? " was held"
                                           : at_a_meeting ? " held "
                                                          : " was held ";
        const std::size_t held = ifind(rest, held_word);
        // "Meeting of the Lake District National Park Partnership Monday 18 May 2009 LDNPA
        // Office": the date straight after the body's name, on the same line.
        if (held == std::string_view::npos && at_a_meeting && !date_first && !summons) {
            const auto date = find_first_date(rest.substr(0, std::min<std::size_t>(rest.size(), 160)));
            if (date && to_date(*date)) {
                std::string_view name = trim(rest.substr(0, date->pos));
                if (const text::Word day = text::prev_word(name, name.size()); is_capitalised_weekday(day.text))
                    name = trim(name.substr(0, day.pos));
                while (!name.empty() && (name.back() == ',' || name.back() == '-')) name = trim(name.substr(0, name.size() - 1));
                if (!has_more_words_than(name, 12) && is_body_name(name)) {
                    if (!m_facts.committee) m_facts.committee = tidy_name(name);
                    take_date_and_time(rest, *date);
                    return;
                }
            }
        }
        // "A Meeting of the Ermysted's Grammar School Full Governing Board" over "was held in the
        // boardroom ... on Thursday 5th December 2019", or over "Withypool Village Hall, Tuesday
        // 15th January 2019 at 7.30PM": the title on a line of its own, the date on the next.
        if (held == std::string_view::npos && !date_first && !summons && index + 1 < m_doc.paragraphs.size() &&
            !has_more_words_than(rest, 12)) {
            const std::string_view next = m_doc.paragraphs[index + 1].text;
            const bool held_below = istarts_with(next, "was held") || istarts_with(next, "held ");
            const auto date = find_first_date(next.substr(0, std::min<std::size_t>(next.size(), 160)), held_below ? 120 : 60);
            if (!date || !to_date(*date)) return;
            const std::string_view name = trim(rest);
            if (!is_body_name(name)) return;
            if (!m_facts.committee) m_facts.committee = tidy_name(name);
            m_facts.date = to_date(*date);
            return;
        }
        if (held == std::string_view::npos || held > 100) return;
        const std::string_view name = trim(rest.substr(0, held));
        if (!date_first) {
            const bool place_first = !at_a_meeting && !istarts_with(rest.substr(held + held_word.size()), "on ");
            const auto date = find_first_date(rest.substr(held, 160), at_a_meeting || place_first ? 120 : 30);
            if (!date || !to_date(*date)) return;
            date_first = to_date(*date);
        }
        if (is_body_name(name) && !m_facts.committee) m_facts.committee = tidy_name(name);
        m_facts.date = date_first;
    }

    // "Manordeilo and Salem Community Council held their meeting via Zoom at 7.30pm on the 9th
    // December 2020": the body as the subject of the first sentence.
    bool read_body_held_its_meeting(std::string_view s) {
        const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 120));
        // Both verbs start " held ": most paragraphs are ruled out by one search.
        if (ifind_by_anchor(head, " held ", 3) == std::string_view::npos) return false;  // by its "ld"
        static constexpr std::array<std::string_view, 2> k_verbs = {" held its ", " held their "};
        for (std::string_view verb : k_verbs) {
            const std::size_t at = ifind(head, verb);
            if (at == std::string_view::npos) continue;
            std::string_view name = trim(s.substr(0, at));
            if (istarts_with(name, "The ")) name = trim(name.substr(4));
            // "December 2020 Manordeilo and Salem ...": a blog's date heading run into it.
            if (const auto m = match_date_at(name, 0, /*allow_month_only=*/true)) name = trim(name.substr(m->length));
            // "The Council held its meeting": a bare head word names no body.
            if (!has_more_words_than(name, 1) || has_more_words_than(name, 10) || !is_body_name(name)) return false;
            const std::string_view after = s.substr(at + verb.size(), 160);
            if (ifind(after.substr(0, std::min<std::size_t>(after.size(), 60)), "meeting") == std::string_view::npos) return false;
            const auto date = find_first_date(after);
            if (!date || !to_date(*date)) return false;
            if (!m_facts.committee) m_facts.committee = tidy_name(name);
            take_date_and_time(after, *date);
            return true;
        }
        return false;
    }

    // The nearest short heading above paragraph `index` that names a body ("Audit and Governance
    // Committee", "CABINET"), for titles that only say "Minutes of the meeting held on ...".
    std::string_view heading_body_above(std::size_t index) const {
        for (std::size_t k = index; k-- > 0;) {
            std::string_view p = m_doc.paragraphs[k].text;
            // "May 2006 - Newry and Mourne District Council": a page title's last part.
            if (const std::size_t dash = p.rfind(" - "); dash != std::string_view::npos) p = p.substr(dash + 3);
            // "ALBURY PARISH COUNCIL MEETING" over "Minutes of the meeting held ...".
            text::strip_suffix_ci(p, " meeting");
            if (!has_more_words_than(p, 10) && is_body_name(p)) return p;
        }
        // "Comité des Connétables" over "Minutes of the meeting held on ...": the line just above
        // opens the document and is a title, in whatever language it names the body: capitalised
        // words joined by a small lower-case one ("Browse By", a site's menu, is not one).
        if (index == 1) {
            const std::string_view p = m_doc.paragraphs[0].text;
            const auto ws = text::words(p);
            bool title = ws.size() >= 3 && ws.size() <= 5 && p.find_first_of(".:;0123456789") == std::string_view::npos &&
                         text::is_capitalised(ws.front().text) && text::is_capitalised(ws.back().text);
            bool joined = false;
            for (const auto& w : ws) {
                const bool small = w.text.size() <= 3 && text::is_lower(w.text[0]);
                title = title && (text::is_capitalised(w.text) || small);
                joined |= small;
            }
            if (title && joined) return p;
        }
        return {};
    }

    // A short line naming a body in the two paragraphs after `index`.
    std::string_view heading_body_below(std::size_t index) const {
        for (std::size_t k = index + 1; k < m_doc.paragraphs.size() && k <= index + 2; ++k) {
            const std::string_view p = m_doc.paragraphs[k].text;
            if (!has_more_words_than(p, 8) && p.find_first_of(".:;0123456789") == std::string_view::npos && is_body_name(p))
                return p;
        }
        return {};
    }

    // Pages without a header still name their committee when they approve previous minutes.
    void read_committee_fallbacks() {
        if (m_facts.committee && !m_weak_committee) return;
        static constexpr std::array<std::string_view, 5> k_leads = {
            "minutes of the meeting of the ", "previous meeting of the ", "last meeting of the ", "next meeting of the ",
            "minutes of the "};
        // Each lead ends in " of the ": most paragraphs are ruled out by one search, and in the
        // others one walk over the " of the "s finds where each lead first occurs.
        for (auto found = next_paragraph_with(k_of_the, k_of_the_anchor, 0); found;
             found = next_paragraph_with(k_of_the, k_of_the_anchor, found->paragraph + 1)) {
            const Paragraph& p = m_doc.paragraphs[found->paragraph];
            std::array<std::size_t, k_leads.size()> lead_at;
            lead_at.fill(std::string::npos);
            for (std::size_t of_the = found->at; of_the != std::string::npos;
                 of_the = ifind_by_anchor(p.text, k_of_the, k_of_the_anchor, of_the + 1)) {
                for (std::size_t k = 0; k < k_leads.size(); ++k) {
                    const std::size_t before = k_leads[k].size() - k_of_the.size();  // what precedes " of the "
                    if (lead_at[k] == std::string::npos && of_the >= before &&
                        text::iequals(std::string_view(p.text).substr(of_the - before, k_leads[k].size()), k_leads[k]))
                        lead_at[k] = of_the - before;
                }
            }
            for (std::size_t k = 0; k < k_leads.size(); ++k) {
                const std::string_view lead = k_leads[k];
                const std::size_t at = lead_at[k];
                if (at == std::string::npos) continue;
                const std::size_t start = at + lead.size();
                static constexpr std::array<std::string_view, 5> k_stops = {" held ", " was ", " meetings ", " meeting ",
                                                                           " will "};
                const std::size_t end = find_first_stop(p.text, start, k_stops);
                if (end == std::string::npos) continue;
                const std::string_view name = std::string_view(p.text).substr(start, end - start);
                // "the minutes of the meeting of the Committee held on ...": a bare head word
                // names no committee.
                if (is_body_name(name) && has_more_words_than(name, 1)) {
                    m_facts.committee = tidy_name(name);
                    return;
                }
            }
        }
    }

    struct ParagraphHit {
        std::size_t paragraph = 0;  // index in m_doc.paragraphs
        std::size_t at = 0;         // where the needle first occurs in that paragraph's text
    };

    // The first paragraph at or after `from` that contains `needle` (in any case), as
    // ifind_by_anchor(paragraph, needle, anchor) would find it; nullopt when none does. One search
    // of the document's text, where each paragraph's text sits at its offset and '\n' separates
    // them (no needle holds one), instead of one per paragraph: most paragraphs are short, and
    // starting a search costs as much as reading a short paragraph.
    std::optional<ParagraphHit> next_paragraph_with(std::string_view needle, std::size_t anchor, std::size_t from) const {
        const auto& ps = m_doc.paragraphs;
        const std::string_view all = *m_doc.text;
        std::size_t i = from;
        while (i < ps.size()) {
            const std::size_t hit = ifind_by_anchor(all, needle, anchor, ps[i].offset);
            if (hit == std::string_view::npos) return std::nullopt;
            // The paragraph the hit ends in; a hit that starts before it (which only text outside
            // the paragraphs could give) is looked past.
            while (i < ps.size() && ps[i].offset + ps[i].text.size() < hit + needle.size()) ++i;
            if (i < ps.size() && hit >= ps[i].offset) return ParagraphHit{i, hit - ps[i].offset};
        }
        return std::nullopt;
    }

    bool names_this_committee(std::string_view name) const {
        if (name.empty()) return true;
        const text::Word first = text::next_word(name, 0);
        const bool one_word = !first.text.empty() && text::next_word(name, first.pos + first.text.size()).text.empty();
        if (one_word) return true;  // "the Committee", "the Panel"
        if (!m_facts.committee) return is_body_name(name);
        return committee_similarity(name, *m_facts.committee) >= 0.6;
    }

    void read_next_meeting() {
        const auto& ps = m_doc.paragraphs;
        // Each test below needs the words "next meeting": most paragraphs are ruled out by one
        // search, and the others are searched from the first "next meeting" on.
        for (auto found = next_paragraph_with(k_next_meeting, k_next_meeting_anchor, 0); found;
             found = next_paragraph_with(k_next_meeting, k_next_meeting_anchor, found->paragraph + 1)) {
            const std::size_t i = found->paragraph;
            const std::string_view s = ps[i].text;
            const std::size_t first = found->at;
            // A heading "Date and Time of Next Meeting - Monday, 21 March 2022 at 4.00pm" or an
            // item of that name whose minute states the date.
            const std::size_t heading = ifind_by_anchor(s, k_of_next_meeting, k_of_next_meeting_anchor,
                                                        first >= 3 ? first - 3 : 0);
            if (heading != std::string::npos && heading < 40) {
                if (auto d = first_date(s, heading, m_facts.date)) {
                    m_facts.next_meeting = d;
                    return;
                }
                // The date in the minute below the heading: "Thursday, 23 November 2023 at 7.00 pm."
                for (std::size_t k = i + 1; k < ps.size() && k <= i + 3; ++k) {
                    if (ps[k].role != ParagraphRole::text) continue;
                    // (Only the line's head: a date further in is not the heading's.)
                    const auto date = find_first_date(ps[k].text.substr(0, 100), 60);
                    if (!date) break;
                    if (auto d = resolve_date(*date, m_facts.date)) {
                        m_facts.next_meeting = d;
                        return;
                    }
                    break;
                }
            }
            if (istarts_with(s, "Next meeting:")) {
                if (auto d = first_date(s, 0, m_facts.date)) {
                    m_facts.next_meeting = d;
                    return;
                }
            }
            for (std::size_t at = first; at != std::string::npos;
                 at = ifind_by_anchor(s, k_next_meeting, k_next_meeting_anchor, at + 1)) {
                if (auto d = next_meeting_statement(s, at)) {
                    m_facts.next_meeting = d;
                    return;
                }
            }
        }
    }

    // "The next meeting of the X was scheduled for D", "the date of the next meeting was D",
    // "The next meeting will be held on D". Statements about other bodies are ignored.
    std::optional<Date> next_meeting_statement(std::string_view s, std::size_t at) {
        std::size_t pos = at + 12;
        std::string_view name;  // of the paragraph, which outlives this call
        if (istarts_with(s.substr(pos), " of ")) {
            const std::size_t name_start = pos + 4;
            std::size_t end = std::string::npos;
            // Only within the 120 bytes a name may take: a long paragraph is not searched to its end.
            const std::string_view window = s.substr(name_start, 120 + 7);
            static constexpr std::array<std::string_view, 6> k_stops = {" was ", " will ", " is ", " would ", " has ", " on "};
            if (const std::size_t e = find_first_stop(window, 0, k_stops); e != std::string::npos) end = name_start + e;
            if (end == std::string::npos || end - name_start > 120) return std::nullopt;
            name = s.substr(name_start, end - name_start);
            if (istarts_with(name, "the ")) name.remove_prefix(4);
            if (!names_this_committee(name)) return std::nullopt;
            pos = end;
        }
        // The verb phrase must lead straight to the date, within a few words: "was scheduled
        // for", "will be held on", "will be", "is tentatively set for", ", which is set for".
        std::string_view rest = s.substr(pos, 80);
        auto skip = [&](std::string_view word) {
            if (!istarts_with(rest, word)) return false;
            rest.remove_prefix(word.size());
            return true;
        };
        skip(",");
        skip(" which") || skip(" that");
        static constexpr std::array<std::string_view, 7> k_auxiliaries = {
            " will be", " would be", " has been", " had been", " was", " is", " to be"};
        bool linked = false;
        for (std::string_view aux : k_auxiliaries)
            if ((linked = skip(aux))) break;
        // "would be ratified at the next meeting on 6th November 2019", "to hold the next meeting
        // on the 5th September": the date straight after, which must then be a later one.
        bool bare_on = false;
        if (!linked) {
            // "... will take place on D".
            bare_on = skip(" on");
            if (!bare_on && !skip(" will take place on") && !skip(" takes place on")) return std::nullopt;
        } else {
            // "provisionally", "tentatively".
            const std::string_view adverb = text::word_after(rest, 0);
            if (adverb.size() > 4 && text::iends_with(adverb, "ly") && istarts_with(rest, " ")) rest.remove_prefix(1 + adverb.size());
            static constexpr std::array<std::string_view, 9> k_participles = {
                " scheduled for", " set for", " fixed for", " arranged for", " booked for", " held on",
                " scheduled to take place on", " on", " held"};
            for (std::string_view participle : k_participles)
                if (skip(participle)) break;
        }
        if (bare_on) skip(" the");
        if (!istarts_with(rest, " ")) return std::nullopt;
        const std::size_t date_at = static_cast<std::size_t>(rest.data() - s.data()) + 1;
        const auto m = match_date_at(s, date_at);
        if (!m) return std::nullopt;
        auto d = resolve_date(*m, m_facts.date);
        if (bare_on && d && m_facts.date && *d <= *m_facts.date) return std::nullopt;
        if (d && !m_facts.committee && !name.empty() && is_body_name(name))
            m_facts.committee = tidy_name(name);
        return d;
    }

    const NormalisedText& m_doc;
    MeetingFacts m_facts;
    bool m_weak_date = false;  // the date came from a heading over a date, which a title may correct
    bool m_weak_committee = false;  // a kind of meeting ("Playing Field Meeting"), which a body's name replaces
};

// Splits paragraphs into items.
class ItemSplitter {
public:
    explicit ItemSplitter(const NormalisedText& doc) : m_doc(doc) {}

    std::vector<ItemBlock> split() {
        const auto& ps = m_doc.paragraphs;
        // Room for a usual document's items, so that the list is not regrown (every item's
        // strings and lists moved) five or six times.
        m_items.reserve(32);
        m_items.emplace_back();
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const Paragraph& p = ps[i];
            if (starts_item(i)) start_item();
            ItemBlock& item = m_items.back();
            if (!p.item_marker.empty() && item.item.number.empty()) item.item.number = p.item_marker;
            switch (p.role) {
                case ParagraphRole::minutes_marker:
                case ParagraphRole::decision_marker:
                    item.has_minutes_marker = true;
                    item.has_decision_marker |= p.role == ParagraphRole::decision_marker;
                    m_in_minutes = true;
                    continue;
                case ParagraphRole::title:
                    if (item.item.title.empty()) item.item.title = p.text;
                    continue;
                case ParagraphRole::text:
                    break;
            }
            if (is_number_only(p.text) && item.agenda.empty() && item.minutes.empty() &&
                item.item.number.empty() && !m_in_minutes) {
                item.item.number = strip_number(p.text);
                continue;
            }
            if (item.agenda.empty() && item.minutes.empty() && item.item.number.empty() &&
                item.item.title.empty() && is_numbered_heading(i)) {
                const std::size_t space = p.text.find(' ');
                item.item.number = strip_number(p.text.substr(0, space));
                item.item.title = std::string(trim(p.text.substr(space)));
                m_headed.resize(m_items.size());
                m_headed.back() = true;
                continue;
            }
            if (p.text == "Agenda item") continue;
            if (item.item.title.empty() && !m_in_minutes && is_title_candidate(i)) {
                item.item.title = title_text(p.text, item.item.number);
                continue;
            }
            (m_in_minutes ? item.minutes : item.agenda).push_back(i);
        }
        finish();
        return std::move(m_items);
    }

private:
    bool starts_item(std::size_t i) const {
        const auto& ps = m_doc.paragraphs;
        const Paragraph& p = ps[i];
        const ItemBlock& current = m_items.back();
        const bool current_empty = current.agenda.empty() && current.minutes.empty() &&
                                   current.item.title.empty() && !current.has_minutes_marker;
        if (current_empty) return false;
        if (m_doc.table_dump) return p.record_start;
        if (p.role == ParagraphRole::title) return current.has_minutes_marker || !current.item.title.empty();
        if (p.text == "Agenda item") return true;
        if (is_number_only(p.text) && p.after_blank && i + 1 < ps.size() &&
            is_title_like(i + 1) && !(current.item.number.empty() && current.minutes.empty() &&
                                              !current.has_minutes_marker))
            return true;
        // "4. Police Report" on a line of its own (the normaliser ended the paragraph there).
        if (is_numbered_heading(i)) return true;
        // A heading followed by prose, in a page laid out with blank lines between paragraphs.
        if (p.after_blank && is_title_like(i) && i + 1 < ps.size() && !ps[i + 1].bullet &&
            ps[i + 1].after_blank && ps[i + 1].role != ParagraphRole::title && !current_empty &&
            (current.has_minutes_marker || !current.minutes.empty() || !current.agenda.empty()))
            return !is_number_only(p.text);
        return false;
    }

    // Paragraph i is "4. Police Report" heading an item, not an entry of a numbered list: the
    // line before does not introduce a list (':'), the line after is not another numbered line,
    // and the number does not go back below the item it would follow ("5. Appointments" /
    // "RESOLVED that the following be appointed:" / "1. Councillor Smith").
    bool is_numbered_heading(std::size_t i) const {
        const auto& ps = m_doc.paragraphs;
        const Paragraph& p = ps[i];
        if (p.bullet || !is_numbered_heading_line(p.text)) return false;
        const std::size_t space = p.text.find(' ');
        if (starts_with_decision_word(trim(p.text.substr(space)))) return false;
        if (i > 0 && !ps[i - 1].text.empty() && ps[i - 1].text.back() == ':') return false;
        if (i + 1 < ps.size() && is_numbered_heading_line(ps[i + 1].text)) return false;
        const std::string& current = m_items.back().item.number;
        if (!current.empty() && current.find_first_not_of("0123456789") == std::string::npos && current.size() <= 3) {
            const std::string number = strip_number(p.text.substr(0, space));
            if (number.size() < current.size() || (number.size() == current.size() && number <= current)) return false;
        }
        return true;
    }

    bool is_title_candidate(std::size_t i) const {
        const auto& p = m_doc.paragraphs[i];
        if (m_doc.table_dump) {
            // The record's first text before "Minutes:" is the title; agenda prose follows it.
            return m_items.back().agenda.empty();
        }
        return is_title_like(i) || (!m_items.back().item.number.empty() && p.text.size() < 160 &&
                                       !starts_with_decision_word(p.text));
    }

    // looks_like_title(paragraph i), remembered: starts_item asks about a paragraph up to three times.
    bool is_title_like(std::size_t i) const {
        if (m_title_like.empty()) m_title_like.assign(m_doc.paragraphs.size(), TitleLike::unknown);
        if (m_title_like[i] == TitleLike::unknown)
            m_title_like[i] = looks_like_title(m_doc.paragraphs[i]) ? TitleLike::yes : TitleLike::no;
        return m_title_like[i] == TitleLike::yes;
    }

    static std::string strip_number(std::string_view s) {
        std::string out(s);
        while (!out.empty() && (out.back() == '.' || out.back() == ')')) out.pop_back();
        return out;
    }

    // "9 Place Scrutiny Commission Annual Business Report" → number 9 is already known.
    static std::string title_text(std::string_view s, std::string_view number) {
        if (!number.empty() && s.substr(0, number.size()) == number)
            return std::string(trim(s.substr(number.size())));
        return std::string(s);
    }

    void start_item() {
        m_items.emplace_back();
        m_in_minutes = false;
    }

    // Drops an empty lead-in and infers numbers that follow from numbered neighbours.
    void finish() {
        if (m_items.size() > 1 && m_items.front().agenda.empty() && m_items.front().minutes.empty() &&
            m_items.front().item.title.empty() && m_items.front().item.number.empty())
            m_items.erase(m_items.begin());
        for (std::size_t k = 0; k < m_items.size(); ++k) {
            if (!m_items[k].item.number.empty()) continue;
            if (k > 0 && !m_items[k - 1].item.number.empty()) {
                if (auto n = step_number(m_items[k - 1].item.number, +1)) {
                    m_items[k].item.number = *n;
                    m_items[k].item.number_inferred = true;
                }
            }
        }
        m_headed.resize(m_items.size());
        for (std::size_t k = m_items.size(); k-- > 1;) {
            if (!m_items[k - 1].item.number.empty() || m_items[k].item.number.empty()) continue;
            // Notes numbered in their own headings ("4. Police Report") number every item
            // they have; what comes before the first is the notes' preamble.
            if (m_headed[k]) continue;
            if (auto n = step_number(m_items[k].item.number, -1)) {
                m_items[k - 1].item.number = *n;
                m_items[k - 1].item.number_inferred = true;
            }
        }
    }

    // "21/44" + 1 → "21/45"; "4" - 1 → "3". Only numbers ending in digits step.
    static std::optional<std::string> step_number(std::string_view number, int delta) {
        std::size_t digits = number.size();
        while (digits > 0 && text::is_digit(number[digits - 1])) --digits;
        if (digits == number.size()) return std::nullopt;
        // from_chars, not stoi: a run of digits too long for an int (fuzzed input) is no item
        // number to step, not an exception.
        int value = 0;
        const std::string_view run = number.substr(digits);
        if (std::from_chars(run.data(), run.data() + run.size(), value).ec != std::errc{}) return std::nullopt;
        value += delta;
        if (value < 1) return std::nullopt;
        return std::string(number.substr(0, digits)) + std::to_string(value);
    }

    enum class TitleLike : unsigned char { unknown, no, yes };

    const NormalisedText& m_doc;
    std::vector<ItemBlock> m_items;
    bool m_in_minutes = false;
    mutable std::vector<TitleLike> m_title_like;  // per paragraph; filled on first use
    std::vector<bool> m_headed;  // per item: numbered by a heading line ("4. Police Report")
};

// The distinct words of `s`, ignoring ASCII case (as a set of text::to_lower'd words would hold
// them). A committee name has a handful of words, so a linear check beats building strings.
std::vector<std::string_view> distinct_words(std::string_view s) {
    std::vector<std::string_view> out;
    out.reserve(8);  // one allocation for most names, not one for each doubling
    for (text::Word w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size()))
        if (std::none_of(out.begin(), out.end(), [&](std::string_view seen) { return text::iequals(seen, w.text); }))
            out.push_back(w.text);
    return out;
}

}  // namespace

double committee_similarity(std::string_view a, std::string_view b) {
    const std::vector<std::string_view> wa = distinct_words(a), wb = distinct_words(b);
    if (wa.empty() || wb.empty()) return 0.0;
    std::size_t common = 0;
    for (const std::string_view w : wa)
        common += std::any_of(wb.begin(), wb.end(), [&](std::string_view x) { return text::iequals(w, x); });
    return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

// A published agenda (ModernGov's "Agenda" page, not "Agenda and minutes") records no decisions:
// its "RECOMMENDED" and "will present" lines are what the reports ask for.
bool is_agenda_only(const NormalisedText& doc) {
    if (doc.paragraphs.empty() || !text::iequals(doc.paragraphs.front().text, "Agenda")) return false;
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
        const Paragraph& p = doc.paragraphs[i];
        if (p.role == ParagraphRole::minutes_marker || (i < 4 && istarts_with(p.text, "Minutes of")))
            return false;
    }
    return true;
}

DocumentStructure analyse_structure(const NormalisedText& doc) {
    DocumentStructure out;
    out.meeting = MeetingFactsReader(doc).read();
    out.items = ItemSplitter(doc).split();
    if (is_agenda_only(doc)) {
        for (auto& item : out.items) {
            item.agenda.insert(item.agenda.end(), item.minutes.begin(), item.minutes.end());
            item.minutes.clear();
            item.has_minutes_marker = true;  // nothing below a marker: nothing to read as minutes
        }
    }
    return out;
}

}  // namespace actiontrack::parsers
