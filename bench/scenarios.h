#pragma once

#include "bench_report.h"
#include "child_process.h"
#include "fixture.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace shouwang::bench {

// What every scenario of one run shares: the scale, where things are, the binaries, and
// the state earlier scenarios left (the loaded county database).
struct BenchRun {
    Scale scale;
    std::string workDir;
    std::string benchBinary;   // this program, started again as the load / client process
    std::string serverBinary;
    std::string cliBinary;
    std::string clientBenchBinary; // scenario 4 through the GUI's table model; absent without the GUI
    std::string errLog;
    std::set<int> only;        // empty: every scenario
    Report report;
    std::vector<VillageLedger> villages;
    std::string countyDb;      // after scenario 1: every village uploaded
    double uploadSeconds = 0;  // scenario 1, for the peer's comparison
    std::string countyClientDb; // after scenario 3: a county-scope client replica
    std::size_t queryElders = 0; // --queries-at N: scenario 4 also on a generated N-elder ledger
    bool replay = true;          // scenario 3 also replays the whole history (--no-replay: not)

    bool wants(int scenario) const { return only.empty() || only.count(scenario) > 0; }
    // A fresh county database initialised by the real server binary, for the scale's county
    // or another (scenario 8's).
    std::string freshCountyDb(const std::string& name, const std::string& county = {}) const;
    // A file of the bench's own about database `db` (a load process's plan): beside a county
    // file, or in workDir under the name of a PostgreSQL database.
    std::string fileFor(const std::string& db, const std::string& suffix) const;
};

void runUpload(BenchRun& run);   // 1 and 5
void runPull(BenchRun& run);     // 3
void runQueries(BenchRun& run);  // 4
void runRush(BenchRun& run);     // 2
void runPeer(BenchRun& run);     // 6
void runImport(BenchRun& run);   // 7
void runCity(BenchRun& run);     // 8, where the build has the PostgreSQL store (SHOUWANG_BENCH_CITY)

// Uploads the given villages through fresh servers into `db` (a county file or the city's
// PostgreSQL) from a separate load process, its connections split between `servers`
// processes; fills the facts of the load process and the servers' peak memory and CPU,
// summed over the processes.
struct UploadOutcome {
    double seconds = 0, changes = 0, errors = 0;
    long serverPeakKb = 0, loadPeakKb = 0;
    double serverCpuSeconds = 0;
};
UploadOutcome uploadThroughServer(BenchRun& run, const std::vector<VillageLedger>& villages, const std::string& db,
                                  int connections, std::size_t servers = 1);

// The daily rush (scenario 2) made ready against `db`: scale.rushDevices devices registered
// there, each with a visit one of `villages` really recorded (in turn) as its day's pattern,
// and the log's last place before the rush, from where their pulls begin.
struct RushPlan {
    std::string file; // the load process's plan
    std::uint64_t cursor = 0;
    std::string cursorEpoch;                          // the cursor's log epoch, as a device holds it from its last pull
    std::vector<std::pair<Change, std::string>> work; // each device's pattern visit and id
};
RushPlan planRush(const BenchRun& run, const std::string& db, const std::vector<VillageLedger>& villages);
// One rush of `plan` from a load process against `urls` (a ServerProcess's url or a
// ServerGroup's urls): 0 ms starts every device at once, else spread evenly over that window.
ChildResult rushLoad(const BenchRun& run, const RushPlan& plan, const std::string& urls, int spreadMs);

} // namespace shouwang::bench
