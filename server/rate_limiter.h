#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace shouwang::server {

// At most `limit` attempts per client address, and `globalLimit` from all addresses
// together, in any sliding `window`: enrollment codes are short enough to guess if a client
// may try without end, and a guesser with many addresses still meets the global limit.
// Only allowed attempts are remembered, in order, so the tables hold at most `globalLimit`
// entries and forgetting old ones costs O(1) per call, never a scan.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(std::size_t limit, Clock::duration window,
                std::size_t globalLimit = std::numeric_limits<std::size_t>::max())
        : m_limit(limit)
        , m_globalLimit(globalLimit)
        , m_window(window)
    {
    }

    // Counts an attempt; false when the address or everyone together is over the limit
    // (the attempt is refused and not counted).
    bool allow(std::string_view address, Clock::time_point now = Clock::now());

    // Addresses with an attempt inside the window (for the tests of the bound).
    std::size_t addresses() const;

private:
    std::size_t m_limit;
    std::size_t m_globalLimit;
    Clock::duration m_window;
    mutable std::mutex m_mutex;
    std::deque<std::pair<Clock::time_point, std::string>> m_allowed;    // every address, oldest first
    std::unordered_map<std::string, std::size_t> m_perAddress;          // attempts inside the window
};

} // namespace shouwang::server
