#include "parsers/formats/docx_numbering.hpp"

#include <pugixml.hpp>

#include "parsers/formats/list_labels.hpp"

namespace actiontrack::parsers {

namespace {

// w:val and friends, whatever the prefix.
const char* attr(const pugi::xml_node& node, std::string_view name) {
    for (const auto& a : node.attributes())
        if (local_name(a.name()) == name) return a.value();
    return "";
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (const auto& c : node.children())
        if (local_name(c.name()) == name) return c;
    return {};
}

int to_int(const char* s, int fallback) {
    int value = 0;
    bool any = false;
    bool negative = *s == '-';
    if (negative) ++s;
    for (; *s >= '0' && *s <= '9' && value < 1000000; ++s) {
        value = value * 10 + (*s - '0');
        any = true;
    }
    return any ? (negative ? -value : value) : fallback;
}

std::string format_value(int value, std::string_view format) {
    if (format == "lowerLetter") return format_counter(value, CounterStyle::lower_letter);
    if (format == "upperLetter") return format_counter(value, CounterStyle::upper_letter);
    if (format == "lowerRoman") return format_counter(value, CounterStyle::lower_roman);
    if (format == "upperRoman") return format_counter(value, CounterStyle::upper_roman);
    if (format == "decimalZero" && value >= 0 && value < 10) return "0" + std::to_string(value);
    return format_counter(value, CounterStyle::decimal);
}

}  // namespace

DocxNumbering::DocxNumbering(const pugi::xml_node& root) {
    for (const auto& node : root.children()) {
        const std::string_view name = local_name(node.name());
        if (name == "abstractNum") {
            Levels& levels = m_abstracts[to_int(attr(node, "abstractNumId"), -1)];
            for (const auto& lvl : node.children()) {
                if (local_name(lvl.name()) != "lvl") continue;
                const int ilvl = to_int(attr(lvl, "ilvl"), -1);
                if (ilvl < 0 || ilvl >= k_levels) continue;
                Level& level = levels[static_cast<std::size_t>(ilvl)];
                if (auto n = child(lvl, "start")) level.start = to_int(attr(n, "val"), 1);
                if (auto n = child(lvl, "numFmt")) level.format = attr(n, "val");
                if (auto n = child(lvl, "lvlText")) level.text = attr(n, "val");
            }
        } else if (name == "num") {
            Instance& instance = m_instances[to_int(attr(node, "numId"), -1)];
            if (auto n = child(node, "abstractNumId"))
                instance.abstract_id = to_int(attr(n, "val"), -1);
            for (const auto& over : node.children()) {
                if (local_name(over.name()) != "lvlOverride") continue;
                if (auto s = child(over, "startOverride"))
                    instance.start_overrides[to_int(attr(over, "ilvl"), -1)] =
                        to_int(attr(s, "val"), 1);
            }
        }
    }
}

std::string DocxNumbering::next_label(int num_id, int level) {
    const auto instance = m_instances.find(num_id);
    if (num_id <= 0 || instance == m_instances.end() || level < 0 || level >= k_levels) return {};
    const auto abstract = m_abstracts.find(instance->second.abstract_id);
    if (abstract == m_abstracts.end()) return {};
    const Levels& levels = abstract->second;
    auto start_of = [&](int l) {
        const auto over = instance->second.start_overrides.find(l);
        return over != instance->second.start_overrides.end()
                   ? over->second
                   : levels[static_cast<std::size_t>(l)].start;
    };

    auto [it, fresh] = m_counters.try_emplace(num_id);
    auto& counters = it->second;
    if (fresh)
        for (int l = 0; l < k_levels; ++l) counters[static_cast<std::size_t>(l)] = start_of(l) - 1;
    ++counters[static_cast<std::size_t>(level)];
    // A higher level moving on restarts the levels below it (Word's default lvlRestart).
    for (int l = level + 1; l < k_levels; ++l)
        counters[static_cast<std::size_t>(l)] = start_of(l) - 1;

    const Level& own = levels[static_cast<std::size_t>(level)];
    if (own.format == "bullet") return "\xE2\x80\xA2 ";
    if (own.format == "none") return {};
    std::string label;
    const std::string_view pattern = own.text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const auto l = static_cast<std::size_t>(pattern[i + 1] - '1');
            // A level that never started (a "1.1" under no "1") prints its start value.
            const int value = std::max(counters[l], start_of(static_cast<int>(l)));
            label += format_value(value, levels[l].format);
            ++i;
        } else {
            label.push_back(pattern[i]);
        }
    }
    return label.empty() ? label : label + " ";
}

}  // namespace actiontrack::parsers
