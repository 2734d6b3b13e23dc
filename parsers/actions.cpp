#include "parsers/actions.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parsers/byte_scan.hpp"
#include "parsers/date.hpp"
#include "parsers/keywords.hpp"
#include "parsers/owner.hpp"
#include "parsers/sentences.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::ifind_word;
using text::iequals;
using text::trim;

// A word list asked about for many words of every sentence, its words grouped by first letter so
// that a question compares the word only with the few that share its first letter, not with the
// whole list. The words must be lower case and start with a letter, as every list here does.
template <std::size_t N>
class WordList {
public:
    constexpr explicit WordList(const std::array<std::string_view, N>& words) : m_words(words) {
        std::sort(m_words.begin(), m_words.end());
        std::size_t k = 0;
        for (std::size_t letter = 0; letter < 26; ++letter) {
            m_begin[letter] = k;
            while (k < N && m_words[k][0] == static_cast<char>('a' + letter)) ++k;
        }
        m_begin[26] = k;
        if (k != N) throw "WordList: every word must start with a lower-case letter";
    }

    // Whether `word` is one of the words, ignoring ASCII case (text::contains_ci's answer): only
    // the words with its first letter can be.
    bool contains(std::string_view word) const {
        if (word.empty() || !text::is_alpha(word[0])) return false;
        const auto letter = static_cast<std::size_t>(text::to_lower(word[0]) - 'a');
        for (std::size_t i = m_begin[letter]; i < m_begin[letter + 1]; ++i)
            if (iequals(m_words[i], word)) return true;
        return false;
    }

private:
    std::array<std::string_view, N> m_words;  // sorted
    std::array<std::size_t, 27> m_begin{};    // letter -> first word with it; [26] = N
};

// Past participles that make "X be ___" a direction to do something. Verbs of mere record
// (noted, received, approved, agreed, welcomed, confirmed) are deliberately absent.
constexpr std::array<std::string_view, 92> k_directive_participles = {
    "passed",  // "that the Council's condolences be passed on to ..."
    "submitted", "revised",    "circulated",  "sent",        "forwarded",  "referred",
    "reported",  "brought",    "presented",   "provided",    "prepared",   "reviewed",
    "arranged",  "included",   "added",       "updated",     "amended",    "invited",
    "asked",     "requested",  "instructed",  "authorised",  "authorized", "delegated",
    "pursued",   "investigated", "explored",  "published",   "written",    "drafted",
    "developed", "produced",   "undertaken",  "scheduled",   "organised",  "organized",
    "established", "commissioned", "shared",  "escalated",   "raised",     "progressed",
    "implemented", "completed", "sought",     "obtained",    "contacted",  "consulted",
    "notified",  "placed",     "clarified",   "identified", "purchased", "ordered",
    "installed", "repaired",   "replaced",    "procured",   "conveyed",   "chased",
    "returned",  "printed",    "made",        "put",        "continued",  "deferred",
    "drawn",     "publicised", "publicized", "advertised", "carried",
    // "that the item be moved from the October meeting to the January meeting", "the wording
    // would be adjusted".
    "moved",     "rescheduled", "adjusted",  "reworded",
    // "that this error be rectified", "that the hedge be cut", "that the situation be monitored".
    "rectified", "corrected",  "addressed",   "cut",        "trimmed",    "cleared",
    "fixed",     "checked",    "inspected",   "monitored",
    // Notes' tasks: "A data base of all members to be created by the Secretary", "new net to be
    // priced up", "bags of loam to be collected". (Not "signed": "the minutes be signed as a
    // correct record" is done at the meeting; nor "given": "approval be given"; nor "displayed":
    // "notices be displayed at the exit" is a licence's condition.)
    "created",   "priced",     "collected",   "sourced",    "distributed", "delivered"};

// The narrower set that marks a commitment in reported speech ("These would be circulated by
// e-mail"); descriptive futures ("would be distributed differently", "would be evaluated") are
// left out because minutes use them to describe plans, not tasks.
constexpr std::array<std::string_view, 46> k_commitment_participles = {
    "circulated", "provided",  "reported",  "sent",      "forwarded", "brought",
    "submitted",  "arranged",  "amended",   "written",   "drafted",   "prepared",
    "published",  "investigated", "included", "added",   "invited",   "sought",
    "obtained",   "clarified", "referred",  "shared",    "placed",    "updated",
    "checked",    "corrected", "re-sent",   "chased",    "passed",    "notified",
    "informed",   "contacted", "raised",    "put",       "drawn",     "organised",
    "organized",  "publicised",
    // "a risk assessment would be completed", "a review ... would be undertaken", "copies would
    // be tabled at the Committee", "the advert will be repeated in the newsletter".
    "completed",  "undertaken", "tabled",    "repeated",  "requested", "commissioned",
    // "the Director said the wording would be adjusted".
    "adjusted",   "reworded"};

// Whether `word` is one of k_directive_participles, ignoring ASCII case.
bool is_directive_participle(std::string_view word) {
    static constexpr WordList k_list(k_directive_participles);
    return k_list.contains(word);
}

// Whether `word` is one of k_commitment_participles, ignoring ASCII case.
bool is_commitment_participle(std::string_view word) {
    static constexpr WordList k_list(k_commitment_participles);
    return k_list.contains(word);
}

// Verbs that ask an owner to act: "be asked to", "requests the Officer to".
constexpr std::array<std::string_view, 8> k_request_participles = {
    "asked", "requested", "instructed", "authorised", "authorized", "delegated", "tasked",
    "invited"};

constexpr std::array<std::string_view, 16> k_request_verbs = {
    "requests", "asks", "instructs", "directs", "invites", "authorises", "authorizes", "urges",
    "request",  "ask",  "instruct",  "direct",  "invite",  "authorise",  "authorize",  "urge"};

// Whether `word` is one of k_request_verbs, ignoring ASCII case.
bool is_request_verb(std::string_view word) {
    static constexpr WordList k_list(k_request_verbs);
    return k_list.contains(word);
}

// Verbs of work after "RESOLVED to ...", as opposed to verbs of decision (note, approve, agree).
constexpr std::array<std::string_view, 94> k_work_verbs = {
    "obtain",  "arrange", "write",      "circulate", "provide",    "prepare",  "submit",  "send",
    "investigate", "review", "report", "commission", "seek",      "undertake", "explore", "establish",
    "produce", "bring",   "organise",   "organize",  "contact",    "consult",  "purchase", "order",
    "install", "ask",     "request",    "invite",    "instruct",   "draft",    "check",   "supply",
    "email",   "chase",   "liaise",     "forward",   "share",      "book",     "publish", "notify",
    "inform",  "follow",  "inspect",
    // The plainer words of parish action lists: "clerk to get quotes", "JB to look into".
    // Not "replace" or "repair": "RESOLVED to replace the bench at a cost of £450" spends money.
    "get",     "put",     "look",       "speak",     "talk",       "reply",    "respond", "visit",
    "source",  "approach", "pursue",    "progress",  "find",       "compile",  "advertise", "distribute",
    "monitor", "remind",  "buy",        "serve",     "call",       "amend",    "reschedule", "include",
    "raise",
    // "it was agreed to phone the County Council", "... to coordinate the efforts of ...".
    // Not "hold" ("to hold the next meeting on ...") nor "defer" (a decision put off).
    "phone",   "telephone", "ring",     "coordinate", "co-ordinate", "update", "erect",   "collect",
    "deliver", "display", "print",      "apply",     "renew",      "meet",     "draw",
    // "Roger to attend a short course": attending something else is work after the meeting.
    "attend",
    // "KV to ensure all curriculum policies are added to the list", "SP to hand the file over
    // to her", "Clerk to pass the details on to the police".
    "ensure", "hand", "pass",
    // Irish minutes: "It was agreed to revert back to the members with the exact cost".
    "revert",
    // "Peter to create wording for petition and to forward to Stuart and Phil".
    "create",
    // "Members agreed to furnish Donna with the dates", "SW to clarify the position with the
    // insurers", "to identify a suitable site". (Not "confirm": "to confirm the minutes of the
    // meeting held on ..." is the meeting's own business.)
    "furnish", "clarify", "identify",
    // "Tess to communicate to Managers", "All officers will need to complete reports by Aug 11th".
    "communicate", "complete"};

// Whether `word` is one of k_work_verbs, ignoring ASCII case. Asked of most sentences, several
// times: a look at the few verbs with its first letter instead of a walk over the list.
bool is_work_verb(std::string_view word) {
    static constexpr WordList k_list(k_work_verbs);
    return k_list.contains(word);
}

// "All members", "All Councillors": the members of the meeting, each given the work.
constexpr std::array<std::string_view, 6> k_every_member = {
    "members", "councillors", "commissioners", "trustees", "governors", "directors"};

// After "that the Clerk ...": words that make the clause a statement, not a direction.
constexpr std::array<std::string_view, 16> k_not_subjunctive = {
    "be", "is", "are", "was", "were", "has", "have", "had", "will", "would", "should", "shall",
    "may", "can", "could", "must"};

// Whether `word` is one of k_not_subjunctive, ignoring ASCII case.
bool is_not_subjunctive(std::string_view word) {
    static constexpr WordList k_list(k_not_subjunctive);
    return k_list.contains(word);
}

// Verbs a decision performs as it is made: nobody is left with work.
constexpr std::array<std::string_view, 9> k_gesture_verbs = {
    "welcome", "record", "thank", "congratulate", "commend", "express", "extend", "pay", "place"};

constexpr std::array<std::string_view, 5> k_modals = {"would", "will", "shall", "should", "must"};

// "would then be sent", "will also be circulated": adverbs between a modal and "be".
constexpr std::array<std::string_view, 8> k_modal_adverbs = {
    "then", "also", "now", "again", "subsequently", "shortly", "therefore", "all"};

// "X is/was currently|still <doing>": the auxiliaries of work reported as under way.
constexpr std::array<std::string_view, 4> k_progressive_auxiliaries = {"is", "are", "was", "were"};

// "-ing" words after "is still" that report a state or a wait, not work someone is doing
// ("willing" is an adjective that looks like one).
constexpr std::array<std::string_view, 15> k_not_work_in_progress = {
    "waiting", "awaiting", "hoping", "expecting", "being", "going", "having", "feeling",
    "facing", "experiencing", "struggling", "living", "seeing", "receiving", "willing"};

// After "X would ...": verbs that describe rather than commit.
// Leaving the room, abstaining and the like happen at the meeting itself.
constexpr std::array<std::string_view, 28> k_non_commitment_verbs = {
    "be", "not", "need", "have", "remain", "continue", "prefer", "expect", "hope", "welcome",
    "appreciate", "prevent", "mean", "depend", "leave", "withdraw", "abstain", "vote", "speak",
    "declare", "re-order", "reorder", "adjourn", "vary", "want", "wish",
    // "Councillor Walsh would chair the group": a role taken, not a task.
    "chair",
    // "the council would no longer pursue this issue".
    "no"};

// Whether `word` is one of k_non_commitment_verbs, ignoring ASCII case.
bool is_non_commitment_verb(std::string_view word) {
    static constexpr WordList k_list(k_non_commitment_verbs);
    return k_list.contains(word);
}

// "The Monitoring Officer will present ...": in agenda text, "will" announces what happens at
// the meeting itself, not work after it.
constexpr std::array<std::string_view, 11> k_at_meeting_verbs = {
    "present", "introduce", "outline", "give", "attend", "update", "lead", "answer", "summarise",
    // "The Chairman to announce any urgent items", "to explain the fire procedure".
    "announce", "explain"};

// Every keyword the narrative reader looks for, found in one pass per sentence (see
// keywords.hpp). The enum names each keyword's index in k_sentence_keywords.
enum SentenceKeyword : std::size_t {
    // Questions put at the meeting.
    kw_asked_whether, kw_queried_whether, kw_enquired_whether, kw_questioned_whether, kw_asked_if,
    kw_queried_if, kw_enquired_if, kw_wondered_if, kw_was_asked_whether,
    // "... agreed that ...": a decision with a directed clause; "A Member asked that ...": a
    // request with one; "X proposed and Y seconded that a letter be forwarded ...": a motion.
    kw_agreed_that, kw_agreed_comma_that, kw_requested_that, kw_resolved_that, kw_decided_that,
    kw_seconded_that, kw_asked_that,
    // Commitments: " agreed to ", " undertook to ", ...
    kw_commit_agreed, kw_commit_undertook, kw_commit_offered, kw_commit_promised, kw_commit_volunteered,
    kw_commit_would_arrange, kw_commit_committed, kw_commit_had_agreed, kw_commit_intended,
    kw_commit_intends, kw_commit_intend, kw_commit_going, kw_commit_undertook_action, kw_commit_proposed, kw_commit_decided,
    // "The Chairman agreed with Alan Smith to look into buying stakes".
    kw_agreed_with,
    // "asked officers to": the object owns the task.
    kw_object_asked, kw_object_requested, kw_object_instructed, kw_object_invited,
    // "To agree ... and ask the Programme Office to continue discussions": a decision's infinitive.
    kw_object_ask,
    // "Officers were asked to".
    kw_was_asked_to, kw_were_asked_to, kw_was_requested_to, kw_were_requested_to, kw_was_tasked_with,
    kw_were_tasked_to, kw_is_instructed_to, kw_are_instructed_to, kw_is_asked_to, kw_is_requested_to,
    kw_were_reminded_to, kw_was_reminded_to, kw_has_been_requested_to, kw_has_been_asked_to,
    // "The treasurer will be asked to have the accounts audited".
    kw_will_be_asked_to, kw_would_be_asked_to, kw_will_be_requested_to,
    // Modals, in the order of k_modals, and "be".
    kw_would, kw_will, kw_shall, kw_should, kw_must, kw_be,
    // Action-log entries: "Head of Finance to circulate ...", "X to be invited ...".
    kw_to_be, kw_to,
    // "The Committee asked for a further report" (with kw_object_requested: "requested a ...").
    kw_asked_for,
    // "agreed to delegate authority to officers to ...".
    kw_delegat,
    // Work in progress: "he was currently exploring ...", "is still looking for ...".
    kw_currently, kw_still,
    // Business put off to a meeting (NarrativeReader::deferred_entry).
    kw_deferred_to, kw_deferred_until, kw_held_over_to, kw_held_over_until, kw_item_over_to,
    kw_item_over_until, kw_carried_forward_to, kw_carried_forward_until, kw_postponed_to, kw_to_be_listed_at,
    // "Ledbeg House - Actions: ...": an action label after a heading (NarrativeReader::action_line).
    kw_dash_action,
    // "Deferred to/for/until/pending ...": capitalised, as deferred_entry asks by first_exact.
    kw_deferred_word,
    // "A request was made for Tim Blythe to come to the next meeting".
    kw_was_made_for,
    // "A report on Troubled Families was requested, for submission to a future meeting".
    kw_was_requested, kw_were_requested,
    kw_count
};

const KeywordScanner& sentence_keywords() {
    static const KeywordScanner scanner{
        "asked whether", "queried whether", "enquired whether", "questioned whether", "asked if ",
        "queried if ", "enquired if ", "wondered if ", "was asked whether",
        "agreed that ", "agreed, that ", "requested that ", "resolved that ", "decided that ",
        "seconded that ", "asked that ",
        " agreed to ", " undertook to ", " offered to ", " promised to ", " volunteered to ",
        " would arrange to ", " committed to ", " had agreed to ", " intended to ", " intends to ", " intend to ", " going to ",
        " undertook an action to ",
        " proposed to ", " decided to ", " agreed with ",
        " asked ", " requested ", " instructed ", " invited ", " ask ",
        " was asked to ", " were asked to ", " was requested to ", " were requested to ",
        " was tasked with ", " were tasked to ", " is instructed to ", " are instructed to ",
        " is asked to ", " is requested to ", " were reminded to ", " was reminded to ",
        " has been requested to ", " has been asked to ",
        " will be asked to ", " would be asked to ", " will be requested to ",
        "would", "will", "shall", "should", "must", "be", " to be ", " to ",
        " asked for ", "delegat",
        "currently", "still",
        "deferred to ", "deferred until ", "held over to ", "held over until ", "item over to ",
        "item over until ", "carried forward to ", "carried forward until ", "postponed to ", "to be listed at ",
        " - action", "Deferred ", " was made for ", " was requested", " were requested"};
    return scanner;
}

// Where `phrase` first starts at or after `from` in `s`, as s.find(phrase, from) says, found by
// the two bytes of the phrase at `anchor`, sixteen bytes at a time. For phrases that start with
// a byte found all over minutes (a space, an 'a'), where find stops at every one of them: the
// anchor is a rarer pair ("d," in " and, if "). The pair must lie within the phrase.
std::size_t find_by_pair(std::string_view s, std::string_view phrase, std::size_t anchor, std::size_t from = 0) {
    const char first = phrase[anchor], second = phrase[anchor + 1];
    for (std::size_t at = byte_scan::find_pair(s.data(), from + anchor, s.size(), first, second); at < s.size();
         at = byte_scan::find_pair(s.data(), at + 1, s.size(), first, second))
        if (s.compare(at - anchor, phrase.size(), phrase) == 0) return at - anchor;
    return std::string_view::npos;
}

// Where the first of `bytes` is in `s` from `from` on, as s.find_first_of(bytes, from) says,
// with the few bytes compared in place: the library looks each byte of `s` up in `bytes` with a
// call to memchr.
std::size_t find_first_of_bytes(std::string_view s, std::string_view bytes, std::size_t from = 0) {
    for (std::size_t i = from; i < s.size(); ++i)
        for (const char b : bytes)
            if (s[i] == b) return i;
    return std::string_view::npos;
}

std::string clean_task(std::string_view s) {
    std::string out = text::collapse_spaces(s);
    // "obtain more advice, but considered that a sign might ...": the task ends where the
    // sentence turns to something else.
    if (const std::size_t but = out.find(", but "); but != std::string::npos && but >= 12) out.erase(but);
    // "attempt to obtain funding as it was felt that the lighting was a success": the reason
    // given for the task is not part of it.
    if (const std::size_t as = find_by_pair(out, " as it was felt ", 13); as != std::string::npos && as >= 12) out.erase(as);
    // "follow up with DMBC and, if no satisfactory response is received, then the next step is
    // ...": what happens if the task fails is another step.
    if (const std::size_t cond = find_by_pair(out, " and, if ", 3); cond != std::string::npos && cond >= 12) out.erase(cond);
    // "provide a written reply and advised Miss Egan that consideration was being given to
    // ...": the speaker goes on to report something else. ("contacted and advised of the
    // changes" is one task.)
    // One pass over the task's "and"s, each asked whether a reporting verb follows.
    static constexpr std::array<std::string_view, 9> k_reporting = {
        "advised", "said", "stated", "explained", "reported", "informed", "added", "indicated", "commented"};
    for (std::size_t at = find_by_pair(out, " and ", 2, 12); at != std::string::npos;
         at = find_by_pair(out, " and ", 2, at + 5)) {
        const std::string_view verb = text::word_after(out, at + 5);
        if (std::find(k_reporting.begin(), k_reporting.end(), verb) == k_reporting.end()) continue;
        const std::string_view next = text::word_after(out, at + 5 + verb.size());
        // ("analysed and reported to the Board": one passive task.)
        if (next == "of" || next == "by" || next == "on" || next == "to" || next == "back") continue;
        out.erase(at);
        break;
    }
    // "raise this at the next committee j]. the wind damaged fence ...": the next entry of a
    // list run into one paragraph starts at its label. (Only a task with such a bracket can.)
    const bool has_label_bracket = out.find(']') != std::string::npos || out.find(')') != std::string::npos;
    for (std::size_t k = 12; has_label_bracket && k + 2 < out.size(); ++k) {
        if (out[k] != ' ') continue;
        std::size_t j = k + 1;
        while (j < out.size() && j - k <= 3 && (text::is_lower(out[j]) || text::is_digit(out[j]))) ++j;
        if (j == k + 1 || j >= out.size() || (out[j] != ']' && out[j] != ')')) continue;
        std::size_t after = j + 1;
        if (after < out.size() && out[after] == '.') ++after;
        // (The sentence splitter may have ended the task at the label's own full stop.)
        if (after >= out.size() || out[after] == ' ') {
            out.erase(k);
            break;
        }
    }
    // "A notice would be sent to Tracking the News and a litter awareness flyer was also
    // suggested": "and" with a new subject and a past tense of its own.
    for (std::size_t a = find_by_pair(out, " and a ", 2); a != std::string::npos && a >= 12; a = find_by_pair(out, " and a ", 2, a + 1)) {
        const std::string_view rest = std::string_view(out).substr(a + 7, 60);
        bool own_verb = false;
        for (std::string_view aux : {" was ", " were ", " had "}) own_verb |= rest.find(aux) != std::string_view::npos;
        if (own_verb) {
            out.erase(a);
            break;
        }
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ';' || out.back() == ',' ||
                            out.back() == ' '))
        out.pop_back();
    for (std::string_view tail : {"; and", " and", "; or"}) {
        if (out.size() > tail.size() && out.compare(out.size() - tail.size(), tail.size(), tail) == 0)
            out.erase(out.size() - tail.size());
    }
    while (!out.empty() && (out.back() == ';' || out.back() == ',')) out.pop_back();
    return out;
}

