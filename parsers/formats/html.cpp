// The HTML plug-in (actiontrack-html.so): html_to_text() (html.hpp) behind the boundary in
// plugin_boundary.hpp, so that libxml2 and ICU are loaded only when the first HTML page arrives.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "parsers/byte_scan.hpp"
#include "parsers/encoding.hpp"
#include "parsers/formats/list_labels.hpp"
#include "parsers/formats/plugin_boundary.hpp"
#include "parsers/formats/table_text.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

// Deeper nesting than this is not a real page; stopping bounds the walker's stack on hostile
// input.
constexpr int k_max_depth = 200;

// The charset label from a BOM or a <meta charset=...> / http-equiv content in the first 2 KiB.
std::string declared_charset(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 2048);
    const std::size_t at = text::ifind(head, "charset=");
    if (at == std::string_view::npos) return {};
    std::size_t i = at + 8;
    while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
    std::string label;
    while (i < head.size() &&
           (text::is_alpha(head[i]) || text::is_digit(head[i]) || head[i] == '-' || head[i] == '_'))
        label.push_back(text::to_lower(head[i++]));
    return label;
}

// The page as UTF-8: a view of `bytes` when they are UTF-8 already (most pages), else of
// `storage`, which holds the decoded text.
std::string_view decode_html_bytes(std::string_view bytes, std::vector<std::string>& warnings,
                                   std::string& storage) {
    if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
        bytes.starts_with("\xFE\xFF"))
        return decode_to_utf8(bytes, warnings, storage);
    const std::string charset = declared_charset(bytes);
    // The WHATWG Encoding Standard maps all of these labels to windows-1252, and pages labelled
    // ISO-8859-1 routinely contain Windows-1252 curly quotes and dashes (0x91-0x97).
    for (std::string_view label :
         {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
          "us-ascii", "ascii", "x-cp1252", "iso_8859-1"})
        if (charset == label) return storage = decode_windows_1252(bytes);
    return decode_to_utf8(bytes, warnings, storage);
}

// The elements the writer treats specially; every other element is inline.
enum class Tag {
    other, dropped, block, br, table, thead, tbody, tfoot, tr, td, th, caption, ol, ul, li, pre,
};

// libxml2's HTML parser gives element names in lower case.
Tag tag_of(const xmlNode& node) {
    static const auto* const k_tags = [] {
        auto* tags = new std::vector<std::pair<std::string_view, Tag>>{
            {"head", Tag::dropped},     {"script", Tag::dropped},   {"style", Tag::dropped},
            {"noscript", Tag::dropped}, {"template", Tag::dropped}, {"nav", Tag::dropped},
            {"header", Tag::dropped},   {"footer", Tag::dropped},   {"form", Tag::dropped},
            {"button", Tag::dropped},   {"select", Tag::dropped},   {"textarea", Tag::dropped},
            {"input", Tag::dropped},    {"iframe", Tag::dropped},   {"object", Tag::dropped},
            {"svg", Tag::dropped},      {"aside", Tag::dropped},    {"menu", Tag::dropped},
            {"math", Tag::dropped},
            {"p", Tag::block},          {"div", Tag::block},        {"h1", Tag::block},
            {"h2", Tag::block},         {"h3", Tag::block},         {"h4", Tag::block},
            {"h5", Tag::block},         {"h6", Tag::block},         {"blockquote", Tag::block},
            {"section", Tag::block},    {"article", Tag::block},    {"main", Tag::block},
            {"dl", Tag::block},         {"dt", Tag::block},         {"dd", Tag::block},
            {"address", Tag::block},    {"hr", Tag::block},         {"figure", Tag::block},
            {"body", Tag::block},       {"center", Tag::block},     {"fieldset", Tag::block},
            {"details", Tag::block},    {"summary", Tag::block},
            {"br", Tag::br},            {"table", Tag::table},      {"thead", Tag::thead},
            {"tbody", Tag::tbody},      {"tfoot", Tag::tfoot},      {"tr", Tag::tr},
            {"td", Tag::td},            {"th", Tag::th},            {"caption", Tag::caption},
            {"ol", Tag::ol},            {"ul", Tag::ul},            {"li", Tag::li},
            {"pre", Tag::pre}};
        std::sort(tags->begin(), tags->end());
        return tags;
    }();
    if (node.name == nullptr) return Tag::other;
    const std::string_view name = reinterpret_cast<const char*>(node.name);
    const auto found = std::lower_bound(k_tags->begin(), k_tags->end(), std::pair{name, Tag::other});
    return found != k_tags->end() && found->first == name ? found->second : Tag::other;
}

