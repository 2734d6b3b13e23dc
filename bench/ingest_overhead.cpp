// What the daemon's ingest path costs per document around the extractor, stage by stage, on
// one thread:
//
//   ingest_overhead WORK_DIR FILE... [--extractions K] [--batch N]
//
// FILEs are the documents (bench/daemon_bench.py --keep leaves 10,000 in WORK/corpus/); they
// are hard-linked into WORK_DIR/drop/ and WORK_DIR/register.db is created afresh. Per stage,
// in microseconds of this thread's CPU time per document:
//   lstat+lease  what release_due() checks before a file is read (signature, writer lease)
//   read         cli::read_file
//   sha256       sha256_hex (common/digest.hpp)
//   sniff+check  parsers::sniff_format and cli::check_text
//   extract      parsers::extract on the first K documents only (it is the slow part)
//   store        Store::ingest in its own transaction (WAL, synchronous=NORMAL): each
//                document's extraction is the one of document i % K with the committee made
//                unique, so every document is a new meeting with realistic row counts; with
//                --batch N, N documents share a transaction (Store::begin_batch, the daemon's
//                group commit when files queue up), the moves following its commit
//   move         move_to_processed (rename into processed/YYYY/MM/)
// and the writer's rate (store + move) in documents/s. The daemon's pool runs read, sha256,
// sniff and extract; its event-loop thread runs lstat+lease, store and move.
#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <array>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "daemon/document_reader.hpp"
#include "daemon/drop_folder.hpp"
#include "daemon/file_mover.hpp"
#include "common/digest.hpp"
#include "parsers/extract.hpp"
#include "parsers/formats/sniff.hpp"
#include "store/store.hpp"

