#pragma once
// Many case-insensitive keywords found in one pass over a text.
//
// The action and resolution finders ask dozens of questions of every sentence ("does it say
// 'agreed to'?", "where is 'would'?"). Asking them one search at a time cost a pass over the
// sentence per keyword and dominated extraction time. A KeywordScanner answers them all in a
// single pass: an Aho-Corasick automaton over ASCII-case-folded bytes, so the cost is one table
// look-up per byte however many keywords there are. KeywordHits keeps the occurrences of one
// text so each finder can ask "first 'agreed to' at or after here?" without searching again.
//
// Matching is by bytes, exactly as text::ifind does it: keywords may match inside words, and
// callers that want whole words check boundaries themselves (see KeywordHits::first_word).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

class KeywordScanner {
public:
    // Keyword i is reported as i. Keywords are matched ignoring ASCII case.
    KeywordScanner(std::initializer_list<std::string_view> keywords);

    std::size_t size() const { return m_lengths.size(); }
    std::size_t length(std::size_t keyword) const { return m_lengths[keyword]; }
    std::string_view keyword(std::size_t keyword) const { return m_keywords[keyword]; }

    // Calls on_match(keyword, start) for every occurrence, overlapping ones included, in order
    // of where they end.
    template <typename OnMatch>
    void scan(std::string_view s, OnMatch&& on_match) const {
        const std::uint32_t* next = m_next.data();
        const auto step = [&](std::uint32_t row, char c) {
            return next[(row & ~k_reports) + m_class[static_cast<unsigned char>(c)]];
        };
        const auto report = [&](std::uint32_t row, std::size_t end) {
            const std::uint32_t state = (row & ~k_reports) / m_classes;
            for (std::uint32_t o = m_output_begin[state]; o < m_output_begin[state + 1]; ++o) {
                const std::uint16_t keyword = m_outputs[o];
                on_match(keyword, end - m_lengths[keyword]);
            }
        };
        // Four bytes per round with one test for "some keyword ended": most rounds report nothing.
        std::uint32_t row = 0;  // the current state's row in m_next, plus k_reports when it reports
        std::size_t i = 0;
        for (; i + 4 <= s.size(); i += 4) {
            const std::uint32_t r0 = step(row, s[i]), r1 = step(r0, s[i + 1]), r2 = step(r1, s[i + 2]),
                                r3 = step(r2, s[i + 3]);
            if (((r0 | r1 | r2 | r3) & k_reports) != 0) [[unlikely]] {
                if (r0 & k_reports) report(r0, i + 1);
                if (r1 & k_reports) report(r1, i + 2);
                if (r2 & k_reports) report(r2, i + 3);
                if (r3 & k_reports) report(r3, i + 4);
            }
            row = r3;
        }
        for (; i < s.size(); ++i) {
            row = step(row, s[i]);
            if (row & k_reports) report(row, i + 1);
        }
    }

private:
    static constexpr std::uint32_t k_reports = 1u << 31;
    std::uint32_t m_classes = 1;                  // byte classes: 0 = a byte no keyword uses
    std::uint8_t m_class[256] = {};               // byte → class (upper and lower case share one)
    // Transitions: m_next[state * m_classes + class] is the next state's row offset
    // (state * m_classes), with k_reports set when some keyword ends in that state.
    std::vector<std::uint32_t> m_next;
    std::vector<std::uint32_t> m_output_begin;    // state → first index in m_outputs (size states+1)
    std::vector<std::uint16_t> m_outputs;         // keywords that end in each state
    std::vector<std::uint32_t> m_lengths;         // keyword → length
    std::vector<std::string> m_keywords;          // keyword → as given
};

// The occurrences of a scanner's keywords in one text. Reused across texts to avoid allocation.
class KeywordHits {
public:
    static constexpr std::size_t npos = std::string_view::npos;

    void collect(const KeywordScanner& scanner, std::string_view s);

    bool any(std::size_t keyword) const { return (m_present[keyword / 64] >> (keyword % 64)) & 1; }
    // Start of the first occurrence of `keyword` that starts at or after `from`; npos if none.
    std::size_t first(std::size_t keyword, std::size_t from = 0) const;
    // Like first(), but the occurrence must match the keyword's case exactly: what
    // std::string_view::find finds, without its pass over the text.
    std::size_t first_exact(std::size_t keyword, std::size_t from = 0) const;
    // Like first(), but only where the occurrence starts and ends on word boundaries of the
    // collected text from `base` on: what text::ifind_word(text.substr(base), keyword,
    // from - base) finds, plus base.
    std::size_t first_word(std::size_t keyword, std::size_t from = 0, std::size_t base = 0) const;

private:
    struct Hit {
        std::uint16_t keyword;
        std::uint32_t start;
    };
    std::vector<Hit> m_hits;
    std::vector<std::uint64_t> m_present;  // bit per keyword: occurs at least once
    std::string_view m_text;
    const KeywordScanner* m_scanner = nullptr;
};

}  // namespace actiontrack::parsers