// An attribute's value; an empty view for a bare attribute (`hidden`), nullopt when absent.
// The HTML parser stores each value as one text node.
std::optional<std::string_view> attribute(const xmlNode& el, const char* name) {
    for (const xmlAttr* a = el.properties; a != nullptr; a = a->next) {
        if (a->name == nullptr || std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
        if (a->children == nullptr || a->children->content == nullptr) return std::string_view{};
        return std::string_view(reinterpret_cast<const char*>(a->children->content));
    }
    return std::nullopt;
}

bool is_hidden_or_chrome(const xmlNode& el) {
    if (el.properties == nullptr) return false;  // most elements: nothing to look at
    if (const auto style = attribute(el, "style"); style && text::ifind(*style, "display") != std::string_view::npos) {
        std::string compact;
        for (char c : *style)
            if (c != ' ') compact.push_back(text::to_lower(c));
        if (compact.find("display:none") != std::string::npos) return true;
    }
    if (attribute(el, "hidden")) return true;
    if (const auto role = attribute(el, "role")) {
        for (std::string_view chrome : {"navigation", "banner", "contentinfo", "search"})
            if (text::iequals(*role, chrome)) return true;
    }
    for (const char* name : {"class", "id"}) {
        const auto value = attribute(el, name);
        if (!value) continue;
        for (std::string_view chrome :
             {"breadcrumb", "navigation", "skiplink", "skip-link", "cookie", "sidebar"})
            if (text::ifind(*value, chrome) != std::string_view::npos) return true;
    }
    return false;
}

CounterStyle ol_style(const xmlNode& el) {
    if (const auto type = attribute(el, "type")) {
        const std::string_view t = *type;
        if (t == "a") return CounterStyle::lower_letter;
        if (t == "A") return CounterStyle::upper_letter;
        if (t == "i") return CounterStyle::lower_roman;
        if (t == "I") return CounterStyle::upper_roman;
    }
    if (const auto style = attribute(el, "style")) {
        const std::string s = text::to_lower(*style);
        if (s.find("lower-alpha") != std::string::npos ||
            s.find("lower-latin") != std::string::npos)
            return CounterStyle::lower_letter;
        if (s.find("upper-alpha") != std::string::npos ||
            s.find("upper-latin") != std::string::npos)
            return CounterStyle::upper_letter;
        if (s.find("lower-roman") != std::string::npos) return CounterStyle::lower_roman;
        if (s.find("upper-roman") != std::string::npos) return CounterStyle::upper_roman;
    }
    return CounterStyle::decimal;
}

int int_attribute(const xmlNode& el, const char* name, int fallback) {
    const auto value = attribute(el, name);
    if (!value) return fallback;
    int number = 0;
    bool any = false;
    for (char c : *value) {
        if (!text::is_digit(c) || number >= 100000) break;
        number = number * 10 + (c - '0');
        any = true;
    }
    return any ? number : fallback;
}

// The first i in [from, n) where whitespace other than a lone ' ' starts: a tab, a line
// break or another control space, or a ' ' followed by whitespace. Reads only p[0, n).
std::size_t next_space_to_collapse(const char* p, std::size_t from, std::size_t n) {
    using namespace byte_scan;
    std::size_t i = from;
    for (; i + k_block + 1 <= n; i += k_block) {
        const Bytes b = load(p + i);
        const Bytes next = load(p + i + 1);
        const Lanes control = (b >= '\t') & (b <= '\r');
        const Lanes next_space = (next == ' ') | ((next >= '\t') & (next <= '\r'));
        if (const std::uint32_t bits = mask(control | ((b == ' ') & next_space)))
            return i + first_bit(bits);
    }
    for (; i < n; ++i) {
        if (p[i] != ' ' && text::is_space(p[i])) return i;
        if (p[i] == ' ' && i + 1 < n && text::is_space(p[i + 1])) return i;
    }
    return n;
}

struct ListState {
    bool ordered = false;
    CounterStyle style = CounterStyle::decimal;
    int next = 1;
};

// Walks the DOM and writes paragraphs. Inline text accumulates in m_line; every block
// boundary flushes it as one paragraph.
class HtmlWriter {
  public:
    std::string take() {
        flush();
        return std::move(m_out);
    }

    void walk(const xmlNode& node, int depth) {
        if (depth > k_max_depth) return;
        switch (node.type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                if (node.content != nullptr) add_text(reinterpret_cast<const char*>(node.content));
                return;
            case XML_ELEMENT_NODE:
                element(node, depth);
                return;
            default:
                return;
        }
    }

  private:
    void children(const xmlNode& parent, int depth) {
        for (const xmlNode* child = parent.children; child != nullptr; child = child->next)
            walk(*child, depth + 1);
    }

    void element(const xmlNode& el, int depth) {
        const Tag tag = tag_of(el);
        if (tag == Tag::dropped || is_hidden_or_chrome(el)) return;
        switch (tag) {
            case Tag::br:
                m_line.push_back('\n');
                return;
            case Tag::table:
                flush();
                table(el, depth);
                return;
            case Tag::ol:
            case Tag::ul: {
                flush();
                ListState list;
                list.ordered = tag == Tag::ol;
                list.style = ol_style(el);
                list.next = int_attribute(el, "start", 1);
                m_lists.push_back(list);
                children(el, depth);
                m_lists.pop_back();
                flush();
                return;
            }
            case Tag::li:
                flush();
                m_line = list_label(el);
                children(el, depth);
                flush();
                return;
            case Tag::pre:
                flush();
                ++m_pre;
                children(el, depth);
                --m_pre;
                flush();
                return;
            case Tag::td:
            case Tag::th:
                // A cell outside a table (broken markup the parser kept): a paragraph of its own.
                flush();
                children(el, depth);
                flush();
                return;
            default:
                break;
        }
        const bool block = tag == Tag::block || tag == Tag::caption;
        if (block) flush();
        children(el, depth);
        if (block) flush();
    }

    std::string list_label(const xmlNode& li) {
        if (m_lists.empty()) return {};
        ListState& list = m_lists.back();
        if (!list.ordered) return "\xE2\x80\xA2 ";  // U+2022: the bullet the normaliser knows
        const int value = int_attribute(li, "value", list.next);
        list.next = value + 1;
        return "(" + format_counter(value, list.style) + ") ";
    }

    void table(const xmlNode& el, int depth) {
        std::vector<TableRow> rows;
        collect_rows(el, depth, rows);
        append_table(m_out, rows);
    }

    // Rows may sit in <thead>/<tbody>/<tfoot>; cells are written by a fresh writer each so a
    // cell's paragraphs (and nested tables) stay together.
    void collect_rows(const xmlNode& el, int depth, std::vector<TableRow>& rows) {
        if (depth > k_max_depth) return;
        for (const xmlNode* c = el.children; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const Tag tag = tag_of(*c);
            if (tag == Tag::thead || tag == Tag::tbody || tag == Tag::tfoot) {
                collect_rows(*c, depth + 1, rows);
            } else if (tag == Tag::tr) {
                TableRow row;
                for (const xmlNode* cell = c->children; cell != nullptr; cell = cell->next) {
                    if (cell->type != XML_ELEMENT_NODE) continue;
                    const Tag cell_tag = tag_of(*cell);
                    if (cell_tag != Tag::td && cell_tag != Tag::th) continue;
                    HtmlWriter writer;
                    writer.children(*cell, depth + 2);
                    row.push_back(split_paragraphs(writer.take()));
                }
                rows.push_back(std::move(row));
            } else if (tag == Tag::caption) {
                HtmlWriter writer;
                writer.children(*c, depth + 1);
                for (auto& p : split_paragraphs(writer.take())) append_paragraph(m_out, p);
            }
        }
    }

    // HTML whitespace rules: runs collapse to one space, except inside <pre>.
    void add_text(const char* s) {
        if (m_pre > 0) {
            for (; *s; ++s) m_line.push_back(*s == '\r' ? '\n' : *s);
            return;
        }
        // Each run of spaces becomes one space; a leading one only where the line does not
        // already end in a space or a break. Text between words is mostly single spaces, which
        // stay as they are, so it is copied in whole stretches up to the next run that must
        // change (found 16 bytes at a time): this is every byte of the page's text.
        const std::string_view t(s);
        const char* const p = t.data();
        const std::size_t n = t.size();
        std::size_t i = 0;
        while (i < n && text::is_space(p[i])) ++i;
        if (i > 0 && !m_line.empty() && m_line.back() != ' ' && m_line.back() != '\n')
            m_line.push_back(' ');
        while (i < n) {
            // p[i] is not a space, so a run found here follows a word and becomes one ' '.
            const std::size_t run = next_space_to_collapse(p, i, n);
            m_line.append(p + i, run - i);
            if (run == n) break;
            i = run;
            while (i < n && text::is_space(p[i])) ++i;
            m_line.push_back(' ');
        }
    }

    // Writes the open paragraph; its <br> line breaks stay, each line trimmed.
    void flush() {
        std::string paragraph;
        std::size_t start = 0;
        while (start <= m_line.size()) {
            std::size_t end = m_line.find('\n', start);
            if (end == std::string::npos) end = m_line.size();
            const std::string_view line =
                text::trim(std::string_view(m_line).substr(start, end - start));
            if (!line.empty()) {
                if (!paragraph.empty()) paragraph.push_back('\n');
                paragraph.append(line);
            } else if (!paragraph.empty() && paragraph.back() != '\n') {
                // Two <br> in a row separate paragraphs, as they do on screen.
                append_paragraph(m_out, paragraph);
                paragraph.clear();
            }
            start = end + 1;
        }
        append_paragraph(m_out, paragraph);
        m_line.clear();
    }

    std::string m_out;
    std::string m_line;
    std::vector<ListState> m_lists;
    int m_pre = 0;
};

// What html_to_text() promises (html.hpp).
void read_html(std::string_view bytes, PluginText& result) {
    // libxml2 sets up its global tables on first use; doing it once, up front, is what makes
    // parsing from several worker threads safe.
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });

    AdaptedText& out = result.text;
    std::string decoded;
    const std::string_view utf8 = decode_html_bytes(bytes, out.warnings, decoded);
    if (utf8.size() > static_cast<std::size_t>(INT_MAX)) {
        result.error = "HTML page too large";
        return;
    }
    // Already UTF-8: the page's own <meta charset> must not make libxml2 decode it again.
    // RECOVER reads broken markup as far as it goes; errors are never printed, and nothing is
    // fetched from the network.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> parsed(
        htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options),
        [](xmlDoc* doc) { xmlFreeDoc(doc); });
    if (!parsed) {
        // Nothing the parser could build a document from (an empty page): no paragraphs.
        return;
    }
    HtmlWriter writer;
    for (const xmlNode* node = parsed->children; node != nullptr; node = node->next) writer.walk(*node, 1);
    out.utf8 = writer.take();
}

}  // namespace
}  // namespace actiontrack::parsers

extern "C" __attribute__((visibility("default"))) void actiontrack_html_to_text(
    const char* data, std::size_t size, actiontrack::parsers::PluginText* out) {
    try {
        actiontrack::parsers::read_html(std::string_view(data, size), *out);
    } catch (const std::exception& e) {
        out->error = std::string("unreadable HTML page: ") + e.what();
    }
}
