#include "store/similarity.hpp"

#include <algorithm>

namespace actiontrack::store {

std::set<std::string> word_set(std::string_view text) {
    std::set<std::string> words;
    std::string word;
    // One pass past the end flushes the last word.
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
        } else if (c >= 'A' && c <= 'Z') {
            word += static_cast<char>(c - 'A' + 'a');
        } else if (!word.empty()) {
            words.insert(std::move(word));
            word.clear();
        }
    }
    return words;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) return 1.0;
    std::size_t common = 0;
    for (const std::string& word : a) common += b.contains(word) ? 1 : 0;
    const std::size_t total = a.size() + b.size() - common;
    return static_cast<double>(common) / static_cast<double>(total);
}

std::vector<Match> match_best_first(const std::vector<MatchCandidate>& old_entries,
                                    const std::vector<MatchCandidate>& new_entries,
                                    double threshold) {
    // A new meeting has no stored actions: its word sets would be built for nothing (they
    // were ~2.5% of the daemon's instructions per new document).
    if (old_entries.empty() || new_entries.empty()) return {};
    std::vector<std::set<std::string>> new_words;
    new_words.reserve(new_entries.size());
    for (const MatchCandidate& entry : new_entries) new_words.push_back(word_set(entry.text));

    std::vector<Match> candidates;
    for (std::size_t o = 0; o < old_entries.size(); ++o) {
        const std::set<std::string> old_words = word_set(old_entries[o].text);
        for (std::size_t n = 0; n < new_entries.size(); ++n) {
            if (old_entries[o].item != new_entries[n].item) continue;
            const double similarity = jaccard(old_words, new_words[n]);
            if (similarity >= threshold) candidates.push_back({o, n, similarity});
        }
    }
    // Best first, so a near-identical pair is never split up by an earlier mediocre one.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Match& a, const Match& b) { return a.similarity > b.similarity; });

    std::vector<bool> old_taken(old_entries.size(), false);
    std::vector<bool> new_taken(new_entries.size(), false);
    std::vector<Match> matches;
    for (const Match& candidate : candidates) {
        if (old_taken[candidate.old_index] || new_taken[candidate.new_index]) continue;
        old_taken[candidate.old_index] = true;
        new_taken[candidate.new_index] = true;
        matches.push_back(candidate);
    }
    return matches;
}

}  // namespace actiontrack::store
