// Scenario 4: the ledger's filters through the core, on the county-scope replica of
// scenario 3 and, with --queries-at N, on a generated county ledger of N elders.
#include "child_process.h"
#include "page_cache.h"
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

std::string queryRow(const Facts& f, const std::string& name, const std::string& through)
{
    return name + through + " (" + thousands(factNumber(f, "q." + name + ".count")) + " match): p50 / p95 ms";
}

void addQuery(Report& r, const std::string& scenario, const Facts& f, const std::string& name,
              const std::string& through)
{
    const double p95 = factNumber(f, "q." + name + ".p95");
    r.add({scenario, queryRow(f, name, through), fixed(factNumber(f, "q." + name + ".p50"), 1) + " / " + fixed(p95, 1),
           "p95 < 50", p95 < 50 ? "met" : "MISSED"});
}

// The same ledger and queries through the client (shouwang-client-bench): its real main
// window's cold start and its ElderTableModel driven from the ledger page's controls.
ChildResult tableModelFacts(BenchRun& run, const std::string& db, Facts& facts)
{
    if (!evictFromPageCache(db))
        run.report.note("could not push " + db + " out of the page cache: the client's cold start read it from memory");
    ChildResult child = runChild({run.clientBenchBinary, "--db", db, "--repeats", std::to_string(run.scale.queryRepeats),
                                  "--scope", run.scale.countyCode},
                                 run.errLog);
    facts = parseFacts(child.out);
    return child;
}

void queriesOn(BenchRun& run, const std::string& db, const std::string& label)
{
    Report& r = run.report;
    // Both cold starts from the disk, as a user's first start of the day: the file is pushed
    // out of the OS's page cache before each (the generator or the previous run left it there).
    if (!evictFromPageCache(db))
        r.note("could not push " + db + " out of the page cache: the core's cold start read it from memory");
    const ChildResult child = runChild({run.benchBinary, "client-queries", "--db", db, "--repeats",
                                        std::to_string(run.scale.queryRepeats)},
                                       run.errLog);
    const Facts f = parseFacts(child.out);
    const bool withGui = fs::exists(run.clientBenchBinary);
    Facts g;
    const ChildResult gui = withGui ? tableModelFacts(run, db, g) : ChildResult{};

    const double elders = factNumber(f, "elders");
    const double cold = factNumber(f, "cold_start_ms");
    const std::string scenario = "4 queries" + label;
    r.add({scenario, "cold start: open " + thousands(elders) + "-elder ledger + first page + count (ms)", fixed(cold, 0),
           "< 2000", cold < 2000 ? "met" : "MISSED"});
    if (g.count("cold_start_ms") > 0) {
        const double clientCold = factNumber(g, "cold_start_ms");
        r.add({scenario, "client cold start (main window shown, first page + count) (ms)", fixed(clientCold, 0),
               "< 2000", clientCold < 2000 ? "met" : "MISSED"});
    }
    if (g.count("home_figures_ms") > 0)
        r.add({scenario, "client home page's figures shown (lists, counts, supporters to urge; read on a worker) (ms)",
               fixed(factNumber(g, "home_figures_ms"), 0), "", ""});
    if (!withGui)
        r.add({scenario, "through the table model, client cold start", "not measured: the GUI was not built", "", ""});
    for (const auto& [key, value] : f) {
        if (!key.starts_with("q.") || !key.ends_with(".p95"))
            continue;
        const std::string name = key.substr(2, key.size() - 6);
        addQuery(r, scenario, f, name, "");
        if (g.count(key) > 0)
            addQuery(r, scenario, g, name, " through the table model");
    }
    r.add({scenario, "client peak memory", megabytes(child.maxRssKb * 1024.0), "", ""});
    if (withGui)
        r.add({scenario, "client peak memory (GUI: main window + table model)", megabytes(gui.maxRssKb * 1024.0), "", ""});
    if (child.exitCode != 0)
        r.note("client-queries on " + db + " exited " + std::to_string(child.exitCode));
    if (withGui && gui.exitCode != 0)
        r.note("shouwang-client-bench on " + db + " exited " + std::to_string(gui.exitCode) + "; see " + run.errLog);
    if (g.count("cold_start_ms") > 0)
        r.note("4 queries" + label + ", client cold start: from exec of shouwang-client-bench to the main window's "
               "first frame (" + fixed(factNumber(g, "open_to_shown_ms"), 0) + " ms of it from opening the file); its "
               "ledger page then holds " + thousands(factNumber(g, "cold_start_rows")) + " rows of "
               + thousands(factNumber(g, "cold_start_count")) + " (the page's default: elders on the register). "
               "Both cold starts begin with the file and its -wal pushed out of the OS's page cache "
               "(posix_fadvise DONTNEED after a sync), so they read it from the disk. "
               "Through the table model: the query picked in the ledger page's control, timed until the model's "
               "reset; the model skips the count when the first page is not full.");
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
