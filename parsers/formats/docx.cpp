// The DOCX plug-in (actiontrack-docx.so): docx_to_text() (docx.hpp) behind the boundary in
// plugin_boundary.hpp, so that libzip and pugixml are loaded only when the first DOCX arrives.

#include <libdeflate.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <unordered_map>
#include <utility>

#include "common/result.hpp"
#include "parsers/formats/docx_numbering.hpp"
#include "parsers/formats/plugin_boundary.hpp"
#include "parsers/formats/table_text.hpp"

namespace actiontrack::parsers {

namespace {

constexpr zip_uint64_t k_max_part_size = 256u << 20;
// The most a part's declared size may pre-allocate (see read_member).
constexpr zip_uint64_t k_max_buffer_hint = 16u << 20;

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// A part's bytes, which pugixml parses in place. Not a std::string: that would zero the buffer
// before zip_fread fills it, a pass over every byte of the unpacked XML for nothing.
struct Part {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
};

struct DecompressorFree {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};
using Decompressor = std::unique_ptr<libdeflate_decompressor, DecompressorFree>;

// A deflated part in one call, which is why libdeflate is here: it unpacks a whole buffer at
// about twice zlib's speed, and word/document.xml's inflate and CRC were ~30% of reading a
// DOCX (bench/extract_throughput). nullopt when the part is not a plain deflated one with
// sizes that can be believed, or when it unpacks to more than it declared:
// read_member_streaming reads those. Believable sizes are what keep a few hostile bytes from
// buying a large buffer: packed no larger than the archive (a fuzzer's input declared 4 GB),
// unpacked within deflate's ratio of that and no larger than the streaming path's first buffer.
Result<std::optional<Part>> read_deflated(zip_t* archive, std::size_t archive_size,
                                          zip_uint64_t index, const zip_stat_t& stat,
                                          libdeflate_decompressor* inflater, const char* name) {
    constexpr zip_uint64_t k_deflate_max_ratio = 1032;  // RFC 1951's limit, plus a block
    constexpr zip_uint64_t needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC |
                                    ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
    if ((stat.valid & needed) != needed || stat.comp_method != ZIP_CM_DEFLATE ||
        stat.encryption_method != ZIP_EM_NONE || stat.comp_size > archive_size ||
        stat.size > k_max_buffer_hint || stat.size > (stat.comp_size + 1) * k_deflate_max_ratio)
        return std::optional<Part>();
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(archive, index, ZIP_FL_COMPRESSED));
    if (!file) return Error(std::string("corrupt or encrypted DOCX: cannot open ") + name);
    const auto packed = std::make_unique_for_overwrite<char[]>(stat.comp_size);
    if (zip_fread(file.get(), packed.get(), stat.comp_size) !=
        static_cast<zip_int64_t>(stat.comp_size))
        return Error(std::string("corrupt DOCX: cannot read ") + name);
    Part part{std::make_unique_for_overwrite<char[]>(stat.size + 1), 0};
    const libdeflate_result unpacked = libdeflate_deflate_decompress(
        inflater, packed.get(), stat.comp_size, part.data.get(), stat.size, &part.size);
    if (unpacked == LIBDEFLATE_INSUFFICIENT_SPACE) return std::optional<Part>();
    // zlib (through libzip) refuses the same two faults with the same message.
    if (unpacked != LIBDEFLATE_SUCCESS ||
        libdeflate_crc32(0, part.data.get(), part.size) != stat.crc)
        return Error(std::string("corrupt DOCX: cannot read ") + name);
    return std::optional<Part>(std::move(part));
}

// Any part, through libzip's stream (zlib for deflated ones).
Result<std::optional<Part>> read_member_streaming(zip_t* archive, zip_uint64_t index,
                                                  const zip_stat_t& stat, bool stat_read,
                                                  const char* name) {
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive, index, 0));
    if (!file) return Error(std::string("corrupt or encrypted DOCX: cannot open ") + name);
    // Read to the end rather than trusting the size the archive declares: it may lie. The
    // declared size only sizes the buffer, so an honest part is read in place with no copy and
    // no regrowth; it is capped so that a tiny file declaring a huge part costs no huge buffer,
    // and a part larger than the cap (or than declared) grows the buffer as it goes.
    std::size_t expected = 64 * 1024;
    if (stat_read && (stat.valid & ZIP_STAT_SIZE) != 0)
        expected =
            static_cast<std::size_t>(std::min<zip_uint64_t>(stat.size, k_max_buffer_hint)) + 1;
    Part part{std::make_unique_for_overwrite<char[]>(expected), 0};
    std::size_t capacity = expected;
    for (;;) {
        if (part.size == capacity) {
            auto grown = std::make_unique_for_overwrite<char[]>(capacity * 2);
            std::memcpy(grown.get(), part.data.get(), part.size);
            part.data = std::move(grown);
            capacity *= 2;
        }
        const zip_int64_t n =
            zip_fread(file.get(), part.data.get() + part.size, capacity - part.size);
        if (n < 0) return Error(std::string("corrupt DOCX: cannot read ") + name);
        if (n == 0) break;
        part.size += static_cast<std::size_t>(n);
        if (part.size > k_max_part_size) return Error(std::string("DOCX part too large: ") + name);
    }
    return std::optional<Part>(std::move(part));
}