std::string strip_that(std::string_view s) {
    s = trim(s);
    if (text::istarts_with(s, "that ")) s.remove_prefix(5);
    return std::string(s);
}

// Start of the clause that contains position `at`: after the nearest "that ", ";", a dash after
// a heading ("Minute 32 - the concerns ...") or ", and" / " and " that introduces a new subject
// (no other "be" between it and `at`).
std::size_t clause_start(std::string_view s, std::size_t at) {
    // Each separator with the pair of its bytes it is found by (see find_by_pair), rarer in
    // minutes than the space or the 't' it starts with.
    static constexpr std::pair<std::string_view, std::size_t> k_separators[] = {
        {"that ", 1}, {"That ", 1}, {"; ", 0}, {" and ", 2}, {", and ", 0}, {" - ", 0}};
    std::size_t start = 0;
    for (const auto& [sep, anchor] : k_separators) {
        // Only a separator that starts before `at` counts, so the search stops where the last
        // such one would end rather than running on to the end of a long resolution.
        const std::string_view before = s.substr(0, std::min(s.size(), at + sep.size() - 1));
        std::size_t found = std::string_view::npos;
        for (std::size_t p = find_by_pair(before, sep, anchor); p != std::string_view::npos;
             p = find_by_pair(before, sep, anchor, p + 1))
            found = p;
        if (found == std::string_view::npos) continue;
        const std::size_t after = found + sep.size();
        if (sep == " and " || sep == ", and ") {
            // Only a new subject: "the report be agreed and the Rules be reviewed", never the
            // inside of a name ("Director Adult Social Care and Health be asked").
            const std::string_view next = text::word_after(s, after);
            if (next != "the" && next != "a" && next != "an" && next != "that") continue;
        }
        start = std::max(start, after);
    }
    return start;
}

struct Found {
    std::string text;
    std::optional<std::string> owner;
    std::size_t offset = 0;
    std::size_t resolution = static_cast<std::size_t>(-1);
    std::string item;
    bool owner_only = false;
    // An entry after a heading and a dash ("Millennium Wood is in a poor state - TD & AV to
    // inspect"): a whole task however short, when there is no decision before it to complete.
    bool after_heading = false;
    // An entry of an action list ("MF to include item in the Newsletter re the Jubilee Show"):
    // the list's other entries are other tasks, however alike their words.
    bool listed = false;
    // An "ACTION:" line, as action logs and tables are written: it may restate a task minuted
    // under another item.
    bool logged = false;
    // An owner-only marker after narrative ("The filler has not been painted. ACTION: JI"):
    // `text` is the sentence before it, at `task_offset`, the task when nothing else is.
    bool task_before = false;
    std::size_t task_offset = 0;
    // The topic the note opens with, which leads the task (NarrativeReader::topic_before).
    std::string topic{};
};

// "delegates to the Cabinet Member for Housing the authority to appoint ...", "agreed to
// delegate authority to officers to undertake ...", "authority be delegated to the Director of
// Place to finalise ...", "delegates the task of ... to Cllr Ashbourne": the delegate owns the
// work. The task is the clause from the delegating verb on.
std::optional<Found> delegation(std::string_view s) {
    static constexpr std::array<std::string_view, 4> k_forms = {"delegates", "delegate", "delegated",
                                                               "delegating"};
    for (const std::string_view form : k_forms) {
        const std::size_t verb = ifind_word(s, form);
        if (verb == std::string_view::npos) continue;
        const std::size_t to = s.find(" to ", verb);
        if (to == std::string_view::npos || to - verb > 160) return std::nullopt;
        const std::size_t owner_from = to + 4;
        // The delegate ends where the power or the work begins.
        std::size_t owner_end = s.size();
        for (std::string_view end_mark : {" the authority", " authority", " to ", ",", ";", "."}) {
            const std::size_t at = s.find(end_mark, owner_from);
            if (at != std::string_view::npos) owner_end = std::min(owner_end, at);
        }
        auto owner = owner_between(s, owner_from, owner_end);
        if (!owner) {
            // "delegated to the Head of Development Management and Building Control along the
            // broad lines ...": the delegate's name is the run of capitalised words.
            std::size_t run_end = owner_from;
            for (auto w = text::next_word(s, owner_from); !w.text.empty() && w.pos < owner_end;
                 w = text::next_word(s, w.pos + w.text.size())) {
                const bool joins = w.text == "of" || w.text == "and" || w.text == "for" || w.text == "the";
                if (!text::is_capitalised(w.text) && !joins) break;
                if (!joins) run_end = w.pos + w.text.size();
            }
            if (run_end > owner_from) owner = owner_between(s, owner_from, run_end);
        }
        if (!owner) {
            // "the Cabinet Member for Social Services, Health and Housing": a portfolio list;
            // the part before its first comma names the role.
            const std::size_t comma = s.find(',', owner_from);
            if (comma != std::string_view::npos && comma < owner_end + 1) owner = owner_between(s, owner_from, comma);
        }
        if (!owner || owner->kind == OwnerKind::meeting_body) return std::nullopt;
        const std::size_t task_from = text::iequals(text::word_before(s, verb), "be")
                                          ? clause_start(s, verb)
                                          : verb;
        return Found{clean_task(s.substr(task_from)), owner->text, 0, static_cast<std::size_t>(-1), {}};
    }
    return std::nullopt;
}

// "concerns would be passed on to officers by Councillor Finch, the Lead Member": the agent
// of the passive, a person or role named after "by" within a few words of the participle.
std::optional<std::string> agent_of(std::string_view s, std::size_t participle_end) {
    const std::size_t by = s.find(" by ", participle_end);
    if (by == std::string_view::npos || by - participle_end > 40) return std::nullopt;
    const std::size_t from = by + 4;
    std::size_t end = s.size();
    for (std::string_view stop : {",", " the ", " at ", " on ", " in ", " to ", " for ", " and ", " as "}) {
        const std::size_t at = s.find(stop, from);
        if (at != std::string_view::npos) end = std::min(end, at);
    }
    while (end > from && (s[end - 1] == '.' || s[end - 1] == ';')) --end;  // "... by clerk."
    // "Past housing questionnaires will be sourced by Katherine".
    if (const std::string_view agent = trim(s.substr(from, end - from)); is_lone_given_name(agent))
        return std::string(agent);
    auto owner = owner_between(s, from, end);
    if (!owner || (owner->kind != OwnerKind::role && owner->kind != OwnerKind::person)) return std::nullopt;
    return owner->text;
}

// "the Council would work with the contractor", "the Parish Council will write to ...": a
// council is the authority as well as the meeting, and what it will do is work for its officers.
// A committee, panel or board that "would" do something is only the meeting again.
bool is_the_authority(const OwnerPhrase& owner) {
    return owner.kind == OwnerKind::meeting_body && text::iends_with(owner.text, "council");
}

// Whether the words after "to" ("RESOLVED to ...", "agreed to ...") are work to be done: a verb
// of work, "try to" one, or a paper to come ("receive a further report", "receive regular
// updates"; "receive the report" is done at the meeting).
bool is_work_infinitive(std::string_view after_to) {
    std::string_view verb = text::word_after(after_to, 0);
    if (iequals(verb, "try") && text::istarts_with(trim(after_to).substr(3), " to "))
        verb = text::word_after(after_to, static_cast<std::size_t>(verb.data() - after_to.data()) + 7);
    else if (iequals(verb, "attempt") && text::istarts_with(trim(after_to).substr(7), " to "))
        verb = text::word_after(after_to, static_cast<std::size_t>(verb.data() - after_to.data()) + 11);
    if (is_work_verb(verb)) return true;
    if (!iequals(verb, "receive")) return false;
    static constexpr std::array<std::string_view, 6> k_future_papers = {
        "a", "an", "further", "regular", "periodic", "quarterly"};
    return text::contains_ci(k_future_papers, text::word_after(after_to, text::end_of(after_to, verb)));
}

// "The Committee agreed to consider a revised draft at its next meeting", "Members agreed to
// revisit the matter at a future meeting": business the meeting puts off to a later one, which
// someone must bring back. Without the later meeting ("agreed to consider the options") it is
// the meeting's own deliberation.
bool brings_back_to_meeting(std::string_view verb, std::string_view after_to) {
    static constexpr std::array<std::string_view, 6> k_taking_up = {"consider", "reconsider", "re-consider",
                                                                    "revisit", "return", "discuss"};
    if (!text::contains_ci(k_taking_up, verb)) return false;
    const std::string_view head = after_to.substr(0, std::min<std::size_t>(after_to.size(), 120));
    for (std::string_view later : {"next meeting", "future meeting", "later meeting", "subsequent meeting",
                                   "forthcoming meeting", "next Board", "next Committee"})
        if (text::ifind(head, later) != std::string_view::npos) return true;
    return false;
}

// "It was agreed to pay both invoices", "Board agreed to sign the Maintenance Contract", "it
// was agreed to hold a further drop-in session", "to defer the appointment until July": what the
// meeting agreed to have done, which someone must now do. Read only where the meeting itself
// agreed in the narrative; "RESOLVED to replace the bench" stays a decision.
bool carries_out(std::string_view after_to) {
    static constexpr std::array<std::string_view, 7> k_carrying_out = {
        "pay", "sign", "replace", "repair", "defer", "hold", "proceed"};
    after_to = trim(after_to);
    const std::string_view verb = text::word_after(after_to, 0);
    if (brings_back_to_meeting(verb, after_to)) return true;
    if (!text::contains_ci(k_carrying_out, verb)) return false;
    // "to hold the next meeting on 5 May", "to hold its AGM on ...": a date, not work.
    if (iequals(verb, "hold")) {
        const std::string_view next = text::word_after(after_to, verb.size());
        if (iequals(next, "the") || iequals(next, "its") || iequals(next, "their")) return false;
    }
    return true;
}

// "attend the Parish Forum", "attend a site visit": a meeting elsewhere, which is work after
// this one; "attend the meeting" is this one.
bool attends_elsewhere(std::string_view task) {
    task = trim(task);
    if (!iequals(text::word_after(task, 0), "attend")) return false;
    const std::string_view object = task.substr(6);
    return !text::istarts_with(object, " the meeting") && !text::istarts_with(object, " this meeting");
}

// Looks inside a resolution for the work it directs.
std::optional<Found> directive_in_resolution(std::string_view text) {
    const std::string_view body = trim(text);
    if (text::ifind(body, "delegat") != std::string_view::npos)
        if (auto delegated = delegation(body)) return delegated;
    // "requests the Policy and Improvement Officer to investigate ...", "requests that ...".
    const std::string_view head = body.substr(0, std::min<std::size_t>(body.size(), 60));
    for (auto w = text::next_word(head, 0); !w.text.empty(); w = text::next_word(head, w.pos + w.text.size())) {
        if (!is_request_verb(w.text)) continue;
        Found f;
        f.text = clean_task(body);
        // "that the clerk would also ask the Locality Steward to investigate ...": the one who
        // asks has the work of asking, and is named before the modal.
        text::Word before = text::prev_word(body, w.pos);
        if (iequals(before.text, "also")) before = text::prev_word(body, before.pos);
        if (text::contains_ci(k_modals, before.text)) {
            std::size_t subject = 0;
            if (const std::size_t that = text::ifind_word(body, "that"); that != std::string_view::npos && that < before.pos)
                subject = that + 5;
            if (auto owner = owner_between(body, subject, before.pos); owner && owner->kind != OwnerKind::meeting_body) {
                f.owner = owner->text;
                return f;
            }
        }
        const std::size_t after = w.pos + w.text.size() + 1;
        const std::size_t to = find_by_pair(body, " to ", 1, after);
        if (to != std::string_view::npos && !text::istarts_with(body.substr(after), "that "))
            if (auto owner = owner_between(body, after, to); owner && owner->kind != OwnerKind::meeting_body)
                f.owner = owner->text;
        return f;
    }
    for (std::size_t at = ifind_word(body, "be"); at != std::string_view::npos;
         at = ifind_word(body, "be", at + 1)) {
        const std::string_view participle = text::word_after(body, at + 2);
        // "that the Executive be advised of the Committee's views": someone must tell them. (Not
        // in the list: "date to be advised" means not yet known.) "that a meeting be held with
        // Committee Members to consider ...": a meeting with someone is arranged ("the next
        // meeting be held on ..." is not work).
        const bool held_with = iequals(participle, "held") &&
                               iequals(text::word_after(body, text::end_of(body, participle)), "with");
        // "that a Cabinet Task Group be set up and led by the Portfolio Holder" ("be set at £50"
        // fixes a figure).
        const bool set_up = iequals(participle, "set") &&
                            iequals(text::word_after(body, text::end_of(body, participle)), "up");
        // "that the matter be re-considered at a future meeting": business brought back, as
        // "agreed to consider ... at its next meeting" is.
        if (!is_directive_participle(participle) && !iequals(participle, "advised") && !held_with && !set_up &&
            !(text::iends_with(participle, "ed") &&
              brings_back_to_meeting(participle.substr(0, participle.size() - 2),
                                     body.substr(text::end_of(body, participle)))))
            continue;
        // "that the Office Manager carries out an audit to be brought back to ...": a purpose
        // clause; the direction is the main verb's (read below).
        if (iequals(text::word_before(body, at), "to")) continue;
        // "the Chair be authorised to sign them": the minutes are signed at the meeting.
        {
            const std::size_t participle_end = text::end_of(body, participle);
            if (text::istarts_with(trim(body.substr(participle_end)), "to sign")) continue;
            // "that the payments listed below be authorised": the decision itself; only "be
            // authorised to ..." hands someone work.
            if ((iequals(participle, "authorised") || iequals(participle, "authorized")) &&
                !text::istarts_with(trim(body.substr(participle_end)), "to "))
                continue;
        }
        Found f;
        const std::size_t start = clause_start(body, at);
        f.text = clean_task(body.substr(start));
        if (text::contains_ci(k_request_participles, participle) && !iequals(participle, "invited")) {
            if (auto owner = owner_between(body, start, at); owner && owner->kind != OwnerKind::meeting_body)
                f.owner = owner->text;
        } else {
            // "that the Constitution be amended by the Monitoring Officer".
            f.owner = agent_of(body, text::end_of(body, participle));
        }
        return f;
    }
    // "that arrangements for future evidence gathering interviews are made": the present tense
    // some councils direct work in, after "that" ("the accounts are approved" is the decision).
    for (const std::string_view auxiliary : {"are", "is"}) {
        for (std::size_t at = ifind_word(body, auxiliary); at != std::string_view::npos;
             at = ifind_word(body, auxiliary, at + 1)) {
            const std::string_view participle = text::word_after(body, at + auxiliary.size());
            if (!is_directive_participle(participle) || text::contains_ci(k_request_participles, participle))
                continue;
            // The clause's own "that", after no report of a fact ("it is noted that the scheme
            // is completed" states one).
            const std::size_t that = text::ifind_last_word(body.substr(0, at), "that");
            if (that == std::string_view::npos) continue;
            const std::string_view reporting = text::word_before(body, that);
            static constexpr std::array<std::string_view, 5> k_deciding = {"agreed", "resolved", "requested",
                                                                          "recommended", "decided"};
            if (text::iends_with(reporting, "ed") && !text::contains_ci(k_deciding, reporting)) continue;
            const std::size_t start = std::max(clause_start(body, at), that + 5);
            return Found{clean_task(body.substr(start)), agent_of(body, text::end_of(body, participle)), 0,
                         static_cast<std::size_t>(-1), {}};
        }
    }
    // "that the Clerk write to the Secretary of State": a subjunctive direction to a named owner;
    // in a numbered sub-resolution the "that" may be in the lead-in ("(e) the Director write to").
    std::vector<std::size_t> subject_starts;
    if (text::istarts_with(body, "the ")) subject_starts.push_back(0);
    for (std::size_t that = text::ifind_word(body, "that"); that != std::string_view::npos;
         that = text::ifind_word(body, "that", that + 1))
        subject_starts.push_back(that + 5);
    for (const std::size_t np : subject_starts) {
        if (np >= body.size()) continue;
        const std::string_view clause = body.substr(np, std::min<std::size_t>(body.size() - np, 120));
        // Words 1 to 9 of the clause (word 0 starts the subject).
        auto w = text::next_word(clause, 0);
        if (!w.text.empty()) w = text::next_word(clause, w.pos + w.text.size());
        for (std::size_t k = 1; !w.text.empty() && k < 10; ++k, w = text::next_word(clause, w.pos + w.text.size())) {
            const std::string_view verb = w.text;
            if (!text::is_lower(verb[0]) || verb == "of" || verb == "and" || verb == "for" || verb == "the")
                continue;
            // "that Councillor Rajawat should liaise with Councillor Kaur": "should" directs a
            // named officer or member as the bare verb does; a body that "should" is advice.
            if (verb == "should") {
                const auto owner = owner_between(body, np, np + w.pos);
                if (owner && (owner->kind == OwnerKind::role || owner->kind == OwnerKind::person) &&
                    is_work_verb(text::word_after(clause, text::end_of(clause, verb))))
                    return Found{clean_task(body.substr(np)), owner->text, 0, static_cast<std::size_t>(-1), {}};
                break;
            }
            // A past tense is a statement ("proceed" and "succeed" only look like one).
            if (is_not_subjunctive(verb) || (text::iends_with(verb, "ed") && !text::iends_with(verb, "ceed")))
                break;
            // "that the Authority formally welcome Councillor X", "record its thanks": the decision
            // is the gesture itself.
            if (text::contains_ci(k_gesture_verbs, verb)) break;
            // "that the Chairman sign them": the minutes are signed at the meeting.
            if (verb == "sign" || verb == "signs") break;
            auto owner = owner_between(body, np, np + w.pos);
            // "that the area office write ...": a lower-case word may still be describing the
            // subject rather than be its verb.
            if (!owner && k <= 2) continue;
            // "that the Lead Members for the groups be ...": a name cut off at a small word is not
            // the subject, and "groups" not its verb.
            if (owner) {
                const std::string_view last = text::prev_word(owner->text, owner->text.size()).text;
                if (last == "the" || last == "of" || last == "for" || last == "and") continue;
            }
            // "that the Parish Council proceed with the purchase": a council is the authority.
            if (!owner || (owner->kind == OwnerKind::meeting_body && !is_the_authority(*owner))) break;
            return Found{clean_task(body.substr(np)), owner->text, 0, static_cast<std::size_t>(-1), {}};
        }
    }
    // "It was resolved for the Clerk to write to the Police": the owner before the infinitive.
    if (text::istarts_with(body, "for ")) {
        const std::size_t to = find_by_pair(body, " to ", 1);
        if (to != std::string_view::npos && to < 60) {
            if (auto owner = owner_between(body, 4, to); owner && (owner->kind != OwnerKind::meeting_body || is_the_authority(*owner)))
                return Found{clean_task(body.substr(to + 4)), owner->text, 0, static_cast<std::size_t>(-1), {}};
            // "for the committee to determine and mark out the boundary": the meeting's own work,
            // however it is written.
            std::string_view who = trim(body.substr(4, to - 4));
            if (text::istarts_with(who, "the ")) who.remove_prefix(4);
            static constexpr std::array<std::string_view, 6> k_meetings = {
                "committee", "council", "panel", "board", "group", "working group"};
            if (text::contains_ci(k_meetings, who) || classify_owner(who) == OwnerKind::meeting_body)
                return Found{clean_task(body.substr(to + 4)), std::string(who), 0, static_cast<std::size_t>(-1), {}};
        }
    }
    // "RESOLVED to obtain three quotes ...": an infinitive of work to be done; "to reject the
    // applications and to serve a counter notice": the work may be the second.
    if (text::istarts_with(body, "to ")) {
        if (is_work_infinitive(body.substr(3))) return Found{clean_task(body), std::nullopt, 0, static_cast<std::size_t>(-1), {}};
        const std::size_t and_to = text::ifind(body, " and to ");
        if (and_to != std::string_view::npos && is_work_infinitive(body.substr(and_to + 8)))
            return Found{clean_task(body.substr(and_to + 5)), std::nullopt, 0, static_cast<std::size_t>(-1), {}};
    }
    // "RESOLVED Councillor Gritton to purchase the camera": an owner, then an infinitive of work.
    if (const std::size_t to = find_by_pair(body, " to ", 1); to != std::string_view::npos && to < 60) {
        if (auto owner = owner_between(body, 0, to);
            owner && owner->begin <= 4 && (owner->kind == OwnerKind::role || owner->kind == OwnerKind::person) &&
            is_work_verb(text::word_after(body, to + 4)))
            return Found{clean_task(body.substr(to + 4)), owner->text, 0, static_cast<std::size_t>(-1), {}};
    }
    const std::size_t report = text::ifind(body, "report back");
    if (report != std::string_view::npos) return Found{clean_task(body), std::nullopt, 0, static_cast<std::size_t>(-1), {}};
    return std::nullopt;
}

