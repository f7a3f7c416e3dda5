#include "reader_pool.h"

namespace shouwang::server {

void ReaderPool::limit(std::size_t most)
{
    std::lock_guard lock(m_mutex);
    m_most = most;
    // Connections opened beyond a new, lower bound are closed as they come back.
    while (m_most > 0 && m_opened > m_most && !m_idle.empty()) {
        m_idle.pop_back();
        --m_opened;
    }
    m_returned.notify_all();
}

ReaderPool::Lease ReaderPool::lend()
{
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [&] { return !m_idle.empty() || m_most == 0 || m_opened < m_most; });
    if (!m_idle.empty()) {
        auto db = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(db));
    }
    ++m_opened;
    lock.unlock();
    // Opened outside the lock: a connection to another machine takes a while, and the
    // others need not wait for it.
    try {
        return Lease(*this, m_open());
    } catch (...) {
        lock.lock();
        --m_opened;
        m_returned.notify_one();
        throw;
    }
}

void ReaderPool::giveBack(std::unique_ptr<Database> db)
{
    if (!db)
        return;
    std::lock_guard lock(m_mutex);
    if (m_most > 0 && m_opened > m_most) {
        --m_opened; // over a bound lowered since it was lent
    } else {
        m_idle.push_back(std::move(db));
    }
    m_returned.notify_one();
}

} // namespace shouwang::server
