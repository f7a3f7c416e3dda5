// The server's read-only connections (server/reader_pool.h): one per request served at once,
// and with a bound (`serve --db-connections`, the city's PostgreSQL) no more than the bound,
// the requests beyond waiting their turn instead of being refused.
#include "../support/temp_dir.h"

#include "server/reader_pool.h"
#include "store/sqlite_database.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// A pool of real SQLite connections to one file, counting how many it opened.
struct CountingPool {
    TempDir dir;
    std::atomic<int> opened{0};
    server::ReaderPool pool{[this] {
        ++opened;
        return std::make_unique<SqliteDatabase>(dir.file("county.db"));
    }};

    CountingPool() { SqliteDatabase(dir.file("county.db")).exec("CREATE TABLE t (n INTEGER)"); }
};

// `threads` requests at once, each holding its connection until all have one or `patience`
// has passed; the most connections lent at the same moment.
int lendAtOnce(server::ReaderPool& pool, int threads,
               std::chrono::milliseconds patience = std::chrono::milliseconds(3000))
{
    std::atomic<int> holding{0}, most{0}, done{0};
    std::vector<std::jthread> requests;
    for (int i = 0; i < threads; ++i) {
        requests.emplace_back([&] {
            auto lease = pool.lend();
            lease.db().prepare("SELECT count(*) FROM t").step();
            const int now = ++holding;
            for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {}
            const auto until = std::chrono::steady_clock::now() + patience;
            while (most.load() < threads && std::chrono::steady_clock::now() < until)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            --holding;
            ++done;
        });
    }
    requests.clear(); // joins
    CHECK(done == threads);
    return most;
}

} // namespace

TEST_CASE("the read pool opens a connection for each request served at once and keeps them", "[sqlite]")
{
    CountingPool p;
    CHECK(lendAtOnce(p.pool, 4) == 4);
    CHECK(p.opened == 4);
    // The next requests reuse them.
    CHECK(lendAtOnce(p.pool, 4) == 4);
    CHECK(p.opened == 4);
}

TEST_CASE("a bounded read pool never opens more than its bound, the requests beyond wait and are all served",
          "[sqlite]")
{
    CountingPool p;
    p.pool.limit(2);
    CHECK(lendAtOnce(p.pool, 8, std::chrono::milliseconds(100)) == 2);
    CHECK(p.opened == 2);
}

TEST_CASE("a bound lowered while connections are lent closes those beyond it as they come back", "[sqlite]")
{
    CountingPool p;
    CHECK(lendAtOnce(p.pool, 4) == 4);
    p.pool.limit(1);
    CHECK(lendAtOnce(p.pool, 4, std::chrono::milliseconds(100)) == 1);
    CHECK(p.opened == 4); // no new one: the one kept was reused
}

TEST_CASE("a connection the database refuses does not count against the bound", "[sqlite]")
{
    TempDir dir;
    bool refuse = true;
    server::ReaderPool pool([&]() -> std::unique_ptr<Database> {
        if (refuse)
            throw StoreError("the database refused the connection", StoreError::Kind::Other);
        return std::make_unique<SqliteDatabase>(dir.file("county.db"));
    });
    pool.limit(1);
    CHECK_THROWS_AS(pool.lend(), StoreError);
    refuse = false;
    auto lease = pool.lend(); // would wait for ever had the refused one been counted
    CHECK(lease.db().prepare("SELECT 1").step());
}