// "ii Resignation of M. Clarke", "(b) Surgery Sessions": a sub-item's label (lower-case roman
// numerals or one letter, in brackets or not) taken off.
std::string_view strip_sub_label(std::string_view s) {
    s = trim(s);
    const std::size_t space = s.find(' ');
    if (space == std::string_view::npos || space > 6) return s;
    std::string_view label = s.substr(0, space);
    while (!label.empty() && (label.front() == '(')) label.remove_prefix(1);
    while (!label.empty() && (label.back() == ')' || label.back() == '.')) label.remove_suffix(1);
    const bool roman = !label.empty() && label.find_first_not_of("ivx") == std::string_view::npos;
    const bool letter = label.size() == 1 && text::is_lower(label[0]);
    return roman || letter ? trim(s.substr(space)) : s;
}

// "... - Completed", "... (Done)": a task whose entry ends with a status of done.
bool marked_done(std::string_view task) {
    task = trim(task);
    while (!task.empty() && (task.back() == '.' || task.back() == ')')) task.remove_suffix(1);
    const std::string_view last = text::prev_word(task, task.size()).text;
    static constexpr std::array<std::string_view, 4> k_done = {"completed", "complete", "done", "closed"};
    if (!text::contains_ci(k_done, last)) return false;
    const std::string_view before = trim(task.substr(0, static_cast<std::size_t>(last.data() - task.data())));
    return !before.empty() && (before.back() == '-' || before.back() == '(');
}

// "collated and brought back", "noted and rectified": the word after "and" when one follows
// `participle` (a view into `s`); empty otherwise.
std::string_view participle_after_and(std::string_view s, std::string_view participle) {
    const std::size_t after = text::end_of(s, participle);
    return iequals(text::word_after(s, after), "and") ? text::word_after(s, after + 4) : std::string_view{};
}

// "Cllr Green should take the Chair": done at the meeting itself. `verb` is a view into `s`.
bool takes_the_chair(std::string_view s, std::string_view verb) {
    if (!iequals(verb, "take")) return false;
    const std::size_t after = text::end_of(s, verb);
    return text::istarts_with(trim(s.substr(after)), "the chair");
}

// Whether the verb whose leading space is at `at` continues a decision written as infinitives:
// "To support the principle ... and ask the Office to ...", "2. To ask the Board to ...".
bool is_decision_infinitive(std::string_view s, std::size_t at) {
    std::string_view head = s;
    if (const auto labelled = split_list_label(head)) head = labelled->rest;
    if (!text::istarts_with(head, "to ")) return false;
    const std::string_view before = text::word_before(s, at + 1);
    return iequals(before, "to") || iequals(before, "and");
}


// "Carole Burgoyne and Ross Jago", "TD & AV", "S Henchie": one or two people written as names
// or initials, each two or three capitalised words or one block of 2-3 capitals.
bool names_people(std::string_view phrase) {
    phrase = trim(phrase);
    if (phrase.empty() || find_first_of_bytes(phrase, ",:;()") != std::string_view::npos) return false;
    // "Trees - to ask the tree surgeon": a heading and its dash (a hyphen inside a name,
    // "Lawrence-Orumwense", has no space before it).
    if (phrase.back() == '-' || phrase.find(" -") != std::string_view::npos) return false;
    // "The Parish Council to write": the meeting, not people.
    if (classify_owner(phrase) == OwnerKind::meeting_body) return false;
    std::vector<std::vector<std::string_view>> people(1);
    for (auto w = text::next_word(phrase, 0); !w.text.empty(); w = text::next_word(phrase, w.pos + w.text.size())) {
        if (w.text == "and") {
            people.emplace_back();
            continue;
        }
        if (!text::is_capitalised(w.text)) return false;
        people.back().push_back(w.text);
    }
    // "&" and "/" are not word characters: split on them by position ("Sharon Donnelly / George
    // Westcott to attend").
    std::size_t joined_at = phrase.find(" & ");
    if (joined_at == std::string_view::npos) joined_at = phrase.find(" / ");
    if (people.size() == 1 && joined_at != std::string_view::npos) {
        people.clear();
        for (std::string_view part : {phrase.substr(0, joined_at), phrase.substr(joined_at + 3)}) {
            people.emplace_back();
            for (const auto& w : text::words(part)) people.back().push_back(w.text);
        }
    }
    if (people.size() > 2) return false;
    // "Claire to send the quotes to the Clerk", "Diane and Elen to draft a letter": parish
    // minutes name people by first name. Not a capitalised word that opens a note ("Need to
    // establish the landowner").
    static constexpr std::array<std::string_view, 12> k_not_names = {
        "need", "needs", "due", "time", "plans", "work", "agreed", "decided", "unable", "able", "nothing", "decision"};
    // Nor an adverb ("Regularly to monitor the budget").
    const auto first_name = [](std::string_view w) {
        return !text::is_all_caps(w) && !classify_owner(w) && !text::contains_ci(k_not_names, w) &&
               !(w.size() > 4 && text::iends_with(w, "ly"));
    };
    bool first_names = true;
    for (const auto& person : people) first_names &= person.size() == 1 && first_name(person[0]);
    if (first_names) return true;
    for (const auto& person : people) {
        const bool initials = person.size() == 1 && person[0].size() >= 2 && person[0].size() <= 3 &&
                              text::is_all_caps(person[0]);
        const bool name = person.size() >= 2 && person.size() <= 3 && !text::is_all_caps(person.back());
        if (!initials && !name) return false;
    }
    return true;
}

// The initials that end `s` ("Water tank IJ" -> "IJ", "... poor state TD & AV"): community-council
// notes put the owner's initials straight after an unpunctuated heading. Empty when `s` does
// not end in initials.
std::string_view trailing_initials(std::string_view s) {
    s = trim(s);
    std::size_t start = s.size();
    std::size_t end = s.size();
    bool need_initials = true;  // the phrase must start and end with initials, not a joiner
    while (end > 0) {
        const std::size_t space = s.rfind(' ', end - 1);
        const std::size_t token_start = space == std::string_view::npos ? 0 : space + 1;
        const std::string_view token = s.substr(token_start, end - token_start);
        if (need_initials && text::is_initials(token)) {
            start = token_start;
            need_initials = false;
        } else if (!need_initials && (token == "&" || token == "and")) {
            need_initials = true;
        } else {
            break;
        }
        if (space == std::string_view::npos) break;
        end = space;
    }
    return start == s.size() ? std::string_view{} : s.substr(start);
}

// The initials that end `head`, when `head` is short enough to be a note's heading and subject
// (at most `max_words` words): "Water tank IJ" before "will", "It was agreed that IM would".
std::string_view initials_subject(std::string_view head, std::size_t max_words) {
    const std::string_view initials = trailing_initials(head);
    if (initials.empty()) return {};
    std::size_t words = 0;
    for (auto w = text::next_word(head, 0); !w.text.empty(); w = text::next_word(head, w.pos + w.text.size()))
        if (++words > max_words) return {};
    return initials;
}

// "Democratic Services", "the Parish Office", "Highways Department": a unit of officers, which
// can own work but is never what "he" or "she" stands for.
bool names_a_unit(std::string_view owner) {
    static constexpr std::array<std::string_view, 6> k_units = {"services", "service", "office",
                                                                "department", "directorate", "team"};
    return text::contains_ci(k_units, text::prev_word(owner, owner.size()).text);
}

// The nearest owner named before a pronoun in the same sentence: "the Chair confirmed that he
// would ...". Only a single candidate counts; otherwise the pronoun stays unresolved.
std::optional<std::string> resolve_pronoun(std::string_view sentence, std::size_t pronoun_at) {
    std::optional<std::string> nearest;
    const auto ws = text::words(sentence.substr(0, pronoun_at));
    for (std::size_t k = ws.size(); k-- > 0;) {
        const std::size_t end = ws[k].pos + ws[k].text.size();
        // Lower case only for a role word: "The commissioner is hopeful that he will ...".
        if (!text::is_capitalised(ws[k].text) && classify_owner(ws[k].text) != OwnerKind::role)
            continue;
        // "he" and "she" are people: a unit ("Children's Services", "the Clerk's Office") is not
        // who they mean.
        if (auto owner = owner_before(sentence, end);
            owner && owner->kind != OwnerKind::meeting_body && !names_a_unit(owner->text)) {
            nearest = owner->text;
            break;
        }
        // "Uttam Gujral advised that she would ask ...": a name without a title, as the
        // speaker of the clause the pronoun is in.
        static constexpr std::array<std::string_view, 7> k_reporting = {
            "advised", "said", "explained", "confirmed", "stated", "reported", "indicated"};
        if (k >= 1 && k + 1 < ws.size() && text::contains_ci(k_reporting, ws[k + 1].text) &&
            text::is_capitalised(ws[k - 1].text)) {
            const std::string_view name = sentence.substr(ws[k - 1].pos, end - ws[k - 1].pos);
            if (names_people(name)) {
                nearest = std::string(name);
                break;
            }
        }
        // "JO apologised and said she would send it out": initials, as notes name people, as the
        // subject of a verb. Two letters only: three are as often a body ("the LGA said it would").
        if (k + 1 < ws.size() && ws[k].text.size() == 2 && text::is_initials(ws[k].text) &&
            text::is_lower(ws[k + 1].text.front())) {
            nearest = std::string(ws[k].text);
            break;
        }
    }
    return nearest;
}

// "An update on ... will be provided": the agenda announcing what the meeting will hear.
bool is_agenda_preview(std::string_view clause) {
    static constexpr std::array<std::string_view, 5> k_nouns = {"update", "presentation", "introduction", "overview", "report"};
    static constexpr std::array<std::string_view, 5> k_before = {"a", "an", "the", "verbal", "brief"};
    const std::string_view head = clause.substr(0, std::min<std::size_t>(clause.size(), 80));
    std::string_view before;
    std::size_t k = 0;
    for (auto w = text::next_word(head, 0); !w.text.empty() && k < 8; w = text::next_word(head, w.pos + w.text.size()), ++k) {
        // A noun after an article ("an update", "a verbal update"), not the verb "report".
        if (text::contains_ci(k_nouns, w.text) && (k == 0 || text::contains_ci(k_before, before))) return true;
        before = w.text;
    }
    return false;
}

// What follows "update" names the meeting or its members ("update the Committee", "update
// Members on progress", "update the meeting"): news given at the meeting, not work after it.
bool updates_the_meeting(std::string_view object) {
    object = trim(object);
    if (text::istarts_with(object, "the ")) object = trim(object.substr(4));
    const std::string_view first = text::word_after(object, 0);
    static constexpr std::array<std::string_view, 12> k_audiences = {
        "committee", "members", "meeting", "board", "panel", "council", "councillors", "group",
        "forum", "everyone", "all", "governors"};
    return object.empty() || text::contains_ci(k_audiences, first);
}

class NarrativeReader {
public:
    explicit NarrativeReader(std::vector<Found>& out) : m_out(out) {}

    // Starts a new paragraph: a pronoun never reaches back past it.
    // `previous` is the paragraph before the new one, in the same item ("" for the first).
    void new_paragraph(std::string_view previous = {}) {
        m_previous_sentence = {};
        m_earlier_sentences.clear();
        m_carried_subject.reset();
        m_last_paragraph = previous;
    }

    // Commitments reported inside a resolution: "(iv) to note that the Convener would write to ...".
    void read_resolution_text(std::string_view s, std::size_t offset, const std::string& item) {
        m_offset = offset;
        m_item = item;
        m_sentence = s;
        m_hits.collect(sentence_keywords(), s);
        if (!commitment(s)) modal(s);
    }

    void read_sentence(std::string_view s, std::size_t offset, const std::string& item) {
        // "RESOLUTION: Clerk to contact the Primary School": a label (not one of the contract's
        // keywords) before an entry that reads as any other.
        if (s.size() > 12 && (s[0] == 'R' || s[0] == 'r') && text::istarts_with(s, "resolution:")) {
            const std::string_view rest = trim(s.substr(11));
            offset += static_cast<std::size_t>(rest.data() - s.data());
            s = rest;
        }
        // "18.4 Clerk to produce the agenda", "(v) Development Governor to update ...": a minute's
        // number before the entry.
        const std::size_t label = leading_number_label(s);
        if (label > 0) {
            offset += label;
            s = s.substr(label);
        }
        m_after_number_label = label > 0;
        // "NC will contact Tim to discuss. [Action NC]", "Tap in Garage - No updates [Action NC]":
        // an action log's marker at the end names who owns the sentence's work, or makes the
        // line a task of its own when nothing else in it reads as one.
        std::optional<std::string> marked_owner;
        if (const auto marker = trailing_action_marker(s)) {
            marked_owner = std::string(marker->owner);
            s = marker->before;
        }
        const std::size_t found_before = m_out.size();
        read_patterns(s, offset, item, true);
        if (marked_owner) {
            if (m_out.size() == found_before) {
                add(std::string(s), marked_owner);
                if (m_out.size() > found_before) m_out.back().logged = true;
            }
            // The marker follows the sentence's last task: "agreed that we will go for 28th
            // October and NC will speak to Russell accordingly. [Action NC]" marks NC's, and
            // gives nobody's to anyone else.
            const bool named = std::any_of(m_out.begin() + static_cast<std::ptrdiff_t>(found_before), m_out.end(),
                                           [&](const Found& f) { return f.owner == marked_owner; });
            if (!named && m_out.size() > found_before && !m_out.back().owner) m_out.back().owner = marked_owner;
        }
        // "Cllr. Watt stated ... He suggested ... He will instigate the payment": a sentence
        // that opens with a pronoun passes on the person it means. Worked out only for such
        // sentences, which are few. (Their first letter, an 'h' or an 's', is looked at before
        // the word is taken out.)
        const std::size_t opening = text::skip_spaces(s, 0);
        const char initial = opening < s.size() ? text::to_lower(s[opening]) : '\0';
        if ((initial == 'h' || initial == 's') && is_pronoun(text::word_after(s, opening))) {
            if (auto subject = pronoun_owner(s, 0)) m_carried_subject = std::move(subject);
        } else {
            m_carried_subject.reset();
        }
        if (!m_previous_sentence.empty()) m_earlier_sentences.push_back(m_previous_sentence);
        m_previous_sentence = s;
        m_previous_offset = offset;
    }

private:
    struct ActionMarker {
        std::string_view before;  // the sentence without the marker
        std::string_view owner;   // "NC", "PA/HA", "Clerk"
    };

