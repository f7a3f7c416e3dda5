#include "city_cluster.h"

#include "child_process.h"
#include "scenarios.h"

#include "temp_postgres.h"

#include "domain/divisions.h"
#include "server/postgres/pg_database.h"

#include <filesystem>
#include <stdexcept>

namespace shouwang::bench {

namespace fs = std::filesystem;

CityCluster::CityCluster()
    : m_postgres(std::make_unique<test::TempPostgres>())
    , m_watch(std::make_unique<pg::Database>(m_postgres->url()))
{
    // TempPostgres keeps its data folder (and so postmaster.pid) to itself; a backend's
    // parent is the postmaster.
    auto st = m_watch->prepare("SELECT pg_backend_pid()");
    if (st.step())
        m_postmaster = procStat(static_cast<pid_t>(st.integer(0))).parent;
    if (m_postmaster <= 1)
        throw std::runtime_error("cannot find the PostgreSQL cluster's postmaster");
}

CityCluster::~CityCluster() = default;

std::string CityCluster::freshCityDb(const BenchRun& run, const std::string& name)
{
    m_postgres->psql("DROP DATABASE IF EXISTS " + name);
    m_postgres->psql("CREATE DATABASE " + name);
    const std::string url = m_postgres->url(name);
    const auto init = runChild({run.serverBinary, "--db", url, "init", "--city", std::string(kCityCode)}, run.errLog);
    if (init.exitCode != 0)
        throw std::runtime_error("shouwang-server init --city failed; see " + run.errLog);
    return url;
}

std::string CityCluster::copyCityDb(const std::string& from, const std::string& name)
{
    m_postgres->psql("DROP DATABASE IF EXISTS " + name);
    m_postgres->psql("CREATE DATABASE " + name + " TEMPLATE " + from);
    return m_postgres->url(name);
}

double CityCluster::cpuSecondsSoFar() const
{
    const ProcStat master = procStat(m_postmaster);
    double seconds = master.cpuSeconds + master.reapedChildrenCpuSeconds;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        const std::string pid = entry.path().filename().string();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const ProcStat child = procStat(static_cast<pid_t>(std::stol(pid)));
        if (child.parent == m_postmaster)
            seconds += child.cpuSeconds;
    }
    return seconds;
}

int CityCluster::clientConnections()
{
    auto st = m_watch->prepare(
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

std::string CityCluster::setting(const std::string& name)
{
    auto st = m_watch->prepare("SELECT current_setting('" + name + "')");
    return st.step() ? st.text(0) : "?";
}

} // namespace shouwang::bench
