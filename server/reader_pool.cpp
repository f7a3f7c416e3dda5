#include "reader_pool.h"

namespace shouwang::server {

ReaderPool::Lease ReaderPool::lend()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto db = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    return Lease(*this, m_open());
}

void ReaderPool::giveBack(std::unique_ptr<Database> db)
{
    if (!db)
        return;
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(db));
}

} // namespace shouwang::server