    // "Clerk to the Board/Acting Chief Officer, Circular Economy" after "Action:": a role's full
    // title, every word capitalised but the little ones, with no verb to make it a task. ("Clerk
    // to the Board" is a title, not the Clerk's task.)
    static bool is_title_cased_role(std::string_view s) {
        if (s.size() > 90 || !text::is_upper(s.front())) return false;
        // The title starts with a role ("Clerk", "Head of ...").
        const text::Word first = text::next_word(s, 0);
        const auto role = owner_between(s, 0, first.pos + first.text.size());
        if (!role || role->kind != OwnerKind::role) return false;
        static constexpr std::array<std::string_view, 6> k_little = {"of", "the", "to", "and", "for", "&"};
        std::size_t words = 0;
        for (auto w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size())) {
            if (++words > 12) return false;
            if (!text::is_upper(w.text.front()) && !text::contains_ci(k_little, w.text)) return false;
        }
        return words >= 3;
    }

    // "Action - Chaz", "Action Lloyd": after an action label, one capitalised word that is not a
    // status ("Complete", "Ongoing") nor an instruction ("Write") is the owner's name, however
    // unusual.
    static bool is_lone_name_after_label(std::string_view who) {
        if (who.size() < 3 || who.size() > 14 || !text::is_upper(who.front())) return false;
        for (char c : who.substr(1))
            if (!text::is_lower(c)) return false;
        // (Nor a table's heading: "Action Who Item Discussion".)
        static constexpr std::array<std::string_view, 22> k_statuses = {
            "complete", "completed", "done", "ongoing", "none", "closed", "open", "noted", "pending",
            "agreed", "outstanding", "cleared", "carried", "deferred", "discharged", "all",
            "who", "owner", "status", "lead", "date", "by"};
        return !text::contains_ci(k_statuses, who) && !is_work_verb(who) && !is_request_verb(who);
    }

    // Whether `who` is an owner and nothing else: a role, body or person phrase that covers all
    // of it ("CLERK", "Director of Housing"), or initials ("JB", "HP and GC").
    static bool is_owner_alone(std::string_view who) {
        const auto o = owner_between(who, 0, who.size());
        return (o && o->begin == 0 && o->text.size() == who.size()) || trailing_initials(who) == who;
    }

    // "[Action NC]", "(Action: Clerk)", "[action PA]" closing a sentence.
    static std::optional<ActionMarker> trailing_action_marker(std::string_view s) {
        s = trim(s);
        while (!s.empty() && (s.back() == '.' || s.back() == ';')) s.remove_suffix(1);
        if (s.size() < 10 || (s.back() != ']' && s.back() != ')')) return std::nullopt;
        const std::size_t open = s.find_last_of(s.back() == ']' ? '[' : '(');
        if (open == std::string_view::npos || s.size() - open > 40) return std::nullopt;
        std::string_view inner = trim(s.substr(open + 1, s.size() - open - 2));
        if (!text::istarts_with(inner, "action ") && !text::istarts_with(inner, "action:")) return std::nullopt;
        inner = trim(inner.substr(7));
        if (!inner.empty() && (inner.front() == ':' || inner.front() == '-')) inner = trim(inner.substr(1));
        if (inner.empty() || !text::is_upper(inner.front()) || text::has_more_words_than(inner, 4)) return std::nullopt;
        std::string_view before = trim(s.substr(0, open));
        while (!before.empty() && (before.back() == '.' || before.back() == ',')) before.remove_suffix(1);
        if (before.empty()) return std::nullopt;
        return ActionMarker{before, inner};
    }

    // "Residents", "Parents", "Volunteers" are plurals; "Flis", "Douglas", "Thomas" are not.
    static bool plural(std::string_view word) {
        return text::iends_with(word, "s") && !text::iends_with(word, "is") && !text::iends_with(word, "as") &&
               !text::iends_with(word, "us");
    }

    // One word that can only be a person's given name: what names_people() takes for a first
    // name, one word of letters, and not a pronoun or other sentence opener or a plural
    // ("Residents", "Parents"), which at the start of a sentence look the same.
    static bool lone_given_name(std::string_view word) {
        static constexpr std::array<std::string_view, 16> k_openers = {
            "it", "this", "that", "they", "we", "everyone", "everybody", "all", "both", "nobody",
            "someone", "somebody", "one", "each", "either", "neither"};
        return word.size() >= 3 && std::all_of(word.begin(), word.end(), text::is_alpha) && !plural(word) &&
               !text::contains_ci(k_openers, word) && names_people(word);
    }

    // The length of a number label and the space after it ("18.4 ", "4. ", "(v) ", "3) ", "a) ") when
    // a capitalised word follows; 0 otherwise. A bare number ("3 Councillors") is a count.
    static std::size_t leading_number_label(std::string_view s) {
        if (s.empty()) return 0;
        std::size_t k = 0;
        bool label = false;
        if (s[0] == '(') {
            k = s.find(')');
            if (k == std::string_view::npos || k > 5) return 0;
            ++k;
            label = true;
        } else if (text::is_lower(s[0])) {
            // "a) Clerk to contact ...", "iv) ...": lower-case letters and a bracket.
            while (k < s.size() && k < 4 && text::is_lower(s[k])) ++k;
            if (k >= s.size() || s[k] != ')') return 0;
            ++k;
            label = true;
        } else {
            while (k < s.size() && (text::is_digit(s[k]) || s[k] == '.')) {
                label |= s[k] == '.';
                ++k;
            }
            if (k == 0 || !text::is_digit(s[0])) return 0;
            if (k < s.size() && s[k] == ')') {
                ++k;
                label = true;
            }
        }
        if (!label || k + 1 >= s.size() || s[k] != ' ' || !text::is_upper(s[k + 1])) return 0;
        return k + 1;
    }

    bool has_undertaking_word() const {
        for (std::size_t k : {kw_would, kw_will, kw_commit_agreed, kw_commit_offered, kw_commit_undertook,
                              kw_commit_volunteered, kw_was_asked_to, kw_were_asked_to})
            if (m_hits.any(k)) return true;
        return false;
    }

    // Where a second undertaking begins: " and " (or ", and "), a subject of one to four words
    // that starts with a capital ("AT", "the Clerk", "Cllr Smith"), and an undertaking verb
    // ("offered to", "agreed to", "would", "will" ...), after a first part that is a clause of
    // its own: an undertaking or a verb ("The group noted that Dave had failed to attend and
    // Janet was asked to write to him"), so "the Clerk and Cllr Smith would ..." is one subject.
    // npos when there is none.
    static std::size_t second_undertaking(std::string_view s) {
        // Whether the words from `w` on start an undertaking: "would", "will", "agreed to",
        // "offered to", "undertook to", "volunteered to", "was asked to", "is to".
        auto starts_undertaking = [](std::string_view text, const text::Word& w) {
            static constexpr std::array<std::string_view, 4> k_to_verbs = {"agreed", "offered", "undertook", "volunteered"};
            if (iequals(w.text, "would") || iequals(w.text, "will")) return true;
            const text::Word next = text::next_word(text, w.pos + w.text.size());
            if (text::contains_ci(k_to_verbs, w.text) || iequals(w.text, "is")) return iequals(next.text, "to");
            if (iequals(w.text, "was") || iequals(w.text, "were"))
                return iequals(next.text, "asked") && iequals(text::next_word(text, next.pos + next.text.size()).text, "to");
            return false;
        };
        auto undertakes = [&](std::string_view text) {
            for (auto w = text::next_word(text, 0); !w.text.empty(); w = text::next_word(text, w.pos + w.text.size()))
                if (starts_undertaking(text, w)) return true;
            return false;
        };
        auto has_verb = [](std::string_view text) {
            static constexpr std::array<std::string_view, 10> k_verbs = {
                "had", "has", "have", "is", "are", "was", "were", "said", "noted", "agreed"};
            for (auto w = text::next_word(text, 0); !w.text.empty(); w = text::next_word(text, w.pos + w.text.size()))
                if (text::contains_ci(k_verbs, w.text) ||
                    (w.text.size() > 4 && text::is_lower(w.text.front()) && w.text.ends_with("ed")))
                    return true;
            return false;
        };
        // Cheapest tests first: most sentences have an " and " but few a named second subject.
        // (Searched as "and " with the space before checked: a search led by a space stops at
        // every word.)
        for (std::size_t word_at = find_by_pair(s, "and ", 1); word_at != std::string_view::npos;
             word_at = find_by_pair(s, "and ", 1, word_at + 1)) {
            if (word_at == 0 || s[word_at - 1] != ' ') continue;
            const std::size_t and_at = word_at - 1;  // at the space, as " and "
            const std::string_view rest = s.substr(and_at + 5);
            const std::string_view next = text::word_after(rest, 0);
            if (next.empty() || (!text::is_capitalised(next) && !iequals(next, "the"))) continue;
            // The subject, word by word: capitalised names (after an optional "the", with "of"
            // inside), one to four of them, then an undertaking ("and AT offered to", not "and the
            // plan it would").
            std::size_t names = 0;
            bool undertaking = false;
            for (auto w = text::next_word(rest, 0); !w.text.empty() && names <= 4; w = text::next_word(rest, w.pos + w.text.size())) {
                if (names > 0 && starts_undertaking(rest, w)) {
                    undertaking = true;
                    break;
                }
                if (names == 0 && iequals(w.text, "the")) continue;
                if (!text::is_capitalised(w.text) && w.text != "of") break;
                ++names;
            }
            if (!undertaking) continue;
            const std::string_view first = s.substr(0, and_at);
            if (text::count_words(first, 5) < 5 || (!undertakes(first) && !has_verb(first))) continue;
            // "It was agreed that Councillor McCracken and the Project Director would meet": the
            // clause just before " and " is only a name, so the two share the undertaking.
            std::size_t clause = 0;
            for (std::string_view opener : {"that ", ", ", "; "})
                if (const std::size_t at = first.rfind(opener); at != std::string_view::npos)
                    clause = std::max(clause, at + opener.size());
            const std::string_view last_clause = first.substr(clause);
            if (!undertakes(last_clause) && !has_verb(last_clause)) continue;
            return and_at + 5;
        }
        return std::string_view::npos;
    }

    // "TM asked AR how many more meetings he would attend": a question put to someone by name,
    // the question word within a few words of "asked".
    bool asks_someone_a_question(std::string_view s) const {
        static constexpr std::array<std::string_view, 8> k_question_words = {
            "how", "whether", "if", "what", "when", "why", "which", "who"};
        for (std::size_t at = m_hits.first(kw_object_asked); at != KeywordHits::npos; at = m_hits.first(kw_object_asked, at + 1)) {
            std::size_t k = 0;
            for (auto w = text::next_word(s, at + 7); !w.text.empty() && k < 4; w = text::next_word(s, w.pos + w.text.size()), ++k) {
                if (iequals(w.text, "to") || iequals(w.text, "for") || iequals(w.text, "that")) break;
                if (k > 0 && text::contains_ci(k_question_words, w.text)) return true;
            }
        }
        return false;
    }

    // `whole`: a whole sentence, which may hold two people's undertakings.
    void read_patterns(std::string_view s, std::size_t offset, const std::string& item, bool whole = false) {
        m_offset = offset;
        m_item = item;
        m_sentence = s;
        // Questions put at the meeting are not commitments: "asked whether officers would ...".
        if (!s.empty() && s.back() == '?') return;
        m_hits.collect(sentence_keywords(), s);
        if (m_hits.any_in(kw_asked_whether, kw_was_asked_whether)) return;
        if (asks_someone_a_question(s)) return;
        // "MP agreed to bring this up at the Parish Council and AT offered to write to the
        // clerk": two people's undertakings in one sentence are read one at a time. Looked for
        // only where the sentence has an undertaking at all (its keywords say so).
        if (whole && has_undertaking_word()) {
            if (const std::size_t second = second_undertaking(s); second != std::string_view::npos) {
                read_patterns(s.substr(0, second), offset, item);
                const std::string_view rest = trim(s.substr(second));
                read_patterns(rest, offset + static_cast<std::size_t>(rest.data() - s.data()), item);
                return;
            }
        }
        const std::size_t first_of_sentence = m_out.size();
        read_first_pattern(s);
        // Reported work under way often shares a sentence with another undertaking ("X
        // explained that he was currently exploring ..., and the Chair confirmed that he would
        // pursue ..."), so it is read whatever else the sentence gave.
        work_in_progress(s, first_of_sentence);
    }

    void read_first_pattern(std::string_view s) {
        if (action_line(s)) return;
        if (request_made_for(s)) return;
        if (delegated_decision(s)) return;
        if (agreed_that(s)) return;
        if (commitment(s)) return;
        if (modal(s)) return;
        if (passive_modal(s)) return;
        if (request_for_report(s)) return;
        if (requested_direction(s)) return;
        if (deferred_entry(s)) return;
        if (unmarked_resolution(s)) return;
        action_list_entry(s);
    }

    // "The Head of Housing, Mrs T. Garland, agreed to ...": the named owner a sentence opens with.
    static std::optional<std::string> sentence_subject(std::string_view s) {
        if (auto subject = sentence_subject_at(s)) return subject;
        // "8.2 School Transport Issue - The Chairman explained ...": the sentence after its heading.
        const std::size_t dash = s.substr(0, std::min<std::size_t>(s.size(), 100)).find(" - ");
        return dash == std::string_view::npos ? std::nullopt : sentence_subject_at(s.substr(dash + 3));
    }

    static std::optional<std::string> sentence_subject_at(std::string_view s) {
        std::size_t end = 0;
        for (auto w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size())) {
            const bool joiner = w.text == "of" || w.text == "and" || w.text == "for" || w.text == "the";
            if (!text::is_capitalised(w.text) && !joiner) break;
            // "School Transport Issue - The Chairman": a heading's dash ends the run of names.
            if (end > 0 && s.substr(end, w.pos - end).find_first_not_of(" .,") != std::string_view::npos) break;
            end = w.pos + w.text.size();
        }
        if (end == 0) return std::nullopt;
        auto owner = owner_between(s, 0, end);
        if (!owner || (owner->kind != OwnerKind::role && owner->kind != OwnerKind::person)) return std::nullopt;
        return owner->text;
    }

    // The person or officer a sentence opens with, however written ("The clerk is ...", "Cllr
    // Nicholson had attended ..."): the longest of its first few words that names one.
    static std::optional<std::string> opening_owner(std::string_view s) {
        std::optional<std::string> found;
        std::size_t k = 0;
        for (auto w = text::next_word(s, 0); !w.text.empty() && k < 6; w = text::next_word(s, w.pos + w.text.size()), ++k) {
            auto owner = owner_between(s, 0, w.pos + w.text.size());
            if (owner && owner->begin <= 4 && (owner->kind == OwnerKind::role || owner->kind == OwnerKind::person))
                found = owner->text;
            else if (found)
                break;
        }
        return found;
    }

    // A pronoun's owner: someone named earlier in the sentence, else the previous sentence's subject.
    std::optional<std::string> pronoun_owner(std::string_view s, std::size_t pronoun_at) const {
        if (auto owner = resolve_pronoun(s, pronoun_at)) return owner;
        // Worked out only now: few sentences need it, and it costs an owner classification.
        if (m_previous_sentence.empty()) return std::nullopt;
        if (auto subject = sentence_subject(m_previous_sentence)) return subject;
        if (m_carried_subject) return m_carried_subject;
        // "Mr Tiernan confirmed that funding was not allocated. The Council are putting together a
        // proposal. He will liaise with Roads Department": the last person to open a sentence of
        // the paragraph, over sentences whose subjects are not people.
        // Only "he" and "she": "they" may be the body the sentence between names.
        const std::string_view pronoun = text::word_after(s, pronoun_at);
        if (!iequals(pronoun, "he") && !iequals(pronoun, "she")) return std::nullopt;
        // A sentence passed over must open with no name at all ("The Council are ...", "It was
        // ..."): one that opens with a name the reader does not know ("Terry reported ...") may be
        // the person meant.
        static constexpr std::array<std::string_view, 8> k_nameless_openers = {
            "the", "this", "that", "these", "it", "there", "a", "an"};
        constexpr std::size_t k_look_back = 3;
        std::string_view passed_over = m_previous_sentence;
        for (std::size_t k = 0; k < std::min(k_look_back, m_earlier_sentences.size()); ++k) {
            if (!text::contains_ci(k_nameless_openers, text::word_after(passed_over, 0))) return std::nullopt;
            passed_over = m_earlier_sentences[m_earlier_sentences.size() - 1 - k];
            if (auto subject = sentence_subject(passed_over)) return subject;
        }
        return std::nullopt;
    }

    void add(std::string text, std::optional<std::string> owner) {
        // "TP to look at ways to make match tickets available - Completed": an action log's
        // entry marked done leaves nothing to chase.
        if (marked_done(text)) return;
        // "chair the meeting", "step down once a replacement is found", "become Medical Director",
        // "accept office if elected", "introduce themselves": a place taken or given up, not work
        // anyone can be chased for.
        static constexpr std::array<std::string_view, 6> k_places_taken = {"chair", "step", "become", "accept", "introduce", "remain"};
        // (A verb in lower case: "Chair will consider this" names its owner first.) "that Ms Lee
        // chair the meeting" keeps its subject in the task.
        std::string_view verb = text::word_after(text, 0);
        if (owner && text::istarts_with(text, *owner)) verb = text::word_after(text, owner->size());
        if (!verb.empty() && text::is_lower(verb.front()) && text::contains_ci(k_places_taken, verb)) return;
        // "agreed to continue as Archaeology Wardens": a place kept.
        if (iequals(verb, "continue") &&
            iequals(text::word_after(text, text::end_of(text, verb)), "as"))
            return;
        Found f;
        f.text = clean_task(text);
        // "Clerk to order." after a decision names who carries it out; it is not a task itself.
        f.owner_only = f.text.size() < 12 && text::count_words(f.text, 3) <= 2 && owner.has_value();
        if (f.text.size() < 8 && !f.owner_only) return;
        f.topic = std::string(topic_before(m_sentence, text));
        // "Mr. Griffith stated that he will change the downpipe", "Hedge at Cobblestones is
        // invading pathway, Clerk to write to owner": a task of a few words says little without
        // the rest of its short sentence, which is kept whole.
        if (f.topic.empty() && !f.owner_only) f.text = with_short_sentence(f.text, owner);
        f.owner = std::move(owner);
        f.offset = m_offset;
        f.item = std::string(m_item);
        m_out.push_back(std::move(f));
    }

    // An entry of an action list; see Found::listed.
    void add_listed(std::string text, std::optional<std::string> owner) {
        const std::size_t before = m_out.size();
        add(std::move(text), std::move(owner));
        if (m_out.size() > before) m_out.back().listed = true;
    }

    // "ACTION: Head of Finance to circulate the revised figures by the end of April 2023."
    bool action_line(std::string_view s) {
        // "Ledbeg House - Actions: Adam to send holding letters": the label after a heading.
        if (const std::size_t label = m_hits.first(kw_dash_action); label != KeywordHits::npos && label < 60)
            s = s.substr(label + 3);
        // "ACTION HB to AF for Stirling Council": capitals and initials, no colon.
        const bool bare = s.starts_with("ACTION ") && text::is_initials(text::word_after(s, 7));
        // "Action rolled over: Brendan to send holding letter": a task carried to this meeting.
        // "Action Point: The Clerk to investigate ...": parish minutes' longer label.
        static constexpr std::array<std::string_view, 8> k_labels = {
            "action:", "actions:", "action -", "action point:", "action points:",
            "action rolled over:", "action carried forward:", "action carried over:"};
        std::size_t label = 0;
        if (text::istarts_with(s, "action"))  // as every label does; most sentences fail here
            for (std::string_view l : k_labels)
                if (text::istarts_with(s, l)) label = l.size();
        // "A redraft will be presented in February. Action CLERK": the word and an owner alone,
        // no colon, after the task.
        if (!bare && label == 0 && s.size() < 40 && text::istarts_with(s, "action ")) {
            std::string_view who = trim(s.substr(7));
            while (!who.empty() && who.back() == '.') who.remove_suffix(1);
            if (is_owner_alone(who) || is_lone_name_after_label(who)) label = 7;
        }
        if (!bare && label == 0) return false;
        std::string_view rest = trim(bare ? s.substr(7) : s.substr(label));
        // "ACTION HB to AF for Stirling Council": the initials own the line, kept whole.
        if (bare) {
            while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
            add(std::string(rest), std::string(text::word_after(s, 7)));
            return true;
        }
        while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
        // "ACTION: Director of Housing Management", "ACTION: JB" after a decision names its owner.
        std::optional<std::string> named;
        if (auto o = owner_between(rest, 0, rest.size()); o && o->begin == 0 && o->text.size() + 4 >= rest.size())
            named = o->text;
        else if (rest.size() <= 24 && names_people(rest) &&
                 (text::is_all_caps(rest) || text::count_words(rest, 2) > 1))  // not "Action: Complete"
            named = std::string(rest);
        else if (is_title_cased_role(rest) || is_lone_name_after_label(rest))
            named = std::string(rest);
        // "Action: Complete", "ACTION: None": a status, not a task.
        if (!named && text::count_words(rest, 2) <= 1) return true;
        if (named) {
            Found f;
            f.owner = std::move(named);
            f.owner_only = true;
            f.offset = m_offset;
            f.item = std::string(m_item);
            if (!m_previous_sentence.empty()) {
                f.task_before = true;
                f.text = std::string(trim(m_previous_sentence));
                while (!f.text.empty() && f.text.back() == '.') f.text.pop_back();
                f.task_offset = m_previous_offset;
            }
            m_out.push_back(std::move(f));
            return true;
        }
        std::optional<std::string> owner;
        // "Action: The Clerk was asked to enquire with AECOM ...": the label over a request
        // reported in full; its owner is the one asked.
        for (std::size_t verb : {kw_was_asked_to, kw_were_asked_to, kw_was_requested_to, kw_were_requested_to}) {
            // (Keyword positions count from the start of the whole sentence, before any label.)
            const std::size_t at = m_hits.first(verb);
            if (at == KeywordHits::npos || at < static_cast<std::size_t>(rest.data() - m_sentence.data())) continue;
            if (auto o = owner_before(m_sentence, at)) {
                add(std::string(m_sentence.substr(at + sentence_keywords().length(verb))), o->text);
                if (!m_out.empty()) m_out.back().logged = true;
                return true;
            }
        }
        // "Action - get quote for repair/replace - Rich Roper": the task, a dash, the owner.
        if (const std::size_t dash = rest.rfind(" - "); dash != std::string_view::npos && dash > 8 && rest.size() - dash <= 33) {
            const std::string_view who = trim(rest.substr(dash + 3));
            const std::string_view task = trim(rest.substr(0, dash));
            const bool task_first = is_work_verb(text::word_after(task, 0)) && !is_owner_alone(text::word_after(task, 0));
            if (task_first && (is_owner_alone(who) || (names_people(who) && !text::has_more_words_than(who, 3)))) {
                const std::size_t before = m_out.size();
                add(std::string(task), std::string(who));
                if (m_out.size() > before) m_out.back().logged = true;
                return true;
            }
        }
        // "Action: Paul - Balance sheet to be placed on the website": the owner, a dash, the task.
        if (const std::size_t dash = rest.find(" - "); dash != std::string_view::npos && dash > 0 && dash <= 30) {
            const std::string_view who = trim(rest.substr(0, dash));
            if (is_owner_alone(who) || (names_people(who) && !text::has_more_words_than(who, 3))) {
                std::string_view task = trim(rest.substr(dash + 3));
                // ("CD - to send the Directors Pack"; not "To be confirmed", a status.)
                if (text::istarts_with(task, "to "))
                    if (const std::string_view verb = text::word_after(task, 3);
                        !verb.empty() && text::is_lower(verb.front()) && verb != "be")
                        task.remove_prefix(3);
                const std::size_t before = m_out.size();
                add(std::string(task), std::string(who));
                if (m_out.size() > before) m_out.back().logged = true;
                return true;
            }
        }
        // "ACTION: Invite the Chief Nursing Officer to provide evidence": an instruction, its
        // first word its verb, names the one to be asked, not who asks.
        const std::string_view first = text::word_after(rest, 0);
        const bool instruction = is_work_verb(first) || is_request_verb(first);
        const std::size_t to = instruction ? std::string_view::npos : rest.find(" to ");
        if (to != std::string_view::npos) {
            if (auto o = owner_between(rest, 0, to)) {
                owner = o->text;
                rest = rest.substr(to + 4);
            } else if (const std::string_view who = rest.substr(0, to); trailing_initials(who) == trim(who) || names_people(who)) {
                // "ACTION: MW to ...", "ACTION: MW/YO to ...", "ACTION: Gwen and Elin to ...".
                owner = std::string(trim(who));
                rest = rest.substr(to + 4);
            } else if (to < 60 && text::is_capitalised(rest) && is_work_verb(text::word_after(rest, to + 4))) {
                // The line names its owner however it is written: "ACTION: Community
                // Operations (KS) to provide Members with ...".
                owner = std::string(trim(rest.substr(0, to)));
                rest = rest.substr(to + 4);
            }
        }
        const std::size_t before = m_out.size();
        add(std::string(rest), owner);
        if (m_out.size() > before) m_out.back().logged = true;
        return true;
    }

    // "it was agreed that the Democratic Services Officer would ...", "Council agreed that
    // written responses should be provided ...", "and the Panel agreed, that the Rules ... be reviewed".
    bool agreed_that(std::string_view s) {
        if (!m_hits.any_in(kw_agreed_that, kw_asked_that)) return false;
        for (std::size_t lead = kw_agreed_that; lead <= kw_asked_that; ++lead) {
            const std::size_t at = m_hits.first(lead);
            if (at == KeywordHits::npos) continue;
            const std::size_t clause_at = at + sentence_keywords().length(lead);
            const std::string_view clause = s.substr(clause_at);
            // A modal with a verb of action ("the Clerk would write"), or "be" with a participle
            // of work ("should be provided"); "a more formal arrangement would be adopted" is a
            // decision, not a task.
            bool directive = false;
            for (std::size_t modal = kw_would; modal <= kw_must; ++modal) {
                const std::size_t at_modal = m_hits.first_word(modal, clause_at, clause_at);
                if (at_modal == KeywordHits::npos) continue;
                const std::string_view verb = text::word_after(s, at_modal + sentence_keywords().length(modal));
                directive |= !is_non_commitment_verb(verb) && !takes_the_chair(s, verb);
            }
            for (std::size_t b = m_hits.first_word(kw_be, clause_at, clause_at); b != KeywordHits::npos;
                 b = m_hits.first_word(kw_be, b + 1, clause_at)) {
                const std::string_view participle = text::word_after(s, b + 2);
                directive |= is_directive_participle(participle);
                // "that this error be noted and rectified": the second participle is the work.
                directive |= is_directive_participle(participle_after_and(s, participle));
            }
            if (!directive) {
                // "it was resolved that the Clerk send a reminder": a direction in the subjunctive.
                // Handed over with its "that", so an owner written without an article
                // ("asked that officers contact ...") is read as the clause's subject.
                if (auto f = directive_in_resolution(s.substr(clause_at - 5)); f && f->owner) {
                    add(f->text, f->owner);
                    return true;
                }
                continue;
            }
            std::optional<std::string> owner;
            std::string task(clause);
            for (std::size_t modal = kw_would; modal <= kw_must; ++modal) {
                const std::size_t at_modal = m_hits.first_word(modal, clause_at, clause_at);
                if (at_modal == KeywordHits::npos) continue;
                const std::size_t m = at_modal - clause_at;
                auto o = owner_between(clause, 0, m);
                // "... had been acknowledged by Highways; Cllr Bott will follow up": a later
                // clause with its own subject.
                if (!o) {
                    const std::size_t stop = clause.substr(0, m).find_last_of(";");
                    if (stop != std::string_view::npos) o = owner_between(clause, stop + 1, m);
                }
                if (o && (o->kind != OwnerKind::meeting_body || is_the_authority(*o))) {
                    owner = o->text;
                    task = std::string(trim(clause.substr(m + sentence_keywords().length(modal))));
                } else if (const auto initials = initials_subject(clause.substr(0, m), 2); !initials.empty()) {
                    // "It was agreed that IM would draft a letter".
                    owner = std::string(initials);
                    task = std::string(trim(clause.substr(m + sentence_keywords().length(modal))));
                }
                break;
            }
            // "agreed that the contractor should go ahead": two words say nothing without their
            // subject, so the clause stays whole (and is not taken for an owner's marker). "Mr
            // Madeley would do this" is such a marker: it gives its owner to the task before, as "SWW
            // would provide:" gives it to the list after.
            static constexpr std::array<std::string_view, 5> k_pro_forms = {"this", "so", "that", "it", "these"};
            if (const std::size_t words = text::count_words(task, 3);
                owner && words <= 2 && words > 0 && !text::contains_ci(k_pro_forms, text::prev_word(task, task.size()).text) &&
                !task.ends_with(':'))
                task = std::string(trim(clause));
            add(task, owner);
            return true;
        }
        return false;
    }

    // "The Executive Director agreed to report back", "Officers were asked to ...".
    bool commitment(std::string_view s) {
        // Every undertaking read below is written with a " to " ("agreed to", "asked officers
        // to", "were asked to") but " was tasked with ": a sentence whose keywords hold neither
        // has none, and is not walked keyword by keyword.
        if (!m_hits.any(kw_to) && !m_hits.any(kw_was_tasked_with)) return false;
        std::optional<Found> unowned;
        // (The group is tested at once first: most sentences hold none of it.)
        const bool any_commitment = m_hits.any_in(kw_commit_agreed, kw_commit_decided);
        for (std::size_t verb = kw_commit_agreed; any_commitment && verb <= kw_commit_decided; ++verb) {
            const std::size_t at = m_hits.first(verb);
            if (at == KeywordHits::npos) continue;
            const std::string_view task = s.substr(at + sentence_keywords().length(verb));
            // "The Chairman proposed to write to ...", not "proposed to move into private session".
            if (verb == kw_commit_proposed && !is_work_infinitive(task)) continue;
            // "the current team agreed to stay in post", "he agreed to stay on to the end of the
            // meeting": staying is not work to chase.
            if (iequals(text::word_after(task, 0), "stay") || iequals(text::word_after(task, 0), "remain")) continue;
            // "Ian Bowman agreed to be co-opted", "agreed to accept office if elected", "agreed to
            // stand for election": a place taken, not work to chase.
            static constexpr std::array<std::string_view, 3> k_places_taken = {"be", "accept", "stand"};
            if (text::contains_ci(k_places_taken, text::word_after(task, 0))) continue;
            std::string_view subject = text::word_before(s, at + 1);
            // "Officers were going to check": only after was/were ("is going to rain" is not work).
            if (verb == kw_commit_going) {
                if (!iequals(subject, "was") && !iequals(subject, "were")) continue;
                subject = text::word_before(s, static_cast<std::size_t>(subject.data() - s.data()));
            }
            // "District Cllr R Legg kindly offered to contact ...": an adverb after the subject.
            std::size_t subject_at = at;
            if (subject.size() > 4 && text::iends_with(subject, "ly")) {
                subject_at = static_cast<std::size_t>(subject.data() - s.data()) - 1;
                subject = text::word_before(s, subject_at + 1);
            }
            if (verb == kw_commit_going) subject_at = text::end_of(s, subject);
            if (is_pronoun(subject)) {
                if (auto owner = pronoun_owner(s, at - subject.size())) {
                    add(std::string(task), owner);
                    return true;
                }
                continue;
            }
            // "the Parish Cllrs have agreed to take a road each": the owner before the auxiliary.
            std::size_t subject_end = subject_at;
            if (iequals(subject, "have") || iequals(subject, "has"))
                subject_end = static_cast<std::size_t>(subject.data() - s.data());
            auto owner = owner_before(s, subject_end);
            // "the Chairman, whilst noting that the recording contained such detail, agreed to
            // refer ...": the subject before an aside set off by commas.
            if (const std::string_view before = text::trim_right(s.substr(0, subject_end));
                !owner && !before.empty() && before.back() == ',') {
                for (std::string_view aside : {", whilst ", ", while ", ", although ", ", having "}) {
                    if (const std::size_t opens = before.rfind(aside); opens != std::string_view::npos) {
                        owner = owner_before(s, opens);
                        break;
                    }
                }
            }
            // "Calvin agreed to remind Mike Britch ...": a given name the list does not know,
            // alone at the start of the sentence.
            if (!owner && verb != kw_commit_decided) {
                if (const std::string_view name = trim(s.substr(0, subject_end)); lone_given_name(name))
                    owner = OwnerPhrase{std::string(name), OwnerKind::person, 0};
            }
            // "DD agreed to make the gap in the fence safe": notes name people by initials.
            if (!owner) {
                if (const auto initials = initials_subject(s.substr(0, subject_end), 12); !initials.empty()) {
                    add(std::string(task), std::string(initials));
                    return true;
                }
            }
            if (!owner || owner->kind == OwnerKind::meeting_body) {
                // "It was agreed to put in a bid", "The Committee agreed to invite the Cabinet
                // Lead Members": the meeting takes on work without naming who does it. Only
                // verbs of work: "agreed to note" or "agreed to support" is a decision. Kept
                // until the other verbs have been tried ("X had agreed to" names its owner).
                // "It was decided to seek volunteers" is the same decision in other words.
                if ((verb == kw_commit_agreed || verb == kw_commit_decided) && !unowned &&
                    (is_work_infinitive(task) || carries_out(task))) {
                    unowned.emplace();
                    unowned->text = task;
                    if (owner && is_the_authority(*owner)) unowned->owner = owner->text;
                }
                continue;
            }
            // A person who "decided to" do something reports their own choice, not a task.
            if (verb == kw_commit_decided) continue;
            add(std::string(task), owner->text);
            return true;
        }
        // "The Chairman agreed with Alan Smith to look into buying stakes": the subject takes the
        // work on, with someone; "agreed with the report's findings" has no " to " and a verb.
        if (const std::size_t with = m_hits.first(kw_agreed_with); with != KeywordHits::npos && !unowned) {
            const std::size_t who = with + sentence_keywords().length(kw_agreed_with);
            const std::size_t to = s.find(" to ", who);
            if (to != std::string_view::npos && to - who <= 40 && is_work_verb(text::word_after(s, to + 4)) &&
                (owner_between(s, who, to) || names_people(s.substr(who, to - who)))) {
                if (auto owner = owner_before(s, with + 1); owner && owner->kind != OwnerKind::meeting_body) {
                    add(std::string(s.substr(to + 4)), owner->text);
                    return true;
                }
            }
        }
        // "· agreed to invite the Cabinet Lead Members": a listed decision whose subject is the
        // meeting, left unsaid.
        if (!unowned && text::istarts_with(s, "agreed to ") && is_work_infinitive(s.substr(10))) {
            unowned.emplace();
            unowned->text = s.substr(10);
        }
        if (unowned) {
            add(std::move(unowned->text), std::move(unowned->owner));
            return true;
        }
        // "The Chair asked officers to provide a briefing note": the object is the owner.
        for (std::size_t verb = kw_object_asked; verb <= kw_object_ask; ++verb) {
            for (std::size_t at = m_hits.first(verb); at != KeywordHits::npos; at = m_hits.first(verb, at + 1)) {
                // "ask" only as a decision's infinitive ("To note ... and ask X to"), not "would
                // ask" or "may wish to ask" in a report of the debate.
                if (verb == kw_object_ask && !is_decision_infinitive(s, at)) continue;
                const std::size_t object = at + sentence_keywords().length(verb);
                const std::size_t to = find_by_pair(s, " to ", 1, object);
                if (to == std::string_view::npos || to - object > 70) continue;
                auto owner = owner_between(s, object, to);
                if (!owner) {
                    // "Board asked DB to take advice from DTAS": notes name people by initials.
                    if (const auto initials = initials_subject(s.substr(object, to - object), 1); !initials.empty()) {
                        add(std::string(s.substr(to + 4)), std::string(initials));
                        return true;
                    }
                }
                if (!owner || (owner->kind == OwnerKind::meeting_body && !is_the_authority(*owner))) continue;
                add(std::string(s.substr(to + 4)), owner->text);
                return true;
            }
        }
        const bool any_passive_request = m_hits.any_in(kw_was_asked_to, kw_will_be_requested_to);
        for (std::size_t verb = kw_was_asked_to; any_passive_request && verb <= kw_will_be_requested_to; ++verb) {
            const std::size_t at = m_hits.first(verb);
            if (at == KeywordHits::npos) continue;
            auto owner = owner_before(s, at);
            // "Councillors were reminded to complete their forms": the members themselves.
            const bool reminded = verb == kw_were_reminded_to || verb == kw_was_reminded_to;
            if (reminded && !owner) {
                // "Councillors were reminded to ...", "Members were reminded to ...".
                const std::string_view who = text::word_before(s, at + 1);
                if (iequals(who, "Councillors") || iequals(who, "Members"))
                    owner = OwnerPhrase{std::string(who), OwnerKind::meeting_body, 0};
            }
            // "Foróige will be asked to make an application", "Greenfields Ltd was asked to repair
            // the fence": a name the lists do not know, the whole subject of the sentence.
            if (!owner && !reminded) owner = capitalised_subject(s.substr(0, at));
            if (!owner || (owner->kind == OwnerKind::meeting_body && !reminded)) continue;
            // "the Cabinet is requested to agree the delegations below", "Members were asked to
            // note the report": a decision put to the meeting, not work after it.
            static constexpr std::array<std::string_view, 9> k_decision_verbs = {
                "agree", "approve", "note", "consider", "endorse", "support", "receive", "comment", "decide"};
            if (text::contains_ci(k_decision_verbs, text::word_after(s, at + sentence_keywords().length(verb)))) continue;
            add(std::string(s.substr(at + sentence_keywords().length(verb))), owner->text);
            return true;
        }
        return false;
    }

    // "Councillor C Dowden will meet with ...", "the Chair confirmed that he would pursue ...".
    bool modal(std::string_view s) {
        for (const std::size_t modal_word : {kw_would, kw_will}) {
            for (std::size_t at = m_hits.first_word(modal_word); at != KeywordHits::npos;
                 at = m_hits.first_word(modal_word, at + 1)) {
                std::size_t verb_at = at + sentence_keywords().length(modal_word);
                std::string_view verb = text::word_after(s, verb_at);
                if (iequals(verb, "also") || iequals(verb, "therefore")) {
                    verb_at = s.find(verb, verb_at) + verb.size();
                    verb = text::word_after(s, verb_at);
                }
                // "All officers will need to complete reports by Aug 11th".
                // ("would need to be addressed by the Environment Agency" is a view, not a task.)
                if (iequals(verb, "need")) {
                    const std::size_t need_end = text::end_of(s, verb);
                    const std::string_view to = text::word_after(s, need_end);
                    const std::size_t to_end = text::end_of(s, to);
                    if (iequals(to, "to") && !iequals(text::word_after(s, to_end), "be")) {
                        verb_at = to_end;
                        verb = text::word_after(s, verb_at);
                    }
                }
                // "she would be happy to recirculate the figures": an offer is an undertaking.
                if (verb == "be") {
                    const std::size_t be_at = static_cast<std::size_t>(verb.data() - s.data());
                    for (std::string_view offer : {"be happy to ", "be pleased to ", "be willing to ", "be glad to ", "be able to "}) {
                        if (s.compare(be_at, offer.size(), offer) != 0) continue;
                        verb_at = be_at + offer.size();
                        verb = text::word_after(s, verb_at);
                        break;
                    }
                    // "Cllr Green would be responsible for the weekly check": a duty taken on.
                    if (s.compare(be_at, 19, "be responsible for ") == 0) {
                        verb_at = be_at + 3;
                        verb = text::word_after(s, verb_at);
                    }
                    // "he would be discussing topic reviews with the Chief Executive"; not "would be
                    // looking after the area" or "would be leaving", news about someone.
                    static constexpr std::array<std::string_view, 16> k_work_in_progress = {
                        "discussing", "writing", "meeting", "arranging", "contacting", "reviewing",
                        "preparing", "circulating", "chasing", "investigating", "exploring",
                        "pursuing", "liaising", "speaking", "raising", "organising"};
                    const std::string_view next = text::word_after(s, be_at + 2);
                    if (verb == "be" && text::contains_ci(k_work_in_progress, next)) {
                        verb_at = be_at + 2;
                        verb = next;
                    }
                }
                // "Mrs Luff would like the opportunity to be involved", "would find it helpful",
                // "would rather have": a wish or a view, not work ("would like to meet" is).
                // ("RW would like the communities team to create an Action Plan" asks for work.)
                if ((iequals(verb, "like") &&
                     s.substr(static_cast<std::size_t>(verb.data() - s.data()), 60).find(" to ") == std::string_view::npos) ||
                    iequals(verb, "rather") ||
                    (iequals(verb, "find") && iequals(text::word_after(s, static_cast<std::size_t>(verb.data() - s.data()) + 4), "it")))
                    continue;
                // "Cllr Sinclair will have a look at it": "have" only describes otherwise.
                const bool has_a_look = iequals(verb, "have") &&
                                        text::istarts_with(s.substr(static_cast<std::size_t>(verb.data() - s.data()) + 4), " a look");
                // "will speak to Council Transport officials": speaking at the meeting is not work,
                // speaking to someone after it is.
                const bool speaks_to = iequals(verb, "speak") &&
                                       (iequals(text::word_after(s, static_cast<std::size_t>(verb.data() - s.data()) + 5), "to") ||
                                        iequals(text::word_after(s, static_cast<std::size_t>(verb.data() - s.data()) + 5), "with"));
                if (verb.empty() || (is_non_commitment_verb(verb) && !has_a_look && !speaks_to)) continue;
                if (takes_the_chair(s, verb)) continue;
                // "would take no part in the discussion": a declaration at the meeting.
                if (iequals(verb, "take") && text::istarts_with(s.substr(static_cast<std::size_t>(verb.data() - s.data()) + 4), " no part"))
                    continue;
                std::optional<std::string> owner;
                bool by_initials = false;
                const std::string_view subject = text::word_before(s, at);
                if (is_pronoun(subject)) {
                    owner = pronoun_owner(s, at - subject.size() - 1);
                } else if (iequals(subject, "and") || iequals(subject, "but")) {
                    // "... declared an interest but would consider the application with an open
                    // mind": after "but", only work is an undertaking.
                    if (iequals(subject, "but") && !is_work_verb(verb)) continue;
                    // "The clerk is meeting the new reporter and will look at an article": the
                    // sentence's subject, unless a reported clause has its own ("explained that
                    // the increase would fund ... and would close the gap").
                    const std::string_view head = s.substr(0, at);
                    const std::size_t that = text::ifind_last_word(head, "that");
                    if (that == std::string_view::npos) {
                        owner = opening_owner(s);
                        // "MS said she was researching the boundaries and would visit Shire Hall":
                        // initials open the sentence.
                        if (const std::string_view first = text::word_after(s, 0); !owner && text::is_initials(first) &&
                                                                                    first.size() >= 2)
                            owner = std::string(first);
                    } else if (const std::string_view pronoun = text::word_after(head, that + 4);
                               is_pronoun(pronoun) && is_work_verb(verb)) {
                        // "The Clerk reported that he had not yet investigated this but would report
                        // back": the reported clause's own "he", when what follows is work (not
                        // "stated that he had been lobbied and would consider the application with
                        // an open mind").
                        owner = pronoun_owner(s, static_cast<std::size_t>(pronoun.data() - s.data()));
                    }
                } else if (iequals(subject, "they")) {
                    // "they" only for the one who just spoke: "Car Parks Dept. have advised
                    // they will look into the matter".
                    owner = speaker_of(s, static_cast<std::size_t>(subject.data() - s.data()));
                } else if (auto o = owner_before(s, at); o && (o->kind == OwnerKind::role ||
                                                             o->kind == OwnerKind::person ||
                                                             o->kind == OwnerKind::body ||
                                                             is_the_authority(*o))) {
                    // "an email asking whether the Parish Council would pay for ...": a question.
                    std::string_view before_owner = text::word_before(s, o->begin);
                    if (iequals(before_owner, "the"))
                        before_owner = text::word_before(s, static_cast<std::size_t>(before_owner.data() - s.data()));
                    if (iequals(before_owner, "whether") || iequals(before_owner, "if")) continue;
                    // "... to the Order that the Secretary of State will lay in Parliament": a
                    // clause saying which named thing is meant, not an undertaking (as "noted that
                    // the Director would write" and "gave an assurance that ..." are).
                    if (iequals(before_owner, "that")) {
                        const std::string_view noun =
                            text::word_before(s, static_cast<std::size_t>(before_owner.data() - s.data()));
                        if (!noun.empty() && text::is_capitalised(noun) &&
                            iequals(text::word_before(s, static_cast<std::size_t>(noun.data() - s.data())), "the"))
                            continue;
                    }
                    owner = o->text;
                } else if (const auto initials = initials_subject(s.substr(0, at), 12); !initials.empty()) {
                    // "IJ will notify HC", "Footpath AB will walk the route": notes naming the
                    // owner by initials, perhaps after an unpunctuated heading.
                    owner = std::string(initials);
                    by_initials = true;
                }
                if (!owner) continue;
                std::string_view task = trim(s.substr(s.find(verb, verb_at)));
                // Agendas name people by role, not by initials.
                // "The Secretary will chase X for an update" is work whatever its object; "The Head
                // of Audit will report on progress" and "will provide an update" are the agenda's.
                static constexpr std::array<std::string_view, 5> k_brings_a_paper = {
                    "report", "provide", "bring", "submit", "share"};
                const bool work_verb = is_work_verb(verb) && !text::contains_ci(k_brings_a_paper, verb);
                // "will provide a report by the next panel meeting" has a deadline: work, not
                // agenda ("for the third quarter" says what the report covers). "Cllr Carrington
                // will attend a site visit": attending something else is work.
                if (modal_word == kw_will && !by_initials &&
                    ((is_agenda_preview(task) && !work_verb) ||
                     (text::contains_ci(k_at_meeting_verbs, verb) && !attends_elsewhere(task))) &&
                    !has_deadline(task))
                    continue;
                if (text::istarts_with(task, "like to ")) task.remove_prefix(8);
                // "Mrs Wilford would still like Cllr Bowkett to arrange a site meeting": the work is
                // asked of the one named after "like".
                std::string_view wish = task;
                if (text::istarts_with(wish, "still ") || text::istarts_with(wish, "also ")) wish = trim(wish.substr(5));
                if (text::istarts_with(wish, "like ")) {
                    const std::string_view wanted = wish.substr(5);
                    if (const std::size_t to = wanted.find(" to "); to != std::string_view::npos && to < 50)
                        if (auto o = owner_between(wanted, 0, to);
                            o && o->begin <= 4 && o->kind != OwnerKind::meeting_body) {
                            owner = o->text;
                            task = trim(wanted.substr(to + 4));
                        }
                }
                // "Chair will consider this.": a task of a word or two reads only with its owner.
                if (s.size() < 60 && text::count_words(task, 3) <= 2) task = trim(s);
                add(std::string(task), owner);
                return true;
            }
        }
        return false;
    }

    // A due phrase that is a deadline: "by ...", "before ...", "within ...".
    bool has_deadline(std::string_view task) {
        const auto due = find_due(task, DueContext{}, m_due_hits);
        if (!due) return false;
        for (std::string_view lead : {"by ", "before ", "within ", "prior to ", "in advance of ", "ahead of "})
            if (text::istarts_with(due->phrase, lead)) return true;
        // "... the next panel meeting", "report back to the March meeting": a later meeting.
        return text::ifind(due->phrase, "next") != std::string_view::npos || names_a_months_meeting(due->phrase);
    }

    // "These would be circulated by e-mail", "This will be reported back to the Committee".
    bool passive_modal(std::string_view s) {
        for (std::size_t at = m_hits.first_word(kw_be); at != KeywordHits::npos; at = m_hits.first_word(kw_be, at + 1)) {
            std::string_view before = text::word_before(s, at);
            // "a document is to be distributed to all Members": an arrangement stated as fact.
            // ... or "Three quotes are now to be obtained".
            std::string_view auxiliary;
            if (iequals(before, "to")) {
                auxiliary = text::word_before(s, static_cast<std::size_t>(before.data() - s.data()));
                if (text::contains_ci(k_modal_adverbs, auxiliary))
                    auxiliary = text::word_before(s, static_cast<std::size_t>(auxiliary.data() - s.data()));
            }
            const bool is_to_be = text::contains_ci(std::array<std::string_view, 2>{"is", "are"}, auxiliary);
            // "A letter would then be sent out": an adverb between the modal and "be".
            if (text::contains_ci(k_modal_adverbs, before))
                before = text::word_before(s, static_cast<std::size_t>(before.data() - s.data()));
            if (!is_to_be && !text::contains_ci(k_modals, before)) continue;
            std::string_view participle = text::word_after(s, at + 2);
            // "would be retrospectively ratified": the adverb before the participle.
            if (participle.size() > 4 && text::iends_with(participle, "ly"))
                participle = text::word_after(s, text::end_of(s, participle));
            // "would be collated and brought back to Council": the second participle may be the work.
            if (!is_to_be && !is_commitment_participle(participle)) {
                const std::string_view second = participle_after_and(s, participle);
                if (is_commitment_participle(second)) participle = second;
            }
            const std::size_t participle_end = text::end_of(s, participle);
            // "is to be" states an arrangement, so any verb of work will do ("is to be
            // distributed"); after a modal only commitments count ("would be distributed in a
            // different way" describes a plan), or business put off to a later meeting ("would
            // be considered at the next meeting").
            // "full design and agreement should be completed by the September meeting": with a
            // deadline any verb of doing is work.
            // "The wooden strips are to be removed", "the range of equipment is to be expanded":
            // with "is to be", work on a place or a thing is an arrangement too, and so is
            // business put off ("A review of the charges is to be discussed").
            static constexpr std::array<std::string_view, 14> k_work_on_things = {
                "removed", "expanded", "erected", "painted", "cleaned", "fitted", "renewed", "relocated",
                "tidied", "emptied", "resurfaced", "discussed", "displayed", "issued"};
            bool work = is_to_be ? is_directive_participle(participle) || iequals(participle, "distributed") ||
                                       text::contains_ci(k_work_on_things, participle)
                                 : is_commitment_participle(participle) ||
                                       deferred_to_meeting(participle, s.substr(participle_end)) ||
                                       (text::iends_with(participle, "ed") && has_deadline(s.substr(participle_end)));
            // "Past surveys will be sourced by Katherine": a named agent makes the passive a
            // commitment of theirs, whatever the verb, but not an arrangement that only says who
            // is in charge ("the meetings would now be managed by Ms Clarke's directorate").
            static constexpr std::array<std::string_view, 10> k_in_charge = {
                "managed", "chaired", "held", "run", "led", "hosted", "funded", "supported", "owned", "covered"};
            if (!work && !is_to_be && text::iends_with(participle, "ed") && !text::contains_ci(k_in_charge, participle) &&
                s.substr(participle_end, 4) == " by " && agent_of(s, participle_end))
                work = true;
            if (!work) continue;
            // "it should also be added in that he had been removed from the meeting", "it would
            // be noted that ...": the minutes' own wording, corrected or stated at the meeting.
            if (const std::string_view subject =
                    text::word_before(s, static_cast<std::size_t>(before.data() - s.data()));
                iequals(subject, "it")) {
                std::string_view next = text::word_after(s, participle_end);
                if (iequals(next, "in")) next = text::word_after(s, text::end_of(s, next));
                if (iequals(next, "that")) continue;
            }
            // "Members would be provided with ...": the subject receives; "would be raised with
            // the Chief Executive" is still work.
            if ((iequals(participle, "provided") || iequals(participle, "presented")) &&
                iequals(text::word_after(s, participle_end), "with"))
                continue;
            const std::size_t start = clause_start(s, at);
            std::string_view clause = s.substr(start);
            // "no further funding will be provided": a refusal, nothing to chase (but not "no
            // response had been received but the request would be re-sent").
            if (iequals(text::word_after(clause, 0), "no")) {
                static constexpr std::array<std::string_view, 6> k_auxiliaries = {"had", "has", "have", "was", "were", "is"};
                bool own_clause = false;
                for (const auto& w : text::words(s.substr(start, at - start))) own_clause |= text::contains_ci(k_auxiliaries, w.text);
                if (!own_clause) continue;
            }
            // ... unless the report is for a later meeting: "A report will be presented to Members
            // at the next meeting".
            if (iequals(before, "will") && is_agenda_preview(clause) && !has_deadline(s.substr(participle_end))) continue;
            auto owner = agent_of(s, participle_end);
            if (!owner) owner = speaker_of(s, start);
            // A pronoun or "this" as the subject: "The Chair confirmed it would be raised".
            if (!owner && start == 0) {
                const std::size_t modal_at = static_cast<std::size_t>(before.data() - s.data());
                const std::string_view subject = text::word_before(s, modal_at);
                static constexpr std::array<std::string_view, 4> k_referring = {"it", "this", "these", "they"};
                if (text::contains_ci(k_referring, subject))
                    owner = speaker_of(s, static_cast<std::size_t>(subject.data() - s.data()));
            }
            add(std::string(clause), std::move(owner));
            return true;
        }
        return false;
    }

    // "The minutes would be agreed at the next meeting", "the items would be ratified on 6th
    // November": business the meeting puts off, which someone must bring back. Only verbs of
    // business, and only with a meeting or a date after them ("would be held on" is excluded
    // by the list: holding the next meeting is nobody's task).
    bool deferred_to_meeting(std::string_view participle, std::string_view rest) {
        static constexpr std::array<std::string_view, 16> k_business = {
            "considered", "agreed", "discussed", "debated", "ratified", "approved", "deferred",
            "determined", "delivered", "revisited", "reconsidered", "re-considered", "presented",
            "moved", "postponed", "requested"};
        if (!text::contains_ci(k_business, participle)) return false;
        const std::string_view head = rest.substr(0, std::min<std::size_t>(rest.size(), 80));
        const auto due = find_due(head, DueContext{}, m_due_hits);
        return due.has_value();
    }

    // A sentence's whole subject when it is a name: one to three capitalised words (after "The"),
    // not a pronoun or a determiner ("It was asked to be noted").
    static std::optional<OwnerPhrase> capitalised_subject(std::string_view subject) {
        // "... was turned down, Foróige will be asked to ...": the last clause's subject.
        if (const std::size_t comma = subject.find_last_of(",;"); comma != std::string_view::npos)
            subject = subject.substr(comma + 1);
        subject = trim(subject);
        if (text::istarts_with(subject, "the ")) subject = trim(subject.substr(4));
        if (subject.empty() || text::has_more_words_than(subject, 3)) return std::nullopt;
        static constexpr std::array<std::string_view, 12> k_not_names = {
            "it", "this", "that", "these", "those", "they", "there", "he", "she", "we", "which", "what"};
        for (auto w = text::next_word(subject, 0); !w.text.empty(); w = text::next_word(subject, w.pos + w.text.size())) {
            const bool ascii = static_cast<unsigned char>(w.text.front()) < 0x80;  // "Éire" passes
            if (ascii && !text::is_upper(w.text.front())) return std::nullopt;
        }
        if (text::contains_ci(k_not_names, text::word_after(subject, 0)) || find_first_of_bytes(subject, ",;:()") != std::string_view::npos)
            return std::nullopt;
        // "Councillors are asked to say if ...": the meeting's members, asked at the meeting.
        if (text::contains_ci(k_every_member, subject)) return std::nullopt;
        return OwnerPhrase{std::string(subject), OwnerKind::person, 0};
    }

    // "A request was made for Tim Blythe, Countryside Service Manager, to come to the next
    // meeting": the one the request is made for owns the task.
    bool request_made_for(std::string_view s) {
        const std::size_t at = m_hits.first(kw_was_made_for);
        if (at == KeywordHits::npos || text::ifind(s.substr(0, at), "request") == std::string_view::npos) return false;
        const std::size_t who = at + sentence_keywords().length(kw_was_made_for);
        const std::size_t to = s.find(" to ", who);
        if (to == std::string_view::npos || to - who > 80) return false;
        const std::string_view verb = text::word_after(s, to + 4);  // "to come", not "to the Board"
        if (verb.empty() || !text::is_lower(verb.front()) || verb == "the" || verb == "a" || verb == "an") return false;
        const auto owner = owner_before(s, to);
        if (!owner || owner->begin < who) return false;
        add(std::string(trim(s.substr(to + 4))), owner->text);
        return true;
    }

    // "The Committee requested a further report in six months' time", "Members asked for an
    // update on progress at the next meeting": work the meeting asks to see, with no owner
    // named (the officers of the service, usually). The request is for a paper or an update,
    // not for anything at all ("requested a recorded vote").
    bool request_for_report(std::string_view s) {
        static constexpr std::array<std::string_view, 18> k_papers = {
            "report", "update", "briefing", "note", "response", "information", "paper",
            "breakdown", "summary", "presentation", "review", "reports", "slides", "copy",
            "copies", "details", "figures", "list"};
        static constexpr std::array<std::string_view, 6> k_determiners = {"a", "an", "the", "further", "regular", "written"};
        for (const std::size_t verb : {kw_object_requested, kw_asked_for}) {
            const std::size_t at = m_hits.first(verb);
            if (at == KeywordHits::npos) continue;
            // The meeting asks ("The Committee requested", "Members asked for"); one member
            // asking for an update is a question, answered there and then.
            const auto asker = owner_before(s, at + 1);
            if (!asker || asker->kind != OwnerKind::meeting_body) continue;
            const std::size_t object = at + sentence_keywords().length(verb);
            // A determiner or two, then the paper within three more words: "a further written
            // report", "an update", "further information".
            auto w = text::next_word(s, object);
            if (w.text.empty() || !text::contains_ci(k_determiners, w.text)) continue;
            bool paper = false;
            for (int k = 0; k < 4 && !w.text.empty() && !paper; ++k) {
                w = text::next_word(s, w.pos + w.text.size());
                paper = text::contains_ci(k_papers, w.text);
            }
            if (!paper) continue;
            add(std::string(trim(s.substr(object))), std::nullopt);
            return true;
        }
        // "A report on Troubled Families was requested, for submission to a future meeting":
        // the same request in the passive ("was requested to" asks someone to act: read
        // elsewhere).
        // (The sentence's keywords say whether it has either passive at all: most have none.)
        const std::size_t passive = m_hits.any(kw_was_requested) ? kw_was_requested : kw_were_requested;
        const std::size_t at = m_hits.first(passive);
        if (at == KeywordHits::npos || at > 120) return false;
        const std::size_t requested = at + sentence_keywords().length(passive) - 10;  // at " requested"
        if (iequals(text::word_after(s, requested + 10), "to")) return false;
        auto w = text::next_word(s, 0);
        if (w.text.empty() || !text::contains_ci(k_determiners, w.text)) return false;
        for (int k = 0; k < 4 && !w.text.empty() && w.pos < requested; ++k) {
            w = text::next_word(s, w.pos + w.text.size());
            if (text::contains_ci(k_papers, w.text)) {
                add(std::string(trim(s)), std::nullopt);
                return true;
            }
        }
        return false;
    }

    // "Portmoak Cemetery Deferred for production of proposals until March 10th meeting",
    // "Lease Arrangements (394.20) Deferred to Committee": an item put off, as notes and
    // contents pages record it. The capital marks the note's own word, not narrative ("the
    // decision was deferred").
    bool deferred_entry(std::string_view s) {
        // "this item was held over to the next meeting", "it was agreed to hold this item over
        // until the next meeting", "Matter to be listed at next meeting": business put off to a
        // meeting, which someone must bring back. A meeting must follow: "the decision was
        // deferred" alone reports a pause.
        const bool any_put_off = m_hits.any_in(kw_deferred_to, kw_to_be_listed_at);  // one test for the group
        for (std::size_t phrase = kw_deferred_to; any_put_off && phrase <= kw_to_be_listed_at; ++phrase) {
            if (!m_hits.any(phrase)) continue;
            const std::size_t at = m_hits.first(phrase);
            const std::size_t rest_at = at + sentence_keywords().length(phrase);
            const std::size_t meeting = text::ifind(s.substr(rest_at, 60), "meeting");
            if (meeting == std::string_view::npos) continue;
            // "ii Resignation of M. Clarke" / "Held over to next Meeting": a status opening the
            // paragraph under a sub-heading is the sub-heading's business put off.
            if (at == 0 && (phrase == kw_held_over_to || phrase == kw_deferred_to) && m_previous_sentence.empty() &&
                !m_last_paragraph.empty() && m_last_paragraph.size() <= 80 && s.size() <= 60) {
                add_listed(std::string(strip_sub_label(m_last_paragraph)) + " " + std::string(trim(s)), std::nullopt);
                return true;
            }
            // "Deferred to the next meeting" opening a note is read below, with its own rules.
            if (at == 0 && text::is_upper(s[0])) break;
            // Only its own clause, in notes run into one paragraph ("b) Cronk Cullyn - in the
            // absence of the Chair this item was held over to the next meeting", "... were
            // deferred until the next meeting - HIGHWAYS AND RIGHTS OF WAY Pat Lowe ...").
            const std::size_t start = clause_start(s, at);
            const std::size_t dash = s.find(" - ", rest_at + meeting);
            add(std::string(trim(s.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start))),
                std::nullopt);
            return true;
        }
        // "For agenda at next meeting, replacement for the clerk": business put on a later agenda.
        if (text::istarts_with(s, "For agenda") || text::istarts_with(s, "For the agenda") ||
            text::istarts_with(s, "For next agenda") || text::istarts_with(s, "For the next agenda")) {
            add(std::string(trim(s)), std::nullopt);
            return true;
        }
        // (s.find("Deferred ", at) by the sentence's keywords: most sentences have none.)
        for (std::size_t at = m_hits.first_exact(kw_deferred_word); at != KeywordHits::npos;
             at = m_hits.first_exact(kw_deferred_word, at + 1)) {
            if (at > 0 && text::is_word_char(s[at - 1])) continue;
            const std::string_view next = text::word_after(s, at + 9);
            if (next != "to" && next != "for" && next != "until" && next != "pending") continue;
            // "Deferred until early 2022" reports a pause; "until March 10th meeting" brings it back.
            if (next == "until" && text::ifind(s.substr(at, 60), "meeting") == std::string_view::npos) continue;
            add(std::string(trim(s)), std::nullopt);
            return true;
        }
        return false;
    }

    // "Members requested the letter be circulated to them by email": a request in the
    // subjunctive without its "that" (with it, agreed_that reads it).
    bool requested_direction(std::string_view s) {
        const std::size_t at = m_hits.first(kw_object_requested);
        if (at == KeywordHits::npos) return false;
        const std::size_t object = at + sentence_keywords().length(kw_object_requested);
        const std::string_view clause = s.substr(object, std::min<std::size_t>(s.size() - object, 70));
        const std::size_t be = text::ifind_word(clause, "be");
        if (be == std::string_view::npos || clause.substr(0, be).find(" to ") != std::string_view::npos) return false;
        const std::string_view participle = text::word_after(clause, be + 2);
        if (!is_directive_participle(participle)) return false;
        const std::size_t participle_end = object + text::end_of(clause, participle);
        add(std::string(trim(s.substr(object))), agent_of(s, participle_end));
        return true;
    }

    // "The Chief Finance Officer confirmed that this will be reported ...": the officer who gives
    // the undertaking owns it. A meeting body agreeing ("Council agreed that ...") owns nothing.
    static std::optional<std::string> speaker_of(std::string_view s, std::size_t clause_at) {
        static constexpr std::array<std::string_view, 7> k_reporting = {
            "confirmed ", "advised ", "said ", "stated ", "indicated ", "undertook ", "explained "};
        // "confirmed that this will be reported", and without the "that": "The Chair confirmed
        // it would be raised again".
        if (clause_at >= 5 && text::iequals(s.substr(clause_at - 5, 5), "that ")) clause_at -= 5;
        for (auto verb : k_reporting) {
            if (clause_at < verb.size() || !text::iequals(s.substr(clause_at - verb.size(), verb.size()), verb))
                continue;
            // "Highways Dept. has confirmed they will look at ...".
            std::size_t speaker_end = clause_at - verb.size();
            if (const auto aux = text::word_before(s, speaker_end);
                iequals(aux, "has") || iequals(aux, "have") || iequals(aux, "had"))
                speaker_end = static_cast<std::size_t>(aux.data() - s.data());
            // "Dept. has": the full stop of an abbreviation ends the name, not the sentence.
            while (speaker_end > 0 && s[speaker_end - 1] == ' ') --speaker_end;
            if (speaker_end > 0 && s[speaker_end - 1] == '.' && text::word_before(s, speaker_end - 1).size() <= 4)
                --speaker_end;
            auto owner = owner_before(s, speaker_end);
            if (owner && (owner->kind == OwnerKind::role || owner->kind == OwnerKind::person)) return owner->text;
        }
        return std::nullopt;
    }

    // Work an officer reports as under way, which the committee will expect to hear the end of:
    // "Bryan Smith, Litigation Manager explained that he was currently exploring the legality
    // of ...", "Councillor Hamilton is still looking for members". Only with "currently" or
    // "still": a bare "is looking at" describes more often than it reports.
    // Actions found from this sentence start at m_out[first_of_sentence]; a task already among
    // them is not added twice.
    void work_in_progress(std::string_view s, std::size_t first_of_sentence) {
        // The words below are views into `s`; where each starts follows from its pointer.
        const auto offset_of = [&](std::string_view word) { return static_cast<std::size_t>(word.data() - s.data()); };
        for (const std::size_t adverb : {kw_currently, kw_still}) {
            for (std::size_t at = m_hits.first_word(adverb); at != KeywordHits::npos;
                 at = m_hits.first_word(adverb, at + 1)) {
                const std::string_view auxiliary = text::word_before(s, at);
                if (!text::contains_ci(k_progressive_auxiliaries, auxiliary)) continue;
                const std::size_t verb_from = at + sentence_keywords().length(adverb);
                const std::string_view verb = text::word_after(s, verb_from);
                if (verb.size() < 5 || !text::iends_with(verb, "ing") || !text::is_lower(verb[0]) ||
                    text::contains_ci(k_not_work_in_progress, verb))
                    continue;
                const std::size_t verb_at = offset_of(verb);
                if (iequals(verb, "looking") && iequals(text::word_after(s, verb_at + verb.size()), "forward"))
                    continue;
                const std::size_t auxiliary_at = offset_of(auxiliary);
                const std::string_view subject = text::word_before(s, auxiliary_at);
                std::optional<std::string> owner;
                // "will ask X whether he is still ...": a question to put, not work reported.
                if (!subject.empty() && text::contains_ci(std::array<std::string_view, 2>{"whether", "if"},
                                                          text::word_before(s, offset_of(subject))))
                    continue;
                if (is_pronoun(subject)) {
                    owner = pronoun_owner(s, offset_of(subject));
                } else if (auto o = owner_before(s, auxiliary_at);
                           o && (o->kind == OwnerKind::role || o->kind == OwnerKind::person)) {
                    owner = o->text;
                }
                if (!owner) continue;
                const std::string_view task = trim(s.substr(verb_at));
                const std::string_view task_head = task.substr(0, std::min<std::size_t>(task.size(), 40));
                for (std::size_t k = first_of_sentence; k < m_out.size(); ++k)
                    if (m_out[k].text.find(task_head) != std::string::npos) return;
                add(std::string(task), owner);
                return;
            }
        }
    }

    // "After discussion, the Committee agreed to delegate authority to officers to undertake
    // legal action", "That Cabinet delegates to the Cabinet Member for Housing the authority to
    // appoint ...": a decision that hands work to someone. Narrative that tells of an earlier
    // delegation ("authority was required to delegate the award") is not one.
    bool delegated_decision(std::string_view s) {
        if (!m_hits.any(kw_delegat)) return false;  // most sentences: no search below
        if (const auto labelled = split_list_label(s)) s = labelled->rest;
        if (!text::istarts_with(s, "that ") && !decided_to_delegate(s)) return false;
        auto found = delegation(s);
        if (!found) return false;
        add(found->text, found->owner);
        return true;
    }

    // "agreed to delegate", "resolved to delegate", "decided to delegate" anywhere in `s`: one
    // search for "to delegate", then the word before it.
    static bool decided_to_delegate(std::string_view s) {
        constexpr std::string_view k_to_delegate = "to delegate";
        for (std::size_t at = text::ifind(s, k_to_delegate); at != std::string_view::npos;
             at = text::ifind(s, k_to_delegate, at + 1)) {
            for (std::string_view verb : {"agreed ", "resolved ", "decided "})
                if (at >= verb.size() && iequals(s.substr(at - verb.size(), verb.size()), verb)) return true;
        }
        return false;
    }

    // A keyword lost in export: "That the filling of the vacant positions be pursued as a
    // priority.", and decision pages that print numbered decisions under "Decision:" with no
    // keyword at all: "(3) That a further report be brought back in September."
    bool unmarked_resolution(std::string_view s) {
        const auto labelled = split_list_label(s);
        if (labelled) s = labelled->rest;
        // "(c) the Scrutiny Coordinator email all members ...": a listed decision without its
        // "that", which only counts when it directs a named owner.
        if (labelled && text::istarts_with(s, "the ")) {
            auto f = directive_in_resolution(s);
            if (!f || !f->owner) return false;
            add(f->text, f->owner);
            return true;
        }
        // "1. Professional external financial advice be procured to assess ...": a listed
        // decision in the subjunctive, its subject a noun phrase and "be" its verb (not "would
        // be", "to be"), is work even when nobody is named.
        if ((labelled || m_after_number_label) && !s.empty() && text::is_upper(s.front())) {
            const std::size_t be = text::ifind_word(s, "be");
            static constexpr std::array<std::string_view, 11> k_before_be = {
                "to", "would", "will", "should", "shall", "must", "may", "might", "can", "could", "not"};
            if (be == std::string_view::npos || be > 80 || text::contains_ci(k_before_be, text::word_before(s, be)) ||
                !is_directive_participle(text::word_after(s, be + 2)))
                return false;
            auto f = directive_in_resolution(s);
            if (!f) return false;
            add(f->text, f->owner);
            return true;
        }
        if (!text::istarts_with(s, "that ")) return false;
        auto f = directive_in_resolution(s);
        if (!f) return false;
        add(f->text, f->owner);
        return true;
    }

    // Action-log style: "Stephen Lawrence-Orumwense to be invited to future meetings.",
    // "Head of Finance to circulate the figures." The entry may follow a heading or a minute
    // reference and a dash: "Planning Committee 6 July – Councillor Goodchild to be added to the
    // list of attendees", "To confirm the response – the Clerk to circulate the link".
    void action_list_entry(std::string_view s) {
        // Every entry read below has its owner's (or its heading's) " to ": a sentence without
        // one, as its keywords say, has none.
        if (!m_hits.any(kw_to)) return;
        if (list_entry_at(s, 0)) return;
        // Normalised text has ASCII dashes only ("–" and "—" became "-").
        for (std::size_t at = s.find('-'); at != std::string_view::npos && at < 200; at = s.find('-', at + 1)) {
            // " - " or, in hastily typed minutes, "inspection- clerk to ..." (the dash against
            // the heading's last word).
            if (at == 0 || at + 1 >= s.size()) continue;
            // "... has moved the Road Drain -Clerk to Report to Highways": the dash typed
            // against the entry's first word.
            if (s[at + 1] != ' ') {
                if (s[at - 1] == ' ' && text::is_upper(s[at + 1]) && list_entry_at(s, at + 1)) return;
                continue;
            }
            if (s[at - 1] != ' ' && !text::is_alpha(s[at - 1])) continue;
            if (list_entry_at(s, at + 2)) return;
            // "Trees - to ask the tree surgeon to look at them": a heading and the work, no owner.
            if (const std::string_view entry = s.substr(at + 2);
                at < 60 && text::istarts_with(entry, "to ") && is_work_verb(text::word_after(entry, 3))) {
                add_listed(std::string(entry.substr(3)), std::nullopt);
                if (!m_out.empty()) m_out.back().after_heading = true;
                return;
            }
            break;
        }
        // "... needed to be more noticeable. / Lesley to contact my surgery website": a table's
        // cells flattened with slashes, the entry in the last.
        // (Found by its "/ ": a search led by the space would stop at every word.)
        for (std::size_t at = find_by_pair(s, " / ", 1); at != std::string_view::npos && at < 300;
             at = find_by_pair(s, " / ", 1, at + 1))
            if (at + 3 < s.size() && text::is_upper(s[at + 3]) && at > 0 && (s[at - 1] == '.' || s[at - 1] == ';') &&
                list_entry_at(s, at + 3))
                return;
        // "Road sign needs turning, John Neville to request Martin Leighton to repair": an entry
        // after a comma, when a name of capitalised words owns it (a role or body after a comma
        // is too often the object of what goes before).
        for (std::size_t at = s.find(", "); at != std::string_view::npos && at < 200; at = s.find(", ", at + 1)) {
            const std::size_t from = at + 2;
            if (from >= s.size() || !text::is_upper(s[from])) continue;
            // Within the 40 bytes a name takes: a long run-on paragraph is not searched again
            // from every comma.
            const std::size_t near = find_by_pair(s.substr(from, 44), " to ", 1);
            if (near == std::string_view::npos) continue;
            const std::size_t to = from + near;
            const auto names = text::words(s.substr(from, to - from));
            if (names.empty() || names.size() > 4) continue;
            bool capitalised = true;
            for (const auto& w : names) capitalised &= text::is_capitalised(w.text);
            if (!capitalised || !is_work_verb(text::word_after(s, to + 4))) continue;
            const auto owner = owner_between(s, from, to);
            if (!owner || owner->begin != from) continue;
            // "They had agreed to fell the trees, Clerk to follow up": one role's name without
            // an article is a note's owner, as at the start of a line.
            const bool bare_role = names.size() == 1 && owner->kind == OwnerKind::role;
            if (owner->kind != OwnerKind::person && !bare_role) continue;
            if (owner->kind == OwnerKind::person && names.size() < 2) continue;
            if (list_entry_at(s, from)) return;
        }
    }

    // An action-log entry that starts at `from` in `s`.
    bool list_entry_at(std::string_view s, std::size_t from) {
        const std::string_view entry = s.substr(from);
        // "For the clerk to start the plans, it was resolved ...": a purpose, not an entry.
        if (text::istarts_with(entry, "for ")) return false;
        std::size_t to_be = m_hits.first_exact(kw_to_be, from);
        // "Clerk to produce agenda and contact list to be circulated": the owner's " to " comes
        // first, and the "to be" is inside the task.
        const std::size_t to = m_hits.first_exact(kw_to, from);
        if (to < to_be) to_be = std::string_view::npos;
        if (to_be != std::string_view::npos && to_be - from < 60) {
            const std::string_view participle = text::word_after(s, to_be + 7);
            // At the start of a sentence the subject must be a name ("Stephen Lawrence-Orumwense
            // to be invited"), since "the report was to be considered" is narrative; after a
            // heading and a dash the entry is a note of work however it is typed ("Footpaths -
            // church footpath blocked to be chased up by clerk").
            if (is_directive_participle(participle) && (from > 0 || text::is_capitalised(entry))) {
                const std::string_view subject = s.substr(from, to_be - from);
                bool capitalised_subject = true;
                for (const auto& w : text::words(subject)) capitalised_subject &= text::is_capitalised(w.text) || w.text == "of" || w.text == "and";
                if (!capitalised_subject && from == 0 && !noun_phrase_subject(subject)) return false;
                // "Trees - leaves need to be cleared away": a need stated, not work given.
                const std::string_view before_to_be = text::prev_word(subject, subject.size()).text;
                if (iequals(before_to_be, "need") || iequals(before_to_be, "needs")) return false;
                const std::size_t participle_end = text::end_of(s, participle);
                add_listed(std::string(entry), agent_of(s, participle_end));
                return true;
            }
        }
        if (to == std::string_view::npos || to - from > 80) return false;
        // Bodies may own a listed action too ("The Finance Working Group to present ..."), but
        // not a bare "Committee" (the meeting itself).
        const std::string_view task = s.substr(to + 4);
        // "Councillor Allen is to progress the sign", "AB is to organise": the same entry with "is".
        std::size_t subject_end = to;
        if (const auto is = text::word_before(s, to); iequals(is, "is") || iequals(is, "are"))
            subject_end = static_cast<std::size_t>(is.data() - s.data()) - 1;
        if (from == 0 && initials_entry(s, subject_end, task)) return true;
        // "Lead Members to update the Committee (10 minutes)" announces agenda business; "to
        // attend the Parish Forum" is a meeting elsewhere.
        const std::string_view verb = text::word_after(task, 0);
        // "to update the code of practice" is work; "to update the Committee" is the meeting's.
        const bool updates_a_thing = iequals(verb, "update") && !updates_the_meeting(trim(task).substr(6));
        if (text::contains_ci(k_at_meeting_verbs, verb) && !attends_elsewhere(task) && !updates_a_thing &&
            !find_due(task, DueContext{}, m_due_hits))
            return false;
        // After a dash the verb must be one of work: "Transport Matters – a question to the
        // Highways Authority" is not an entry.
        if (from > 0 && !is_work_verb(text::word_after(task, 0))) return false;
        // "All members to review the terms of reference": every member, each with the work.
        if (const std::string_view all = trim(s.substr(from, subject_end - from));
            text::istarts_with(all, "All ") && text::count_words(all, 3) == 2 &&
            text::contains_ci(k_every_member, text::word_after(all, 4)) &&
            is_work_verb(text::word_after(task, 0))) {
            add_listed(std::string(task), std::string(all));
            return true;
        }
        // "In Attendance:- J Birch (Clerk to Council), ...": a list of people, not an entry.
        // "Invite the Chief Nursing Officer to provide evidence": an instruction, its first word
        // its verb, names the one to be asked, not the owner.
        // ("Request for naming ... and clerk to request ...": "Request" opens a noun phrase.)
        static constexpr std::array<std::string_view, 3> k_imperative_asks = {"invite", "ask", "instruct"};
        const std::string_view first = text::word_after(s, from);
        if (from == 0 && text::contains_ci(k_imperative_asks, first) && is_work_verb(text::word_after(task, 0))) {
            add_listed(std::string(entry), std::nullopt);
            return true;
        }
        const bool instruction = is_work_verb(first) || is_request_verb(first);
        if (auto o = instruction ? std::nullopt : owner_between(s, from, subject_end); o && o->begin <= from + 4 &&
                                                 find_first_of_bytes(o->text, "(:") == std::string::npos &&
                                                 (o->kind != OwnerKind::meeting_body || text::count_words(o->text, 2) >= 2) &&
                                                 !topic_then_owner(o->text)) {
            add_listed(std::string(task), o->text);
            if (from > 0 && !m_out.empty()) m_out.back().after_heading = true;
            return true;
        }
        // "Carole Burgoyne and Ross Jago to produce a paragraph", "TD & AV to inspect": people
        // named without a title or role, given work in an action list.
        // After a dash only initials ("Millennium Wood is in a poor state - TD & AV to
        // inspect"): "Chief Officer - Housing to report" is the end of a role's name.
        const std::string_view names = trim(s.substr(from, subject_end - from));
        // After a dash, names too when the heading does not end in a role: "Noise from Carpet
        // Bowls - Sam Burton is to raise this".
        const bool after_heading_dash = from > 0 && !owner_before(s, from - 2);
        if ((from == 0 || after_heading_dash) && is_work_verb(text::word_after(task, 0)) &&
            names_people(names)) {
            add_listed(std::string(task), std::string(names));
            if (from > 0 && !m_out.empty()) m_out.back().after_heading = true;
            return true;
        }
        return false;
    }

    // "Footpaths - Clerk": a topic, a dash, then the owner (read from the dash on), unlike
    // "Chief Officer - Housing", a role and its department.
    static bool topic_then_owner(std::string_view phrase) {
        const std::size_t dash = phrase.find(" - ");
        return dash != std::string_view::npos && !classify_owner(trim(phrase.substr(0, dash)));
    }

    // "Further details to be sought", "A letter of thanks to be sent": a short noun phrase as
    // the subject of a note. "The report was to be considered" and "The Panel noted the issues
    // to be addressed" have a verb before "to be"; a past tense anywhere in the subject, or an
    // auxiliary just before "to be", makes it narrative.
    static bool noun_phrase_subject(std::string_view subject) {
        static constexpr std::array<std::string_view, 16> k_before_to_be = {
            "was", "were", "is", "are", "has", "have", "had", "need", "needs", "due", "yet",
            "likely", "going", "expected", "appears", "seems"};
        const auto words = text::words(subject);
        if (words.empty() || words.size() > 8 || !text::is_capitalised(words.front().text)) return false;
        for (const auto& w : words)
            if (text::iends_with(w.text, "ed") && w.text.size() > 4) return false;
        // A longer subject ("The criteria for Non Executive Director involvement in meetings")
        // must be one noun phrase: no comma, no auxiliary anywhere ("There were no decisions",
        // "The application seeks to fund two defibrillators,"), not an opening participle
        // ("Following a request for security").
        if (words.size() > 4) {
            // (A dash is a heading's: "Transport Committee 6 July 2022 - Councillor Amin to be added".)
            if (find_first_of_bytes(subject, ",-") != std::string_view::npos || subject.find("\xE2\x80\x93") != std::string_view::npos ||
                text::iends_with(words.front().text, "ing") || iequals(words.front().text, "There"))
                return false;
            for (const auto& w : words)
                if (text::contains_ci(k_before_to_be, w.text)) return false;
        }
        return !text::contains_ci(k_before_to_be, words.back().text);
    }

    // Community-council notes: "Water tank IJ to send letter expressing community interest",
    // "Car parking at school AB is to organise a site visit", "IJ to attend". The heading has no
    // full stop, so it shares the sentence with the owner's initials; the task is whole however
    // short. The subject ends at `subject_end`; `task` is what follows its " to ".
    // A word that can be the bare verb of a task after "to": lower-case letters, not a
    // participle or a word that starts a noun phrase ("to the Clerk", "to all members"), and not
    // "action" ("AW to action" marks who owns the line before).
    static bool plain_verb(std::string_view word) {
        static constexpr std::array<std::string_view, 23> k_not_verbs = {
            "the", "a", "an", "be", "this", "that", "these", "those", "his", "her", "their", "its",
            "our", "all", "any", "some", "each", "every", "him", "them", "date", "and", "action"};
        return word.size() >= 2 && std::all_of(word.begin(), word.end(), text::is_lower) &&
               !text::iends_with(word, "ing") && !text::iends_with(word, "ed") && !text::contains_ci(k_not_verbs, word);
    }

    bool initials_entry(std::string_view s, std::size_t subject_end, std::string_view task) {
        std::string_view initials = trailing_initials(s.substr(0, subject_end));
        // "Tree report required Clerk to chase": a role's one word, capitalised and without an
        // article, names the owner the same way.
        if (initials.empty()) {
            const std::string_view head = trim(s.substr(0, subject_end));
            const std::string_view last = text::prev_word(head, head.size()).text;
            // The word before is the heading's, in lower case: not a longer role's ("Parish
            // Clerk", "Area Committee Officer") nor an article.
            const std::string_view before = text::word_before(head, static_cast<std::size_t>(last.data() - head.data()));
            if (last.size() < 4 || before.empty() || !text::is_lower(before.front()) || iequals(before, "the") ||
                !text::is_capitalised(last) || classify_owner(last) != OwnerKind::role)
                return false;
            initials = last;
        }
        const std::string_view verb = text::word_after(task, 0);
        const std::string_view heading = s.substr(0, static_cast<std::size_t>(initials.data() - s.data()));
        // Initials that open the note own whatever follows "to": "HP to discuss the matter
        // with the window cleaners", "RJ to replace lamps". After a heading the plainer verbs of
        // work only, since the heading's last capitals may be an acronym of the topic.
        // ("AGM to confirm": the meeting that will decide, not a person.)
        static constexpr std::array<std::string_view, 4> k_meetings = {"AGM", "EGM", "AOB", "AOCB"};
        const bool opens_note =
            trim(heading).empty() && initials.data() == s.data() && !text::contains_ci(k_meetings, initials);
        if (!is_work_verb(verb) && !iequals(verb, "attend") && !iequals(verb, "update") &&
            !(opens_note && plain_verb(verb)))
            return false;
        if (text::has_more_words_than(heading, 12)) return false;
        add_listed(std::string(task), std::string(initials));
        if (!m_out.empty()) m_out.back().after_heading = true;
        return true;
    }

    // `task`, or the whole sentence it was read from when the task is a few words and the
    // sentence not many more, and says more than who and how ("Clerk to", "LM will", "Action:
    // DB to" add nothing to "follow this up").
    std::string with_short_sentence(std::string task, const std::optional<std::string>& owner) const {
        if (text::has_more_words_than(task, 4)) return task;
        std::string_view sentence = trim(m_sentence);
        while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == ';')) sentence.remove_suffix(1);
        if (sentence.size() <= task.size() + 4 || text::has_more_words_than(sentence, 14)) return task;
        const std::size_t at = sentence.find(task);
        if (at == std::string_view::npos || at + task.size() != sentence.size()) return task;
        // What the head says besides the owner and the words that hand over the task.
        static constexpr std::array<std::string_view, 12> k_handing_over = {
            "to", "will", "would", "is", "are", "agreed", "was", "asked", "be", "has", "been", "the"};
        std::size_t context = 0;
        const std::string_view head = sentence.substr(0, at);
        if (text::ifind(head, "action") != std::string_view::npos) return task;  // "... - Action rolled over: Brendan to"
        const std::size_t owner_at = owner ? head.find(*owner) : std::string_view::npos;
        for (auto w = text::next_word(head, 0); !w.text.empty(); w = text::next_word(head, w.pos + w.text.size())) {
            if (owner_at != std::string_view::npos && w.pos >= owner_at && w.pos < owner_at + owner->size()) continue;
            if (text::contains_ci(k_handing_over, w.text)) continue;
            // A reference opening the line is not context ("AP136 DL to produce a poster").
            if (w.pos == 0 && text::is_digit(w.text.back())) return task;
            ++context;
        }
        return context >= 2 ? std::string(sentence) : task;
    }

    // "Mill Wynd street lighting : Cllr JG will investigate and report back", "Bench repairs -
    // Clerk to get quotes": a note that opens with its topic, then who does what. On a register
    // "investigate and report back" alone says nothing, and the same words under three topics
    // are three tasks, so the topic leads the task. Empty when `sentence` has no such opening
    // before `task`: the topic is short, untitled by an owner ("Chief Officer - Housing to
    // report" is one role), and what lies between it and the task is only the owner and a verb.
    static std::string_view topic_before(std::string_view sentence, std::string_view task) {
        if (sentence.empty() || task.size() < 4) return {};
        const std::size_t task_at = sentence.find(task.substr(0, std::min<std::size_t>(task.size(), 24)));
        if (task_at == std::string_view::npos || task_at < 4) return {};
        const std::string_view head = sentence.substr(0, task_at);
        // The first separator: ": ", " : ", " - ", or an en or em dash between spaces. Found by
        // its rarer middle byte, then checked around it.
        std::size_t cut = std::string_view::npos, after = 0;
        for (std::size_t at = find_first_of_bytes(head, ":-\xE2"); at != std::string_view::npos && cut == std::string_view::npos;
             at = find_first_of_bytes(head, ":-\xE2", at + 1)) {
            const bool space_before = at > 0 && head[at - 1] == ' ';
            if (head[at] == ':') {
                if (at + 1 < head.size() && head[at + 1] == ' ') cut = space_before ? at - 1 : at, after = at + 2;
            } else if (head[at] == '-') {
                if (space_before && at + 1 < head.size() && head[at + 1] == ' ') cut = at - 1, after = at + 2;
            } else if (space_before && head.substr(at, 4) == "\xE2\x80\x93 ") {
                cut = at - 1, after = at + 4;
            } else if (space_before && head.substr(at, 4) == "\xE2\x80\x94 ") {
                cut = at - 1, after = at + 4;
            }
        }
        if (cut == std::string_view::npos) return {};
        std::string_view topic = trim(head.substr(0, cut));
        // "7.2 Bench repairs - ...": the item's number is not part of the topic.
        while (!topic.empty() && (text::is_digit(topic.front()) || topic.front() == '.' || topic.front() == ')'))
            topic.remove_prefix(1);
        topic = trim(topic);
        const std::size_t topic_words = text::count_words(topic, 9);
        const std::string_view topic_opener = text::next_word(topic, 0).text;
        if (topic_words == 0 || topic_words > 8 || !text::is_capitalised(topic_opener)) return {};
        // Not a sentence, a table's cells, or a task of its own ("BE to sign Code of conduct:
        // still in progress").
        if (topic.find(". ") != std::string_view::npos || find_first_of_bytes(topic, ";?!/|") != std::string_view::npos ||
            text::ifind(topic, " to ") != std::string_view::npos)
            return {};
        // Labels of the note itself, not topics: "ACTION: Clerk to ...", "Update - Clerk ...".
        static constexpr std::array<std::string_view, 20> k_labels = {
            "action", "actions", "action point", "action points", "agreed", "comment", "comments",
            "decision", "note", "noted", "outcome", "post meeting note", "post-meeting note",
            "progress", "resolution", "resolved", "response", "status", "update", "matters arising"};
        if (text::contains_ci(k_labels, topic)) return {};
        // Nor a reference or an infinitive: "Minute 32: ...", "Action rolled over: ...", "To
        // confirm the consultation response: ...".
        static constexpr std::array<std::string_view, 8> k_not_topic_openers = {
            "action", "actions", "agenda", "item", "min", "minute", "ref", "to"};
        if (text::contains_ci(k_not_topic_openers, topic_opener)) return {};
        if (auto owner = owner_between(topic, 0, topic.size()); owner && owner->begin + owner->text.size() + 2 >= topic.size())
            return {};
        // Between the topic and the task: the owner and "to", "will", "agreed to" ... only.
        const std::string_view between = head.substr(after);
        if (text::has_more_words_than(between, 7) || find_first_of_bytes(between, ".;:") != std::string_view::npos) return {};
        return topic;
    }

    std::vector<Found>& m_out;
    KeywordHits m_hits;  // the keywords of the sentence being read
    KeywordHits m_due_hits;  // find_due's, kept to reuse for every due phrase looked for
    std::string_view m_sentence;  // the sentence being read
    std::size_t m_offset = 0;
    std::string_view m_item;  // the caller's item number, which outlives the reading of the sentence
    std::string_view m_previous_sentence;  // in the same paragraph; its subject may own "he/she"
    std::vector<std::string_view> m_earlier_sentences;  // the paragraph's sentences before it
    std::size_t m_previous_offset = 0;      // where m_previous_sentence starts
    // Whom the previous sentence's opening "He"/"She" meant, for a pronoun in the next one.
    std::optional<std::string> m_carried_subject;
    // The sentence being read came after a minute's number or letter ("1. ", "(b) "), now cut off.
    bool m_after_number_label = false;
    // The paragraph before this one in the same item: a sub-heading, when a status follows it.
    std::string_view m_last_paragraph;

};

