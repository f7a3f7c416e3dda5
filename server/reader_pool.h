#pragma once

#include "store/database.h"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace shouwang::server {

// Read-only connections to the county database, lent one per request. They read beside
// the single writer (SQLite's WAL mode, PostgreSQL's snapshots), so a pull or a token check never waits for a push's
// merge and fsync (docs/performance.md, the daily rush). Connections are opened on first
// need and kept; a pool never holds more than the number of requests served at once, nor
// more than its bound when it has one: the city's PostgreSQL takes so many connections in
// all (max_connections), shared by every sync process, and one it refuses is a 503.
class ReaderPool {
public:
    // `open` makes a new read-only connection (the store's backend knows how).
    explicit ReaderPool(std::function<std::unique_ptr<Database>()> open)
        : m_open(std::move(open))
    {
    }

    // At most `most` connections (0: no bound). With the bound reached, lend() waits for
    // one to come back rather than open another.
    void limit(std::size_t most);

    // A connection for the caller's scope; it goes back to the pool when the lease ends.
    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<Database> db)
            : m_pool(pool)
            , m_db(std::move(db))
        {
        }
        ~Lease() { m_pool.giveBack(std::move(m_db)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Database& db() { return *m_db; }

    private:
        ReaderPool& m_pool;
        std::unique_ptr<Database> m_db;
    };

    Lease lend();

private:
    void giveBack(std::unique_ptr<Database> db);

    std::function<std::unique_ptr<Database>()> m_open;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Database>> m_idle;
    std::size_t m_opened = 0; // idle and lent
    std::size_t m_most = 0;
};

} // namespace shouwang::server
