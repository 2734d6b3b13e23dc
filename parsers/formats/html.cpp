#include "parsers/formats/html.hpp"

#include <gumbo.h>

#include <memory>

#include "parsers/encoding.hpp"
#include "parsers/formats/list_labels.hpp"
#include "parsers/formats/table_text.hpp"
#include "parsers/text.hpp"

namespace actiontrack::parsers {

namespace {

// Deeper nesting than this is not a real page; stopping bounds the walker's stack on hostile
// input (gumbo itself builds the tree without recursion).
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

std::string decode_html_bytes(std::string_view bytes, std::vector<std::string>& warnings) {
    if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
        bytes.starts_with("\xFE\xFF"))
        return decode_to_utf8(bytes, warnings);
    const std::string charset = declared_charset(bytes);
    // The WHATWG Encoding Standard maps all of these labels to windows-1252, and pages labelled
    // ISO-8859-1 routinely contain Windows-1252 curly quotes and dashes (0x91-0x97).
    for (std::string_view label :
         {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
          "us-ascii", "ascii", "x-cp1252", "iso_8859-1"})
        if (charset == label) return decode_windows_1252(bytes);
    return decode_to_utf8(bytes, warnings);
}

bool is_hidden_or_chrome(const GumboElement& el) {
    if (const GumboAttribute* style = gumbo_get_attribute(&el.attributes, "style")) {
        std::string compact;
        for (const char* c = style->value; *c; ++c)
            if (*c != ' ') compact.push_back(text::to_lower(*c));
        if (compact.find("display:none") != std::string::npos) return true;
    }
    if (gumbo_get_attribute(&el.attributes, "hidden")) return true;
    if (const GumboAttribute* role = gumbo_get_attribute(&el.attributes, "role")) {
        const std::string r = text::to_lower(role->value);
        if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "search") return true;
    }
    for (const char* name : {"class", "id"}) {
        const GumboAttribute* attr = gumbo_get_attribute(&el.attributes, name);
        if (!attr) continue;
        const std::string v = text::to_lower(attr->value);
        for (std::string_view chrome :
             {"breadcrumb", "navigation", "skiplink", "skip-link", "cookie", "sidebar"})
            if (v.find(chrome) != std::string::npos) return true;
    }
    return false;
}

bool is_dropped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_MATH:
            return true;
        default:
            return false;
    }
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_TABLE:
            return true;
        default:
            return false;
    }
}