// A word's stem packed into an integer: lower case, a plural "s" dropped from long words, at
// most six letters, and the length (so "re" and "re\0" differ). Stems are only compared for
// equality, and integers sort and compare without allocating.
using Stem = std::uint64_t;

Stem stem(std::string_view word) {
    std::size_t size = word.size();
    if (size > 4 && text::to_lower(word.back()) == 's') --size;
    size = std::min<std::size_t>(size, 6);
    Stem packed = size;
    for (std::size_t i = 0; i < size; ++i)
        packed |= static_cast<Stem>(static_cast<unsigned char>(text::to_lower(word[i]))) << (8 * (i + 1));
    return packed;
}

// Sorted, without repeats.
std::vector<Stem> content_stems(std::string_view s) {
    static constexpr std::array<std::string_view, 30> k_stop = {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "be", "by", "at", "as", "is",
        "was", "were", "that", "this", "with", "from", "it", "its", "all", "would", "will",
        "should", "panel", "committee", "members"};
    // Asked of every word of every task compared. A stop word has a stop word's stem, so the
    // list is walked only for the few words whose stem is one of those (integers compared), and
    // not even then for a word of four letters or fewer: such a word is its own stem.
    static const std::vector<Stem> stop_stems = [] {
        std::vector<Stem> v;
        for (std::string_view word : k_stop) v.push_back(stem(word));
        std::sort(v.begin(), v.end());
        return v;
    }();
    // And before that search, a filter: each stem sets one of 256 bits, and a word whose bit no
    // stop word set is no stop word. Most words are turned away by it.
    const auto filter_bit = [](Stem word_stem) { return static_cast<std::size_t>((word_stem * 0x9E3779B97F4A7C15ull) >> 56); };
    static const std::array<std::uint64_t, 4> stop_filter = [&] {
        std::array<std::uint64_t, 4> bits{};
        for (const Stem stop : stop_stems) bits[filter_bit(stop) / 64] |= std::uint64_t{1} << (filter_bit(stop) % 64);
        return bits;
    }();
    std::vector<Stem> out;
    out.reserve(s.size() / 2 + 1);  // a word and the byte after it: no growing as words are added
    for (auto w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size())) {
        const Stem word_stem = stem(w.text);
        const std::size_t bit = filter_bit(word_stem);
        if ((stop_filter[bit / 64] >> (bit % 64) & 1) != 0 &&
            std::binary_search(stop_stems.begin(), stop_stems.end(), word_stem) &&
            (w.text.size() <= 4 || text::contains_ci(k_stop, w.text)))
            continue;
        out.push_back(word_stem);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// `hits` is scratch for find_due, kept by the caller for all its actions.
void apply_due(Action& action, std::string_view text, const DueContext& context, KeywordHits& hits) {
    if (auto due = find_due(text, context, hits)) {
        action.due_text = due->phrase;
        action.due = due->date;
        action.due_grain = due->grain;
    }
}

// Whether two actions can state the same task at all: same item, no conflicting owner or due phrase.
bool may_be_same_task(const Action& a, const Action& b) {
    if (a.item != b.item) return false;
    if (a.owner && b.owner && !text::iequals(*a.owner, *b.owner)) return false;
    if (a.due_text && b.due_text && a.due_text != b.due_text) return false;
    return true;
}

// How far two tasks' words (content_stems of each) overlap: the stems in common, and those over
// all the stems of both (1 when neither has any).
struct WordOverlap {
    std::size_t common = 0;
    double jaccard = 1.0;
};

WordOverlap word_overlap(const std::vector<Stem>& sa, const std::vector<Stem>& sb) {
    WordOverlap o;
    for (auto i = sa.begin(), j = sb.begin(); i != sa.end() && j != sb.end();) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else ++o.common, ++i, ++j;
    }
    const std::size_t total = sa.size() + sb.size() - o.common;
    if (total > 0) o.jaccard = static_cast<double>(o.common) / static_cast<double>(total);
    return o;
}

