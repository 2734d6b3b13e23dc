// Runs the extractor over the labelled real minutes in ../shared (seeds and public cases) when
// that folder exists, and checks every labelled resolution and action is found with the right
// kind, owner and due date. The matching rules mirror the evaluation contract (CONTRACT.md).
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "parsers/extract.hpp"

namespace actiontrack::parsers {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::set<std::string> word_set(std::string_view s, bool content_only) {
    static const std::set<std::string> k_stop = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for",
                                                 "be", "by", "at", "as", "is", "was", "were", "that", "this",
                                                 "with", "from", "it", "its"};
    std::string lower;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
            lower.push_back('\'');
            i += 2;
            continue;
        }
        const char c = s[i];
        lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    std::set<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && !(content_only && k_stop.count(word))) out.insert(word);
        word.clear();
    };
    for (char c : lower) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') word.push_back(c);
        else flush();
    }
    flush();
    return out;
}

double jaccard(std::string_view a, std::string_view b, bool content_only) {
    const auto wa = word_set(a, content_only), wb = word_set(b, content_only);
    if (wa.empty() && wb.empty()) return 1.0;
    std::size_t common = 0;
    for (const auto& w : wa) common += wb.count(w);
    const std::size_t total = wa.size() + wb.size() - common;
    return total == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(total);
}

std::string str_or_empty(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

void check_case(const fs::path& gold_path) {
    const std::string stem = gold_path.filename().string().substr(0, gold_path.filename().string().size() - 10);
    const fs::path doc = gold_path.parent_path() / (stem + ".txt");
    if (!fs::exists(doc)) return;
    const json::object gold = json::parse(read_file(gold_path)).as_object();
    const Extraction e = extract(read_file(doc));
    SCOPED_TRACE(stem);

    std::vector<bool> used(e.resolutions.size(), false);
    for (const auto& g : gold.at("resolutions").as_array()) {
        const auto& go = g.as_object();
        if (go.contains("optional") && go.at("optional").as_bool()) continue;
        const std::string kind = str_or_empty(go.at("kind"));
        const std::string text = str_or_empty(go.at("text"));
        bool found = false;
        for (std::size_t i = 0; i < e.resolutions.size() && !found; ++i) {
            if (used[i] || to_string(e.resolutions[i].kind) != kind) continue;
            const bool ok = text.empty() ? e.resolutions[i].text.size() < 20
                                         : jaccard(e.resolutions[i].text, text, false) >= 0.5;
            if (ok) used[i] = found = true;
        }
        EXPECT_TRUE(found) << "missed resolution [" << kind << "] " << text;
    }

    for (const auto& g : gold.at("actions").as_array()) {
        const auto& go = g.as_object();
        if (go.contains("optional") && go.at("optional").as_bool()) continue;
        std::vector<std::string> texts = {str_or_empty(go.at("text"))};
        if (go.contains("alt_texts"))
            for (const auto& alt : go.at("alt_texts").as_array()) texts.push_back(str_or_empty(alt));
        const Action* match = nullptr;
        for (const auto& a : e.actions)
            for (const auto& t : texts)
                if (!a.derived && jaccard(a.text, t, true) >= 0.35) match = &a;
        if (!match) {
            ADD_FAILURE() << "missed action " << texts[0];
            continue;
        }
        const std::string gold_due = str_or_empty(go.at("due"));
        EXPECT_EQ(match->due ? iso_date(*match->due) : "", gold_due) << texts[0];
        const std::string gold_owner = str_or_empty(go.at("owner"));
        const std::string owner = match->owner.value_or("");
        EXPECT_TRUE(gold_owner.empty() ? owner.empty()
                                       : !owner.empty() && (owner.find(gold_owner) != std::string::npos ||
                                                            gold_owner.find(owner) != std::string::npos))
            << "owner " << owner << " vs " << gold_owner;
    }
}

void check_folder(const fs::path& folder) {
    if (!fs::is_directory(folder)) GTEST_SKIP() << folder << " is not present";
    std::size_t cases = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 10 && name.substr(name.size() - 10) == ".gold.json") {
            check_case(entry.path());
            ++cases;
        }
    }
    EXPECT_GT(cases, 0u);
}

TEST(RealMinutes, SeedsMatchTheirLabels) { check_folder(fs::path(ACTIONTRACK_SHARED_DIR) / "seeds"); }

}  // namespace
}  // namespace actiontrack::parsers
