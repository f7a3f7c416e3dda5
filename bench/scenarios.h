#pragma once

#include "bench_report.h"
#include "fixture.h"

#include <set>
#include <string>
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
    // A fresh county database initialised by the real server binary.
    std::string freshCountyDb(const std::string& name) const;
};

void runUpload(BenchRun& run);   // 1 and 5
void runPull(BenchRun& run);     // 3
void runQueries(BenchRun& run);  // 4
void runRush(BenchRun& run);     // 2
void runPeer(BenchRun& run);     // 6
void runImport(BenchRun& run);   // 7

// Uploads the given villages through a fresh server into `db` from a separate load
// process; fills the facts of the load process and the server's peak memory.
struct UploadOutcome {
    double seconds = 0, changes = 0, errors = 0;
    long serverPeakKb = 0, loadPeakKb = 0;
    double serverCpuSeconds = 0;
};
UploadOutcome uploadThroughServer(BenchRun& run, const std::vector<VillageLedger>& villages, const std::string& db,
                                  int connections);

} // namespace shouwang::bench
