#include "rate_limiter.h"

namespace shouwang::server {

bool RateLimiter::allow(std::string_view address, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    // Forget quiet addresses now and then so the table stays the size of the recent crowd.
    if (m_attempts.size() > 10000) {
        for (auto it = m_attempts.begin(); it != m_attempts.end();) {
            if (it->second.empty() || it->second.back() + m_window <= now)
                it = m_attempts.erase(it);
            else
                ++it;
        }
    }
    auto& times = m_attempts[std::string(address)];
    while (!times.empty() && times.front() + m_window <= now)
        times.pop_front();
    if (times.size() >= m_limit)
        return false;
    times.push_back(now);
    return true;
}

} // namespace shouwang::server
