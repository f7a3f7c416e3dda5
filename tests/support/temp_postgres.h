#pragma once

// A PostgreSQL server of the test's own: initdb in a temporary folder, started with pg_ctl on
// a free loopback port and stopped (and removed) at scope exit, so the tests need nothing
// running beforehand. PostgreSQL refuses to run as root: under root (CI) the cluster belongs
// to `nobody` and its programs run through runuser. POSIX only.

#include "process.h"
#include "temp_dir.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace shouwang::test {

class TempPostgres {
public:
    TempPostgres()
        : m_dir(clusterParent())
        , m_bin(serverPrograms())
        , m_data(m_dir.file("data"))
    {
        if (geteuid() == 0) {
            const passwd* nobody = getpwnam("nobody");
            if (!nobody)
                throw std::runtime_error("no user 'nobody' to run PostgreSQL as");
            if (chown(m_dir.path().c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
                throw std::runtime_error("cannot give " + m_dir.path().string() + " to nobody");
            m_asUser = {"/usr/sbin/runuser", "-u", "nobody", "--"};
        }
        // --no-sync and fsync=off: a test's cluster is thrown away, its durability is not
        // what is tested (the store's own tests kill the server, not the machine).
        must(
            {m_bin + "/initdb", "-D", m_data, "-U", "shouwang", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"},
            "initdb");
        m_port = freePort();
        start();
    }
    ~TempPostgres()
    {
        if (m_running)
            run(command({m_bin + "/pg_ctl", "-D", m_data, "-m", "immediate", "-w", "stop"}), m_scratch.path().string());
    }
    TempPostgres(const TempPostgres&) = delete;
    TempPostgres& operator=(const TempPostgres&) = delete;

    // The server, answering on the same port as before.
    void start()
    {
        const std::string options = "-p " + std::to_string(m_port) + " -k " + m_data
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60";
        must({m_bin + "/pg_ctl", "-D", m_data, "-l", m_data + "/server.log", "-w", "-t", "60", "-o", options, "start"},
             "pg_ctl start");
        m_running = true;
    }
    // As a crash would: every connection is cut (SIGQUIT to the server, `-m immediate`).
    void stop()
    {
        must({m_bin + "/pg_ctl", "-D", m_data, "-m", "immediate", "-w", "stop"}, "pg_ctl stop");
        m_running = false;
    }

    int port() const { return m_port; }
    // A libpq connection string to `database` as the cluster's owner.
    std::string url(const std::string& database = "postgres") const
    {
        return "postgresql://shouwang@127.0.0.1:" + std::to_string(m_port) + "/" + database;
    }
    // Runs SQL through psql as the owner, for a test's set-up (CREATE DATABASE, say).
    void psql(const std::string& sql, const std::string& database = "postgres")
    {
        must({m_bin + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url(database), "-c", sql}, "psql");
    }

private:
    // Under root the cluster's folder must be reachable by `nobody`: /tmp always is, a
    // TMPDIR under root's home may not be.
    static std::filesystem::path clusterParent()
    {
        return geteuid() == 0 ? std::filesystem::path("/tmp") : std::filesystem::temp_directory_path();
    }

    // Debian keeps the server's programs out of PATH, under /usr/lib/postgresql/<major>/bin.
    static std::string serverPrograms()
    {
        std::vector<std::filesystem::path> found;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
            if (std::filesystem::exists(entry.path() / "bin" / "initdb"))
                found.push_back(entry.path() / "bin");
        }
        if (found.empty())
            throw std::runtime_error("PostgreSQL's server programs are not installed (Debian: postgresql-15); "
                                     "tools/install-deps.sh installs them");
        std::sort(found.begin(), found.end());
        return found.back().string();
    }

    static int freePort()
    {
        const int s = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (s < 0 || bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
            || getsockname(s, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("no free loopback port for PostgreSQL");
        close(s);
        return ntohs(address.sin_port);
    }

    std::vector<std::string> command(std::vector<std::string> args) const
    {
        std::vector<std::string> whole = m_asUser;
        whole.insert(whole.end(), args.begin(), args.end());
        return whole;
    }

    void must(std::vector<std::string> args, const std::string& what)
    {
        const Exec e = run(command(std::move(args)), m_scratch.path().string());
        if (e.status != 0)
            throw std::runtime_error(what + " failed (" + std::to_string(e.status) + "): " + e.err + e.out
                                     + slurp(m_data + "/server.log"));
    }

    TempDir m_dir;
    TempDir m_scratch; // the programs' output, the test user's own
    std::string m_bin;
    std::string m_data;
    std::vector<std::string> m_asUser;
    int m_port = 0;
    bool m_running = false;
};

} // namespace shouwang::test
