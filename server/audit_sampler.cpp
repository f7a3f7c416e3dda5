#include "audit_sampler.h"

namespace shouwang::server {

bool AuditSampler::sample(const std::string& key, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    // Forget keys whose window has passed, oldest first: O(1) per call, never a scan.
    while (!m_written.empty() && m_written.front().first + m_window <= now) {
        auto it = m_entries.find(m_written.front().second);
        if (it != m_entries.end() && it->second == m_written.front().first)
            m_entries.erase(it);
        m_written.pop_front();
    }
    if (m_entries.count(key) || m_entries.size() >= m_maxKeys)
        return false;
    m_entries.emplace(key, now);
    m_written.emplace_back(now, key);
    return true;
}

} // namespace shouwang::server
