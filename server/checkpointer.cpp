#include "checkpointer.h"

#include "store/database.h"

#include <memory>

namespace shouwang::server {

Checkpointer::Checkpointer(std::string path, std::chrono::milliseconds period)
    : m_path(std::move(path))
    , m_period(period)
    , m_thread([this] { run(); })
{
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Checkpointer::run()
{
    std::unique_ptr<Database> db;
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_period, [this] { return m_stopping; })) {
        lock.unlock();
        try {
            if (!db)
                db = std::make_unique<Database>(m_path, Database::Durability::Full);
            // PASSIVE: copies what it can without waiting for the writer or the readers; the
            // log restarts from its beginning once a checkpoint has caught up with it.
            db->exec("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (const StoreError&) {
            // A busy or full disk: the log keeps the data; the next round tries again.
        }
        lock.lock();
    }
}

} // namespace shouwang::server
