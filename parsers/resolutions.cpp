#include "parsers/resolutions.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "parsers/byte_scan.hpp"
#include "parsers/sentences.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

using text::trim;

struct Keyword {
    std::string_view word;
    ResolutionKind kind;
};
constexpr std::array<Keyword, 5> k_keywords = {{
    {"RESOLVED", ResolutionKind::resolved},
    {"AGREED", ResolutionKind::agreed},
    {"NOTED", ResolutionKind::noted},
    {"RECOMMENDED", ResolutionKind::recommended},
    {"DECISION", ResolutionKind::resolved},
}};

struct Opener {
    std::size_t pos = 0;       // where the keyword starts
    std::size_t text_pos = 0;  // where the resolution text starts
    ResolutionKind kind = ResolutionKind::resolved;
    bool introduces_text = false;  // "RESOLVED:" / "Resolved -": the text may be on the next line
};

bool is_roman(std::string_view s) {
    if (s.empty() || s.size() > 4) return false;
    for (char c : s)
        if (c != 'i' && c != 'v' && c != 'x') return false;
    return true;
}

// A paragraph that is mostly capitals is a heading ("RECOMMENDATIONS AGREED BY CABINET").
bool is_shouted_heading(std::string_view s) {
    const auto ws = text::words(s);
    std::size_t caps = 0, letters = 0;
    for (const auto& w : ws) {
        if (!text::is_alpha(w.text[0])) continue;
        ++letters;
        if (text::is_all_caps(w.text) && w.text.size() > 1) ++caps;
    }
    return letters >= 4 && caps * 10 >= letters * 7;
}

