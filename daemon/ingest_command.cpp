// `actiontrack ingest`: read, extract and store documents, one report line per file.

#include <fmt/core.h>

#include <array>

#include "common/digest.hpp"
#include "daemon/commands.hpp"
#include "daemon/document_reader.hpp"
#include "daemon/extraction_table.hpp"
#include "daemon/register_access.hpp"
#include "parsers/extract.hpp"
#include "parsers/formats/sniff.hpp"
#include "store/store.hpp"

namespace actiontrack::cli {

namespace {

constexpr std::string_view k_usage =
    "Usage: actiontrack ingest [--db PATH] [--max-size BYTES] FILE...\n"
    "\n"
    "Extracts each minutes document and stores its meeting, resolutions and actions in the\n"
    "register. The same bytes twice are reported as a duplicate and change nothing; a new\n"
    "version of a stored meeting updates it and keeps the status of actions it recognises.\n"
    "A file that cannot be read is reported, recorded as a failure, and the others go on.\n"
    "\n"
    "Options:\n"
    "  --db PATH         the register (default actiontrack.db in the current folder)\n"
    "  --max-size BYTES  refuse files larger than this (default 20971520, 20 MiB)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 when every file was stored (or was a duplicate), 1 when any failed,\n"
    "2 usage error.\n";

// Pages per index in each step of the final full-text merge: larger steps than the daemon's
// (no file waits for them here), still one bounded transaction each.
constexpr int k_index_merge_pages = 256;

constexpr std::array<OptionSpec, 3> k_options = {{
    {"db", OptionArg::required},
    {"max-size", OptionArg::required},
    {"help", OptionArg::none},
}};

// Reads, checks, extracts and stores one file, printing its report. On failure the reason is
// recorded in the register's documents log (best effort) and returned for the caller to print.
Result<void> ingest_file(store::Store& db, const std::string& path, std::int64_t max_size) {
    store::DocumentInput document;
    document.path = path;
    auto record = [&](const Error& error) -> Error {
        // Recording is an audit nicety; a failure to record must not hide the original reason.
        (void)db.record_failure(document, error.message());
        return error;
    };

    auto bytes = read_file(path, max_size);
    if (!bytes) return record(bytes.error());
    document.size = static_cast<std::int64_t>(bytes->size());
    document.sha256 = sha256_hex(*bytes);
    // Text must not be empty or binary; PDF, DOCX and HTML readers fail with their own reasons.
    if (parsers::sniff_format(*bytes) == parsers::DocumentFormat::text) {
        if (auto text = check_text(*bytes); !text) return record(text.error());
    }
    auto extracted = parsers::extract_document(*bytes);
    if (!extracted) return record(extracted.error());
    parsers::Extraction& extraction = *extracted;
    for (const auto& message : extraction.warnings) warning(path, message);

    auto report = db.ingest(document, extraction);
    if (!report) return record(report.error());

    if (report->outcome == store::IngestOutcome::duplicate) {
        fmt::print("duplicate {}: already ingested, nothing changed\n", path);
        return {};
    }
    fmt::print("{} {}: meeting {}, {} resolutions, {} actions", store::to_string(report->outcome),
               path, report->meeting_id, report->resolutions, report->actions);
    if (report->outcome == store::IngestOutcome::updated) {
        fmt::print(" ({} kept their status)", report->actions_kept);
    }
    fmt::print("\n");
    if (!extraction.actions.empty()) fmt::print("{}", extraction_actions_table(extraction));
    return {};
}

ExitCode run_ingest(const ParsedArgs& args) {
    if (args.operands().empty()) return usage_error("ingest", "missing FILE");
    std::int64_t max_size = k_default_max_size;
    if (auto text = args.value("max-size")) {
        auto parsed = parse_positive_integer(*text, "--max-size");
        if (!parsed) return usage_error("ingest", parsed.error().message());
        max_size = *parsed;
    }
    const std::string db_path = args.value("db").value_or(std::string(k_default_db));
    auto opened = store::Store::open(db_path);
    if (!opened) return failure(db_path, opened.error().message());
    store::Store db = std::move(*opened);

    ExitCode exit = ExitCode::ok;
    for (const std::string& path : args.operands()) {
        if (auto done = ingest_file(db, path, max_size); !done) {
            exit = failure(path, done.error().message());
        }
    }
    // Commits no longer merge the full-text indexes (schema/0009); with no daemon to do it
    // later, the command leaves them merged. A failure only makes searches a little slower.
    for (;;) {
        auto merged = db.merge_full_text(k_index_merge_pages);
        if (!merged || !*merged) break;
    }
    return exit;
}

}  // namespace

const Command& ingest_command() {
    static const Command command{"ingest", "extract documents and store them in the register",
                                 k_usage, k_options, run_ingest};
    return command;
}

}  // namespace actiontrack::cli
