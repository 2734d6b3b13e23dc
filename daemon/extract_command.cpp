// `actiontrack extract`: one document in, its extraction out. Touches no database.

#include <fmt/core.h>

#include <array>

#include "daemon/commands.hpp"
#include "daemon/document_reader.hpp"
#include "daemon/extraction_json.hpp"
#include "daemon/extraction_table.hpp"
#include "daemon/json_format.hpp"
#include "parsers/extract.hpp"
#include "parsers/formats/sniff.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_usage =
    "Usage: actiontrack extract [--json | --table] [--max-size BYTES] FILE\n"
    "\n"
    "Reads one minutes document (text, HTML, DOCX or PDF) and prints what it finds: the meeting, its\n"
    "resolutions and the actions that follow from them. Touches no database.\n"
    "\n"
    "Options:\n"
    "  --json            print the extraction contract's JSON object\n"
    "  --table           print readable tables (the default)\n"
    "  --max-size BYTES  refuse files larger than this (default 20971520, 20 MiB)\n"
    "  -h, --help        show this help\n";

constexpr std::array<OptionSpec, 4> k_options = {{
    {"json", OptionArg::none},
    {"table", OptionArg::none},
    {"max-size", OptionArg::required},
    {"help", OptionArg::none},
}};

ExitCode run_extract(const ParsedArgs& args) {
    if (args.has("json") && args.has("table")) {
        return usage_error("extract", "--json and --table cannot be used together");
    }
    if (args.operands().size() != 1) {
        return usage_error("extract",
                           args.operands().empty() ? "missing FILE" : "give exactly one FILE");
    }
    std::int64_t max_size = k_default_max_size;
    if (auto text = args.value("max-size")) {
        auto parsed = parse_positive_integer(*text, "--max-size");
        if (!parsed) return usage_error("extract", parsed.error().message());
        max_size = *parsed;
    }

    const std::string& path = args.operands().front();
    auto bytes = read_file(path, max_size);
    if (!bytes) return failure(path, bytes.error().message());
    // The format is decided by content. Plain text must not be empty or binary; PDF, DOCX and
    // HTML go to their readers, which fail with their own reasons ("no text layer: OCR needed").
    if (parsers::sniff_format(*bytes) == parsers::DocumentFormat::text) {
        if (auto text = check_text(*bytes); !text) return failure(path, text.error().message());
    }
    auto extracted = parsers::extract_document(*bytes);
    if (!extracted) return failure(path, extracted.error().message());
    parsers::Extraction& extraction = *extracted;
    for (const auto& message : extraction.warnings) warning(path, message);

    if (args.has("json")) {
        fmt::print("{}", pretty_json(to_contract_json(extraction)));
    } else {
        fmt::print("{}", extraction_table(extraction));
    }
    return ExitCode::ok;
}

}  // namespace

const Command& extract_command() {
    static const Command command{"extract", "print what one minutes document says (no database)",
                                 k_usage, k_options, run_extract};
    return command;
}

}  // namespace actiontrack::cli
