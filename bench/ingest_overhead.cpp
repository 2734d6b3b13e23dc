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
//
// With --floor it also measures what any register must spend per document, whatever its
// design, and the bulk rate that leaves out of reach on this machine (printed last):
//   full text    the same documents' resolution and action text added to the two FTS5 tables
//                alone (the API's `q` search, issue 5), same tokenizer and merge settings
//   bare rows    one document row and its resolutions and actions in the Python baseline's
//                three tables (no secondary index, no trigger, no audit, no item)
#include <fcntl.h>
#include <fmt/core.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "common/digest.hpp"
#include "daemon/document_reader.hpp"
#include "daemon/drop_folder.hpp"
#include "daemon/file_mover.hpp"
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

// A scratch SQLite database for the floor measurements, set up as the register is (WAL,
// synchronous=NORMAL). Errors throw: a bench has nothing to recover.
class ScratchDb {
  public:
    explicit ScratchDb(const fs::path& path) {
        fs::remove(path);
        fs::remove(path.string() + "-wal");
        fs::remove(path.string() + "-shm");
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK) throw std::runtime_error(path.string());
        exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    }
    ScratchDb(const ScratchDb&) = delete;
    ScratchDb& operator=(const ScratchDb&) = delete;
    ~ScratchDb() {
        m_statements.clear();  // finalized before the close, which refuses open statements
        sqlite3_close(m_db);
    }

    void exec(const char* sql) {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
    }
    // The statement stays prepared until the database closes.
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
            SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
        m_statements.emplace_back(statement, &sqlite3_finalize);
        return statement;
    }
    // Runs `statement` once with `number` (if any) and then `texts` bound in order.
    void run(sqlite3_stmt* statement, std::initializer_list<std::string_view> texts,
             std::optional<sqlite3_int64> number = std::nullopt) {
        int column = 1;
        if (number) sqlite3_bind_int64(statement, column++, *number);
        for (std::string_view text : texts)
            sqlite3_bind_text(statement, column++, text.data(), static_cast<int>(text.size()),
                              SQLITE_STATIC);
        if (sqlite3_step(statement) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(m_db));
        sqlite3_reset(statement);
    }
    sqlite3_int64 last_row() const { return sqlite3_last_insert_rowid(m_db); }

  private:
    sqlite3* m_db = nullptr;
    std::vector<std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>> m_statements;
};

// CPU µs per document to write `count` documents (document i has extraction i % K), `batch`
// to a transaction, with `write_one(db, i, extraction)` after `schema`.
template <class WriteOne>
double floor_us(const fs::path& path, const char* schema,
                const std::vector<parsers::Extraction>& extractions, std::size_t count,
                std::size_t batch, WriteOne write_one) {
    ScratchDb db(path);
    db.exec(schema);
    const double start = thread_cpu_seconds();
    for (std::size_t first = 0; first < count; first += batch) {
        db.exec("BEGIN");
        for (std::size_t i = first; i < std::min(count, first + batch); ++i)
            write_one(db, i, extractions[i % extractions.size()]);
        db.exec("COMMIT");
    }
    return (thread_cpu_seconds() - start) * 1e6 / static_cast<double>(count);
}

struct Floor {
    double full_text_us = 0;
    double bare_rows_us = 0;
};

