#include "metrics.h"

#include "sync/protocol.h"

#include <sstream>

namespace shouwang::server {
namespace {

// Paths are labels: anything unknown collapses to one value, so a scanner probing random
// URLs cannot grow the table without bound.
std::string pathLabel(std::string_view path)
{
    for (std::string_view known : {protocol::kEnrollPath, protocol::kPushPath, protocol::kPullPath,
                                   protocol::kHealthPath, protocol::kMetricsPath}) {
        if (path == known)
            return std::string(known);
    }
    return "other";
}

} // namespace

void Metrics::countRequest(std::string_view path, unsigned status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{pathLabel(path), status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++m_bucketCounts[i];
    }
    ++m_durationCount;
    m_durationSum += seconds;
}

void Metrics::countChanges(int merged, int refused, int conflicts)
{
    m_merged += static_cast<std::uint64_t>(merged);
    m_refused += static_cast<std::uint64_t>(refused);
    m_conflicts += static_cast<std::uint64_t>(conflicts);
}

std::string Metrics::prometheusText() const
{
    std::ostringstream out;
    std::lock_guard lock(m_mutex);
    out << "# HELP shouwang_requests_total HTTP requests answered, by path and status.\n"
        << "# TYPE shouwang_requests_total counter\n";
    for (const auto& [key, count] : m_requests)
        out << "shouwang_requests_total{path=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << '\n';
    out << "# HELP shouwang_changes_merged_total Changes newly merged into the county ledger.\n"
        << "# TYPE shouwang_changes_merged_total counter\n"
        << "shouwang_changes_merged_total " << m_merged.load() << '\n'
        << "# HELP shouwang_changes_refused_total Changes refused (scope, clock, invalid value).\n"
        << "# TYPE shouwang_changes_refused_total counter\n"
        << "shouwang_changes_refused_total " << m_refused.load() << '\n'
        << "# HELP shouwang_conflicts_total Concurrent edits sent to the conflict queue.\n"
        << "# TYPE shouwang_conflicts_total counter\n"
        << "shouwang_conflicts_total " << m_conflicts.load() << '\n'
        << "# HELP shouwang_refusals_unaudited_total Refused requests of unknown clients counted but not written to the audit (sampled).\n"
        << "# TYPE shouwang_refusals_unaudited_total counter\n"
        << "shouwang_refusals_unaudited_total " << m_unaudited.load() << '\n'
        << "# HELP shouwang_connections_refused_total Connections closed at once: a connection cap was reached.\n"
        << "# TYPE shouwang_connections_refused_total counter\n"
        << "shouwang_connections_refused_total " << m_connectionsRefused.load() << '\n'
        << "# HELP shouwang_accept_pauses_total Times accepting paused: no file descriptors left.\n"
        << "# TYPE shouwang_accept_pauses_total counter\n"
        << "shouwang_accept_pauses_total " << m_acceptPauses.load() << '\n'
        << "# HELP shouwang_request_duration_seconds Time to answer a request.\n"
        << "# TYPE shouwang_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out << "shouwang_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << m_bucketCounts[i] << '\n';
    out << "shouwang_request_duration_seconds_bucket{le=\"+Inf\"} " << m_durationCount << '\n'
        << "shouwang_request_duration_seconds_sum " << m_durationSum << '\n'
        << "shouwang_request_duration_seconds_count " << m_durationCount << '\n';
    return out.str();
}

} // namespace shouwang::server