// nullopt when the member does not exist; an Error when it exists but cannot be read.
// `archive_size` is the archive's length in bytes.
Result<std::optional<Part>> read_member(zip_t* archive, std::size_t archive_size, const char* name,
                                        libdeflate_decompressor* inflater) {
    const zip_int64_t found = zip_name_locate(archive, name, 0);
    if (found < 0) return std::optional<Part>();
    const auto index = static_cast<zip_uint64_t>(found);
    zip_stat_t stat;
    zip_stat_init(&stat);
    const bool stat_read = zip_stat_index(archive, index, 0, &stat) == 0;
    if (stat_read && inflater) {
        TRY_ASSIGN(deflated, read_deflated(archive, archive_size, index, stat, inflater, name));
        if (deflated) return deflated;
    }
    return read_member_streaming(archive, index, stat, stat_read, name);
}

// Parses in place: the document points into `part`, which must outlive it (and is changed).
Result<pugi::xml_document> parse_xml(Part& part, const char* name) {
    pugi::xml_document doc;
    // parse_ws_pcdata keeps <w:t xml:space="preserve"> </w:t>, the spaces between words.
    const auto result =
        doc.load_buffer_inplace(part.data.get(), part.size,
                                pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!result)
        return Error(std::string("corrupt DOCX: ") + name + " is not well-formed XML (" +
                     result.description() + ")");
    return doc;
}

// The walks below step with first_child()/next_sibling(): one call into libpugixml per node,
// where a range-for over children() makes four (the iterator's constructor, !=, * and ++).
pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (local_name(c.name()) == name) return c;
    return {};
}

const char* val(const pugi::xml_node& node) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
        if (local_name(a.name()) == "val") return a.value();
    return "";
}

int to_int(const char* s) {
    int value = 0;
    for (; *s >= '0' && *s <= '9' && value < 1000000; ++s) value = value * 10 + (*s - '0');
    return value;
}

struct NumRef {
    int num_id = 0;
    int level = 0;
};

NumRef num_ref_of(const pugi::xml_node& numpr) {
    NumRef ref;
    ref.num_id = to_int(val(child(numpr, "numId")));
    ref.level = to_int(val(child(numpr, "ilvl")));
    return ref;
}

std::optional<NumRef> num_ref(const pugi::xml_node& ppr) {
    const auto numpr = child(ppr, "numPr");
    if (!numpr) return std::nullopt;
    return num_ref_of(numpr);
}

// Looked up by a paragraph's w:pStyle value as it stands in the parsed XML, with no std::string
// made for it (C++20's heterogeneous lookup).
struct StyleIdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
using StyleNumbering = std::unordered_map<std::string, NumRef, StyleIdHash, std::equal_to<>>;

// Paragraph styles that carry list numbering ("List Number" and house styles built on it).
StyleNumbering style_numbering(const pugi::xml_node& styles_root) {
    StyleNumbering out;
    for (const auto& style : styles_root.children()) {
        if (local_name(style.name()) != "style") continue;
        std::string id;
        for (const auto& a : style.attributes())
            if (local_name(a.name()) == "styleId") id = a.value();
        if (auto ref = num_ref(child(style, "pPr")); ref && !id.empty()) out[id] = *ref;
    }
    return out;
}

class DocxWriter {
  public:
    DocxWriter(DocxNumbering& numbering, const StyleNumbering& styles)
        : m_numbering(numbering), m_styles(styles) {}