CounterStyle ol_style(const GumboElement& el) {
    if (const GumboAttribute* type = gumbo_get_attribute(&el.attributes, "type")) {
        const std::string_view t = type->value;
        if (t == "a") return CounterStyle::lower_letter;
        if (t == "A") return CounterStyle::upper_letter;
        if (t == "i") return CounterStyle::lower_roman;
        if (t == "I") return CounterStyle::upper_roman;
    }
    if (const GumboAttribute* style = gumbo_get_attribute(&el.attributes, "style")) {
        const std::string s = text::to_lower(style->value);
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

int int_attribute(const GumboElement& el, const char* name, int fallback) {
    const GumboAttribute* attr = gumbo_get_attribute(&el.attributes, name);
    if (!attr) return fallback;
    int value = 0;
    bool any = false;
    for (const char* c = attr->value; *c && value < 100000; ++c) {
        if (!text::is_digit(*c)) break;
        value = value * 10 + (*c - '0');
        any = true;
    }
    return any ? value : fallback;
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

    void walk(const GumboNode& node, int depth) {
        if (depth > k_max_depth) return;
        switch (node.type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                add_text(node.v.text.text);
                return;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                element(node.v.element, depth);
                return;
            case GUMBO_NODE_DOCUMENT:
                children(node.v.document.children, depth);
                return;
            default:
                return;
        }
    }

  private:
    void children(const GumboVector& kids, int depth) {
        for (unsigned i = 0; i < kids.length; ++i)
            walk(*static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }

    void element(const GumboElement& el, int depth) {
        if (is_dropped(el.tag) || is_hidden_or_chrome(el)) return;
        switch (el.tag) {
            case GUMBO_TAG_BR:
                m_line.push_back('\n');
                return;
            case GUMBO_TAG_TABLE:
                flush();
                table(el, depth);
                return;
            case GUMBO_TAG_OL:
            case GUMBO_TAG_UL: {
                flush();
                ListState list;
                list.ordered = el.tag == GUMBO_TAG_OL;
                list.style = ol_style(el);
                list.next = int_attribute(el, "start", 1);
                m_lists.push_back(list);
                children(el.children, depth);
                m_lists.pop_back();
                flush();
                return;
            }
            case GUMBO_TAG_LI:
                flush();
                m_line = list_label(el);
                children(el.children, depth);
                flush();
                return;
            case GUMBO_TAG_PRE:
                flush();
                ++m_pre;
                children(el.children, depth);
                --m_pre;
                flush();
                return;
            case GUMBO_TAG_TD:
            case GUMBO_TAG_TH:
                // A cell outside a table (broken markup gumbo kept): a paragraph of its own.
                flush();
                children(el.children, depth);
                flush();
                return;
            default:
                break;
        }
        const bool block = is_block(el.tag);
        if (block) flush();
        children(el.children, depth);
        if (block) flush();
    }

    std::string list_label(const GumboElement& li) {
        if (m_lists.empty()) return {};
        ListState& list = m_lists.back();
        if (!list.ordered) return "\xE2\x80\xA2 ";  // U+2022: the bullet the normaliser knows
        const int value = int_attribute(li, "value", list.next);
        list.next = value + 1;
        return "(" + format_counter(value, list.style) + ") ";
    }

    void table(const GumboElement& el, int depth) {
        std::vector<TableRow> rows;
        collect_rows(el, depth, rows);
        append_table(m_out, rows);
    }

    // Rows may sit in <thead>/<tbody>/<tfoot>; cells are written by a fresh writer each so a
    // cell's paragraphs (and nested tables) stay together.
    void collect_rows(const GumboElement& el, int depth, std::vector<TableRow>& rows) {
        if (depth > k_max_depth) return;
        for (unsigned i = 0; i < el.children.length; ++i) {
            const auto& child = *static_cast<const GumboNode*>(el.children.data[i]);
            if (child.type != GUMBO_NODE_ELEMENT) continue;
            const GumboElement& c = child.v.element;
            if (c.tag == GUMBO_TAG_THEAD || c.tag == GUMBO_TAG_TBODY || c.tag == GUMBO_TAG_TFOOT) {
                collect_rows(c, depth + 1, rows);
            } else if (c.tag == GUMBO_TAG_TR) {
                TableRow row;
                for (unsigned k = 0; k < c.children.length; ++k) {
                    const auto& cell = *static_cast<const GumboNode*>(c.children.data[k]);
                    if (cell.type != GUMBO_NODE_ELEMENT ||
                        (cell.v.element.tag != GUMBO_TAG_TD && cell.v.element.tag != GUMBO_TAG_TH))
                        continue;
                    HtmlWriter writer;
                    writer.children(cell.v.element.children, depth + 2);
                    row.push_back(split_paragraphs(writer.take()));
                }
                rows.push_back(std::move(row));
            } else if (c.tag == GUMBO_TAG_CAPTION) {
                HtmlWriter writer;
                writer.children(c.children, depth + 1);
                for (auto& p : split_paragraphs(writer.take())) append_paragraph(m_out, p);
            }
        }
    }

    // HTML whitespace rules: runs collapse to one space, except inside <pre>.
    void add_text(const char* s) {
        for (; *s; ++s) {
            const char c = *s;
            if (m_pre > 0) {
                m_line.push_back(c == '\r' ? '\n' : c);
            } else if (text::is_space(c)) {
                if (!m_line.empty() && m_line.back() != ' ' && m_line.back() != '\n')
                    m_line.push_back(' ');
            } else {
                m_line.push_back(c);
            }
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

}  // namespace

Result<AdaptedText> html_to_text(std::string_view bytes) {
    AdaptedText out;
    const std::string utf8 = decode_html_bytes(bytes, out.warnings);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never read parse errors; recording them costs time and memory
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
        gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (!parsed) return Error("unreadable HTML");
    HtmlWriter writer;
    writer.walk(*parsed->document, 0);
    out.utf8 = writer.take();
    return out;
}

}  // namespace actiontrack::parsers
