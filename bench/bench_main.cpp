// shouwang-bench --scale small|county|city [--only 1,2,...] [--work DIR]
// The benchmarks of issue 6 (docs/performance.md). Starts the real shouwang-server and its
// own load and client processes (the commands of load_commands.h) as children.
#include "child_process.h"
#include "load_commands.h"
#include "scenarios.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace shouwang::bench;

namespace {

constexpr const char* kUsage = R"(shouwang-bench — 守望 benchmarks (docs/performance.md)
  shouwang-bench --scale small|county|city [--only 1,2,3,4,5,6,7,8] [--work DIR] [--server PATH]
                 [--queries-at N] [--client-bench PATH] [--no-replay]
    small:  20 villages, 4,000 elders, 120,000 visits (a township)
    county: 500 villages, 100,000 elders, 3,000,000 visits (DESIGN.md §1)
    city:   2,000 villages of 5 counties, 400,000 elders, 2,400,000 visits
            (scenario 8 only; for a dedicated machine)
    scenarios: 1 upload vs raw SQLite, 2 daily rush, 3 pull, 4 ledger queries,
               5 wire size, 6 PouchDB peer, 7 ledger file import,
               8 the city on PostgreSQL (as many villages as the scale, spread over 5
                 counties; SQLite counties against a throwaway PostgreSQL 15 cluster)
  Generated village ledgers are kept in DIR (default: beside this program) and reused.
  --server PATH       another build's shouwang-server (before/after figures)
  --queries-at N      scenario 4 also on a generated county ledger of N elders (kept)
  --client-bench PATH scenario 4 through the client's table model (default: the
                      shouwang-client-bench beside this program, built with the GUI)
  --no-replay         scenario 3 without its second county-scope replica replaying
                      the whole history (at county scale: a quarter of an hour)
)";

std::string firstLine(const std::string& path, const std::string& key)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (key.empty() || line.starts_with(key))
            return key.empty() ? line : line.substr(line.find(':') + 2);
    }
    return "?";
}

std::string machine()
{
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    std::ostringstream out;
    const std::time_t now = std::time(nullptr);
    char date[64];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    out << date << "; " << std::thread::hardware_concurrency() << " cores (" << firstLine("/proc/cpuinfo", "model name")
        << "); load average " << firstLine("/proc/loadavg", "");
    return out.str();
}

std::string sibling(const fs::path& self, const std::string& relative)
{
    return fs::weakly_canonical(self.parent_path() / relative).string();
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && !args[0].starts_with("--")) {
        try {
            const int status = runChildCommand(args[0], {args.begin() + 1, args.end()});
            if (status >= 0) {
                // The child's own peak (getrusage of a forked child starts at the parent's).
                std::printf("vm_hwm_kb %ld\n", vmHwmKb("/proc/self/status"));
                return status;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", args[0].c_str(), e.what());
            return 1;
        }
        std::cerr << kUsage;
        return 2;
    }

    BenchRun run;
    const fs::path self = fs::read_symlink("/proc/self/exe");
    std::string scale = "small";
    std::string serverOverride; // another build's shouwang-server, for before/after figures
    run.workDir = (self.parent_path() / "work").string();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--scale" && hasValue) {
            scale = args[++i];
        } else if (args[i] == "--work" && hasValue) {
            run.workDir = args[++i];
        } else if (args[i] == "--queries-at" && hasValue) {
            run.queryElders = std::stoul(args[++i]);
        } else if (args[i] == "--server" && hasValue) {
            serverOverride = args[++i];
        } else if (args[i] == "--no-replay") {
            run.replay = false;
        } else if (args[i] == "--client-bench" && hasValue) {
            run.clientBenchBinary = fs::absolute(args[++i]).string();
        } else if (args[i] == "--only" && hasValue) {
            std::istringstream list(args[++i]);
            for (std::string n; std::getline(list, n, ',');)
                run.only.insert(std::stoi(n));
        } else {
            std::cerr << kUsage;
            return args[i] == "--help" ? 0 : 2;
        }
    }
    try {
        run.scale = Scale::named(scale);
        // The city scale is scenario 8's: the others are about one county.
        if (run.scale.acrossCounties) {
            if (run.only.empty())
                run.only.insert(8);
            if (run.only != std::set<int>{8})
                throw std::invalid_argument("--scale city runs scenario 8 only (--only 8)");
        }
        fs::create_directories(run.workDir);
        run.benchBinary = self.string();
        run.serverBinary = serverOverride.empty() ? sibling(self, "../server/shouwang-server")
                                                  : fs::absolute(serverOverride).string();
        run.cliBinary = sibling(self, "../client/cli/shouwang");
        if (run.clientBenchBinary.empty())
            run.clientBenchBinary = sibling(self, "shouwang-client-bench");
        run.errLog = (fs::path(run.workDir) / "bench-errors.log").string();
        const std::string when = machine();
        std::printf("shouwang-bench --scale %s — %s\n", scale.c_str(), when.c_str());
        run.report.note("machine: " + when);

        const auto started = std::chrono::steady_clock::now();
        // Scenario 7 makes its own file and 8 its own villages across counties: no county
        // village ledgers when they run alone.
        bool countyVillages = false;
        for (int scenario = 1; scenario <= 6; ++scenario)
            countyVillages = countyVillages || run.wants(scenario);
        if (countyVillages) {
            std::printf("generating / reusing %zu village ledgers in %s ...\n", run.scale.villages,
                        run.workDir.c_str());
            std::fflush(stdout);
            run.villages = prepareVillages(run.scale, run.workDir);
        }
        std::size_t elders = 0, visits = 0, changes = 0;
        for (const auto& v : run.villages) {
            elders += v.elders;
            visits += v.visits;
            changes += v.changes;
        }
        if (!run.villages.empty())
            run.report.note("data: " + std::to_string(run.villages.size()) + " villages of county "
                        + run.scale.countyCode + ", " + thousands(static_cast<double>(elders)) + " elders, "
                        + thousands(static_cast<double>(visits)) + " visits, "
                        + thousands(static_cast<double>(changes)) + " changes (generateDemo, one ledger per village; "
                        + "the first village " + std::to_string(run.villages.front().elders) + " elders / "
                        + thousands(static_cast<double>(run.villages.front().visits)) + " visits)");

        // 2 and 3 need 1's loaded county; 4 uses 3's county-scope replica when 3 runs.
        const bool needCounty = run.wants(1) || run.wants(2) || run.wants(3);
        if (needCounty || run.wants(5))
            runUpload(run);
        if (run.wants(3))
            runPull(run);
        if (run.wants(4))
            runQueries(run);
        if (run.wants(2))
            runRush(run);
        if (run.wants(6))
            runPeer(run);
        if (run.wants(7))
            runImport(run);
        if (run.wants(8)) {
#ifdef SHOUWANG_BENCH_CITY
            runCity(run);
#else
            run.report.note("8 city not available: this build has no PostgreSQL store (libpq not found, or Windows)");
#endif
        }

        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        run.report.note("whole run: " + fixed(seconds, 0) + " s (load average at the end " + firstLine("/proc/loadavg", "")
                        + ")");
        const std::string table = run.report.markdown();
        std::printf("\n%s", table.c_str());
        const std::string out = (fs::path(run.workDir) / ("results-" + scale + ".md")).string();
        std::ofstream(out) << "## shouwang-bench --scale " << scale << "\n\n" << table;
        std::printf("\n(table also in %s; child errors in %s)\n", out.c_str(), run.errLog.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "shouwang-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