// A logged action ("ACTION: Chair to write to Police Inspector re anti-social behaviour") and a
// task minuted under any item ("The Chair agreed to write to the Police Inspector ..."): the
// same owner and three words in common, or most of their words when one names no owner.
bool refers_back(std::string_view task);

bool restates_task(const Action& logged, const Action& minuted, const std::vector<Stem>& sa,
                   const std::vector<Stem>& sb) {
    // "by 14/07/23" in the log and "by 14 July 2023" in the minute are the same deadline.
    if (logged.due && minuted.due ? *logged.due != *minuted.due
                                  : logged.due_text && minuted.due_text && logged.due_text != minuted.due_text)
        return false;
    const auto [common, jaccard] = word_overlap(sa, sb);
    if (logged.owner && minuted.owner) {
        if (!text::iequals(*logged.owner, *minuted.owner)) return false;
        // "The Amenities Officer will arrange this for September" and "Arrange community litter
        // pick ... | Amenities Officer | Sept 2023": a task that points back, by the same owner
        // for the same date.
        if (logged.due && minuted.due && common >= 1 && refers_back(minuted.text)) return true;
        return common >= 3 && jaccard >= 0.25;
    }
    return jaccard >= 0.4;
}

// The heading a task's text opens with before " - " ("Street lights - Cllr Fraser will follow
// up" -> "Street lights"): a few words starting with a capital. Empty when there is none.
std::string_view leading_topic(std::string_view task) {
    // Only a dash starting within the first 50 bytes counts, so only they are searched, and by
    // the dash's "- " (a search led by the space would stop at every word). Asked of every pair
    // of actions compared.
    const std::size_t dash = find_by_pair(task.substr(0, 50 + 3), " - ", 1);
    if (dash == std::string_view::npos || dash == 0 || dash > 50 || !text::is_upper(task.front())) return {};
    const std::string_view head = task.substr(0, dash);
    return !text::has_more_words_than(head, 6) ? head : std::string_view{};
}