namespace {

namespace fs = std::filesystem;
using namespace actiontrack;

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Runs `body(i)` for i in [0, count) and returns this thread's CPU microseconds per call.
template <class Body>
double per_document(std::size_t count, Body body) {
    const double start = thread_cpu_seconds();
    for (std::size_t i = 0; i < count; ++i) body(i);
    return (thread_cpu_seconds() - start) * 1e6 / static_cast<double>(count);
}

int fail(const std::string& message) {
    fmt::print(stderr, "ingest_overhead: {}\n", message);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    std::size_t distinct = 50;
    std::size_t batch = 1;
    fs::path work;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--extractions" && i + 1 < argc) {
            distinct = std::stoul(argv[++i]);
        } else if (arg == "--batch" && i + 1 < argc) {
            batch = std::max<std::size_t>(1, std::stoul(argv[++i]));
        } else if (work.empty()) {
            work = arg;
        } else {
            files.push_back(arg);
        }
    }
    if (work.empty() || files.empty() || distinct == 0) {
        return fail("usage: ingest_overhead WORK_DIR FILE... [--extractions K] [--batch N]");
    }
    distinct = std::min(distinct, files.size());
    const std::size_t count = files.size();
    const fs::path drop = work / "drop";
    fs::remove_all(drop);
    fs::remove(work / "register.db");
    fs::remove(work / "register.db-wal");
    fs::remove(work / "register.db-shm");
    fs::create_directories(drop);
    const service::DropLayout layout = service::make_layout(drop.string(), "", "");
    if (!service::prepare_layout(layout)) return fail("cannot prepare " + drop.string());
    std::vector<std::string> paths;
    for (const std::string& file : files) {
        paths.push_back((drop / fs::path(file).filename()).string());
        fs::create_hard_link(file, paths.back());
    }

    // One pass over the files with the clock read between the stages, so that only the first
    // `distinct` documents (the ones extracted) stay in memory.
    enum Stage { checks, read, hash, sniff, stages };
    std::array<double, stages> seconds{};
    std::vector<std::string> digests(count);
    std::vector<std::int64_t> sizes(count);
    std::vector<std::string> kept(distinct);
    for (std::size_t i = 0; i < count; ++i) {
        double start = thread_cpu_seconds();
        auto lap = [&](Stage stage) {
            const double now = thread_cpu_seconds();
            seconds[stage] += now - start;
            start = now;
        };
        auto signature = service::signature_of(paths[i]);
        if (!signature || service::is_open_for_writing(paths[i])) return fail(paths[i]);
        lap(checks);
        auto content = cli::read_file(paths[i], 20 << 20);
        if (!content) return fail(paths[i] + ": " + content.error().message());
        lap(read);
        digests[i] = sha256_hex(*content);
        lap(hash);
        if (parsers::sniff_format(*content) != parsers::DocumentFormat::text ||
            !cli::check_text(*content)) {
            return fail(paths[i] + ": not a text document");
        }
        lap(sniff);
        sizes[i] = static_cast<std::int64_t>(content->size());
        if (i < distinct) kept[i] = std::move(*content);
    }
    auto per_document_us = [&](Stage stage) {
        return seconds[stage] * 1e6 / static_cast<double>(count);
    };
    std::vector<parsers::Extraction> extractions(distinct);
    const double extract =
        per_document(distinct, [&](std::size_t i) { extractions[i] = parsers::extract(kept[i]); });
    double total_bytes = 0;
    for (std::int64_t size : sizes) total_bytes += static_cast<double>(size);
    std::size_t resolutions = 0, actions = 0;
    for (const auto& extraction : extractions) {
        resolutions += extraction.resolutions.size();
        actions += extraction.actions.size();
    }

    auto opened = store::Store::open((work / "register.db").string());
    if (!opened) return fail(opened.error().message());
    store::Store db = std::move(*opened);
    double store_seconds = 0;
    double move_seconds = 0;
    const double wall_start = wall_seconds();
    for (std::size_t first = 0; first < count; first += batch) {
        const std::size_t last = std::min(count, first + batch);
        double start = thread_cpu_seconds();
        if (batch > 1) {
            if (auto begun = db.begin_batch(); !begun) return fail(begun.error().message());
        }
        for (std::size_t i = first; i < last; ++i) {
            parsers::Extraction extraction = extractions[i % distinct];
            extraction.meeting.committee = fmt::format("Overhead Panel {}", i);
            const store::DocumentInput input{paths[i], digests[i], sizes[i]};
            auto report = db.ingest(input, extraction);
            if (!report) return fail(report.error().message());
        }
        if (batch > 1) {
            if (auto committed = db.commit_batch(); !committed) {
                return fail(committed.error().message());
            }
        }
        store_seconds += thread_cpu_seconds() - start;
        start = thread_cpu_seconds();
        for (std::size_t i = first; i < last; ++i) {
            if (!service::move_to_processed(paths[i], layout.processed, "2026/11")) {
                return fail("move failed");
            }
        }
        move_seconds += thread_cpu_seconds() - start;
    }
    const double wall = wall_seconds() - wall_start;
    const double store = store_seconds * 1e6 / static_cast<double>(count);
    const double move = move_seconds * 1e6 / static_cast<double>(count);

    fmt::print(
        "{} documents, {:.1f} KB each on average; {} distinct extractions with {:.1f} "
        "resolutions and {:.1f} actions each\n",
        count, total_bytes / static_cast<double>(count) / 1000, distinct,
        static_cast<double>(resolutions) / static_cast<double>(distinct),
        static_cast<double>(actions) / static_cast<double>(distinct));
    fmt::print("CPU µs per document, one thread{}:\n",
               batch > 1 ? fmt::format(", {} documents per transaction", batch) : "");
    auto row = [](std::string_view name, double us) { fmt::print("  {:<12} {:9.1f}\n", name, us); };
    row("lstat+lease", per_document_us(checks));
    row("read", per_document_us(read));
    row("sha256", per_document_us(hash));
    row("sniff+check", per_document_us(sniff));
    row("extract", extract);
    row("store", store);
    row("move", move);
    const double pool = per_document_us(read) + per_document_us(hash) + per_document_us(sniff);
    const double writer = per_document_us(checks) + store + move;
    fmt::print(
        "around the extractor: {:.1f} µs per document (pool threads: read + sha256 + "
        "sniff+check {:.1f}; writer thread: lstat+lease + store + move {:.1f})\n",
        pool + writer, pool, writer);
    fmt::print("writer: {:.0f} documents/s by CPU time ({:.0f} by wall time in this run)\n",
               1e6 / writer, static_cast<double>(count) / wall);
    return 0;
}
