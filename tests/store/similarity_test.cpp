// Tests for store/similarity.cpp: recognising the same action in corrected minutes.

#include "store/similarity.hpp"

#include <gtest/gtest.h>

namespace actiontrack::store {
namespace {

TEST(WordSet, LowercasesAndSplitsOnNonAlphanumerics) {
    EXPECT_EQ(word_set("Send the Report, send it!"),
              (std::set<std::string>{"send", "the", "report", "it"}));
    EXPECT_TRUE(word_set(" -- ").empty());
}

TEST(Jaccard, IsIntersectionOverUnion) {
    EXPECT_DOUBLE_EQ(jaccard(word_set("a b c"), word_set("a b c")), 1.0);
    EXPECT_DOUBLE_EQ(jaccard(word_set("a b c"), word_set("a b d")), 0.5);
    EXPECT_DOUBLE_EQ(jaccard(word_set("a b"), word_set("c d")), 0.0);
    EXPECT_DOUBLE_EQ(jaccard(word_set(""), word_set("")), 1.0);
    EXPECT_DOUBLE_EQ(jaccard(word_set("a"), word_set("")), 0.0);
}

TEST(MatchBestFirst, PairsOnlySameItemAboveThreshold) {
    const std::vector<MatchCandidate> old_entries = {
        {"4", "circulate the survey results to all members"},
        {"4", "invite the housing provider"},
        {"5", "update the work programme"},
    };
    const std::vector<MatchCandidate> new_entries = {
        {"5", "circulate the survey results to all members"},            // other item: no match
        {"4", "invite the housing provider to september"},               // 4/6 = 0.67
        {"4", "circulate the survey results to all committee members"},  // 7/8
    };
    const std::vector<Match> matches = match_best_first(old_entries, new_entries);
    ASSERT_EQ(matches.size(), 2u);
    EXPECT_EQ(matches[0].old_index, 0u);
    EXPECT_EQ(matches[0].new_index, 2u);
    EXPECT_DOUBLE_EQ(matches[0].similarity, 7.0 / 8.0);
    EXPECT_EQ(matches[1].old_index, 1u);
    EXPECT_EQ(matches[1].new_index, 1u);
}

TEST(MatchBestFirst, IsOneToOneAndPrefersTheBestPair) {
    // Both old texts resemble the new one; only the closer keeps it.
    const std::vector<MatchCandidate> old_entries = {
        {"4", "report back on budget"},
        {"4", "report back on the budget"},
    };
    const std::vector<MatchCandidate> new_entries = {{"4", "report back on the budget"}};
    const std::vector<Match> matches = match_best_first(old_entries, new_entries);
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(matches[0].old_index, 1u);
}

TEST(MatchBestFirst, RejectsPairsBelowThreshold) {
    const std::vector<MatchCandidate> old_entries = {{"4", "a b c d e"}};
    const std::vector<MatchCandidate> new_entries = {{"4", "a b c x y"}};  // 3/7 < 0.6
    EXPECT_TRUE(match_best_first(old_entries, new_entries).empty());
}

}  // namespace
}  // namespace actiontrack::store
