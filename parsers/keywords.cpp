#include "parsers/keywords.hpp"

#include <algorithm>
#include <bit>

#include "parsers/text.hpp"

namespace actiontrack::parsers {

KeywordScanner::KeywordScanner(std::span<const std::string_view> keywords) {
    // Byte classes: one per distinct case-folded byte that some keyword uses. Keeping the
    // alphabet this small keeps the whole transition table in the L1/L2 cache.
    for (std::string_view keyword : keywords)
        for (char c : keyword) {
            const auto folded = static_cast<unsigned char>(text::to_lower(c));
            if (m_class[folded] == 0) m_class[folded] = static_cast<std::uint8_t>(m_classes++);
        }
    for (int c = 'A'; c <= 'Z'; ++c) m_class[c] = m_class[c - 'A' + 'a'];
    const std::size_t classes = m_classes;

    // The trie as one table of `classes` edges per node (node 0 is the root), missing edges as
    // 0; every keyword ends in one node. One table rather than a vector per node: building the
    // scanner is part of every short run of the tool.
    std::size_t most_nodes = 1;  // the root and a node per keyword byte, if no prefixes were shared
    for (std::string_view keyword : keywords) most_nodes += keyword.size();
    std::vector<std::uint32_t> child(classes, 0);
    child.reserve(most_nodes * classes);
    std::vector<std::uint32_t> depth(1, 0);  // node → length of the prefix it stands for
    depth.reserve(most_nodes);
    std::vector<std::uint32_t> end_node;     // keyword → the node where it ends
    end_node.reserve(keywords.size());
    m_lengths.reserve(keywords.size());
    m_keywords.reserve(keywords.size());
    for (std::string_view keyword : keywords) {
        std::uint32_t node = 0;
        for (char c : keyword) {
            const std::size_t edge = node * classes + m_class[static_cast<unsigned char>(c)];
            if (child[edge] == 0) {
                child[edge] = static_cast<std::uint32_t>(depth.size());
                child.resize(child.size() + classes, 0);
                depth.push_back(depth[node] + 1);
            }
            node = child[edge];
        }
        end_node.push_back(node);
        m_lengths.push_back(static_cast<std::uint32_t>(keyword.size()));
        m_longest = std::max(m_longest, keyword.size());
        m_keywords.emplace_back(keyword);
    }
    const std::size_t states = depth.size();
    std::vector<std::vector<std::uint16_t>> ends(states);  // node → keywords ending there, in order
    for (std::size_t keyword = 0; keyword < end_node.size(); ++keyword)
        ends[end_node[keyword]].push_back(static_cast<std::uint16_t>(keyword));

    // Breadth-first (`order` is the queue): each node's failure link is the longest proper
    // suffix that is also in the trie; missing edges borrow the failure node's edge, which turns
    // the trie into a DFA. A node reports its own keywords and those of its failure chain
    // (shorter suffixes); parents come before children, so a failure node's answer is known
    // when it is used.
    std::vector<std::uint32_t> fail(states, 0);
    std::vector<bool> reports(states, false);
    std::vector<std::uint32_t> order;
    order.reserve(states);
    for (std::size_t cls = 0; cls < classes; ++cls)
        if (child[cls] != 0) order.push_back(child[cls]);
    for (std::size_t at = 0; at < order.size(); ++at) {
        const std::uint32_t node = order[at];
        reports[node] = !ends[node].empty() || reports[fail[node]];
        const std::size_t own = node * classes, borrowed = fail[node] * classes;
        for (std::size_t cls = 0; cls < classes; ++cls) {
            const std::uint32_t next = child[own + cls];
            if (next != 0) {
                fail[next] = child[borrowed + cls];
                order.push_back(next);
            } else {
                child[own + cls] = child[borrowed + cls];
            }
        }
    }

    // Renumbered so that the states that report come last (the root, which reports nothing,
    // stays 0); see m_first_report_row.
    std::vector<std::uint32_t> by_number;
    by_number.reserve(states);
    for (int reporting = 0; reporting < 2; ++reporting)
        for (std::uint32_t s = 0; s < states; ++s)
            if (reports[s] == (reporting == 1)) by_number.push_back(s);
    const std::size_t quiet = static_cast<std::size_t>(std::count(reports.begin(), reports.end(), false));
    // The reporting rows start at a power of two, so that "does either of two rows report?" is
    // one test of the two rows or-ed together (see scan). The rows between the last quiet one
    // and that power of two are never reached.
    const std::size_t stride = classes + 1;
    m_first_report_row = std::bit_ceil(static_cast<std::uint32_t>(quiet * stride));
    std::vector<std::uint32_t> row_of_node(states);  // trie node → its row offset
    for (std::size_t state = 0; state < states; ++state)
        row_of_node[by_number[state]] =
            static_cast<std::uint32_t>(state < quiet ? state * stride : m_first_report_row + (state - quiet) * stride);

    // A state's keywords: its node's own, then those of each node down its failure chain.
    m_output_begin.reserve(states + 1);
    for (std::uint32_t old : by_number) {
        m_output_begin.push_back(static_cast<std::uint32_t>(m_outputs.size()));
        for (std::uint32_t node = old; node != 0; node = fail[node])
            m_outputs.insert(m_outputs.end(), ends[node].begin(), ends[node].end());
    }
    m_output_begin.push_back(static_cast<std::uint32_t>(m_outputs.size()));

    m_next.resize(m_first_report_row + (states - quiet) * stride);
    m_depth.resize(states);
    for (std::size_t state = 0; state < states; ++state) {
        const std::size_t row = row_of_node[by_number[state]];
        const std::uint32_t* edges = &child[by_number[state] * classes];
        for (std::size_t cls = 0; cls < classes; ++cls) m_next[row + cls] = row_of_node[edges[cls]];
        m_next[row + classes] = static_cast<std::uint32_t>(state);
        m_depth[state] = depth[by_number[state]];
    }
}

void KeywordHits::collect(const KeywordScanner& scanner, std::string_view s) {
    m_hits.clear();
    // Room for a long sentence's hits from the first text on: a reader's hits are otherwise
    // grown (and copied) several times per document.
    if (m_hits.capacity() == 0) m_hits.reserve(64);
    m_present.assign((scanner.size() + 63) / 64, 0);
    m_text = s;
    m_scanner = &scanner;
    scanner.scan(s, [this](std::uint16_t keyword, std::size_t start) {
        m_hits.push_back({keyword, static_cast<std::uint32_t>(start)});
        m_present[keyword / 64] |= std::uint64_t{1} << (keyword % 64);
    });
}

template <typename Accept>
std::size_t KeywordHits::first_where(std::size_t keyword, std::size_t from, Accept accept) const {
    std::size_t best = npos;
    for (const Hit& h : m_hits)
        if (h.keyword == keyword && h.start >= from && h.start < best && accept(h.start)) best = h.start;
    return best;
}

std::size_t KeywordHits::first_present(std::size_t keyword, std::size_t from) const {
    return first_where(keyword, from, [](std::size_t) { return true; });
}

std::size_t KeywordHits::first_exact_present(std::size_t keyword, std::size_t from) const {
    const std::string_view wanted = m_scanner->keyword(keyword);
    return first_where(keyword, from, [&](std::size_t start) { return m_text.compare(start, wanted.size(), wanted) == 0; });
}

std::size_t KeywordHits::first_word_present(std::size_t keyword, std::size_t from, std::size_t base) const {
    const std::size_t length = m_scanner->length(keyword);
    return first_where(keyword, std::max(from, base), [&](std::size_t start) {
        const std::size_t end = start + length;
        const char first = m_text[start], last = m_text[end - 1];
        const bool starts = start == base || !text::is_word_char(m_text[start - 1]) || !text::is_word_char(first);
        const bool ends = end == m_text.size() || !text::is_word_char(m_text[end]) || !text::is_word_char(last);
        return starts && ends;
    });
}

}  // namespace actiontrack::parsers
