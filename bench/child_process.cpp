#include "child_process.h"

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace shouwang::bench {
namespace {

pid_t spawn(const std::vector<std::string>& argv, const std::string& errLog, int& outFd)
{
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(pipeFds[1], STDOUT_FILENO);
        close(pipeFds[0]);
        close(pipeFds[1]);
        const int err = open(errLog.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (err >= 0) {
            dup2(err, STDERR_FILENO);
            close(err);
        }
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(pipeFds[1]);
    outFd = pipeFds[0];
    return pid;
}

} // namespace

ChildResult runChild(const std::vector<std::string>& argv, const std::string& errLog)
{
    const auto start = std::chrono::steady_clock::now();
    int outFd = -1;
    const pid_t pid = spawn(argv, errLog, outFd);
    ChildResult result;
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(outFd, buffer, sizeof buffer);
        if (n > 0)
            result.out.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    close(outFd);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    // ru_maxrss of a forked child counts the parent's memory at the fork; a bench child
    // reports its own VmHWM instead, which exec resets.
    result.maxRssKb = usage.ru_maxrss;
    if (auto at = result.out.find("vm_hwm_kb "); at != std::string::npos)
        result.maxRssKb = std::stol(result.out.substr(at + 10));
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

ServerProcess::ServerProcess(const std::string& serverBinary, const std::string& db, const std::string& errLog,
                             unsigned threads, const std::vector<std::string>& serveArgs)
{
    // Every simulated device connects from 127.0.0.1: lift the per-address cap above the rush.
    std::vector<std::string> argv{serverBinary, "--db", db, "serve", "--listen", "127.0.0.1:0",
                                  "--max-connections-per-address", "2048"};
    if (threads > 0) {
        argv.push_back("--threads");
        argv.push_back(std::to_string(threads));
    }
    argv.insert(argv.end(), serveArgs.begin(), serveArgs.end());
    m_pid = spawn(argv, errLog, m_out);
    // "listening on 127.0.0.1:PORT"
    std::string line;
    char c;
    while (read(m_out, &c, 1) == 1) {
        if (c == '\n') {
            if (auto at = line.find("listening on "); at != std::string::npos) {
                m_port = std::stoi(line.substr(line.rfind(':') + 1));
                break;
            }
            line.clear();
        } else {
            line += c;
        }
    }
    if (m_port == 0) {
        stop();
        throw std::runtime_error("the server did not start; see " + errLog);
    }
}

ServerProcess::~ServerProcess()
{
    if (m_pid > 0)
        stop();
}

long vmHwmKb(const std::string& procStatusPath)
{
    std::ifstream status(procStatusPath);
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            long kb = 0;
            status >> kb;
            return kb;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

long ServerProcess::peakKbSoFar() const
{
    return vmHwmKb("/proc/" + std::to_string(m_pid) + "/status");
}

ProcStat procStat(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const auto name = line.rfind(')');
    ProcStat out;
    if (name == std::string::npos || name + 2 > line.size())
        return out;
    // Fields after the command name (which may hold spaces): state is field 3, the parent 4,
    // utime 14, stime 15, then the reaped children's cutime 16 and cstime 17.
    std::istringstream rest(line.substr(name + 2));
    std::string field;
    const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    for (int n = 3; n <= 17 && rest >> field; ++n) {
        if (n == 4)
            out.parent = static_cast<pid_t>(std::stol(field));
        else if (n == 14 || n == 15)
            out.cpuSeconds += std::stod(field) / tick;
        else if (n == 16 || n == 17)
            out.reapedChildrenCpuSeconds += std::stod(field) / tick;
    }
    return out;
}

double ServerProcess::cpuSecondsSoFar() const
{
    return procStat(m_pid).cpuSeconds;
}

long ServerProcess::stop()
{
    if (m_pid <= 0)
        return 0;
    const long peak = peakKbSoFar(); // VmHWM: see runChild on ru_maxrss
    kill(m_pid, SIGTERM);
    int status = 0;
    struct rusage usage {};
    wait4(m_pid, &status, 0, &usage);
    m_pid = -1;
    if (m_out >= 0)
        close(m_out);
    m_out = -1;
    return peak > 0 ? peak : usage.ru_maxrss;
}

ServerGroup::ServerGroup(const std::string& serverBinary, const std::string& db, const std::string& errLog,
                         std::size_t count, const std::vector<std::string>& serveArgs)
{
    for (std::size_t i = 0; i < count; ++i)
        m_servers.push_back(std::make_unique<ServerProcess>(serverBinary, db, errLog, 0, serveArgs));
}

std::string ServerGroup::urls() const
{
    std::string out;
    for (const auto& server : m_servers)
        out += (out.empty() ? "" : ",") + server->url();
    return out;
}

double ServerGroup::cpuSecondsSoFar() const
{
    double seconds = 0;
    for (const auto& server : m_servers)
        seconds += server->cpuSecondsSoFar();
    return seconds;
}

long ServerGroup::stop()
{
    long kb = 0;
    for (const auto& server : m_servers)
        kb += server->stop();
    return kb;
}

} // namespace shouwang::bench
