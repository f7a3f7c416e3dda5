#include "connection_limits.h"

namespace shouwang::server {

ConnectionLimits::Slot ConnectionLimits::admit(const std::string& address)
{
    {
        std::lock_guard lock(m_mutex);
        auto it = m_byAddress.find(address);
        const std::size_t fromAddress = it == m_byAddress.end() ? 0 : it->second;
        if (m_open >= m_total || fromAddress >= m_perAddress)
            return nullptr;
        ++m_open;
        ++m_byAddress[address];
    }
    // The slot's "object" is a copy of the address, so release knows whose count to lower.
    return Slot(new std::string(address), [this](void* p) {
        std::unique_ptr<std::string> owned(static_cast<std::string*>(p));
        release(*owned);
    });
}

std::size_t ConnectionLimits::open() const
{
    std::lock_guard lock(m_mutex);
    return m_open;
}

void ConnectionLimits::release(const std::string& address)
{
    std::lock_guard lock(m_mutex);
    --m_open;
    auto it = m_byAddress.find(address);
    if (it != m_byAddress.end() && --it->second == 0)
        m_byAddress.erase(it);
}

} // namespace shouwang::server