    // Block-level content: the body, a table cell, a content control's content.
    void blocks(const pugi::xml_node& parent, std::string& out, int depth) {
        if (depth > 100) return;  // bounds the stack on hostile nesting
        for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
            const std::string_view name = local_name(node.name());
            if (name == "p") {
                paragraph(node, out);
            } else if (name == "tbl") {
                table(node, out, depth);
            } else if (name == "sdt") {
                blocks(child(node, "sdtContent"), out, depth + 1);
            } else if (name == "customXml" || name == "ins" || name == "moveTo") {
                blocks(node, out, depth + 1);
            }
        }
    }

  private:
    // The paragraph's text is gathered in m_text and, when it has a label, joined to it in
    // m_labelled: both are reused, so a paragraph costs no allocation once they have grown.
    void paragraph(const pugi::xml_node& p, std::string& out) {
        m_text.clear();
        inline_content(p, m_text, 0);
        std::optional<NumRef> ref;
        // One walk over w:pPr finds its first w:numPr and its first w:pStyle.
        pugi::xml_node numpr, pstyle;
        for (pugi::xml_node c = child(p, "pPr").first_child(); c; c = c.next_sibling()) {
            const std::string_view name = local_name(c.name());
            if (!numpr && name == "numPr")
                numpr = c;
            else if (!pstyle && name == "pStyle")
                pstyle = c;
        }
        if (numpr) {
            ref = num_ref_of(numpr);
        } else {
            const auto style = m_styles.find(std::string_view(pstyle ? val(pstyle) : ""));
            if (style != m_styles.end()) ref = style->second;
        }
        // A numbered paragraph with no text still advances Word's counter.
        std::string label;
        if (ref) label = m_numbering.next_label(ref->num_id, ref->level);
        // Stops at the first visible character, which is almost always the first one.
        const bool blank = m_text.find_first_not_of(" \n") == std::string::npos;
        if (blank) return;
        if (label.empty()) {
            append_paragraph(out, m_text);
            return;
        }
        m_labelled.assign(label);
        m_labelled.append(m_text);
        append_paragraph(out, m_labelled);
    }

    void inline_content(const pugi::xml_node& parent, std::string& text, int depth) {
        if (depth > 100) return;
        for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
            const std::string_view name = local_name(node.name());
            if (name == "t") {
                text += node.text().get();
            } else if (name == "tab" || name == "ptab") {
                text.push_back(' ');
            } else if (name == "br" || name == "cr") {
                text.push_back('\n');
            } else if (name == "noBreakHyphen") {
                text.push_back('-');
            } else if (name == "r" || name == "ins" || name == "moveTo" || name == "hyperlink" ||
                       name == "smartTag" || name == "fldSimple" || name == "customXml" ||
                       name == "dir" || name == "bdo") {
                inline_content(node, text, depth + 1);
            } else if (name == "sdt") {
                inline_content(child(node, "sdtContent"), text, depth + 1);
            }
            // Everything else is dropped on purpose: w:del/w:moveFrom (rejected by accepting
            // changes), w:instrText (field codes), w:drawing, properties and bookmarks.
        }
    }

    void table(const pugi::xml_node& tbl, std::string& out, int depth) {
        std::vector<TableRow> rows;
        for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
            if (local_name(tr.name()) != "tr") continue;
            TableRow row;
            for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
                if (local_name(tc.name()) != "tc") continue;
                std::string cell;
                blocks(tc, cell, depth + 1);
                row.push_back(split_paragraphs(cell));
            }
            rows.push_back(std::move(row));
        }
        append_table(out, rows);
    }

    DocxNumbering& m_numbering;
    const StyleNumbering& m_styles;
    std::string m_text;
    std::string m_labelled;
};

// What docx_to_text() promises (docx.hpp).
Result<AdaptedText> read_docx(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return Error("corrupt DOCX: cannot read the archive");
    }
    Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        std::string reason = zip_error_strerror(&error);
        zip_source_free(source);  // on failure the archive did not take ownership
        zip_error_fini(&error);
        return Error("corrupt DOCX: not a readable ZIP archive (" + reason + ")");
    }
    zip_error_fini(&error);

    // Without one (out of memory), every part is read through libzip's stream.
    const Decompressor inflater(libdeflate_alloc_decompressor());
    TRY_ASSIGN(document_xml,
               read_member(archive.get(), bytes.size(), "word/document.xml", inflater.get()));
    if (!document_xml) return Error("not a Word document: the ZIP has no word/document.xml");
    TRY_ASSIGN(numbering_xml,
               read_member(archive.get(), bytes.size(), "word/numbering.xml", inflater.get()));
    TRY_ASSIGN(styles_xml,
               read_member(archive.get(), bytes.size(), "word/styles.xml", inflater.get()));

    TRY_ASSIGN(document, parse_xml(*document_xml, "word/document.xml"));
    pugi::xml_document numbering_doc, styles_doc;
    if (numbering_xml) {
        TRY_ASSIGN(parsed, parse_xml(*numbering_xml, "word/numbering.xml"));
        numbering_doc = std::move(parsed);
    }
    if (styles_xml) {
        TRY_ASSIGN(parsed, parse_xml(*styles_xml, "word/styles.xml"));
        styles_doc = std::move(parsed);
    }
    DocxNumbering numbering(numbering_doc.document_element());
    const auto styles = style_numbering(styles_doc.document_element());

    const auto body = child(document.document_element(), "body");
    if (!body) return Error("corrupt DOCX: word/document.xml has no body");
    AdaptedText out;
    DocxWriter(numbering, styles).blocks(body, out.utf8, 0);
    return out;
}

}  // namespace
}  // namespace actiontrack::parsers

extern "C" __attribute__((visibility("default"))) void actiontrack_docx_to_text(
    const char* data, std::size_t size, actiontrack::parsers::PluginText* out) {
    try {
        auto result = actiontrack::parsers::read_docx(std::string_view(data, size));
        if (result) {
            out->text = std::move(*result);
        } else {
            out->error = result.error().message();
        }
    } catch (const std::exception& e) {
        out->error = std::string("corrupt DOCX: ") + e.what();
    }
}
