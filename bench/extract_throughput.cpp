// Extraction throughput per format, single-threaded (so MB/s is per core), against a baseline
// of touching the same bytes (memchr over every document) in the same run.
//
//   extract_throughput CORPUS_DIR [REPEAT]
//
// CORPUS_DIR holds text/, html/, docx/ and pdf/ (bench/make_extract_corpus.py writes them).
// Every document is read into memory first; the clock (this thread's CPU time, best of
// REPEAT runs) covers only the work on bytes in memory.
// Prints one Markdown table row per format:
//   input MB        bytes of the files
//   text MB         bytes of the text the adapter hands to the extractor (= input for text)
//   baseline MB/s   memchr over the input
//   adapter MB/s    input bytes per second through the format adapter alone (HTML/DOCX/PDF)
//   extract MB/s    input bytes per second through extract_document() (adapter + extractor)
//   text MB/s       the same run, counted in extracted-text bytes ("MB/s of document text")
// and, under the table, the HTML floor: libxml2's HTML parser over the same pages with every
// SAX callback empty (no tree, no text kept), the least any adapter built on it can cost.
#include <fmt/core.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/extract.hpp"
#include "parsers/formats/docx.hpp"
#include "parsers/formats/html.hpp"
#include "parsers/formats/pdf.hpp"

namespace {

namespace fs = std::filesystem;
using actiontrack::Result;
using actiontrack::parsers::AdaptedText;

std::vector<std::string> read_all(const fs::path& dir) {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file()) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> docs;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        docs.push_back(ss.str());
    }
    return docs;
}

// CPU time of this thread, not wall time: MB/s per core stays meaningful on a shared build
// machine where other processes compete for the cores.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <class F>
double seconds(int repeat, F&& work) {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
        const double start = thread_cpu_seconds();
        work();
        best = std::min(best, thread_cpu_seconds() - start);
    }
    return best;
}

// The cheapest honest pass over the bytes: count line ends, as any reader must at least do.
std::size_t baseline(const std::vector<std::string>& docs) {
    std::size_t lines = 0;
    for (const auto& d : docs) {
        const char* p = d.data();
        const char* end = p + d.size();
        while ((p = static_cast<const char*>(
                    std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
            ++lines;
            ++p;
        }
    }
    return lines;
}

Result<AdaptedText> adapt(const std::string& format, const std::string& doc) {
    if (format == "html") return actiontrack::parsers::html_to_text(doc);
    if (format == "docx") return actiontrack::parsers::docx_to_text(doc);
    if (format == "pdf") return actiontrack::parsers::pdf_to_text(doc);
    return AdaptedText{doc, {}, false};
}

}  // namespace
// libxml2 reading every page to the end with no SAX callback at all; returns the page count.
std::size_t libxml2_parse_only(const std::vector<std::string>& pages) {
    std::size_t parsed = 0;
    for (const std::string& page : pages) {
        htmlParserCtxtPtr context =
            htmlCreateMemoryParserCtxt(page.data(), static_cast<int>(page.size()));
        if (!context) continue;
        *context->sax = htmlSAXHandler{};
        htmlCtxtUseOptions(context, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        parsed += htmlParseDocument(context) == 0 ? 1 : 0;
        htmlFreeParserCtxt(context);
    }
    return parsed;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: extract_throughput CORPUS_DIR [REPEAT]\n");
        return 2;
    }
    const fs::path root = argv[1];
    const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    fmt::print(
        "| format | docs | input MB | text MB | baseline MB/s | adapter MB/s | extract MB/s | text "
        "MB/s | resolutions | actions | failed |\n");
    fmt::print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::string html_floor;
    for (const std::string format : {"text", "html", "docx", "pdf"}) {
        if (!fs::is_directory(root / format)) continue;
        const std::vector<std::string> docs = read_all(root / format);
        double input = 0, text = 0;
        for (const auto& d : docs) {
            input += static_cast<double>(d.size());
            if (auto a = adapt(format, d)) text += static_cast<double>(a->utf8.size());
        }
        volatile std::size_t sink = 0;
        const double t_base = seconds(repeat, [&] { sink = sink + baseline(docs); });
        const double t_adapt = format == "text" ? 0.0 : seconds(repeat, [&] {
            for (const auto& d : docs) {
                auto a = adapt(format, d);
                sink = sink + (a ? a->utf8.size() : 0);
            }
        });
        std::size_t resolutions = 0, actions = 0, failed = 0;
        const double t_extract = seconds(repeat, [&] {
            resolutions = actions = failed = 0;
            for (const auto& d : docs) {
                auto e = actiontrack::parsers::extract_document(d);
                if (!e) {
                    ++failed;
                    continue;
                }
                resolutions += e->resolutions.size();
                actions += e->actions.size();
            }
        });
        const double mb = 1e6;
        fmt::print(
            "| {} | {} | {:.1f} | {:.1f} | {:.0f} | {} | {:.1f} | {:.1f} | {} | {} | {} |\n",
            format, docs.size(), input / mb, text / mb, input / mb / t_base,
            format == "text" ? std::string("-") : fmt::format("{:.1f}", input / mb / t_adapt),
            input / mb / t_extract, text / mb / t_extract, resolutions, actions, failed);
        std::fflush(stdout);
        if (format == "html") {
            const double t_parse = seconds(repeat, [&] { sink = sink + libxml2_parse_only(docs); });
            html_floor = fmt::format(
                "HTML floor: libxml2's parser with no callbacks reads {:.1f} MB/s of input, "
                "{:.1f} MB/s of document text at these pages' {:.0f}% text\n",
                input / mb / t_parse, text / mb / t_parse, 100 * text / input);
        }
    }
    fmt::print("{}", html_floor);
    return 0;
}