// Whether the words of two tasks overlap enough to be one task.
bool same_words(const std::vector<Stem>& sa, const std::vector<Stem>& sb) {
    const auto [common, jaccard] = word_overlap(sa, sb);
    return jaccard >= 0.4 || (common >= 2 && jaccard >= 0.15);
}

// The pieces of a paragraph that are not resolution text, written into `parts` (its contents
// replaced: the caller keeps one vector for every paragraph).
void narrative_parts(std::string_view text, const decltype(ResolutionScan::consumed)& consumed, std::size_t index,
                     std::vector<std::string_view>& parts) {
    parts.clear();
    const auto found = consumed.find(index);
    if (found == consumed.end()) {
        parts.push_back(text);
        return;
    }
    auto ranges = found->second;
    std::sort(ranges.begin(), ranges.end());
    std::size_t at = 0;
    for (const auto& [begin, end] : ranges) {
        if (begin > at) parts.push_back(text.substr(at, begin - at));
        at = std::max(at, std::min(end, text.size()));
    }
    if (at < text.size()) parts.push_back(text.substr(at));
}

// Local Government Act 2000 s.9FE: the executive must respond to an overview and scrutiny
// committee's recommendation within two months. Added by rule, so marked derived.
std::optional<Action> statutory_response(const Resolution& res, const DueContext& context) {
    std::string_view body = trim(res.text);
    if (!text::istarts_with(body, "to ")) return std::nullopt;
    body.remove_prefix(3);
    if (text::istarts_with(body, "the ")) body.remove_prefix(4);
    std::string_view executive;
    for (std::string_view name : {"Executive Mayor", "Mayor and Cabinet", "Executive", "Cabinet"})
        if (text::istarts_with(body, name)) {
            executive = body.substr(0, name.size());
            break;
        }
    if (executive.empty() || !context.scrutiny) return std::nullopt;
    Action a;
    a.item = res.item;
    a.text = "respond to the scrutiny recommendation " + std::string(trim(res.text));
    a.owner = std::string(executive);
    a.due_text = "executive response (statutory)";
    if (context.meeting) a.due = add_months(*context.meeting, 2);
    a.derived = true;
    a.offset = res.offset;
    return a;
}

