// Scenario 4: the ledger's filters through the core, on the county-scope replica of
// scenario 3 and, with --queries-at N, on a generated county ledger of N elders.
#include "child_process.h"
#include "scenarios.h"

#include "demo/demo_generator.h"
#include "store/ledger.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace shouwang::bench {

namespace fs = std::filesystem;

namespace {

void queriesOn(BenchRun& run, const std::string& db, const std::string& label)
{
    Report& r = run.report;
    const ChildResult child = runChild({run.benchBinary, "client-queries", "--db", db, "--repeats",
                                        std::to_string(run.scale.queryRepeats)},
                                       run.errLog);
    const Facts f = parseFacts(child.out);
    const double elders = factNumber(f, "elders");
    const double cold = factNumber(f, "cold_start_ms");
    const std::string scenario = "4 queries" + label;
    r.add({scenario, "cold start: open " + thousands(elders) + "-elder ledger + first page + count (ms)", fixed(cold, 0),
           "< 2000", cold < 2000 ? "met" : "MISSED"});
    for (const auto& [key, value] : f) {
        if (!key.starts_with("q.") || !key.ends_with(".p95"))
            continue;
        const std::string name = key.substr(2, key.size() - 6);
        const double p95 = factNumber(f, key);
        r.add({scenario, name + " (" + thousands(factNumber(f, "q." + name + ".count")) + " match): p50 / p95 ms",
               fixed(factNumber(f, "q." + name + ".p50"), 1) + " / " + fixed(p95, 1), "p95 < 50",
               p95 < 50 ? "met" : "MISSED"});
    }
    r.add({scenario, "client peak memory", megabytes(child.maxRssKb * 1024.0), "", ""});
    if (child.exitCode != 0)
        r.note("client-queries on " + db + " exited " + std::to_string(child.exitCode));
}

// A county-scope ledger of `elders` elders made by generateDemo in one file (3 visits per
// elder: the filters read the derived columns, which every elder has whatever its visits).
std::string generatedCountyLedger(const BenchRun& run, std::size_t elders)
{
    const fs::path path = fs::path(run.workDir) / ("query-county-" + std::to_string(elders) + ".db");
    const fs::path done = path.string() + ".done";
    if (fs::exists(done))
        return path.string();
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path.string() + suffix);
    std::printf("generating a %zu-elder county ledger for scenario 4 (once; kept in %s) ...\n", elders,
                run.workDir.c_str());
    std::fflush(stdout);
    auto db = openLedgerDatabase(path.string());
    Ledger ledger(*db);
    DemoOptions options;
    options.scopeCode = run.scale.countyCode;
    options.elders = elders;
    options.visitsPerElder = 3;
    options.seed = 7;
    const auto started = std::chrono::steady_clock::now();
    generateDemo(ledger, options, [&](std::size_t made, std::size_t total) {
        if (made % 10000 == 0)
            std::fprintf(stderr, "  %zu / %zu elders (%.0f s)\n", made, total,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    });
    db.reset();
    std::ofstream(done) << "ok\n";
    return path.string();
}

} // namespace

void runQueries(BenchRun& run)
{
    if (run.countyClientDb.empty() || !fs::exists(run.countyClientDb))
        run.report.note("4 queries on the replica skipped: no county-scope replica (scenario 3 did not run)");
    else
        queriesOn(run, run.countyClientDb, "");
    if (run.queryElders > 0) {
        queriesOn(run, generatedCountyLedger(run, run.queryElders), " (" + thousands(static_cast<double>(run.queryElders)) + ")");
        run.report.note("4 queries (" + thousands(static_cast<double>(run.queryElders))
                        + "): a county-scope ledger generated in one file by generateDemo (423 villages, 3 visits "
                          "per elder), not a replica made by sync; the filters read the same derived columns.");
    }
}

} // namespace shouwang::bench
