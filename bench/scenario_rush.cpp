// Scenario 2: the daily sync rush, 500 devices at once from a separate load process.
#include "child_process.h"
#include "raw_limit.h"
#include "scenarios.h"

#include "domain/ids.h"
#include "server/server_store.h"
#include "store/change_codec.h"
#include "store/change_log.h"
#include "store/database.h"
#include "store/ledger.h"
#include "store/log_epochs.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace shouwang::bench {

namespace {

std::string hex(const std::string& bytes)
{
    std::string out;
    char buffer[3];
    for (unsigned char c : bytes) {
        std::snprintf(buffer, sizeof buffer, "%02x", c);
        out += buffer;
    }
    return out;
}

// A visit the village really recorded, as the pattern of the day's new visits.
Change visitTemplate(const VillageLedger& village)
{
    auto db = openLedgerDatabase(village.dbPath);
    auto st = db->prepare("SELECT change_id FROM change_log WHERE entity = 'visit' ORDER BY seq LIMIT 1");
    const std::optional<LoggedChange> visit = st.step() ? ChangeLog(*db).get(st.text(0)) : std::nullopt;
    if (!visit)
        throw std::runtime_error("village " + village.code + " has no visit to take as the day's pattern");
    Change change = visit->change;
    change.seq = 0;
    return change;
}

// The floor under the rush: the same 25,000 changes (every device's day of work) inserted by
// raw SQLite in one transaction into a copy of the county database as the rush finds it.
// No server, however it batches, can acknowledge the last push before this much work is
// done; a push p99 near it is as good as the machine allows.
RawInsert rushLimit(const BenchRun& run, const std::vector<std::pair<Change, std::string>>& templatesAndDevices)
{
    namespace fs = std::filesystem;
    const std::string path = run.countyDb + ".rush-limit";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path + suffix);
        if (fs::exists(run.countyDb + suffix))
            fs::copy_file(run.countyDb + suffix, path + suffix);
    }
    std::size_t next = 0;
    return rawSqliteInsert(path, [&](std::vector<Change>& batch) {
        if (next == templatesAndDevices.size())
            return false;
        const auto& [visit, deviceId] = templatesAndDevices[next++];
        batch = dayOfWork(visit, deviceId, run.scale.rushChangesPerDevice);
        return true;
    });
}

} // namespace

RushPlan planRush(const BenchRun& run, const std::string& db, const std::vector<VillageLedger>& villages)
{
    const Scale& s = run.scale;
    RushPlan plan;
    plan.file = run.fileFor(db, ".rush-plan");
    {
        auto connection = server::openLedgerConnection(db);
        plan.cursor = ChangeLog(*connection).lastSeq();
        // A cursor without its epoch is void in a database counties were moved into.
        plan.cursorEpoch = LogEpochs(*connection).epochOf(plan.cursor);
    }
    // 500 devices, each pushing visits to an elder of its own village, shaped like that
    // village's own: one device per village at county scale, 25 to each of the 20
    // villages at small scale (the county refuses a visit to another village's elder,
    // so a device of a village with no ledger here would have nothing to visit).
    // With more villages than devices (the city, scenario 8) they are taken evenly over all,
    // so the rush reaches every county, not the first villages alone.
    std::vector<Change> templates;
    for (const auto& v : villages)
        templates.push_back(visitTemplate(v));
    auto store = server::openCountyStore(db);
    std::ofstream out(plan.file);
    for (std::size_t d = 0; d < s.rushDevices; ++d) {
        const std::size_t t
            = templates.size() > s.rushDevices ? d * templates.size() / s.rushDevices : d % templates.size();
        Change visit = templates[t];
        const std::string village = visit.villageCode;
        const BenchDevice device = enrollDirectly(*store, newUuid(), "village:" + village);
        out << device.token << ' ' << device.id << ' ' << hex(serializeChange(visit)) << '\n';
        plan.work.emplace_back(std::move(visit), device.id);
    }
    return plan;
}

ChildResult rushLoad(const BenchRun& run, const RushPlan& plan, const std::string& urls, int spreadMs)
{
    return runChild({run.benchBinary, "load-rush", "--url", urls, "--plan", plan.file, "--cursor",
                     std::to_string(plan.cursor), "--cursor-epoch", plan.cursorEpoch, "--changes",
                     std::to_string(run.scale.rushChangesPerDevice), "--spread-ms", std::to_string(spreadMs)},
                    run.errLog);
}