Floor measure_floor(const fs::path& work, const std::vector<parsers::Extraction>& extractions,
                    const std::vector<std::string>& paths, const std::vector<std::string>& digests,
                    std::size_t batch) {
    Floor floor;
    // schema/0003_web.sql's tables with schema/0009's merge settings.
    static constexpr const char* full_text_schema = R"(
        CREATE VIRTUAL TABLE action_search USING fts5 (text, resolution, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE resolution_search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO action_search (action_search, rank) VALUES ('automerge', 0);
        INSERT INTO resolution_search (resolution_search, rank) VALUES ('automerge', 0);
        INSERT INTO action_search (action_search, rank) VALUES ('crisismerge', 64);
        INSERT INTO resolution_search (resolution_search, rank) VALUES ('crisismerge', 64);)";
    sqlite3_stmt* add_action = nullptr;
    sqlite3_stmt* add_resolution = nullptr;
    floor.full_text_us = floor_us(
        work / "floor-full-text.db", full_text_schema, extractions, paths.size(), batch,
        [&](ScratchDb& db, std::size_t, const parsers::Extraction& extraction) {
            if (!add_action) {
                add_action =
                    db.prepare("INSERT INTO action_search (text, resolution) VALUES (?, ?)");
                add_resolution = db.prepare("INSERT INTO resolution_search (text) VALUES (?)");
            }
            for (const parsers::Resolution& resolution : extraction.resolutions)
                db.run(add_resolution, {resolution.text});
            for (const parsers::Action& action : extraction.actions)
                db.run(add_action,
                       {action.text, action.resolution
                                         ? extraction.resolutions[*action.resolution].text
                                         : std::string_view{}});
        });
    // ../shared/bench/python_baseline.py's tables.
    static constexpr const char* bare_schema = R"(
        CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT, sha256 TEXT UNIQUE);
        CREATE TABLE resolutions (id INTEGER PRIMARY KEY, document_id INTEGER, kind TEXT, text TEXT);
        CREATE TABLE actions (id INTEGER PRIMARY KEY, document_id INTEGER, owner TEXT, text TEXT, due TEXT);)";
    sqlite3_stmt* add_document = nullptr;
    sqlite3_stmt* add_resolution_row = nullptr;
    sqlite3_stmt* add_action_row = nullptr;
    floor.bare_rows_us = floor_us(
        work / "floor-bare-rows.db", bare_schema, extractions, paths.size(), batch,
        [&](ScratchDb& db, std::size_t i, const parsers::Extraction& extraction) {
            if (!add_document) {
                add_document = db.prepare("INSERT INTO documents (path, sha256) VALUES (?, ?)");
                add_resolution_row = db.prepare(
                    "INSERT INTO resolutions (document_id, kind, text) VALUES (?, ?, ?)");
                add_action_row = db.prepare(
                    "INSERT INTO actions (document_id, owner, text, due) VALUES (?, ?, ?, ?)");
            }
            db.run(add_document, {paths[i], digests[i]});
            const sqlite3_int64 document = db.last_row();
            for (const parsers::Resolution& resolution : extraction.resolutions)
                db.run(add_resolution_row, {parsers::to_string(resolution.kind), resolution.text},
                       document);
            for (const parsers::Action& action : extraction.actions) {
                const std::string due = action.due ? parsers::iso_date(*action.due) : "";
                db.run(add_action_row, {action.owner.value_or(""), action.text, due}, document);
            }
        });
    return floor;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    std::size_t distinct = 50;
    std::size_t batch = 1;
    bool floor = false;
    fs::path work;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--extractions" && i + 1 < argc) {
            distinct = std::stoul(argv[++i]);
        } else if (arg == "--batch" && i + 1 < argc) {
            batch = std::max<std::size_t>(1, std::stoul(argv[++i]));
        } else if (arg == "--floor") {
            floor = true;
        } else if (work.empty()) {
            work = arg;
        } else {
            files.push_back(arg);
        }
    }
    if (work.empty() || files.empty() || distinct == 0) {
        return fail(
            "usage: ingest_overhead WORK_DIR FILE... [--extractions K] [--batch N] [--floor]");
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
    if (floor) {
        Floor least;
        try {
            least =
                measure_floor(work, extractions, paths, digests, std::max<std::size_t>(batch, 32));
        } catch (const std::exception& error) {
            return fail(std::string("floor: ") + error.what());
        }
        // Issue 6's text target; the extractor itself runs at `extract` above.
        constexpr double target_bytes_per_us = 200.0;
        const double extract_at_target =
            total_bytes / static_cast<double>(count) / target_bytes_per_us;
        const double sum =
            per_document_us(hash) + least.full_text_us + least.bare_rows_us + extract_at_target;
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        fmt::print(
            "floor, CPU µs per document: full text alone {:.1f}, bare rows {:.1f}, sha256 {:.1f}, "
            "extract at 200 MB/s {:.1f} = {:.1f}\n",
            least.full_text_us, least.bare_rows_us, per_document_us(hash), extract_at_target, sum);
        fmt::print("ceiling: {:.0f} documents/s with all {} cores busy and nothing else to do\n",
                   cores * 1e6 / sum, cores);
    }
    return 0;
}
