#include "web/metrics.hpp"

#include <fmt/core.h>

#include <span>

#include "store/action_reads.hpp"
#include "store/reader.hpp"

namespace actiontrack::web {
namespace {

template <std::size_t N>
void add(std::span<const double, N> bounds, std::array<std::uint64_t, 11>& counts, double value) {
    std::size_t bucket = 0;
    while (bucket < bounds.size() && value > bounds[bucket]) ++bucket;
    ++counts[bucket];
}

template <std::size_t N>
void render_histogram(std::string& out, std::string_view name, std::string_view help,
                      std::span<const double, N> bounds,
                      const std::array<std::uint64_t, 11>& counts, double sum,
                      std::uint64_t count) {
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} histogram\n", name, help,
                   name);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        cumulative += counts[i];
        fmt::format_to(std::back_inserter(out), "{}_bucket{{le=\"{}\"}} {}\n", name, bounds[i],
                       cumulative);
    }
    cumulative += counts[bounds.size()];
    fmt::format_to(std::back_inserter(out), "{}_bucket{{le=\"+Inf\"}} {}\n{}_sum {}\n{}_count {}\n",
                   name, cumulative, name, sum, name, count);
}

// Prometheus label values escape backslash, double quote and newline.
std::string label(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == '"') out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

Result<void> grouped_counts(store::Reader& reader, std::string& out, const std::string& sql,
                            std::string_view name, std::string_view help,
                            std::string_view label_name) {
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} gauge\n", name, help, name);
    TRY_ASSIGN(statement, reader.statement(sql));
    while (true) {
        TRY_ASSIGN(has_row, statement->step());
        if (!has_row) break;
        fmt::format_to(std::back_inserter(out), "{}{{{}=\"{}\"}} {}\n", name, label_name,
                       label(statement->column_text(0)), statement->column_int64(1));
    }
    return {};
}

}  // namespace

void Metrics::Recorder::observe_request(std::string_view route, int status, double seconds) {
    const std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    add(std::span<const double, 10>(k_latency_buckets), m_latency.counts, seconds);
    m_latency.sum += seconds;
    ++m_latency.count;
}

void Metrics::observe_parse(double seconds) {
    const std::lock_guard lock(m_parse_mutex);
    add(std::span<const double, 7>(k_parse_buckets), m_parse.counts, seconds);
    m_parse.sum += seconds;
    ++m_parse.count;
}

Result<std::string> Metrics::render(store::Reader& reader, const std::string& today) const {
    std::string out;
    TRY(grouped_counts(reader, out,
                       "SELECT status, COUNT(*) FROM documents GROUP BY status ORDER BY status",
                       "actiontrack_documents", "Documents handed to actiontrack, by outcome "
                       "(ingested, duplicate, failed).", "status"));
    // The action figures come from the tallies the schema keeps, not from counting a million
    // rows on every scrape.
    TRY_ASSIGN(by_status, store::actions_by_status(reader));
    out +=
        "# HELP actiontrack_actions Actions in the register, by status.\n"
        "# TYPE actiontrack_actions gauge\n";
    for (const auto& [status, count] : by_status) {
        fmt::format_to(std::back_inserter(out), "actiontrack_actions{{status=\"{}\"}} {}\n",
                       label(status), count);
    }
    TRY_ASSIGN(counts, store::dashboard_counts(reader, today));
    fmt::format_to(std::back_inserter(out),
                   "# HELP actiontrack_actions_overdue Open actions past their due date.\n"
                   "# TYPE actiontrack_actions_overdue gauge\nactiontrack_actions_overdue {}\n",
                   counts.overdue);
    // The reminders outbox arrives with schema 0002 (notify); report it once it exists.
    TRY_ASSIGN(has_outbox, reader.db().query_int64(
        "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'outbox'"));
    if (has_outbox > 0) {
        // schema/0002_notify.sql: outbox.status is 'pending', 'sent' or 'dead'.
        auto outbox = grouped_counts(
            reader, out, "SELECT status, COUNT(*) FROM outbox GROUP BY status ORDER BY status",
            "actiontrack_outbox", "Reminder and webhook outbox rows, by status.", "status");
        if (!outbox) out += "# outbox not readable: unexpected schema\n";
    }
    // Every recorder summed, each read under its own lock (a recorder's thread waits at most
    // for this copy).
    std::map<std::pair<std::string_view, int>, std::uint64_t> requests;
    Histogram latency;
    for (const Recorder& recorder : m_recorders) {
        const std::lock_guard lock(recorder.m_mutex);
        for (const auto& [key, count] : recorder.m_requests) requests[key] += count;
        for (std::size_t i = 0; i < latency.counts.size(); ++i) {
            latency.counts[i] += recorder.m_latency.counts[i];
        }
        latency.sum += recorder.m_latency.sum;
        latency.count += recorder.m_latency.count;
    }
    out += "# HELP actiontrack_http_requests_total HTTP requests, by route and status.\n"
           "# TYPE actiontrack_http_requests_total counter\n";
    for (const auto& [key, count] : requests) {
        fmt::format_to(std::back_inserter(out),
                       "actiontrack_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                       label(key.first), key.second, count);
    }
    render_histogram(out, "actiontrack_http_request_duration_seconds",
                     "Time from a complete request to its response being ready.",
                     std::span<const double, 10>(k_latency_buckets), latency.counts, latency.sum,
                     latency.count);
    const std::lock_guard lock(m_parse_mutex);
    render_histogram(out, "actiontrack_parse_duration_seconds",
                     "Time to extract one document (reported by the daemon's ingest).",
                     std::span<const double, 7>(k_parse_buckets), m_parse.counts, m_parse.sum,
                     m_parse.count);
    return out;
}

}  // namespace actiontrack::web
