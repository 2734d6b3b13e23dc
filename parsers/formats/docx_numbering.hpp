#pragma once
// Word's list numbering (word/numbering.xml): turns a paragraph's w:numPr (numId, ilvl) into
// the label Word prints — "(1)", "(a)", "1.", "2.3" — by keeping one counter per list and level.

#include <array>
#include <map>
#include <string>
#include <string_view>

namespace pugi {
class xml_node;
}

namespace actiontrack::parsers {

// Element and attribute names without their namespace prefix ("w:p" → "p"), so documents
// whose writer picked a prefix other than "w" read the same. Inline, and a plain loop rather
// than strlen and find: the DOCX walker asks it of every node, and names are a few bytes long.
inline std::string_view local_name(const char* qualified) {
    const char* start = qualified;
    const char* p = qualified;
    for (; *p != '\0'; ++p)
        if (*p == ':' && start == qualified) start = p + 1;
    return std::string_view(start, static_cast<std::size_t>(p - start));
}

class DocxNumbering {
  public:
    // Reads the w:numbering root; an empty node gives no labels.
    explicit DocxNumbering(const pugi::xml_node& numbering_root);

    // Advances the list's counter at `level` and returns its label with a trailing space
    // ("(2) "), "\u2022 " for bullets, or "" for an unknown list or numId 0.
    std::string next_label(int num_id, int level);

  private:
    static constexpr int k_levels = 9;
    struct Level {
        int start = 1;
        std::string format = "decimal";  // w:numFmt
        std::string text = "%1.";        // w:lvlText
    };
    using Levels = std::array<Level, k_levels>;
    struct Instance {
        int abstract_id = -1;
        std::map<int, int> start_overrides;
    };
    std::map<int, Levels> m_abstracts;
    std::map<int, Instance> m_instances;
    std::map<int, std::array<int, k_levels>> m_counters;  // by numId
};

}  // namespace actiontrack::parsers
