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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::parsers {

class KeywordScanner {
public:
    // Keyword i is reported as i. Keywords are matched ignoring ASCII case.
    explicit KeywordScanner(std::span<const std::string_view> keywords);
    KeywordScanner(std::initializer_list<std::string_view> keywords)
        : KeywordScanner(std::span<const std::string_view>(keywords.begin(), keywords.size())) {}

    std::size_t size() const { return m_lengths.size(); }
    std::size_t length(std::size_t keyword) const { return m_lengths[keyword]; }
    std::string_view keyword(std::size_t keyword) const { return m_keywords[keyword]; }

    // Calls on_match(keyword, start) for every occurrence, overlapping ones included, each
    // once, in no particular order.
    template <typename OnMatch>
    void scan(std::string_view s, OnMatch&& on_match) const {
        const std::uint32_t* next = m_next.data();
        // Rows are held as std::size_t so that a step is a load, an add and a load, with no
        // widening in between.
        const std::size_t reports = m_first_report_row;
        const auto step = [&](std::size_t row, char c) -> std::size_t {
            return next[row + m_class[static_cast<unsigned char>(c)]];
        };
        // Occurrences ending at `end` in the state of `row`; only those starting in [from, to).
        // (`next` is captured by value: were its address to reach this lambda, which is called
        // rather than inlined, the loops below would have to reload it from memory every step.)
        const auto report = [this, next, &on_match](std::size_t row, std::size_t end, std::size_t from, std::size_t to) {
            const std::size_t state = next[row + m_classes];
            for (std::uint32_t o = m_output_begin[state]; o < m_output_begin[state + 1]; ++o) {
                const std::uint16_t keyword = m_outputs[o];
                const std::size_t start = end - m_lengths[keyword];
                if (start >= from && start < to) on_match(keyword, start);
            }
        };
        // Each step waits for the table load of the one before, so one automaton walking the
        // text is bound by memory latency. Two walk it at once, over halves that overlap by a
        // keyword's length: the first reports occurrences starting in the first half, the second
        // (starting afresh at `half`) those starting from there on.
        const std::size_t n = s.size();
        const std::size_t half = n < 64 ? n : n / 2;
        const std::size_t end_a = std::min(n, half + m_longest);  // a match starting before half ends here
        std::size_t a = 0, b = 0;  // rows (see m_next) of the two automata
        std::size_t i = 0;
        const std::size_t together = std::min(end_a, n - half);
        // Two bytes per automaton a round, with one test of whether any of the four rows
        // reached reports. (Reporting rows start at a power of two: some row reports if and
        // only if their bitwise or is at least that.) Occurrences are reported in the same
        // order as one byte a round would.
        // (The bytes are walked by two pointers, one per half, so that the loop's state fits in
        // registers: with indices, a round also loaded and stored some of it.)
        if (together >= 2) {
            const char* pa = s.data();
            const char* pb = s.data() + half;
            const char* const last_pair = s.data() + together - 2;  // where the last whole round starts
            for (; pa <= last_pair; pa += 2, pb += 2) {
                const std::size_t a1 = step(a, pa[0]), b1 = step(b, pb[0]);
                a = step(a1, pa[1]);
                b = step(b1, pb[1]);
                if ((a1 | b1 | a | b) >= reports) [[unlikely]] {
                    const std::size_t at = static_cast<std::size_t>(pa - s.data());
                    if (a1 >= reports) report(a1, at + 1, 0, half);
                    if (b1 >= reports) report(b1, half + at + 1, half, n);
                    if (a >= reports) report(a, at + 2, 0, half);
                    if (b >= reports) report(b, half + at + 2, half, n);
                }
            }
            i = static_cast<std::size_t>(pa - s.data());
        }
        for (; i < together; ++i) {
            a = step(a, s[i]);
            b = step(b, s[half + i]);
            if ((a | b) >= reports) [[unlikely]] {
                if (a >= reports) report(a, i + 1, 0, half);
                if (b >= reports) report(b, half + i + 1, half, n);
            }
        }
        // (A short text is read by the first automaton alone, here, likewise two bytes a round.)
        std::size_t j = i;
        for (; j + 2 <= half; j += 2) {
            const std::size_t a1 = step(a, s[j]);
            a = step(a1, s[j + 1]);
            if ((a1 | a) >= reports) [[unlikely]] {
                if (a1 >= reports) report(a1, j + 1, 0, half);
                if (a >= reports) report(a, j + 2, 0, half);
            }
        }
        for (; j < half; ++j) {
            a = step(a, s[j]);
            if (a >= reports) [[unlikely]] report(a, j + 1, 0, half);
        }
        // The first automaton reads on past `half` only while its partial match began before
        // `half`: every occurrence it could still report is a suffix of that partial match, so
        // once the match is shorter than the distance past `half`, none of them starts before it.
        // (Usually that is a byte or two, not the longest keyword's length.)
        for (; j < end_a; ++j) {
            a = step(a, s[j]);
            if (a >= reports) [[unlikely]] report(a, j + 1, 0, half);
            if (j + 1 - m_depth[next[a + m_classes]] >= half) break;
        }
        for (std::size_t k = half + i; k < n; ++k) {
            b = step(b, s[k]);
            if (b >= reports) [[unlikely]] report(b, k + 1, half, n);
        }
    }

private:
    std::uint32_t m_classes = 1;                  // byte classes: 0 = a byte no keyword uses
    std::uint8_t m_class[256] = {};               // byte → class (upper and lower case share one)
    // Transitions: m_next[row + class] is the offset of the next state's row, a row being
    // m_classes + 1 entries. States where some keyword ends have their rows after all others,
    // from m_first_report_row (a power of two) on, so "report?" is one comparison of the row
    // with m_first_report_row, and a step is an add and a load with no flag to mask off first.
    // The extra last entry of each row holds the state's number (for m_output_begin and
    // m_depth), so that reporting needs no division of the row offset.
    std::vector<std::uint32_t> m_next;
    std::uint32_t m_first_report_row = 0;
    std::vector<std::uint32_t> m_output_begin;    // state → first index in m_outputs (size states+1)
    std::vector<std::uint16_t> m_outputs;         // keywords that end in each state
    std::vector<std::uint32_t> m_depth;           // state → length of the partial match it stands for
    std::vector<std::uint32_t> m_lengths;         // keyword → length
    std::size_t m_longest = 0;                    // the longest keyword's length
    std::vector<std::string> m_keywords;          // keyword → as given
};

// The occurrences of a scanner's keywords in one text. Reused across texts to avoid allocation.
class KeywordHits {
public:
    static constexpr std::size_t npos = std::string_view::npos;

    void collect(const KeywordScanner& scanner, std::string_view s);

    bool any(std::size_t keyword) const { return (m_present[keyword / 64] >> (keyword % 64)) & 1; }
    // Whether any of the keywords numbered first..last (inclusive) occurs: one test for a group
    // that a reader goes through keyword by keyword, usually finding none of them.
    bool any_in(std::size_t first, std::size_t last) const {
        for (std::size_t word = first / 64; word <= last / 64; ++word) {
            std::uint64_t bits = m_present[word];
            if (word == first / 64) bits &= ~std::uint64_t{0} << (first % 64);
            if (word == last / 64) bits &= ~std::uint64_t{0} >> (63 - last % 64);
            if (bits != 0) return true;
        }
        return false;
    }
    // Start of the first occurrence of `keyword` that starts at or after `from`; npos if none.
    // (These are inline so that the usual answer, a keyword absent from the text, costs one
    // bit test in the caller.)
    std::size_t first(std::size_t keyword, std::size_t from = 0) const {
        return any(keyword) ? first_present(keyword, from) : npos;
    }
    // Like first(), but the occurrence must match the keyword's case exactly: what
    // std::string_view::find finds, without its pass over the text.
    std::size_t first_exact(std::size_t keyword, std::size_t from = 0) const {
        return any(keyword) ? first_exact_present(keyword, from) : npos;
    }
    // Like first(), but only where the occurrence starts and ends on word boundaries of the
    // collected text from `base` on: what text::ifind_word(text.substr(base), keyword,
    // from - base) finds, plus base.
    std::size_t first_word(std::size_t keyword, std::size_t from = 0, std::size_t base = 0) const {
        return any(keyword) ? first_word_present(keyword, from, base) : npos;
    }

private:
    // first(), first_exact() and first_word() for a keyword that occurs somewhere.
    std::size_t first_present(std::size_t keyword, std::size_t from) const;
    std::size_t first_exact_present(std::size_t keyword, std::size_t from) const;
    std::size_t first_word_present(std::size_t keyword, std::size_t from, std::size_t base) const;

    // The earliest occurrence of `keyword` starting at or after `from` that `accept(start)` takes.
    template <typename Accept>
    std::size_t first_where(std::size_t keyword, std::size_t from, Accept accept) const;

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
