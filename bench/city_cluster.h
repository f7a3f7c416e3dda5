#pragma once

#include <memory>
#include <string>
#include <sys/types.h>

namespace shouwang {
class Database;
}
namespace shouwang::test {
class TempPostgres;
}

namespace shouwang::bench {

struct BenchRun;

// Scenario 8's PostgreSQL: a throwaway cluster started as the tests start theirs
// (tests/support/temp_postgres.h: initdb in a temporary folder, pg_ctl on a free loopback
// port, the programs run as `nobody` under root), removed at the end of the scenario.
// Like the tests' it runs with fsync=off: its commits do not wait for the disk.
class CityCluster {
public:
    CityCluster();
    ~CityCluster();
    CityCluster(const CityCluster&) = delete;
    CityCluster& operator=(const CityCluster&) = delete;

    // A fresh database `name` made the city's by the real server (`init --city 50`): its URL.
    std::string freshCityDb(const BenchRun& run, const std::string& name);
    // A copy `name` of database `from` (CREATE DATABASE … TEMPLATE: the files copied, no
    // client may be connected to `from`): its URL.
    std::string copyCityDb(const std::string& from, const std::string& name);
    // CPU seconds (user + system) the cluster's processes have used so far: the postmaster,
    // the children it runs and those it has reaped (the backends of connections since
    // closed). On PostgreSQL the database's work is not in the server process, as SQLite's is.
    double cpuSecondsSoFar() const;
    // Client connections open to the cluster now, bar the bench's own (pg_stat_activity):
    // what the server processes hold against max_connections.
    int clientConnections();
    // A setting of the cluster as it runs (SHOW), e.g. "max_connections".
    std::string setting(const std::string& name);

private:
    std::unique_ptr<test::TempPostgres> m_postgres;
    std::unique_ptr<Database> m_watch; // the bench's own connection, opened first
    pid_t m_postmaster = 0;
};

} // namespace shouwang::bench
