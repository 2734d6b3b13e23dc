// The keyword scanner must find exactly what one case-insensitive search per keyword finds
// (text::ifind / text::ifind_word), since the finders swapped those searches for it.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "parsers/keywords.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {
namespace {

TEST(KeywordScanner, ReportsEveryOccurrenceIncludingOverlapsAndSuffixes) {
    const KeywordScanner scanner{"he", "she", "his", "hers", "agreed to "};
    std::vector<std::pair<std::size_t, std::size_t>> found;
    scanner.scan("uSHErs; She Agreed To it", [&](std::size_t k, std::size_t start) { found.emplace_back(k, start); });
    std::sort(found.begin(), found.end());
    const std::vector<std::pair<std::size_t, std::size_t>> expected = {
        {0, 2}, {0, 9}, {1, 1}, {1, 8}, {3, 2}, {4, 12}};
    EXPECT_EQ(found, expected);
}

TEST(KeywordScanner, IgnoresCaseOfLettersOnly) {
    const KeywordScanner scanner{"end of ", "q3"};
    KeywordHits hits;
    hits.collect(scanner, "By the END OF march, Q3; endXof");
    EXPECT_EQ(hits.first(0), 7u);
    EXPECT_EQ(hits.first(1), 21u);
    EXPECT_EQ(hits.first(0, 8), KeywordHits::npos);
}

// Random texts over a small alphabet, so that keywords, near misses and overlaps are common.
TEST(KeywordScanner, AgreesWithOneSearchPerKeyword) {
    const std::vector<std::string_view> keywords = {"be", "would", " to ", "agreed that ", "Be to", "ee", "e", "a-b"};
    const KeywordScanner scanner{"be", "would", " to ", "agreed that ", "Be to", "ee", "e", "a-b"};
    const std::string alphabet = "bBeE toTOwuldagrch'-.";
    std::mt19937 random(20261126);
    KeywordHits hits;
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const int length = static_cast<int>(random() % 160);  // past 64: both automata run
        for (int i = 0; i < length; ++i) s.push_back(alphabet[random() % alphabet.size()]);
        if (round % 3 == 0) s.insert(random() % (s.size() + 1), round % 2 ? "Would" : "AGREED THAT be to ");
        hits.collect(scanner, s);
        for (std::size_t k = 0; k < keywords.size(); ++k) {
            for (std::size_t from = 0; from <= s.size(); ++from) {
                ASSERT_EQ(hits.first(k, from), text::ifind(s, keywords[k], from)) << s << " / " << keywords[k];
                ASSERT_EQ(hits.first_exact(k, from), std::string_view(s).find(keywords[k], from)) << s << " / " << keywords[k];
                ASSERT_EQ(hits.first_word(k, from), text::ifind_word(s, keywords[k], from)) << s << " / " << keywords[k];
                const std::size_t base = from / 2;
                const std::size_t in_slice = text::ifind_word(std::string_view(s).substr(base), keywords[k], from - base);
                ASSERT_EQ(hits.first_word(k, from, base),
                          in_slice == std::string_view::npos ? KeywordHits::npos : in_slice + base)
                    << s << " / " << keywords[k] << " base " << base;
            }
        }
    }
}

TEST(Words, NextWordPrevWordAndIsWordAtAgreeWithWords) {
    const std::string alphabet = "ab- .'C\xC3";
    std::mt19937 random(7);
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        const int length = static_cast<int>(random() % 24);
        for (int i = 0; i < length; ++i) s.push_back(alphabet[random() % alphabet.size()]);
        const auto ws = text::words(s);
        std::size_t from = 0;
        for (const auto& w : ws) {
            const auto next = text::next_word(s, from);
            ASSERT_EQ(next.text, w.text) << s;
            ASSERT_EQ(next.pos, w.pos) << s;
            from = w.pos + w.text.size();
        }
        EXPECT_TRUE(text::next_word(s, from).text.empty()) << s;
        for (std::size_t end = 0; end <= s.size(); ++end) {
            const auto before = text::words(std::string_view(s).substr(0, end));
            const auto last = text::prev_word(s, end);
            if (before.empty()) {
                ASSERT_TRUE(last.text.empty()) << s << " end " << end;
            } else {
                ASSERT_EQ(last.text, before.back().text) << s << " end " << end;
                ASSERT_EQ(last.pos, before.back().pos) << s << " end " << end;
            }
        }
        for (std::size_t pos = 0; pos < s.size(); ++pos)
            for (std::size_t len = 1; pos + len <= s.size(); ++len) {
                bool listed = false;
                for (const auto& w : ws) listed |= w.pos == pos && w.text.size() == len;
                ASSERT_EQ(text::is_word_at(s, pos, len), listed) << s << " at " << pos << " len " << len;
            }
    }
}

}  // namespace
}  // namespace actiontrack::parsers
