#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace shouwang::server {

// At most `limit` attempts per client address in any sliding `window`: enrollment codes are
// short enough to guess if a client may try without end.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(std::size_t limit, Clock::duration window)
        : m_limit(limit)
        , m_window(window)
    {
    }

    // Counts an attempt; false when the address is over its limit (the attempt is refused).
    bool allow(std::string_view address, Clock::time_point now = Clock::now());

private:
    std::size_t m_limit;
    Clock::duration m_window;
    std::mutex m_mutex;
    std::unordered_map<std::string, std::deque<Clock::time_point>> m_attempts;
};

} // namespace shouwang::server
