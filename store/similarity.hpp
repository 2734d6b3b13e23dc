#pragma once
// Recognising "the same action" across two versions of a meeting's minutes.

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace actiontrack::store {

// Two texts of the same item are the same action when their word sets overlap this much.
inline constexpr double k_same_action_similarity = 0.6;

// The lowercase ASCII words (runs of letters and digits) of `text`, as a set.
std::set<std::string> word_set(std::string_view text);

// |a ∩ b| / |a ∪ b|; 1 when both are empty (two bare actions under one item are the same).
double jaccard(const std::set<std::string>& a, const std::set<std::string>& b);

struct MatchCandidate {
    std::string item;  // the minute number; only equal items can match
    std::string text;
};

struct Match {
    std::size_t old_index;
    std::size_t new_index;
    double similarity;
};

// One-to-one matching, best first: every (old, new) pair with the same item and similarity
// >= `threshold` is ranked by similarity (ties: lower old index, then lower new index) and
// taken greedily when neither side is matched yet. Returned in that order.
std::vector<Match> match_best_first(const std::vector<MatchCandidate>& old_entries,
                                    const std::vector<MatchCandidate>& new_entries,
                                    double threshold = k_same_action_similarity);

}  // namespace actiontrack::store