// Skips "(unanimously)", ":", "-", "," and spaces after a keyword.
std::size_t skip_keyword_tail(std::string_view s, std::size_t i, bool& introduces_text) {
    while (i < s.size()) {
        const char c = s[i];
        // "RESOLVED/-" is a typed ":-".
        if (c == ':' || c == '-' || c == ',' || (c == '/' && i + 1 < s.size() && s[i + 1] == '-')) {
            introduces_text = true;
            ++i;
        } else if (text::is_space(c)) {
            ++i;
        } else if (c == '(') {
            const std::size_t close = s.find(')', i);
            const std::string_view inner = close == std::string_view::npos ? "" : s.substr(i + 1, close - i - 1);
            if (text::iequals(inner, "unanimously") || text::iequals(inner, "by consensus") ||
                text::iequals(inner, "nem con")) {
                i = close + 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    return i;
}

// "45.", "8.4", "(2)", "b)": a number printed before a decision keyword.
bool is_minute_number(std::string_view s) {
    if (s.empty() || s.size() > 8) return false;
    // A label needs text after it: try it as "<s> x" (in a buffer; s is short).
    char labelled[10];
    std::memcpy(labelled, s.data(), s.size());
    std::memcpy(labelled + s.size(), " x", 2);
    if (split_list_label(std::string_view(labelled, s.size() + 2))) return true;
    for (char c : s)
        if (!text::is_digit(c) && c != '.' && c != '/') return false;
    return text::is_digit(s[0]);
}

constexpr std::array<std::string_view, 18> k_deciding_bodies = {
    "committee", "sub-committee", "panel", "board", "cabinet", "council", "commission", "executive",
    "members", "councillors", "cllrs",
    // "The States of Alderney resolved to ...", "the Commissioners resolved that ...", and the
    // boards of authorities, trusts and schools.
    "states", "commissioners", "authority", "trustees", "directors", "governors", "assembly"};

// "The Panel resolved to approve ...", "the Committee unanimously resolved that ...": a body
// recording its own decision in narrative form.
std::optional<Opener> body_resolved(std::string_view s, const text::Word& w) {
    if (w.text != "resolved") return std::nullopt;
    std::string_view before = text::word_before(s, w.pos);
    std::size_t before_pos = w.pos;
    if (before == "unanimously") {
        before_pos = s.rfind(before, w.pos);
        before = text::word_before(s, before_pos);
    }
    bool body = false;
    for (auto b : k_deciding_bodies) body |= text::iequals(before, b);
    // "The States of Alderney resolved", "the Board of Governors resolved": the body's name
    // goes on with "of" and a few capitalised words.
    std::string_view name_word = before;
    for (std::size_t words = 0; !body && words < 3 && !name_word.empty() && text::is_upper(name_word.front()); ++words) {
        const std::string_view of = text::word_before(s, static_cast<std::size_t>(name_word.data() - s.data()));
        if (of == "of") {
            const std::string_view head = text::word_before(s, static_cast<std::size_t>(of.data() - s.data()));
            for (auto b : k_deciding_bodies) body |= text::iequals(head, b);
            break;
        }
        name_word = of;
    }
    // "It was resolved to pay the invoice": the parish minute's passive.
    if (before == "was") body |= text::iequals(text::word_before(s, static_cast<std::size_t>(before.data() - s.data())), "it");
    const std::string_view next = text::word_after(s, w.pos + w.text.size());
    const std::size_t next_pos = static_cast<std::size_t>(next.data() - s.data());
    // "resolved not to annul the Regulations": a decision too.
    const bool negated = next == "not" && text::word_after(s, next_pos + 3) == "to";
    // "It was resolved for the Clerk to write to the Police": the resolution names who.
    if (!body || (!negated && next != "to" && next != "that" && next != "for")) return std::nullopt;
    Opener o;
    o.pos = w.pos;
    o.kind = ResolutionKind::resolved;
    o.text_pos = next_pos;
    return o;
}

// The decision keywords in lower case. Each has a 'd' next to an 'e' (ending the "-ed" words,
// starting "decision"), and 'd' is rare enough in English that checking for a keyword around
// each 'd' or 'D' of a paragraph costs far less than a keyword automaton stepping through every
// byte. The "-ed" keywords differ in the letter before "ed", so that letter picks the one to try.
std::string_view ed_opener(char letter_before_ed) {
    switch (letter_before_ed) {
        case 'v': return "resolved";
        case 'e': return "agreed";
        case 't': return "noted";
        case 'd': return "recommended";
        default: return {};
    }
}
constexpr std::string_view k_decision = "decision";

// Whether p[0, lower.size()) spells `lower` ignoring ASCII case (`lower` is all letters, and
// c | 0x20 equals a lower-case letter only for that letter and its capital).
bool spells(const char* p, std::string_view lower) {
    for (std::size_t i = 0; i < lower.size(); ++i)
        if ((static_cast<unsigned char>(p[i]) | 0x20) != static_cast<unsigned char>(lower[i])) return false;
    return true;
}

// The decision keywords in any case that stand as whole words, left to right. Whole words never
// overlap and each keyword is found from one 'd' (the last of an "-ed" word, the first of
// "decision"), so the order of the 'd's is the order of the words.
std::vector<text::Word> opener_candidates(std::string_view s) {
    std::vector<text::Word> out;
    const auto add_if_word = [&](std::size_t start, std::string_view lower) {
        if (start + lower.size() > s.size() || !spells(s.data() + start, lower)) return;
        // "19/8Resolved to approve ...": a capitalised keyword typed against its minute number.
        const bool after_number = start > 0 && text::is_digit(s[start - 1]) && text::is_upper(s[start]) &&
                                  text::is_word_at(s.substr(start), 0, lower.size());
        if (text::is_word_at(s, start, lower.size()) || after_number) out.push_back({s.substr(start, lower.size()), start});
    };
    const auto folded = [&](std::size_t i) { return static_cast<char>(s[i] | 0x20); };
    const auto is_d = [](unsigned char c) { return (c | 0x20) == 'd'; };
    const auto d_block = [](const char* p) { return byte_scan::mask((byte_scan::load(p) | 0x20) == 'd'); };
    byte_scan::for_each(s.data(), s.size(), d_block, is_d, [&](std::size_t d) {
        if (d >= 2 && folded(d - 1) == 'e') {
            const std::string_view w = ed_opener(folded(d - 2));
            if (!w.empty() && d + 1 >= w.size()) add_if_word(d + 1 - w.size(), w);
        } else if (d + 1 < s.size() && folded(d + 1) == 'e') {
            add_if_word(d, k_decision);
        }
    });
    return out;
}

// All openers in a paragraph, left to right.
std::vector<Opener> find_openers(std::string_view s) {
    std::vector<Opener> out;
    std::optional<bool> heading;  // is_shouted_heading(s), worked out when first needed
    for (const auto& w : opener_candidates(s)) {
        const Keyword* keyword = nullptr;
        for (const auto& k : k_keywords)
            if (w.text == k.word) keyword = &k;
        // A keyword may follow a minute number: "45. Resolved - That ...", "(2) Agreed that ...".
        std::string_view lead = trim(s.substr(0, w.pos));
        // "Seconded by Cllr. D Fitzgerald And unanimously Resolved ...".
        if (text::iends_with(lead, " unanimously")) lead = trim(lead.substr(0, lead.size() - 12));
        // ... or end a sentence: "... in Market Place. Resolved - That a report be brought ...".
        // ... or a heading and a dash: "234 MINUTES - Resolved - That the minutes be approved".
        // ... or close a motion: "Proposed by: Councillor Foley Seconded by: Councillor Galvin
        // And Resolved: "That ..."".
        const bool after_sentence = !lead.empty() && (lead.back() == '.' || lead.back() == ':' ||
                                                      (lead.back() == '-' && lead.size() >= 2 && lead[lead.size() - 2] == ' ') ||
                                                      (text::iends_with(lead, " and") && text::ifind(lead, "seconded") != std::string_view::npos));
        const bool at_start = w.pos == 0 || is_minute_number(lead) || after_sentence;
        // Mixed case only opens a paragraph: "Resolved:", "Resolved - That", "Agreed that".
        if (!keyword && at_start) {
            for (const auto& k : k_keywords)
                if (text::iequals(w.text, k.word)) keyword = &k;
            if (keyword) {
                const std::string_view after = trim(s.substr(w.pos + w.text.size()));
                // "Resolved, that these minutes be agreed", "Resolved, proposed Cllr X, that ...".
                // At the head of a paragraph the decision may follow at once: "Agreed to take no
                // further action", "Resolved to pay the invoice", "Agreed a meeting be arranged".
                const bool heads_paragraph = w.pos == 0 || is_minute_number(lead);
                const bool marks = after.empty() || after[0] == ':' || after[0] == '-' || after[0] == '/' ||
                                   text::istarts_with(after, "that") || after[0] == '(' ||
                                   // A motion quoted after it: 'And Agreed "That the procedure ..."'.
                                   (after[0] == '"' && text::istarts_with(after.substr(1), "that")) ||
                                   (after[0] == ',' && text::ifind(after.substr(0, 80), "that") != std::string_view::npos) ||
                                   (heads_paragraph && text::is_lower(after[0]) &&
                                    (w.text == "Agreed" || w.text == "Resolved") &&
                                    !text::istarts_with(after, "by ") && !text::istarts_with(after, "with ") &&
                                    !text::istarts_with(after, "and "));
                if (!marks || keyword->kind == ResolutionKind::noted) keyword = nullptr;
            }
        }
        if (!keyword) {
            if (auto o = body_resolved(s, w)) out.push_back(*o);
            continue;
        }
        if (!at_start) {
            if (!heading) heading = is_shouted_heading(s);
            if (*heading) continue;
        }
        if (keyword->kind == ResolutionKind::resolved && w.text == "DECISION" &&
            (w.pos + w.text.size() >= s.size() || s[w.pos + w.text.size()] != ':'))
            continue;
        // "REASON FOR DECISION: To enable the Committee to ...": why, under a decision notice.
        if (w.text == "DECISION" && text::iequals(text::word_before(s, w.pos), "for")) continue;
        // "... were duly NOTED.": a keyword that ends its sentence reports a decision in
        // passing; it opens nothing. (A keyword alone at the end of a table row, "22 June
        // 2022 NOTED", is the row's decision.)
        if (!at_start) {
            const std::string_view after = trim(s.substr(w.pos + w.text.size()));
            if (!after.empty() && after[0] == '.') continue;
        }
        // "the Scrutiny Letters Log be NOTED" is part of a resolution, not a new one.
        const std::string_view before = text::word_before(s, w.pos);
        if (before == "be" || before == "been" || before == "being" || before == "is" ||
            before == "are")
            continue;
        Opener o;
        o.pos = w.pos;
        o.kind = keyword->kind;
        o.text_pos = skip_keyword_tail(s, w.pos + w.text.size(), o.introduces_text);
        out.push_back(o);
    }
    return out;
}

// Splits "that (1) A; (2) B" into labelled parts when the labels run in sequence.
std::vector<std::pair<std::string, std::string>> split_inline_labels(std::string_view s) {
    std::vector<std::pair<std::string, std::string>> parts;
    if (s.find('(') == std::string_view::npos && s.find(". ") == std::string_view::npos) return parts;
    auto label_at = [&](std::size_t i, const std::string& expected) {
        return s.compare(i, expected.size(), expected) == 0 &&
               (i == 0 || text::is_space(s[i - 1]) || s[i - 1] == ':' || s[i - 1] == '-');
    };
    static constexpr std::array<std::string_view, 12> k_roman = {
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"};
    // "RESOLVED to: 1. Note the outcome ... 2. Agree the priorities ...": numbers with a full stop
    // count only before a capital, so "paragraph 2. of the report" is not a label.
    auto dotted_label_at = [&](std::size_t i, const std::string& expected) {
        const std::size_t after = i + expected.size();
        return label_at(i, expected) && after + 1 < s.size() && s[after] == ' ' && text::is_upper(s[after + 1]);
    };
    // "RESOLVED that: A Subject to ... Council. B Subject to ...": bare capitals, as some
    // councils letter their decisions, count only before a capital, the first after the lead-in's
    // colon, so that "A Member asked ..." is not a label.
    auto capital_label_at = [&](std::size_t i, const std::string& expected) {
        if (!dotted_label_at(i, expected)) return false;
        if (expected != "A") return true;
        const std::string_view before = text::trim_right(s.substr(0, i));
        return !before.empty() && before.back() == ':';
    };
    for (int style = 0; style < 5; ++style) {
        auto label = [&](int n) {
            if (style == 0) return "(" + std::to_string(n) + ")";
            if (style == 1) return std::string("(") + static_cast<char>('a' + n - 1) + ")";
            if (style == 3) return std::to_string(n) + ".";
            if (style == 4) return std::string(1, static_cast<char>('A' + n - 1));
            return n <= 12 ? "(" + std::string(k_roman[static_cast<std::size_t>(n - 1)]) + ")" : std::string("(?)");
        };
        std::vector<std::size_t> starts;
        std::size_t from = 0;
        for (int n = 1; n < 27; ++n) {
            std::size_t found = std::string_view::npos;
            const std::string expected = label(n);
            for (std::size_t i = s.find(expected, from); i != std::string_view::npos;
                 i = s.find(expected, i + 1)) {
                if (style == 3   ? dotted_label_at(i, expected)
                    : style == 4 ? capital_label_at(i, expected)
                                 : label_at(i, expected)) {
                    found = i;
                    break;
                }
            }
            if (found == std::string_view::npos) break;
            starts.push_back(found);
            from = found + expected.size();
        }
        if (starts.size() < 2) continue;
        for (std::size_t k = 0; k < starts.size(); ++k) {
            const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : s.size();
            const std::string lbl = label(static_cast<int>(k + 1));
            parts.emplace_back(lbl, std::string(trim(s.substr(starts[k] + lbl.size(), end - starts[k] - lbl.size()))));
        }
        return parts;
    }
    return parts;
}

bool ends_with_lead_in(std::string_view s) {
    s = trim(s);
    // "RESOLVED that:", "The Committee resolved:-", "Agreed that -" (a dash for the colon).
    return s.empty() || s.back() == ':' || (s.size() >= 2 && s.substr(s.size() - 2) == ":-") ||
           text::iends_with(s, "that -") || text::iequals(s, "that");  // "RESOLVED: That" / "(1) ..."
}

// "to RECOMMEND: (to Council)" -> "to RECOMMEND:": the body a recommendation is addressed to
// follows the colon in brackets.
std::string_view without_addressee(std::string_view s) {
    s = trim(s);
    if (s.empty() || s.back() != ')') return s;
    const std::size_t open = s.rfind('(');
    return open == std::string_view::npos ? s : trim(s.substr(0, open));
}

// "The start time for Area North Committee remain at 2.00pm;": a paragraph punctuated as an
// entry of a list that goes on, as unlabelled decisions under "Members agreed:" are.
bool continues_a_list(std::string_view s) {
    s = text::trim_right(s);
    return s.ends_with(';') || s.ends_with("; and") || s.ends_with("; or");
}

// "The following was agreed:" / "It was resolved:" closing a paragraph that a numbered list follows,
// and "The Committee resolved:-" whose decision is on the next line. "... Cabinet agreed to:" /
// "the Committee unanimously resolved to:" over "(i) Note the report; (ii) Approve ...": each
// entry is a decision, only when a list follows.
std::optional<Opener> narrative_lead_in(std::string_view s, std::string_view next) {
    if (s.empty() || (s.back() != ':' && s.back() != '-')) return std::nullopt;  // every tail below
    for (std::string_view tail :
         {"agreed:", "agreed:-", "resolved:", "resolved:-", "AGREED:", "agreed to:", "resolved to:"}) {
        if (!text::iends_with(s, tail)) continue;
        const std::size_t at = s.size() - tail.size();
        if (at == 0 || !text::is_space(s[at - 1])) continue;
        bool body = false;
        for (auto b : k_deciding_bodies) body |= text::iequals(text::word_before(s, at), b);
        const bool list_follows = split_list_label(next).has_value() || continues_a_list(next);
        const bool infinitives = text::iends_with(tail, " to:");
        if (!list_follows && (infinitives || !(body && text::istarts_with(tail, "resolved")))) continue;
        Opener o;
        o.pos = at;
        o.text_pos = s.size();
        o.kind = text::istarts_with(tail, "agreed") ? ResolutionKind::agreed : ResolutionKind::resolved;
        o.introduces_text = true;
        return o;
    }
    return std::nullopt;
}

// The core of a list label: "(3)" → "3", "b)" → "b", "(iv)" → "iv".
std::string_view label_core(std::string_view label) {
    while (!label.empty() && label.front() == '(') label.remove_prefix(1);
    while (!label.empty() && (label.back() == ')' || label.back() == '.')) label.remove_suffix(1);
    return label;
}

// Whether `next` continues a list whose last label was `previous` ("2." after "1.", "(c)" after
// "(b)"); a minute heading "25. FORWARD WORK PROGRAMME" after "3." does not.
bool label_follows(std::string_view previous, std::string_view next) {
    const std::string_view p = label_core(previous), n = label_core(next);
    if (p.empty() || n.empty()) return false;
    // "2.2" after "2.1": the same minute, the next decision.
    const std::size_t p_dot = p.find('.'), n_dot = n.find('.');
    if (p_dot != std::string_view::npos || n_dot != std::string_view::npos) {
        if (p_dot == std::string_view::npos || n_dot == std::string_view::npos) return false;
        if (p.substr(0, p_dot) != n.substr(0, n_dot)) return false;
        return std::stoi(std::string(n.substr(n_dot + 1))) == std::stoi(std::string(p.substr(p_dot + 1))) + 1;
    }
    if (is_roman(p) && is_roman(n)) return true;
    if (text::is_digit(p[0]) && text::is_digit(n[0]))
        return std::stoi(std::string(n)) == std::stoi(std::string(p)) + 1;
    if (p.size() == 1 && n.size() == 1 && text::is_alpha(p[0])) return n[0] == p[0] + 1;
    return false;
}

// A list may start at 1, (a) or (i), or run on from lettering earlier in the report ("(d)").
bool plausible_first_label(std::string_view label) {
    const std::string_view core = label_core(label);
    if (core.empty()) return false;
    if (const std::size_t dot = core.find('.'); dot != std::string_view::npos)
        return core.substr(dot + 1) == "1";  // "2.1"
    if (text::is_digit(core[0])) return core.size() == 1 && core[0] <= '3';
    if (is_roman(core)) return true;
    return core.size() == 1 && text::to_lower(core[0]) <= 'h';
}

// "A Subject to ...", "B Approve ...": a bare capital, then a capital, as some councils letter
// their decisions. Only ever read where an "A" and a "B" follow a lead-in (ItemScanner::emit).
std::optional<ListLabel> capital_list_label(std::string_view s) {
    if (s.size() < 4 || s[0] < 'A' || s[0] > 'Z' || s[1] != ' ' || !text::is_upper(s[2])) return std::nullopt;
    return ListLabel{s.substr(0, 1), trim(s.substr(2))};
}

// Lists of reasons or conditions belong to one decision ("REFUSED for the following reasons:").
bool introduces_reasons(std::string_view lead_in) {
    // ... or the meetings whose minutes are received ("to receive the minutes of the following
    // meetings: (a) Partnership Meeting 6 February 2020"): what the decision is about, not more
    // decisions.
    for (std::string_view word : {"reasons", "conditions", "reason:", "condition", "minutes of the following"})
        if (text::ifind(lead_in, word) != std::string_view::npos) return true;
    return false;
}

// Text that can continue a bare "RESOLVED:" on the next line.
bool looks_like_resolution_text(std::string_view s) {
    return text::istarts_with(s, "that") || text::istarts_with(s, "to ") ||
           (!s.empty() && (text::is_lower(s[0]) || s[0] == '"'));
}

// text::collapse_spaces(s), quickly for the usual case: paragraph text is collapsed already
// (see Paragraph), so a body cut from one paragraph is copied unless it has a space at either
// end, two spaces in a row or whitespace other than ' '.
std::string collapsed(std::string_view s) {
    const auto other_space = [](unsigned char c) { return c >= '\t' && c <= '\r'; };
    const auto other_space_block = [](const char* p) {
        const byte_scan::Bytes b = byte_scan::load(p);
        return byte_scan::mask((b >= '\t') & (b <= '\r'));
    };
    const bool clean = !s.empty() && s.front() != ' ' && s.back() != ' ' &&
                       byte_scan::find_if(s.data(), 0, s.size(), other_space_block, other_space) == s.size() &&
                       byte_scan::find_pair(s.data(), 0, s.size(), ' ', ' ') == s.size();
    return clean ? std::string(s) : text::collapse_spaces(s);
}

class ItemScanner {
public:
    ItemScanner(const NormalisedText& doc, const ItemBlock& item, ResolutionScan& out)
        : m_doc(doc), m_item(item), m_out(out),
          m_scan(item.has_minutes_marker ? item.minutes : item.agenda) {}

    void run() {
        for (m_k = 0; m_k < m_scan.size(); ++m_k) scan_paragraph(m_k);
    }

private:
    const Paragraph& para(std::size_t k) const { return m_doc.paragraphs[m_scan[k]]; }

    void consume(std::size_t k, std::size_t begin, std::size_t end) {
        m_out.consumed[m_scan[k]].emplace_back(begin, end);
    }

    void scan_paragraph(std::size_t k) {
        const std::string_view s = para(k).text;
        std::vector<Opener> openers = find_openers(s);
        if (openers.empty()) {
            if (auto lead = narrative_lead_in(s, k + 1 < m_scan.size() ? para(k + 1).text : ""))
                openers.push_back(*lead);
        }
        for (std::size_t o = 0; o < openers.size(); ++o) {
            const std::size_t end = o + 1 < openers.size() ? openers[o + 1].pos : s.size();
            emit(openers[o], end, o + 1 == openers.size());
        }
    }

    // Emits one opener's resolution(s). The body runs to the next opener or the end of its first
    // sentence; the last opener of a paragraph may continue onto the following paragraphs (text
    // on the next line, or a numbered list of sub-resolutions).
    void emit(const Opener& opener, std::size_t end, bool may_continue) {
        const std::size_t k = m_k;
        const std::string_view s = para(k).text;
        const std::size_t offset = para(k).offset + opener.pos;
        std::size_t begin = std::min(opener.text_pos, end);
        const std::string_view body = trim(s.substr(begin, end - begin));
        begin = body.empty() ? end : static_cast<std::size_t>(body.data() - s.data());
        m_out.consumed[m_scan[k]].emplace_back(opener.pos, end);
        const bool has_next = may_continue && m_k + 1 < m_scan.size();
        const auto next_label = has_next ? split_list_label(para(m_k + 1).text) : std::nullopt;

        // "DECISION:" heading a "RESOLVED that ..." on the next line is a label, not a decision.
        if (body.empty() && has_next && !find_openers(para(m_k + 1).text).empty()) {
            m_out.consumed[m_scan[k]].back().second = s.size();
            return;
        }
        // "NOTED" alone, then "the update report on ..." in lower case: what was noted.
        const bool noted_text_follows = has_next && text::is_lower(para(m_k + 1).text.front());
        if (body.empty() && has_next && !next_label && (opener.kind != ResolutionKind::noted || noted_text_follows) &&
            looks_like_resolution_text(para(m_k + 1).text) &&
            find_openers(para(m_k + 1).text).empty()) {
            // "RESOLVED:" alone; "That the presentation be noted." follows.
            ++m_k;
            consume(m_k, 0, para(m_k).text.size());
            // "THE DECISION:" / "That:-" / "(1) ... (2) ...": the lead-in on a line of its own.
            if (const std::string_view lead = para(m_k).text; lead.size() <= 12 && ends_with_lead_in(lead) &&
                                                              m_k + 1 < m_scan.size()) {
                if (const auto first = split_list_label(para(m_k + 1).text); first && plausible_first_label(first->label)) {
                    emit_list(opener, offset, {}, {});
                    return;
                }
            }
            emit_sentence(opener, offset, m_k, 0, para(m_k).text.size());
            return;
        }
        // "That Members agreed:" over "The start time ... remain at 2.00pm;", "The rotation ...
        // continues ...;", "The order of the agenda remain the same ...": one decision to a
        // paragraph, unlabelled, while each ends as a list entry does.
        if (has_next && !next_label && ends_with_lead_in(body) && continues_a_list(para(m_k + 1).text) &&
            find_openers(para(m_k + 1).text).empty()) {
            while (m_k + 1 < m_scan.size()) {
                const std::string_view entry = para(m_k + 1).text;
                if (!find_openers(entry).empty() || split_list_label(entry)) break;
                ++m_k;
                consume(m_k, 0, entry.size());
                add_listed(opener.kind, {}, entry, offset);
                if (!continues_a_list(entry)) break;
            }
            return;
        }
        // "RESOLVED that:" over "A Subject to ..." and "B Subject to ...": capitals lettering
        // the decisions, read as a list only when an "A" and a "B" follow.
        if (has_next && m_k + 2 < m_scan.size() && ends_with_lead_in(body)) {
            const auto first = capital_list_label(para(m_k + 1).text);
            const auto second = capital_list_label(para(m_k + 2).text);
            if (first && second && first->label == "A" && second->label == "B") {
                m_capital_labels = true;
                emit_list(opener, offset, {}, {});
                m_capital_labels = false;
                return;
            }
        }
        // "Resolved to RECOMMEND: (to Council)", then "That the revised terms ... be approved.";
        // "AGREED that:" with its text on the next line ("The draft scope ... be approved.").
        const bool that_colon = text::iends_with(trim(body), "that:");
        if (!body.empty() && has_next && !next_label && ends_with_lead_in(without_addressee(body)) &&
            (text::istarts_with(para(m_k + 1).text, "that ") || that_colon) && find_openers(para(m_k + 1).text).empty()) {
            ++m_k;
            consume(m_k, 0, para(m_k).text.size());
            add(opener.kind, "", std::string(body) + " " + std::string(para(m_k).text), offset);
            return;
        }
        // "NOTED" alone over "3.1 the background to ...; 3.2 the proposed timescales ...": what was
        // noted, item by item, when the first item reads on in lower case (a numbered heading
        // after a bare "NOTED" is the next item of business).
        const bool noted_list = opener.kind == ResolutionKind::noted && body.empty() && next_label &&
                                !next_label->rest.empty() && text::is_lower(next_label->rest.front());
        if (next_label && (opener.kind != ResolutionKind::noted || noted_list) && ends_with_lead_in(body) &&
            plausible_first_label(next_label->label)) {
            if (introduces_reasons(body)) {
                add(opener.kind, "", body, offset);
                skip_list();
                return;
            }
            emit_list(opener, offset, {}, {});
            return;
        }
        // "RESOLVED - (1) That the report be noted." with "(2) ..." on the next line.
        if (auto first = split_list_label(body); first && next_label &&
                                                 label_follows(first->label, next_label->label) &&
                                                 split_inline_labels(body).empty()) {
            emit_list(opener, offset, std::string(first->label), std::string(first->rest));
            return;
        }
        // "be as follows:" over bullet points ("· Budget - Councillor Hughes"): the list is the
        // decision's text, as numbered sub-resolutions are not.
        if (has_next && !next_label && opener.kind != ResolutionKind::noted && ends_with_lead_in(body) &&
            para(m_k + 1).bullet) {
            std::string whole(body);
            for (std::string_view sep = " "; m_k + 1 < m_scan.size() && para(m_k + 1).bullet; sep = "; ") {
                ++m_k;
                consume(m_k, 0, para(m_k).text.size());
                whole += sep;
                whole += para(m_k).text;
            }
            add(opener.kind, "", whole, offset);
            return;
        }
        const auto parts = split_inline_labels(body);
        if (!parts.empty()) {
            for (const auto& [label, part] : parts) add(opener.kind, label, part, offset);
            return;
        }
        emit_sentence(opener, offset, k, begin, end);
    }

    // A resolution ends with its sentence: narrative after it ("... be approved. The bank
    // balance was ...", "... plus VAT. Clerk to order.") stays narrative for the action finder.
    void emit_sentence(const Opener& opener, std::size_t offset, std::size_t k, std::size_t begin,
                       std::size_t end) {
        const std::string_view s = para(k).text;
        std::string_view body = s.substr(begin, end - begin);
        // A quoted motion ends with its closing quote: '"That Cllr. Malone be elected Mayor." All
        // members congratulated him.'
        if (body.size() > 2 && body.front() == '"') {
            // The closing quote ends a word and the sentence: not the opening one of a quoted
            // phrase inside ('"That "Standing Orders" be suspended ..."'), nor its close.
            std::size_t close = body.find('"', 1);
            while (close != std::string_view::npos) {
                const bool ends_word = !text::is_space(body[close - 1]);
                const std::string_view after = body.substr(close + 1);
                const bool ends_sentence = after.empty() || after[0] == '.' ||
                                           (after.size() >= 2 && after[0] == ' ' && text::is_upper(after[1]));
                if (ends_word && ends_sentence) break;
                close = body.find('"', close + 1);
            }
            if (close != std::string_view::npos) {
                if (close + 1 < body.size() && body[close + 1] == '.') ++close;
                const std::size_t cut = begin + close + 1;
                m_out.consumed[m_scan[k]].back().second = cut;
                add(opener.kind, "", s.substr(begin, cut - begin), offset);
                return;
            }
        }
        const auto sentences = split_sentences(body);
        if (sentences.size() > 1) {
            const std::string_view rest = sentences[1];
            const bool continues = split_list_label(rest) || text::istarts_with(rest, "that ") ||
                                   text::istarts_with(rest, "and ");
            if (!continues) {
                const std::size_t cut =
                    static_cast<std::size_t>(sentences[0].data() - s.data()) + sentences[0].size();
                body = s.substr(begin, cut - begin);
                m_out.consumed[m_scan[k]].back().second = cut;
            }
        }
        add(opener.kind, "", body, offset);
    }

    // Consumes the numbered paragraphs after a lead-in; a paragraph that starts in lower case
    // continues the previous entry (a hard line break inside a sub-resolution).
    void emit_list(const Opener& opener, std::size_t offset, std::string label, std::string body) {
        bool in_bullets = false;  // the entry's lead-in has taken bullet points
        auto flush = [&] {
            if (!label.empty()) add_listed(opener.kind, label, body, offset);
            body.clear();
            in_bullets = false;
        };
        while (m_k + 1 < m_scan.size()) {
            const Paragraph& next = para(m_k + 1);
            const auto l = m_capital_labels ? capital_list_label(next.text) : split_list_label(next.text);
            if (l && (label.empty() || label_follows(label, l->label))) {
                flush();
                label = std::string(l->label);
                body = std::string(l->rest);
            } else if (!label.empty() && !next.text.empty() && text::is_lower(next.text[0])) {
                body += ' ';
                body += next.text;
            } else if (!label.empty() && next.bullet && (in_bullets || ends_with_lead_in(body))) {
                // "(2) The Lead Members ... be as follows:" over bullet points: the entry's text.
                body += in_bullets ? "; " : " ";
                body += next.text;
                in_bullets = true;
            } else {
                break;
            }
            ++m_k;
            consume(m_k, 0, next.text.size());
        }
        flush();
    }

    // Consumes a list of reasons or conditions that belongs to the decision before it.
    void skip_list() {
        std::string previous;
        while (m_k + 1 < m_scan.size()) {
            const auto l = split_list_label(para(m_k + 1).text);
            if (!l || (!previous.empty() && !label_follows(previous, l->label))) break;
            previous = std::string(l->label);
            ++m_k;
            consume(m_k, 0, para(m_k).text.size());
        }
    }

    // One entry of a decision list. Under a "Decision" heading an entry may carry its own
    // keyword: "1. Noted the contents of the report." is a noted resolution, "the contents of
    // the report.".
    void add_listed(ResolutionKind kind, std::string label, std::string_view body, std::size_t offset) {
        const auto w = text::next_word(body, 0);
        if (w.pos == 0 && body.size() > w.text.size() + 1 && body[w.text.size()] == ' ') {
            for (const auto& k : k_keywords) {
                if (k.word == "DECISION" || !text::iequals(w.text, k.word)) continue;
                const std::string_view rest = trim(body.substr(w.text.size()));
                if (!rest.empty() && text::is_lower(rest[0])) {
                    kind = k.kind;
                    body = rest;
                }
                break;
            }
        }
        add(kind, std::move(label), body, offset);
    }

    void add(ResolutionKind kind, std::string label, std::string_view body, std::size_t offset) {
        Resolution r;
        r.item = m_item.item.number;
        r.kind = kind;
        r.label = std::move(label);
        r.text = collapsed(body);
        r.offset = offset;
        m_out.resolutions.push_back(std::move(r));
    }

    const NormalisedText& m_doc;
    const ItemBlock& m_item;
    ResolutionScan& m_out;
    const std::vector<std::size_t>& m_scan;
    std::size_t m_k = 0;
    bool m_capital_labels = false;  // the list being read is lettered "A", "B", ... (emit)
};

// The distinct lower-case words of a resolution other than "that" and "the", sorted.
std::vector<std::string> decision_words(std::string_view s) {
    std::vector<std::string> out;
    for (text::Word w = text::next_word(s, 0); !w.text.empty(); w = text::next_word(s, w.pos + w.text.size())) {
        std::string lower = text::to_lower(w.text);
        if (lower != "that" && lower != "the") out.push_back(std::move(lower));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// A page that prints both a "Decision:" block and the minute states each resolution twice,
// sometimes with different keywords ("Agreed that ..." / "Resolved - That ..."): keep the first.
void drop_repeated(std::vector<Resolution>& resolutions, std::size_t first) {
    // Each resolution's words, worked out once rather than once per pair.
    std::vector<std::vector<std::string>> words;
    for (std::size_t k = first; k < resolutions.size(); ++k) words.push_back(decision_words(resolutions[k].text));
    for (std::size_t j = resolutions.size(); j-- > first + 1;) {
        const auto& wj = words[j - first];
        for (std::size_t i = first; i < j; ++i) {
            const auto& wi = words[i - first];
            std::size_t common = 0;
            for (auto a = wi.begin(), b = wj.begin(); a != wi.end() && b != wj.end();) {
                if (*a < *b) {
                    ++a;
                } else if (*b < *a) {
                    ++b;
                } else {
                    ++common;
                    ++a;
                    ++b;
                }
            }
            const std::size_t total = wi.size() + wj.size() - common;
            if (total > 0 && common * 10 >= total * 7) {
                resolutions.erase(resolutions.begin() + static_cast<std::ptrdiff_t>(j));
                break;  // words[j - first] is not looked at again: later pairs have i < j
            }
        }
    }
}

}  // namespace

std::optional<ListLabel> split_list_label(std::string_view s) {
    if (s.size() < 3) return std::nullopt;
    std::size_t end = 0;
    if (s[0] == '(') {
        const std::size_t close = s.find(')');
        if (close == std::string_view::npos || close < 2 || close > 5) return std::nullopt;
        const std::string_view inner = s.substr(1, close - 1);
        const bool numeric = inner.find_first_not_of("0123456789") == std::string_view::npos;
        const bool letter = inner.size() == 1 && text::is_alpha(inner[0]);
        if (!numeric && !letter && !is_roman(inner)) return std::nullopt;
        end = close + 1;
    } else {
        std::size_t i = 0;
        while (i < s.size() && i < 3 && text::is_digit(s[i])) ++i;
        // "2.1 That ...", "3.4. the ...": a decision numbered within its minute.
        if (i > 0 && i + 1 < s.size() && s[i] == '.' && text::is_digit(s[i + 1])) {
            std::size_t j = i + 1;
            while (j < s.size() && j < i + 3 && text::is_digit(s[j])) ++j;
            if (j < s.size() && s[j] == '.') ++j;
            if (j < s.size() && text::is_space(s[j])) {
                const std::string_view rest = trim(s.substr(j));
                if (rest.empty()) return std::nullopt;
                return ListLabel{s.substr(0, j), rest};
            }
            return std::nullopt;
        }
        if (i == 0) {
            if (!text::is_lower(s[0])) return std::nullopt;
            i = 1;
            while (i < s.size() && i < 4 && is_roman(s.substr(0, i + 1))) ++i;
        }
        if (i >= s.size() || (s[i] != '.' && s[i] != ')')) return std::nullopt;
        end = i + 1;
    }
    if (end >= s.size() || !text::is_space(s[end])) return std::nullopt;
    const std::string_view rest = trim(s.substr(end));
    if (rest.empty()) return std::nullopt;
    return ListLabel{s.substr(0, end), rest};
}

ResolutionScan find_resolutions(const NormalisedText& doc, const DocumentStructure& structure) {
    ResolutionScan out;
    // The first resolution of the item whose "Decision:" block the resolutions found since may
    // repeat: its own minute, and the sub-headed parts of that minute ("Minute 31 - July 2017 -
    // Resolutions Report"), which read as items of their own but have no number or marker.
    std::optional<std::size_t> decision_first;
    for (const auto& item : structure.items) {
        const std::size_t first = out.resolutions.size();
        if (item.has_decision_marker)
            decision_first = first;
        else if (item.has_minutes_marker || !item.item.number.empty())
            decision_first.reset();
        ItemScanner(doc, item, out).run();
        if (decision_first) drop_repeated(out.resolutions, *decision_first);
    }
    return out;
}

}  // namespace actiontrack::parsers