// How far back (in bytes of the document) a task that points back may reach: the sentence
// before it, or the one before that.
constexpr std::size_t k_refer_back_distance = 600;

// "circulate this within two weeks", "will arrange it": a verb whose object is the task
// someone has just asked for.
bool refers_back(std::string_view task) {
    const auto verb = text::next_word(task, 0);
    if (verb.text.empty() || !text::is_lower(verb.text[0])) return false;
    const auto object = text::next_word(task, verb.pos + verb.text.size());
    static constexpr std::array<std::string_view, 4> k_pointers = {"this", "these", "it", "them"};
    if (!text::contains_ci(k_pointers, object.text)) return false;
    // "this" may begin a noun phrase of its own ("circulate this year's figures"): only a
    // pointer that ends the task or is followed by a preposition or adverb stands alone.
    const auto next = text::next_word(task, object.pos + object.text.size());
    static constexpr std::array<std::string_view, 13> k_after_pointer = {
        "to", "by", "within", "before", "at", "in", "on", "with", "as", "after", "once", "when", "for"};
    return next.text.empty() || text::contains_ci(k_after_pointer, next.text);
}

// Whether `task` (which starts with its verb: "circulate this") does what `asked` asks
// ("a list be circulated to Members"): the verb's stem is one of the request's words.
bool same_verb(std::string_view asked, std::string_view task) {
    const Stem verb = stem(text::next_word(task, 0).text);
    for (const Stem s : content_stems(asked))
        if (s == verb) return true;
    return false;
}

}  // namespace

std::vector<Action> find_actions(const NormalisedText& doc, const DocumentStructure& structure,
                                 const ResolutionScan& scan, const DueContext& context) {
    std::vector<Action> actions;
    KeywordHits due_hits;  // for apply_due, kept to reuse for every action
    std::vector<Found> reported_in_resolutions;
    NarrativeReader reported(reported_in_resolutions);
    for (std::size_t r = 0; r < scan.resolutions.size(); ++r) {
        const Resolution& res = scan.resolutions[r];
        // A recommendation asks another body to decide; the work starts once it has. A scrutiny
        // recommendation to the executive starts the executive's statutory two-month clock.
        if (res.kind == ResolutionKind::recommended) {
            if (auto response = statutory_response(res, context)) actions.push_back(std::move(*response));
            continue;
        }
        auto found = directive_in_resolution(res.text);
        if (!found) {
            reported.read_resolution_text(res.text, res.offset, res.item);
            continue;
        }
        Action a;
        a.item = res.item;
        a.text = strip_that(found->text);
        a.owner = found->owner;
        a.resolution = r;
        a.offset = res.offset;
        apply_due(a, a.text, context, due_hits);
        actions.push_back(std::move(a));
    }

    std::vector<Found> narrative;
    narrative.reserve(64);  // a usual document's findings without regrowing (a Found is large to move)
    NarrativeReader reader(narrative);
    std::vector<std::string_view> parts, sentences;  // of the paragraph being read; kept to reuse
    for (const auto& item : structure.items) {
        const auto& scan_list = item.has_minutes_marker ? item.minutes : item.agenda;
        bool first_of_item = true;
        std::string_view previous_text;
        for (std::size_t index : scan_list) {
            const Paragraph& p = doc.paragraphs[index];
            // A pronoun reaches back to the line before in notes typed a sentence to a line
            // ("Cllr. Watt stated ... / He will instigate the payment"), never across a blank
            // line or into another item.
            if (first_of_item || p.after_blank || p.bullet)
                reader.new_paragraph(first_of_item ? std::string_view{} : previous_text);
            first_of_item = false;
            previous_text = p.text;
            narrative_parts(p.text, scan.consumed, index, parts);
            for (std::string_view part : parts) {
                split_sentences(part, sentences);
                for (std::string_view sentence : sentences) {
                    const std::size_t offset = p.offset + static_cast<std::size_t>(sentence.data() - p.text.data());
                    reader.read_sentence(sentence, offset, item.item.number);
                }
            }
        }
    }

    narrative.insert(narrative.begin(), reported_in_resolutions.begin(), reported_in_resolutions.end());
    actions.reserve(actions.size() + narrative.size());  // at most one action per finding
    std::vector<std::optional<std::vector<Stem>>> existing_stems(actions.size() + narrative.size());
    std::vector<bool> existing_listed(actions.size() + narrative.size(), false);
    std::vector<std::string_view> existing_topic(actions.size() + narrative.size());
    std::optional<std::size_t> last_narrative;  // the narrative action added last, in `actions`
    for (auto& f : narrative) {
        if (f.owner_only) {
            // Give the owner to the action just before it in the same item, if that has none.
            Action* previous = nullptr;
            for (auto& a : actions)
                if (a.item == f.item && a.offset < f.offset && (!previous || a.offset > previous->offset))
                    previous = &a;
            // "The white filler has not been painted. ACTION: JI": the sentence just before the
            // marker is the task when it gave no action of its own; an action further back is
            // another task.
            const bool sentence_before_is_task =
                f.task_before && f.text.size() >= 12 && (!previous || previous->offset < f.task_offset);
            if (previous && !previous->owner && !sentence_before_is_task) {
                previous->owner = f.owner;
                continue;
            }
            if (f.task_before) {
                if (!sentence_before_is_task) continue;
                f.owner_only = false;
                f.offset = f.task_offset;
            } else {
                // "PJ has not made contact. Clerk to chase": a whole task when nothing before it
                // waits for an owner.
                // ("Scrutiny Committee Chairs to report" heads an agenda item.)
                const std::string_view verb = text::word_after(f.text, 0);
                const bool work = !f.text.empty() && is_work_verb(verb) && !iequals(verb, "report");
                if (f.text.empty() || (!f.after_heading && !work)) continue;
                f.text = *f.owner + " to " + f.text;
            }
        }
        Action a;
        a.item = f.item;
        a.text = strip_that(f.text);
        if (!f.topic.empty()) a.text = f.topic + ": " + a.text;
        a.owner = f.owner;
        a.offset = f.offset;
        apply_due(a, a.text, context, due_hits);
        // "The Leader asked that a breakdown be circulated. The Director of Finance agreed to
        // circulate this within two weeks.": a task that points back ("circulate this") is the
        // one just asked for, and names its owner and deadline.
        if (last_narrative && refers_back(a.text)) {
            Action& asked = actions[*last_narrative];
            if (asked.item == a.item && a.offset - asked.offset < k_refer_back_distance &&
                same_verb(asked.text, a.text)) {
                if (!asked.owner) asked.owner = a.owner;
                if (!asked.due_text) {
                    asked.due_text = a.due_text;
                    asked.due = a.due;
                    asked.due_grain = a.due_grain;
                }
                continue;
            }
        }
        // Fold a narrative action into an action that states the same task ("the Democratic
        // Services Officer would circulate the new dates" + "AGREED that the schedule be revised
        // and circulated"), taking the owner and due phrase the resolution lacks.
        // Stems are worked out on the first comparison that needs them, once per action.
        std::optional<std::vector<Stem>> stems;
        const std::string_view topic = f.topic.empty() ? leading_topic(a.text) : std::string_view(f.topic);
        auto same = std::find_if(actions.begin(), actions.end(), [&](const Action& existing) {
            const bool same_item = may_be_same_task(existing, a);
            if (!same_item && !f.logged) return false;
            const auto index = static_cast<std::size_t>(&existing - actions.data());
            if (f.listed && existing_listed[index]) return false;
            // The same words under two topics are two tasks, whether the topic was split off
            // or leads the task ("Street lights - Cllr Fraser will follow up", "Rosemarkie 20mph
            // - Cllr Fraser will follow up").
            const std::string_view other = existing_topic[index].empty() ? leading_topic(existing.text) : existing_topic[index];
            if (!topic.empty() && !other.empty() && !iequals(topic, other)) return false;
            auto& cached = existing_stems[index];
            if (!cached) cached = content_stems(existing.text);
            if (!stems) stems = content_stems(a.text);
            return same_item ? same_words(*cached, *stems) : restates_task(a, existing, *stems, *cached);
        });
        if (same != actions.end()) {
            if (!same->owner) same->owner = a.owner;
            if (!same->due_text) {
                same->due_text = a.due_text;
                same->due = a.due;
                same->due_grain = a.due_grain;
            }
            continue;
        }
        existing_stems[actions.size()] = std::move(stems);
        existing_listed[actions.size()] = f.listed;
        existing_topic[actions.size()] = f.topic;
        last_narrative = actions.size();
        actions.push_back(std::move(a));
    }
    // "MS 2831: Consideration of Quotation received for Tree Works:", "make presentations to:":
    // a heading or a list's lead-in, whose work is in the lines after it, not a task. A whole
    // task with its owner that a list only details ("officers would explore the viability of
    // inviting the following witnesses in addition to those set out on the scoping report:")
    // stays, without its colon.
    static constexpr std::array<std::string_view, 9> k_open_ends = {"to", "for", "on", "with", "of", "the",
                                                                    "following", "include", "including"};
    // (One pass that keeps or drops each action and may change the kept one: erase_if's
    // predicate must not change what it looks at.)
    std::size_t kept = 0;
    for (Action& a : actions) {
        if (!a.text.empty() && a.text.back() == ':') {
            const std::string_view last = text::prev_word(a.text, a.text.size() - 1).text;
            if (!a.owner || !text::has_more_words_than(a.text, 5) || text::contains_ci(k_open_ends, last)) continue;
            a.text.pop_back();
        }
        if (&a != &actions[kept]) actions[kept] = std::move(a);
        ++kept;
    }
    actions.erase(actions.begin() + static_cast<std::ptrdiff_t>(kept), actions.end());
    // In document order, ties kept as found. The positions are sorted and each action then moved
    // once: an Action is a dozen strings and options, and a merge sort moves each several times.
    const auto by_offset = [](const Action& x, const Action& y) { return x.offset < y.offset; };
    if (std::is_sorted(actions.begin(), actions.end(), by_offset)) return actions;
    std::vector<std::size_t> order(actions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return actions[x].offset < actions[y].offset; });
    std::vector<Action> sorted;
    sorted.reserve(actions.size());
    for (const std::size_t i : order) sorted.push_back(std::move(actions[i]));
    return sorted;
}

}  // namespace actiontrack::parsers
