#include "rate_limiter.h"

namespace shouwang::server {

bool RateLimiter::allow(std::string_view address, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    while (!m_allowed.empty() && m_allowed.front().first + m_window <= now) {
        auto it = m_perAddress.find(m_allowed.front().second);
        if (it != m_perAddress.end() && --it->second == 0)
            m_perAddress.erase(it);
        m_allowed.pop_front();
    }
    if (m_allowed.size() >= m_globalLimit)
        return false;
    std::string key(address);
    auto it = m_perAddress.find(key);
    if (it != m_perAddress.end() && it->second >= m_limit)
        return false;
    ++m_perAddress[key];
    m_allowed.emplace_back(now, std::move(key));
    return true;
}

std::size_t RateLimiter::addresses() const
{
    std::lock_guard lock(m_mutex);
    return m_perAddress.size();
}

} // namespace shouwang::server
