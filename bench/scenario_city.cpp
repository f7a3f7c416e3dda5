// Scenario 8: the city on PostgreSQL. The villages, spread over several counties, go into
// each county's own SQLite file through its one server process (the counties as they run
// today). The city database is then made as a city makes it: each county file moved in by
// `shouwang-server migrate`. A twentieth of each county's villages are held back from the
// files and pushed last, into ledgers that hold the rest: into each county file (the county
// figure), and into the city database through one and then two server processes. Then the
// rush and the supervision report on each. Every figure is a ratio against the county
// figure of the same run. Built where the server has its PostgreSQL store
// (SHOUWANG_BENCH_CITY, bench/CMakeLists.txt).
#include "child_process.h"
#include "city_cluster.h"
#include "scenarios.h"

#include "domain/divisions.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <stop_token>
#include <thread>

namespace shouwang::bench {

namespace fs = std::filesystem;

namespace {

// Scenario 1's 4 connections, however many processes share them: only the processes change.
constexpr int kUploadConnections = 4;

// Of each county's villages the last twentieth (at least one) is held back and pushed last.
constexpr std::size_t kHeldBackOneIn = 20;

struct County {
    std::string code;
    std::vector<VillageLedger> villages; // in the files before the measured push
    std::vector<VillageLedger> heldBack; // pushed last, and measured
};

// The villages by county, in the order villageCodes gave them (county by county), each
// county's last ones held back.
std::vector<County> byCounty(const std::vector<VillageLedger>& villages)
{
    std::vector<County> out;
    for (const auto& v : villages) {
        const std::string county(enclosingCode(v.code, DivisionLevel::County));
        if (out.empty() || out.back().code != county)
            out.push_back({county, {}, {}});
        out.back().villages.push_back(v);
    }
    for (County& c : out) {
        const std::size_t held = std::max<std::size_t>(1, c.villages.size() / kHeldBackOneIn);
        c.heldBack.assign(c.villages.end() - static_cast<std::ptrdiff_t>(held), c.villages.end());
        c.villages.resize(c.villages.size() - held);
    }
    return out;
}

std::vector<VillageLedger> heldBack(const std::vector<County>& counties)
{
    std::vector<VillageLedger> out;
    for (const County& c : counties)
        out.insert(out.end(), c.heldBack.begin(), c.heldBack.end());
    return out;
}

void addTo(UploadOutcome& sum, const UploadOutcome& up)
{
    sum.seconds += up.seconds;
    sum.changes += up.changes;
    sum.errors += up.errors;
    sum.serverCpuSeconds += up.serverCpuSeconds;
    sum.serverPeakKb = std::max(sum.serverPeakKb, up.serverPeakKb);
    sum.loadPeakKb = std::max(sum.loadPeakKb, up.loadPeakKb);
}

void removeCountyFile(const std::string& db)
{
    for (const char* suffix : {"", "-wal", "-shm", ".upload-plan"})
        fs::remove(db + suffix);
}

struct CountyFiles {
    UploadOutcome built;             // the villages into fresh files, every county summed
    UploadOutcome heldBack;          // the held-back villages into the files (the county figure)
    std::string first;               // the first county's whole file, kept for its rush and report
    std::vector<std::string> before; // each county's file before the held-back push: moved into the city
};

// Each county's villages into a fresh county file of its own through its one server
// process, one county after another; a copy of the file is kept for the city, then the
// county's held-back villages go in. Summed, bar peak memory (the largest process). The
// whole files are removed but the first (at city scale each is a county's size).
CountyFiles uploadCounties(BenchRun& run, const std::vector<County>& counties, const std::string& scaleName)
{
    CountyFiles out;
    for (const County& county : counties) {
        const std::string name = "county-" + county.code + "-" + scaleName;
        const std::string db = run.freshCountyDb(name + ".db", county.code);
        addTo(out.built, uploadThroughServer(run, county.villages, db, kUploadConnections));
        // The server closed the file: its log is checkpointed into it, the file is whole.
        const std::string before = fs::path(db).parent_path() / (name + "-before.db");
        removeCountyFile(before);
        fs::copy_file(db, before);
        if (fs::exists(db + "-wal"))
            fs::copy_file(db + "-wal", before + "-wal");
        out.before.push_back(before);
        addTo(out.heldBack, uploadThroughServer(run, county.heldBack, db, kUploadConnections));
        if (out.first.empty())
            out.first = db;
        else
            removeCountyFile(db);
    }
    return out;
}

struct CityMove {
    double seconds = 0;
    double rows = 0;
    bool ok = true;
};

// The county files moved into the city database as a city's administrator moves them:
// `shouwang-server migrate`, one county after another. Each file is removed once moved.
CityMove moveCountiesIn(const BenchRun& run, const std::vector<std::string>& files, const std::string& url)
{
    CityMove out;
    for (const std::string& file : files) {
        const ChildResult move = runChild({run.serverBinary, "migrate", "--from", file, "--to", url}, run.errLog);
        out.seconds += move.seconds;
        out.ok = out.ok && move.exitCode == 0;
        // It prints each table's rows moved, one "table rows" line each, then its verdict.
        std::istringstream lines(move.out);
        for (std::string line; std::getline(lines, line);) {
            std::istringstream words(line);
            std::string table;
            double rows = 0;
            if (words >> table >> rows && (words >> std::ws).eof())
                out.rows += rows;
        }
        removeCountyFile(file);
    }
    return out;
}

// On PostgreSQL the database's own work happens in the cluster's processes, not in the
// server process as SQLite's does: their CPU over the upload, beside the servers'.
struct CityUpload {
    UploadOutcome up;
    double databaseCpuSeconds = 0;
};

CityUpload uploadCity(BenchRun& run, const CityCluster& cluster, const std::vector<VillageLedger>& villages,
                      const std::string& url, std::size_t servers)
{
    CityUpload out;
    const double before = cluster.cpuSecondsSoFar();
    out.up = uploadThroughServer(run, villages, url, kUploadConnections, servers);
    out.databaseCpuSeconds = cluster.cpuSecondsSoFar() - before;
    return out;
}

struct CityRush {
    Facts facts;
    int peakConnections = -1; // on PostgreSQL: the most client connections seen at once
};

// Scenario 2's rush, all at once (its spread run would add 20 s a database, saying little
// more), against `db` through `servers` processes with the devices split between them. With
// `cluster`, its client connections are sampled every 50 ms: each process opens a reader
// per request it serves at once, and a connection the cluster refuses is a 503.
CityRush rushThrough(BenchRun& run, const std::string& db, const std::vector<VillageLedger>& villages,
                     std::size_t servers, CityCluster* cluster = nullptr,
                     const std::vector<std::string>& serveArgs = {})
{
    const RushPlan plan = planRush(run, db, villages);
    ServerGroup group(run.serverBinary, db, run.errLog, servers, serveArgs);
    CityRush out;
    std::jthread watch;
    if (cluster) {
        watch = std::jthread([&](std::stop_token stop) {
            try {
                while (!stop.stop_requested()) {
                    out.peakConnections = std::max(out.peakConnections, cluster->clientConnections());
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
            } catch (const std::exception&) {
                // A sample the cluster refused: the peak stands as far as it was seen.
            }
        });
    }
    const ChildResult load = rushLoad(run, plan, group.urls(), 0);
    if (watch.joinable()) {
        watch.request_stop();
        watch.join();
    }
    group.stop();
    out.facts = parseFacts(load.out);
    if (load.exitCode != 0 || factNumber(out.facts, "errors", 1) > 0)
        run.report.note("8 city rush on " + db + ": exit " + std::to_string(load.exitCode) + ", first error: "
                        + (out.facts.count("first_error") ? out.facts.at("first_error") : std::string("no answer")));
    return out;
}

struct ReportTimes {
    double median = -1; // of three runs; negative when one failed
    double first = -1;  // the first run, which on a database not yet reported on today first
                        // computes every elder's derived columns (DerivedColumns::refreshForToday)
};

// `shouwang-server --db DB report [--area AREA]` as the scheduled job runs it, a fresh
// process each time, three times: wall seconds.
ReportTimes reportSeconds(const BenchRun& run, const std::string& db, const std::string& area)
{
    std::vector<double> seconds;
    for (int i = 0; i < 3; ++i) {
        std::vector<std::string> argv{run.serverBinary, "--db", db, "report"};
        if (!area.empty()) {
            argv.push_back("--area");
            argv.push_back(area);
        }
        const ChildResult report = runChild(argv, run.errLog);
        if (report.exitCode != 0)
            return {};
        seconds.push_back(report.seconds);
    }
    return {percentileValue(seconds, 50), seconds.front()};
}

std::string rate(const UploadOutcome& up)
{
    return thousands(up.changes / std::max(up.seconds, 1e-9));
}

// "12,345 (0.45×)": a figure and its ratio to the county figure.
std::string withRatio(const std::string& figure, double value, double countyValue)
{
    return figure + " (" + fixed(value / std::max(countyValue, 1e-9), 2) + "×)";
}

} // namespace

void runCity(BenchRun& run)
{
    Report& r = run.report;
    const Scale city = run.scale.acrossCity();
    std::printf("8 city: generating / reusing %zu village ledgers across %zu counties ...\n", city.villages,
                city.cityCounties.size());
    std::fflush(stdout);
    const std::vector<VillageLedger> villages = prepareVillages(city, run.workDir);
    const std::vector<County> counties = byCounty(villages);
    double elders = 0, changes = 0;
    std::string codes;
    for (const auto& v : villages) {
        elders += static_cast<double>(v.elders);
        changes += static_cast<double>(v.changes);
    }
    for (const County& c : counties)
        codes += (codes.empty() ? "" : ", ") + c.code + " (" + std::to_string(c.villages.size() + c.heldBack.size())
            + ")";
    r.note("8 city data: " + std::to_string(villages.size()) + " villages of " + std::to_string(counties.size())
           + " counties — " + codes + " — " + thousands(elders) + " elders, " + thousands(changes)
           + " changes (generateDemo, ledgers in villages-" + city.name + "/)");

    std::unique_ptr<CityCluster> cluster;
    try {
        cluster = std::make_unique<CityCluster>();
    } catch (const std::exception& e) {
        r.note(std::string("8 city skipped: no PostgreSQL cluster could be started (tools/install-deps.sh installs "
                           "postgresql-15): ")
               + e.what());
        return;
    }

    // 1. The upload: the county files, the city made from them, and the held-back villages
    // pushed into each.
    const CountyFiles files = uploadCounties(run, counties, city.name);
    const UploadOutcome& county = files.heldBack;
    const std::string oneUrl = cluster->freshCityDb(run, "city_one");
    const CityMove moved = moveCountiesIn(run, files.before, oneUrl);
    const std::string twoUrl = cluster->copyCityDb("city_one", "city_two");
    const std::vector<VillageLedger> pushed = heldBack(counties);
    const CityUpload one = uploadCity(run, *cluster, pushed, oneUrl, 1);
    const CityUpload two = uploadCity(run, *cluster, pushed, twoUrl, 2);
    double pushedChanges = 0;
    for (const auto& v : pushed)
        pushedChanges += static_cast<double>(v.changes);
    const double countyRate = county.changes / std::max(county.seconds, 1e-9);
    auto rateOf = [](const UploadOutcome& up) { return up.changes / std::max(up.seconds, 1e-9); };
    r.add({"8 city",
           "the county files: " + std::to_string(villages.size() - pushed.size()) + " villages push "
               + thousands(files.built.changes) + " changes, each county into a fresh file through its one server "
               + "process, in turn: changes/s",
           rate(files.built), "", ""});
    r.add({"8 city",
           "the city database made from them: `migrate` of each county file in turn, rows moved: rows/s ("
               + thousands(moved.rows) + " rows, s)",
           thousands(moved.rows / std::max(moved.seconds, 1e-9)) + " (" + fixed(moved.seconds, 0) + " s)", "",
           moved.ok ? "" : "MISSED"});
    const std::string label = std::to_string(pushed.size()) + " held-back villages (each county's last twentieth, "
        + "at least one) push " + thousands(pushedChanges) + " changes";
    r.add({"8 city",
           label
               + " into their county's file, through its one server process, county after county (the county "
                 "figure): changes/s",
           rate(county), "", ""});
    r.add({"8 city", "the same into the PostgreSQL city database, 1 server process: changes/s (× the county figure)",
           withRatio(rate(one.up), rateOf(one.up), countyRate), "", ""});
    r.add({"8 city",
           "the same into a copy of the city database, 2 server processes, the " + std::to_string(kUploadConnections)
               + " connections split: changes/s (× the county figure)",
           withRatio(rate(two.up), rateOf(two.up), countyRate), "", ""});
    r.add({"8 city",
           "held-back push CPU s: SQLite servers / PostgreSQL 1 process: server + database / 2 processes: servers + "
           "database",
           fixed(county.serverCpuSeconds, 1) + " / " + fixed(one.up.serverCpuSeconds, 1) + " + "
               + fixed(one.databaseCpuSeconds, 1) + " / " + fixed(two.up.serverCpuSeconds, 1) + " + "
               + fixed(two.databaseCpuSeconds, 1),
           "", ""});
    r.add({"8 city",
           "held-back push peak memory: SQLite server (largest county) / PostgreSQL 1 server / 2 servers (summed)",
           megabytes(county.serverPeakKb * 1024.0) + " / " + megabytes(one.up.serverPeakKb * 1024.0) + " / "
               + megabytes(two.up.serverPeakKb * 1024.0),
           "", ""});
    const double errors = files.built.errors + county.errors + one.up.errors + two.up.errors;
    const bool whole = files.built.changes + pushedChanges == changes && county.changes == pushedChanges
        && one.up.changes == pushedChanges && two.up.changes == pushedChanges;
    r.add({"8 city",
           "changes accepted / errors: county files, held-back into SQLite, PostgreSQL 1 process, 2 processes",
           thousands(files.built.changes) + " / " + fixed(files.built.errors, 0) + ", " + thousands(county.changes)
               + " / " + fixed(county.errors, 0) + ", " + thousands(one.up.changes) + " / " + fixed(one.up.errors, 0)
               + ", " + thousands(two.up.changes) + " / " + fixed(two.up.errors, 0),
           "all / 0", whole && errors == 0 && moved.ok ? "met" : "MISSED"});
    if (!moved.ok)
        r.note("8 city: a county's migrate failed; see " + run.errLog);

    // 2. The report, on the data as uploaded: the county's own on its file, the same county
    // and the whole city on the city database.
    const std::string first = counties.front().code;
    const ReportTimes countyTimes = reportSeconds(run, files.first, "");
    const ReportTimes cityCountyTimes = reportSeconds(run, oneUrl, first);
    const double cityReport = reportSeconds(run, oneUrl, std::string(kCityCode)).median;
    const double countyReport = countyTimes.median, cityCountyReport = cityCountyTimes.median;
    auto seconds = [](double s) { return s < 0 ? std::string("failed") : fixed(s, 2); };
    r.add({"8 city",
           "first report of the day, every elder's derived columns computed first: SQLite county file of " + first
               + " / PostgreSQL city database (all its elders): s (× SQLite's)",
           seconds(countyTimes.first) + " / "
               + withRatio(seconds(cityCountyTimes.first), cityCountyTimes.first, countyTimes.first),
           "", ""});
    r.add({"8 city", "report, SQLite county file of " + first + " (`report`, median of 3 runs): s",
           seconds(countyReport), "", ""});
    r.add({"8 city", "report --area " + first + " on the PostgreSQL city database: s (× SQLite's)",
           withRatio(seconds(cityCountyReport), cityCountyReport, countyReport), "", ""});
    r.add({"8 city",
           "report --area " + std::string(kCityCode) + ", the whole city (" + std::to_string(counties.size())
               + " counties): s (× SQLite's county)",
           withRatio(seconds(cityReport), cityReport, countyReport), "", ""});
    if (countyReport < 0 || cityCountyReport < 0 || cityReport < 0)
        r.note("8 city: a report failed; see " + run.errLog);

    // 3. The rush: on the county's file its own villages' devices, on the city database
    // devices of every county's villages. Only the pushes are compared: each device pulls
    // its village's share of the rush, and the county has fewer villages for the same 500
    // devices (at small scale 125 devices a village against the city's 25).
    const Facts sqlite = rushThrough(run, files.first, counties.front().villages, 1).facts;
    const CityRush rushOne = rushThrough(run, oneUrl, villages, 1, cluster.get());
    const CityRush rushTwo = rushThrough(run, twoUrl, villages, 2, cluster.get());
    // The same two processes each bounded to their share of the cluster's connections
    // (`serve --db-connections`), a few left for the bench's and an administrator's own.
    const int bound = std::max(2, (std::stoi(cluster->setting("max_connections")) - 4) / 2);
    const CityRush rushBounded
        = rushThrough(run, twoUrl, villages, 2, cluster.get(), {"--db-connections", std::to_string(bound)});
    const Facts& pgOne = rushOne.facts;
    const Facts& pgTwo = rushTwo.facts;
    const Facts& pgBounded = rushBounded.facts;
    const double p99 = factNumber(sqlite, "push_p99", 1e9);
    auto pushes = [&](const Facts& f) {
        return fixed(factNumber(f, "push_p50"), 0) + " / " + fixed(factNumber(f, "push_p99", 1e9), 0);
    };
    const std::string devices = thousands(factNumber(sqlite, "devices")) + " devices × "
        + std::to_string(run.scale.rushChangesPerDevice) + " changes all at once";
    r.add({"8 city", "rush, " + devices + ", SQLite county file of " + first + ": push p50 / p99 ms", pushes(sqlite),
           "", ""});
    r.add({"8 city", "rush on the PostgreSQL city database, 1 server process: push p50 / p99 ms (p99 × SQLite's)",
           withRatio(pushes(pgOne), factNumber(pgOne, "push_p99", 1e9), p99), "", ""});
    r.add({"8 city", "rush on PostgreSQL, 2 server processes, the devices split: push p50 / p99 ms (p99 × SQLite's)",
           withRatio(pushes(pgTwo), factNumber(pgTwo, "push_p99", 1e9), p99), "", ""});
    const std::string bounded = "--db-connections " + std::to_string(bound);
    r.add({"8 city", "rush on PostgreSQL, 2 server processes each " + bounded + ": push p50 / p99 ms (p99 × SQLite's)",
           withRatio(pushes(pgBounded), factNumber(pgBounded, "push_p99", 1e9), p99), "", ""});
    const double rushErrors = factNumber(sqlite, "errors", 1) + factNumber(pgOne, "errors", 1)
        + factNumber(pgTwo, "errors", 1) + factNumber(pgBounded, "errors", 1);
    r.add({"8 city", "rush errors: SQLite / PostgreSQL 1 process / 2 processes / 2 each " + bounded,
           fixed(factNumber(sqlite, "errors", 1), 0) + " / " + fixed(factNumber(pgOne, "errors", 1), 0) + " / "
               + fixed(factNumber(pgTwo, "errors", 1), 0) + " / " + fixed(factNumber(pgBounded, "errors", 1), 0),
           "0", rushErrors == 0 ? "met" : "MISSED"});
    r.add({"8 city",
           "rush: PostgreSQL client connections at most, 1 process / 2 processes / 2 each " + bounded
               + " (the cluster's max_connections " + cluster->setting("max_connections") + ")",
           std::to_string(rushOne.peakConnections) + " / " + std::to_string(rushTwo.peakConnections) + " / "
               + std::to_string(rushBounded.peakConnections),
           "", ""});
    r.note("8 city: the PostgreSQL cluster is the tests' throwaway one (tests/support/temp_postgres.h), with "
           "fsync=off and full_page_writes=off: its commits do not wait for the disk, the SQLite county's "
           "(synchronous=FULL) do.");
}

} // namespace shouwang::bench
