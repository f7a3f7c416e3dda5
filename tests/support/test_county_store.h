#pragma once

// The store a server or store test runs on. By default a SQLite file, as a county server
// and a device keep it. With SHOUWANG_TEST_BACKEND=postgresql, the same tests run on the
// city's PostgreSQL: a fresh database per store on a server this test program starts for
// itself (temp_postgres.h) at its first need and stops at its exit. CTest runs the server
// and store suites both ways (tests/server/CMakeLists.txt, tests/store/CMakeLists.txt).

#include "store/ledger.h"
#include "store/sqlite_database.h"

#if defined(SHOUWANG_POSTGRESQL)
#include "postgres/pg_database.h"
#include "postgres/pg_schema.h"
#include "temp_postgres.h"
#endif

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace shouwang::test {

inline bool testsOnPostgres()
{
    const char* backend = std::getenv("SHOUWANG_TEST_BACKEND");
    return backend && std::string_view(backend) == "postgresql";
}

#if defined(SHOUWANG_POSTGRESQL)
// The program's one PostgreSQL server, started at its first use.
inline TempPostgres& testPostgres()
{
    static TempPostgres server;
    return server;
}

// A new, empty database on it, as a URL.
inline std::string newTestDatabase()
{
    static int made = 0;
    const std::string name = "county_" + std::to_string(++made);
    testPostgres().psql("CREATE DATABASE " + name);
    return testPostgres().url(name);
}
#endif

// Where a test's county store lives: `sqlitePath`, or a new PostgreSQL database.
inline std::string testCountyDatabase(const std::string& sqlitePath)
{
#if defined(SHOUWANG_POSTGRESQL)
    if (testsOnPostgres())
        return newTestDatabase();
#endif
    return sqlitePath;
}

// A connection of the test's own to the store's database (`db` as testCountyDatabase gave
// it), to look at what the store wrote.
inline std::unique_ptr<Database> openTestDatabase(const std::string& db)
{
#if defined(SHOUWANG_POSTGRESQL)
    if (testsOnPostgres())
        return std::make_unique<pg::Database>(db);
#endif
    return std::make_unique<SqliteDatabase>(db);
}

// A ledger's database for a store test: the file at `sqlitePath`, made as a device's is,
// or a new city database in PostgreSQL's schema.
inline std::unique_ptr<Database> openTestLedger(const std::string& sqlitePath)
{
#if defined(SHOUWANG_POSTGRESQL)
    if (testsOnPostgres())
        return pg::openCityDatabase(newTestDatabase());
#endif
    return openLedgerDatabase(sqlitePath);
}

} // namespace shouwang::test
