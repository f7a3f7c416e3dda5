#pragma once

#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace shouwang::bench {

struct ChildResult {
    int exitCode = -1;
    std::string out;      // standard output
    long maxRssKb = 0;    // peak resident memory (getrusage of the child)
    double seconds = 0;   // wall time from start to exit
};

// Peak resident memory (VmHWM) in kB from a /proc/PID/status file ("/proc/self/status":
// this process's own); 0 when it cannot be read.
long vmHwmKb(const std::string& procStatusPath);

// From /proc/PID/stat: the process's parent, the CPU seconds (user + system) it has used so
// far, and those of its children that ended and were waited for. Zeros when it is gone.
struct ProcStat {
    pid_t parent = 0;
    double cpuSeconds = 0;
    double reapedChildrenCpuSeconds = 0;
};
ProcStat procStat(pid_t pid);

// Runs a program to completion, its standard error appended to `errLog`.
ChildResult runChild(const std::vector<std::string>& argv, const std::string& errLog);

// The real county server, `shouwang-server --db DB serve`, on 127.0.0.1 and a free port.
class ServerProcess {
public:
    // `serveArgs`: more `serve` options (scenario 8's --db-connections).
    ServerProcess(const std::string& serverBinary, const std::string& db, const std::string& errLog,
                  unsigned threads = 0, const std::vector<std::string>& serveArgs = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    pid_t pid() const { return m_pid; }
    // SIGTERM, wait; returns its peak resident memory in kB.
    long stop();
    // VmHWM of the running server (its peak so far), kB.
    long peakKbSoFar() const;
    // CPU seconds (user + system) the server has used so far.
    double cpuSecondsSoFar() const;

private:
    pid_t m_pid = -1;
    int m_out = -1;
    int m_port = 0;
};

// Several servers on one database, as the city deploys them (scenario 8): one ServerProcess
// each, started and stopped together. One is the county's ServerProcess.
class ServerGroup {
public:
    ServerGroup(const std::string& serverBinary, const std::string& db, const std::string& errLog, std::size_t count,
                const std::vector<std::string>& serveArgs = {});

    // "URL,URL": what the load commands' --url takes (load_commands.h).
    std::string urls() const;
    // Summed over the processes: what the deployment costs, not one process's share.
    double cpuSecondsSoFar() const;
    long stop(); // the summed peak resident memory, kB

private:
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
};

} // namespace shouwang::bench
