#pragma once
// Counters for /metrics (Prometheus text format 0.0.4). HTTP counts and latencies are kept in
// memory; register figures (documents, actions, outbox) are read from the database at scrape
// time so they are right whichever process wrote them. Used from the io_context thread only.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "common/result.hpp"

namespace actiontrack::web {

class Reader;

class Metrics {
  public:
    // One finished request: its route pattern, status and handling time.
    void observe_request(const std::string& route, int status, double seconds);
    // One document parse (the daemon's ingest calls this through HttpServer::metrics()).
    void observe_parse(double seconds);

    // The whole exposition; fails only on a database error.
    Result<std::string> render(Reader& reader, const std::string& today) const;

    static constexpr std::array<double, 10> k_latency_buckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0};
    static constexpr std::array<double, 7> k_parse_buckets = {0.001, 0.005, 0.01, 0.05,
                                                              0.1,   0.5,   2.0};

  private:
    struct Histogram {
        std::array<std::uint64_t, 11> counts{};  // per bucket, the last is +Inf
        double sum = 0;
        std::uint64_t count = 0;
    };
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    Histogram m_latency;
    Histogram m_parse;
};

}  // namespace actiontrack::web