void runRush(BenchRun& run)
{
    Report& r = run.report;
    const Scale& s = run.scale;
    const RushPlan plan = planRush(run, run.countyDb, run.villages);
    // Measured before and after the rush and averaged, as the upload's limit is.
    const RawInsert limitBefore = rushLimit(run, plan.work);
    ServerProcess server(run.serverBinary, run.countyDb, run.errLog);
    auto rush = [&](int spreadMs) { return rushLoad(run, plan, server.url(), spreadMs); };
    const ChildResult load = rush(0);
    // The same devices again, their starts spread over 20 seconds: a rush as it comes in a
    // county (everyone syncs before going home), not all within one millisecond.
    const ChildResult spread = rush(20000);
    const long serverKb = server.stop();
    const RawInsert limitAfter = rushLimit(run, plan.work);
    const double limitMs = (limitBefore.seconds + limitAfter.seconds) / 2 * 1000;
    const Facts f = parseFacts(load.out);
    const Facts g = parseFacts(spread.out);
    const double p99 = factNumber(f, "push_p99", 1e9);
    const double errors = factNumber(f, "errors", 1) + factNumber(g, "errors", 1);
    const double seconds = factNumber(f, "seconds");
    const std::string devices = thousands(factNumber(f, "devices")) + " devices × " + std::to_string(s.rushChangesPerDevice)
        + " changes";
    r.add({"2 rush", devices + ", all at once: push p50 / p99 ms",
           fixed(factNumber(f, "push_p50"), 0) + " / " + fixed(p99, 0), "p99 < 500", p99 < 500 ? "met" : "MISSED"});
    r.add({"2 rush", "limit: raw SQLite, the rush's " + thousands(factNumber(f, "devices") * s.rushChangesPerDevice)
                         + " changes in 1 transaction: ms (before / after)",
           fixed(limitBefore.seconds * 1000, 0) + " / " + fixed(limitAfter.seconds * 1000, 0), "", ""});
    r.add({"2 rush", "all at once: push p99 / limit (mean of the two)", fixed(p99 / limitMs, 2) + "×", "", ""});
    r.add({"2 rush", "all at once: pull p50 / p99 ms (per page)",
           fixed(factNumber(f, "pull_p50"), 0) + " / " + fixed(factNumber(f, "pull_p99"), 0), "", ""});
    r.add({"2 rush", "all at once: whole sync (push + pulls) p50 / p99 ms",
           fixed(factNumber(f, "sync_p50"), 0) + " / " + fixed(factNumber(f, "sync_p99"), 0), "", ""});
    r.add({"2 rush", "all at once: requests/s (" + thousands(factNumber(f, "requests")) + " in " + fixed(seconds, 1) + " s)",
           thousands(factNumber(f, "requests") / std::max(seconds, 1e-9)), "", ""});
    const double p99g = factNumber(g, "push_p99", 1e9);
    r.add({"2 rush", devices + ", starts spread over 20 s: push p50 / p99 ms",
           fixed(factNumber(g, "push_p50"), 0) + " / " + fixed(p99g, 0), "p99 < 500", p99g < 500 ? "met" : "MISSED"});
    r.add({"2 rush", "spread over 20 s: whole sync p50 / p99 ms",
           fixed(factNumber(g, "sync_p50"), 0) + " / " + fixed(factNumber(g, "sync_p99"), 0), "", ""});
    r.add({"2 rush", "errors (both runs)", fixed(errors, 0), "0", errors == 0 ? "met" : "MISSED"});
    r.add({"2 rush", "peak memory: server / load process",
           megabytes(serverKb * 1024.0) + " / " + megabytes(std::max(load.maxRssKb, spread.maxRssKb) * 1024.0), "", ""});
    for (const Facts* run2 : {&f, &g}) {
        if (factNumber(*run2, "errors", 1) > 0)
            r.note("rush first error: " + (run2->count("first_error") ? run2->at("first_error") : std::string("no answer")));
    }
}

} // namespace shouwang::bench
