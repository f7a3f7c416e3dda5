#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace shouwang::server {

// Which refused requests from unknown clients get an audit row: at most one per key (the
// address and the action) in any `window`, so a flood of bogus tokens costs the county
// database a row a minute per address instead of a synchronous write each. The rest are
// only counted (/metrics). The table holds at most `maxKeys` keys; beyond that, new keys
// are not sampled until old ones expire (a flood from many addresses shows in /metrics).
class AuditSampler {
public:
    using Clock = std::chrono::steady_clock;

    explicit AuditSampler(Clock::duration window = std::chrono::minutes(1), std::size_t maxKeys = 10000)
        : m_window(window)
        , m_maxKeys(maxKeys)
    {
    }

    // True when this refusal is to be written, false when it is only to be counted.
    bool sample(const std::string& key, Clock::time_point now = Clock::now());

private:

    Clock::duration m_window;
    std::size_t m_maxKeys;
    std::mutex m_mutex;
    std::unordered_map<std::string, Clock::time_point> m_entries; // key -> its last row
    std::deque<std::pair<Clock::time_point, std::string>> m_written; // oldest first
};

} // namespace shouwang::server
