#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace shouwang::server {

// The counters /metrics exposes (docs/protocol.md), in Prometheus text format. Updated from
// every worker thread: counters are atomics, the per-path table takes a short lock.
class Metrics {
public:
    void countRequest(std::string_view path, unsigned status, double seconds);
    void countChanges(int merged, int refused, int conflicts);
    // A refusal of an unknown client that the audit sampled away (server/audit_sampler.h).
    void countUnauditedRefusal() { ++m_unaudited; }
    // A connection closed at once because a connection cap was reached.
    void countRefusedConnection() { ++m_connectionsRefused; }
    // The accept loop paused because the process ran out of file descriptors.
    void countAcceptPause() { ++m_acceptPauses; }
    std::string prometheusText() const;

private:
    static constexpr std::array<double, 10> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> m_requests;
    std::array<std::uint64_t, kBuckets.size()> m_bucketCounts{};
    std::uint64_t m_durationCount = 0;
    double m_durationSum = 0;
    std::atomic<std::uint64_t> m_merged{0};
    std::atomic<std::uint64_t> m_refused{0};
    std::atomic<std::uint64_t> m_conflicts{0};
    std::atomic<std::uint64_t> m_unaudited{0};
    std::atomic<std::uint64_t> m_connectionsRefused{0};
    std::atomic<std::uint64_t> m_acceptPauses{0};
};

} // namespace shouwang::server
