#pragma once
// Counters for /metrics (Prometheus text format 0.0.4). HTTP counts and latencies are kept in
// memory, one Recorder per thread that answers requests; register figures (documents, actions,
// outbox) are read from the database at scrape time so they are right whichever process wrote
// them.

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.hpp"

namespace actiontrack::store {
class Reader;
}

namespace actiontrack::web {

class Metrics {
    struct Histogram {
        std::array<std::uint64_t, 11> counts{};  // per bucket, the last is +Inf
        double sum = 0;
        std::uint64_t count = 0;
    };

  public:
    // The HTTP counters of one serving thread. Only that thread records into it, so its mutex
    // is uncontended except while /metrics reads it: recording costs an uncontended lock, and
    // no counter's cache line moves between threads on every request.
    class Recorder {
      public:
        // One finished request: its route pattern, status and handling time. `route` must be a
        // string literal (or outlive the Metrics): it is kept by reference.
        void observe_request(std::string_view route, int status, double seconds);

      private:
        friend class Metrics;
        mutable std::mutex m_mutex;
        std::map<std::pair<std::string_view, int>, std::uint64_t> m_requests;
        Histogram m_latency;
    };

    // A new recorder, valid as long as this Metrics. Not thread-safe: add every recorder before
    // the threads that use them start.
    Recorder& add_recorder() { return m_recorders.emplace_back(); }

    // One document parse (the daemon's ingest calls this through HttpServer::metrics()).
    void observe_parse(double seconds);

    // The whole exposition, every recorder summed; fails only on a database error. Any thread.
    Result<std::string> render(store::Reader& reader, const std::string& today) const;

    static constexpr std::array<double, 10> k_latency_buckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0};
    static constexpr std::array<double, 7> k_parse_buckets = {0.001, 0.005, 0.01, 0.05,
                                                              0.1,   0.5,   2.0};

  private:
    std::deque<Recorder> m_recorders;  // a deque: adding one never moves the others
    mutable std::mutex m_parse_mutex;
    Histogram m_parse;
};

}  // namespace actiontrack::web
