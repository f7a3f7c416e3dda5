#pragma once

// Real processes for the integration tests: the `shouwang-server` and `shouwang`
// executables, run as an admin's script would run them. POSIX only: the one way the
// non-GUI tests start them (the GUI tests, which also run on Windows, start the server
// with QProcess in tests/gui/server_process.h and read its port with listeningPort()).

#include "listening.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace shouwang::test {

struct Exec {
    int status = -1;
    std::string out;
    std::string err;

    // The last non-empty line of standard output (where the server prints a new code).
    std::string lastLine() const
    {
        std::string text = out;
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        const auto nl = text.rfind('\n');
        return nl == std::string::npos ? text : text.substr(nl + 1);
    }
};

inline std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline pid_t spawn(const std::vector<std::string>& args, const std::string& outFile, const std::string& errFile)
{
    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int out = open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> argv;
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

// The value of a "key value" line the tools print, or "(missing)".
inline std::string valueOf(const std::string& out, const std::string& key)
{
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + " ", 0) == 0)
            return line.substr(key.size() + 1);
    }
    return "(missing)";
}

// Runs a command to completion; its output goes through files in `scratch`.
inline Exec run(const std::vector<std::string>& args, const std::string& scratch)
{
    const std::string outFile = scratch + "/last.out", errFile = scratch + "/last.err";
    const pid_t pid = spawn(args, outFile, errFile);
    int status = 0;
    waitpid(pid, &status, 0);
    Exec result;
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(outFile);
    result.err = slurp(errFile);
    return result;
}

// `shouwang-server --db F serve` on 127.0.0.1: the port it reports, and control over its end.
class ServerProcess {
public:
    ServerProcess(std::string exe, std::string db, std::string scratch)
        : m_exe(std::move(exe))
        , m_db(std::move(db))
        , m_scratch(std::move(scratch))
    {
    }
    ~ServerProcess() { stop(SIGKILL); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts on `port` (0: any free port) and waits for "listening on 127.0.0.1:PORT".
    void start(int port = 0)
    {
        // A new log per start, whichever ServerProcess of the folder starts it, emptied before
        // the child runs: an earlier server's "listening on" line is never read as this one's.
        static int starts = 0;
        m_log = m_scratch + "/serve-" + std::to_string(++starts) + ".log";
        const std::string& log = m_log;
        std::ofstream(log, std::ios::trunc).flush();
        std::vector<std::string> args{m_exe, "--db", m_db, "serve", "--listen", "127.0.0.1:" + std::to_string(port)};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        m_pid = spawn(args, log, log + ".err");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            if (const std::optional<int> found = listeningPort(slurp(log))) {
                m_port = *found;
                return;
            }
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                throw std::runtime_error("the server exited at start: " + slurp(log + ".err"));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        throw std::runtime_error("the server did not report its port");
    }

    // SIGTERM (graceful) or SIGKILL (a crash), and wait for the process to end. Returns its
    // exit status, or minus the signal that ended it (-1 when it was not running).
    int stop(int signal = SIGTERM)
    {
        if (m_pid <= 0)
            return -1;
        kill(m_pid, signal);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }
    // What the latest `serve` printed on standard output so far.
    std::string output() const { return slurp(m_log); }

    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    std::vector<std::string> extraArgs; // more `serve` options, e.g. --cert and --key
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    std::string m_exe, m_db, m_scratch;
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_log;
};

} // namespace shouwang::test
