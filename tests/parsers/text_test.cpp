#include "parsers/text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "parsers/sentences.hpp"

namespace actiontrack::parsers::text {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Text, IfindIgnoresAsciiCase) {
    EXPECT_EQ(ifind("The Chair AGREED to write", "agreed to"), 10u);
    EXPECT_EQ(ifind("The Chair agreed to write", " AGREED TO "), 9u);
    EXPECT_EQ(ifind("resolved", "RESOLVED"), 0u);
    EXPECT_EQ(ifind("xx Resolved", "resolved", 4), npos);
    EXPECT_EQ(ifind("abc", "abcd"), npos);
    EXPECT_EQ(ifind("abc", ""), 0u);
    EXPECT_EQ(ifind("abc", "", 4), npos);
}

TEST(Text, IfindFindsLaterMatchesAfterNearMisses) {
    // Many anchors that do not complete the needle, in both cases, before the real match.
    EXPECT_EQ(ifind("a A a A aa AAb", "aab"), 11u);
    EXPECT_EQ(ifind("will wil WILL be", "will be"), 9u);
    EXPECT_EQ(ifind("...  12 June", " 12 june"), 4u);
    EXPECT_EQ(ifind("  ", " "), 0u);
    EXPECT_EQ(ifind("no match here", "next meeting"), npos);
}

TEST(Text, IfindWordNeedsBoundaries) {
    EXPECT_EQ(ifind_word("the theme of the day", "the", 1), 13u);
    EXPECT_EQ(ifind_word("between", "tween"), npos);
}

// The plain definitions the fast versions (eight bytes at a time, sixteen-byte screening) must
// agree with.
char reference_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool reference_iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (reference_lower(a[i]) != reference_lower(b[i])) return false;
    return true;
}

std::size_t reference_ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (from > haystack.size()) return npos;
    for (std::size_t at = from; at + needle.size() <= haystack.size(); ++at)
        if (reference_iequals(haystack.substr(at, needle.size()), needle)) return at;
    return npos;
}

// Bytes that differ from a letter by 0x20 only ('@' '`' '[' '{', 0xC1 and 0xE1) must not match.
const std::string k_tricky_alphabet = "aAbB@`[{zZ 1\xC1\xE1";

std::string random_text(std::mt19937& random, std::size_t length) {
    std::string s;
    for (std::size_t i = 0; i < length; ++i) s.push_back(k_tricky_alphabet[random() % k_tricky_alphabet.size()]);
    return s;
}

TEST(Text, IequalsAndIstartsWithAgreeWithByteByByteFolding) {
    EXPECT_TRUE(iequals("RESOLVED THAT the", "resolved that THE"));
    EXPECT_FALSE(iequals("resolved that@", "resolved that`"));
    EXPECT_FALSE(iequals("caf\xC1 au lait", "caf\xE1 au lait"));
    std::mt19937 random(20261127);
    for (int round = 0; round < 20000; ++round) {
        const std::size_t length = random() % 24;
        std::string a = random_text(random, length), b = a;
        // Flip the case of some letters, and sometimes change one byte.
        for (char& c : b)
            if (random() % 2 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) c ^= 0x20;
        if (length > 0 && random() % 3 == 0) b[random() % length] = k_tricky_alphabet[random() % k_tricky_alphabet.size()];
        ASSERT_EQ(iequals(a, b), reference_iequals(a, b)) << a << " / " << b;
        const std::size_t prefix = length == 0 ? 0 : random() % (length + 1);
        ASSERT_EQ(istarts_with(a, std::string_view(b).substr(0, prefix)), reference_iequals(std::string_view(a).substr(0, prefix), std::string_view(b).substr(0, prefix)));
    }
    EXPECT_TRUE(istarts_with("anything", ""));
    EXPECT_FALSE(istarts_with("ab", "abc"));
}

TEST(Text, IfindAgreesWithAPlainSearch) {
    std::mt19937 random(11);
    for (int round = 0; round < 5000; ++round) {
        const std::string haystack = random_text(random, random() % 80);  // past 16: blocks are screened
        std::string needle = random_text(random, 1 + random() % 4);
        if (round % 4 == 0 && !haystack.empty()) {  // often a real occurrence, in another case
            const std::size_t at = random() % haystack.size();
            needle = haystack.substr(at, 1 + random() % 5);
            for (char& c : needle)
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) c ^= 0x20;
        }
        if (round % 5 == 0) needle.insert(0, " ");  // anchored past a leading space
        for (std::size_t from = 0; from <= haystack.size() + 1; ++from)
            ASSERT_EQ(ifind(haystack, needle, from), reference_ifind(haystack, needle, from))
                << haystack << " / " << needle << " from " << from;
    }
}

TEST(Text, WordsPastTheLocalBufferAndCountWords) {
    std::string s;
    for (int i = 0; i < 130; ++i) s += "w" + std::to_string(i) + (i % 7 == 0 ? " - " : " ");
    const auto ws = words(s);
    ASSERT_EQ(ws.size(), 130u);
    EXPECT_EQ(ws[0].text, "w0");
    EXPECT_EQ(ws[129].text, "w129");
    EXPECT_EQ(ws[50].pos, s.find("w50 "));
    EXPECT_EQ(count_words(s), 130u);
    EXPECT_EQ(count_words(s, 9), 9u);
    EXPECT_EQ(count_words("Lawrence-Orumwense and co"), 3u);
    EXPECT_EQ(count_words(" -- "), 0u);
    EXPECT_EQ(count_words("one two", 0), 0u);
    std::vector<Word> reused = {{"stale", 3}};
    words(s, reused);
    ASSERT_EQ(reused.size(), ws.size());
    for (std::size_t i = 0; i < ws.size(); ++i) EXPECT_EQ(reused[i].pos, ws[i].pos);
    words("", reused);
    EXPECT_TRUE(reused.empty());
}

// The stop search screens 16 bytes at a time and the text's last block on its own; a sentence
// end must be found wherever it falls, in short and long texts alike.
TEST(Sentences, FindsAStopAtEveryPosition) {
    for (std::size_t n = 3; n <= 50; ++n)
        for (std::size_t k = 0; k + 3 <= n; ++k) {
            const std::string p = std::string(k, 'a') + ". B" + std::string(n - k - 3, 'b');
            const auto sentences = parsers::split_sentences(p);
            ASSERT_EQ(sentences.size(), 2u) << p;
            EXPECT_EQ(sentences[0], p.substr(0, k + 1)) << p;
            EXPECT_EQ(sentences[1], p.substr(k + 2)) << p;
        }
}

TEST(Sentences, SplitIntoAReusedVectorGivesTheSameSentences) {
    const std::string_view p = "Mr. Smith agreed. The Chair (Cllr. S. Jones) noted it! Then 2 items were deferred.";
    const auto sentences = parsers::split_sentences(p);
    ASSERT_EQ(sentences.size(), 3u);
    EXPECT_EQ(sentences[1], "The Chair (Cllr. S. Jones) noted it!");
    std::vector<std::string_view> reused = {"stale"};
    parsers::split_sentences(p, reused);
    EXPECT_EQ(reused, sentences);
    parsers::split_sentences("", reused);
    EXPECT_TRUE(reused.empty());
}

}  // namespace
}  // namespace actiontrack::parsers::text
