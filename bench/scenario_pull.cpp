// Scenario 3: a new laptop enrolling into a village; a county-scope device pulling all. Each
// begins from a snapshot (docs/protocol.md, "Snapshot"); the county-scope device also
// replays the whole history as before, in the same run, for the ratio.
#include "child_process.h"
#include "scenarios.h"

#include "server/server_store.h"

#include <filesystem>
#include <optional>

namespace shouwang::bench {

namespace fs = std::filesystem;

namespace {

struct PullFigures {
    Facts facts;
    long peakKb = 0;
    bool ok = false;
};

PullFigures pullInto(const BenchRun& run, const std::string& url, const std::string& code, const std::string& db,
                     const std::string& mode = "snapshot")
{
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(db + suffix);
    const ChildResult child = runChild(
        {run.benchBinary, "client-pull", "--url", url, "--code", code, "--db", db, "--mode", mode}, run.errLog);
    return {parseFacts(child.out), child.maxRssKb, child.exitCode == 0};
}

void report(BenchRun& run, const std::string& who, const PullFigures& p)
{
    Report& r = run.report;
    const double seconds = factNumber(p.facts, "total_seconds");
    r.add({"3 pull", who + ": seconds (enroll + sync)", fixed(seconds, 2), "", p.ok ? "" : "FAILED"});
    r.add({"3 pull", who + ": records in the snapshot / changes pulled / elders / visits",
           thousands(factNumber(p.facts, "snapshot_records")) + " / " + thousands(factNumber(p.facts, "pulled")) + " / "
               + thousands(factNumber(p.facts, "elders")) + " / " + thousands(factNumber(p.facts, "visits")),
           "", ""});
    const double written = factNumber(p.facts, "bytes_written"), file = factNumber(p.facts, "file_bytes");
    r.add({"3 pull", who + ": bytes written / final file (MB)",
           megabytes(written) + " / " + megabytes(file) + " = " + fixed(written / std::max(file, 1.0), 2) + "×", "≤ 3×",
           written <= 3 * file ? "met" : "MISSED"});
    r.add({"3 pull", who + ": MB on the wire (down / up)",
           megabytes(factNumber(p.facts, "bytes_in")) + " / " + megabytes(factNumber(p.facts, "bytes_out")), "", ""});
    r.add({"3 pull", who + ": client peak memory", megabytes(p.peakKb * 1024.0), "", ""});
    if (!p.ok)
        r.note(who + " pull failed: " + (p.facts.count("error") ? p.facts.at("error") : "see the error log"));
}

} // namespace

void runPull(BenchRun& run)
{
    std::string villageCode, countyCode, replayCode;
    {
        auto store = server::openSqliteCountyStore(run.countyDb);
        villageCode = makeEnrollmentCode(*store, "village:" + run.villages.front().code);
        countyCode = makeEnrollmentCode(*store, "county:" + run.scale.countyCode);
        replayCode = makeEnrollmentCode(*store, "county:" + run.scale.countyCode);
    }
    ServerProcess server(run.serverBinary, run.countyDb, run.errLog);
    const VillageLedger& v = run.villages.front();
    const PullFigures village = pullInto(run, server.url(), villageCode,
                                         (fs::path(run.workDir) / "new-laptop.db").string());
    run.countyClientDb = (fs::path(run.workDir) / ("county-client-" + run.scale.name + ".db")).string();
    const PullFigures county = pullInto(run, server.url(), countyCode, run.countyClientDb);
    std::optional<PullFigures> replay;
    if (run.replay)
        replay
            = pullInto(run, server.url(), replayCode, (fs::path(run.workDir) / "county-replay.db").string(), "replay");
    const long serverKb = server.stop();
    report(run, "new laptop, village of " + std::to_string(v.elders) + " elders", village);
    report(run, "county-scope device", county);
    if (replay) {
        report(run, "county-scope device replaying the history", *replay);
        const double snapshotSeconds = factNumber(county.facts, "total_seconds");
        const double replaySeconds = factNumber(replay->facts, "total_seconds");
        run.report.add({"3 pull", "county-scope device: replay / snapshot time",
                        fixed(replaySeconds / std::max(snapshotSeconds, 1e-9), 1) + "×", "", ""});
    }
    run.report.add({"3 pull", std::string("server peak memory (") + (replay ? "all three pulls" : "both pulls") + ")",
                    megabytes(serverKb * 1024.0), "", ""});
}

} // namespace shouwang::bench
