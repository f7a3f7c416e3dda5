#include "reader_pool.h"

#include "store/sqlite_database.h"

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
    auto db = std::make_unique<SqliteDatabase>(m_path);
    // A reader that tried to write would take the writer's lock and wait on its merges.
    db->exec("PRAGMA query_only=1");
    return Lease(*this, std::move(db));
}

void ReaderPool::giveBack(std::unique_ptr<Database> db)
{
    if (!db)
        return;
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(db));
}

} // namespace shouwang::server
