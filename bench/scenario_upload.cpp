// Scenario 1 (initial county upload against the raw-SQLite limit) and 5 (wire size).
#include "child_process.h"
#include "scenarios.h"
#include "wire_json.h"

#include "domain/schema.h"
#include "server/server_store.h"
#include "store/change_codec.h"
#include "store/ledger.h"
#include "sync/gzip.h"
#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace shouwang::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<Change> outboxOf(const VillageLedger& village)
{
    auto db = openLedgerDatabase(village.dbPath);
    Ledger ledger(*db);
    return ledger.changeLog().pending(100000000);
}

void check(int rc, sqlite3* db, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

// The limit: the same rows (each change's record row and its change-log row) inserted by
// raw SQLite with prepared statements, in one transaction, synchronous=FULL, into the same
// schema with the same indexes. Only the inserts and the commit are timed.
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double rawSqliteSeconds(const std::vector<VillageLedger>& villages, const std::string& path, std::size_t& rows,
                        double& cpuSeconds)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
    openLedgerDatabase(path, Database::Durability::Full).reset(); // the schema, then plain SQLite
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nullptr, nullptr, nullptr), db, "pragma");

    std::map<std::string, sqlite3_stmt*, std::less<>> upserts;
    for (const auto& entity : entities()) {
        std::string columns = "id, village_code, created_at, updated_at, deleted, field_clock", params = "?,?,?,?,?,?",
                    updates = "created_at=excluded.created_at, updated_at=excluded.updated_at, field_clock=excluded.field_clock";
        for (const auto& f : entity.fields) {
            columns += ", " + std::string(f.name);
            params += ",?";
            updates += ", " + std::string(f.name) + "=excluded." + std::string(f.name);
        }
        const std::string sql = "INSERT INTO " + std::string(entity.table) + " (" + columns + ") VALUES (" + params
            + ") ON CONFLICT(id) DO UPDATE SET " + updates;
        sqlite3_stmt* st = nullptr;
        check(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), db, "prepare");
        upserts[std::string(entity.name)] = st;
    }
    sqlite3_stmt* log = nullptr;
    check(sqlite3_prepare_v2(db,
                             "INSERT INTO change_log (change_id, entity, record_id, village_code, hlc, device_id, "
                             "operator, payload, origin, state, logged_at) VALUES (?,?,?,?,?,?,?,?,1,1,?)",
                             -1, &log, nullptr),
          db, "prepare");

    struct Prepared {
        Change change;
        std::string payload, hlc, clocks, when;
    };
    double seconds = 0;
    rows = 0;
    cpuSeconds = 0;
    auto timed = [&](auto&& f) {
        const auto t = Clock::now();
        const double cpu = threadCpuSeconds();
        f();
        seconds += std::chrono::duration<double>(Clock::now() - t).count();
        cpuSeconds += threadCpuSeconds() - cpu;
    };
    timed([&] { check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin"); });
    for (const auto& village : villages) {
        // Untimed: reading and encoding what the rows hold.
        std::vector<Prepared> batch;
        for (auto& change : outboxOf(village)) {
            Prepared p;
            p.payload = serializeChange(change);
            p.hlc = change.hlc.toString();
            std::map<std::string, Hlc, std::less<>> clocks;
            for (const auto& f : change.fields)
                clocks[f.name] = change.hlc;
            p.clocks = encodeClocks(clocks);
            p.when = formatDateTime(change.hlc.millis());
            p.change = std::move(change);
            batch.push_back(std::move(p));
        }
        timed([&] {
            for (const auto& p : batch) {
                const Change& c = p.change;
                const EntityDef& entity = *findEntity(c.entity);
                sqlite3_stmt* st = upserts.find(c.entity)->second;
                sqlite3_bind_text(st, 1, c.recordId.data(), static_cast<int>(c.recordId.size()), SQLITE_STATIC);
                sqlite3_bind_text(st, 2, c.villageCode.data(), static_cast<int>(c.villageCode.size()), SQLITE_STATIC);
                sqlite3_bind_text(st, 3, p.when.data(), static_cast<int>(p.when.size()), SQLITE_STATIC);
                sqlite3_bind_text(st, 4, p.when.data(), static_cast<int>(p.when.size()), SQLITE_STATIC);
                sqlite3_bind_int(st, 5, 0);
                sqlite3_bind_text(st, 6, p.clocks.data(), static_cast<int>(p.clocks.size()), SQLITE_STATIC);
                int param = 6;
                for (const auto& field : entity.fields) {
                    ++param;
                    sqlite3_bind_null(st, param);
                    for (const auto& f : c.fields) {
                        if (f.name == field.name) {
                            sqlite3_bind_text(st, param, f.value.data(), static_cast<int>(f.value.size()), SQLITE_STATIC);
                            break;
                        }
                    }
                }
                check(sqlite3_step(st), db, "upsert");
                sqlite3_reset(st);
                sqlite3_bind_text(log, 1, c.changeId.data(), static_cast<int>(c.changeId.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 2, c.entity.data(), static_cast<int>(c.entity.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 3, c.recordId.data(), static_cast<int>(c.recordId.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 4, c.villageCode.data(), static_cast<int>(c.villageCode.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 5, p.hlc.data(), static_cast<int>(p.hlc.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 6, c.hlc.device.data(), static_cast<int>(c.hlc.device.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 7, c.operatorName.data(), static_cast<int>(c.operatorName.size()), SQLITE_STATIC);
                sqlite3_bind_blob(log, 8, p.payload.data(), static_cast<int>(p.payload.size()), SQLITE_STATIC);
                sqlite3_bind_text(log, 9, p.when.data(), static_cast<int>(p.when.size()), SQLITE_STATIC);
                check(sqlite3_step(log), db, "log");
                sqlite3_reset(log);
                rows += 2;
            }
        });
    }
    timed([&] { check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit"); });
    for (auto& [name, st] : upserts)
        sqlite3_finalize(st);
    sqlite3_finalize(log);
    sqlite3_close(db);
    return seconds;
}

void wireSize(BenchRun& run)
{
    // Every change of the first villages (a few thousand is plenty for a per-change mean),
    // in push batches of 500 as the client sends them.
    double changes = 0, proto = 0, protoGzip = 0, json = 0, jsonGzip = 0, sentAs = 0;
    const std::size_t sample = std::min<std::size_t>(run.villages.size(), 3);
    for (std::size_t v = 0; v < sample; ++v) {
        const auto outbox = outboxOf(run.villages[v]);
        for (std::size_t from = 0; from < outbox.size(); from += protocol::kDefaultPushBatch) {
            const std::size_t to = std::min(outbox.size(), from + protocol::kDefaultPushBatch);
            wire::PushRequest request;
            request.set_protocol_version(protocol::kVersion);
            for (std::size_t i = from; i < to; ++i)
                toWire(outbox[i], *request.add_changes());
            const std::string bytes = request.SerializeAsString();
            const std::string zipped = gzip::compress(bytes);
            const std::string asJson = pushRequestJson(outbox, from, to);
            changes += static_cast<double>(to - from);
            proto += static_cast<double>(bytes.size());
            protoGzip += static_cast<double>(zipped.size());
            sentAs += static_cast<double>(bytes.size() > 4096 ? zipped.size() : bytes.size());
            json += static_cast<double>(asJson.size());
            jsonGzip += static_cast<double>(gzip::compress(asJson).size());
        }
    }
    Report& r = run.report;
    r.add({"5 wire", "bytes/change as sent (protobuf + gzip, batches of 500)", fixed(sentAs / changes, 1),
           "well under JSON", sentAs < json / 2 ? "met" : "MISSED"});
    r.add({"5 wire", "bytes/change protobuf, no gzip", fixed(proto / changes, 1), "", ""});
    r.add({"5 wire", "bytes/change JSON (same changes)", fixed(json / changes, 1), "", ""});
    r.add({"5 wire", "bytes/change JSON + gzip", fixed(jsonGzip / changes, 1), "", ""});
    r.add({"5 wire", "JSON / protobuf+gzip", fixed(json / sentAs, 1) + "×", "", ""});
    r.note("Wire size: " + thousands(changes) + " changes of the first " + std::to_string(sample)
           + " villages (every entity, as generateDemo made them).");
}

} // namespace

std::string BenchRun::freshCountyDb(const std::string& name) const
{
    const std::string path = (fs::path(workDir) / name).string();
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
    auto init = runChild({serverBinary, "--db", path, "init", "--county", scale.countyCode}, errLog);
    if (init.exitCode != 0)
        throw std::runtime_error("shouwang-server init failed; see " + errLog);
    return path;
}

UploadOutcome uploadThroughServer(BenchRun& run, const std::vector<VillageLedger>& villages, const std::string& db,
                                  int connections)
{
    const std::string plan = db + ".upload-plan";
    {
        auto store = server::openSqliteCountyStore(db);
        std::ofstream out(plan);
        for (const auto& v : villages) {
            const BenchDevice device = enrollDirectly(*store, v.deviceId, "village:" + v.code);
            out << device.token << ' ' << v.dbPath << '\n';
        }
    }
    ServerProcess server(run.serverBinary, db, run.errLog);
    const ChildResult load = runChild({run.benchBinary, "load-upload", "--url", server.url(), "--plan", plan,
                                       "--connections", std::to_string(connections)},
                                      run.errLog);
    UploadOutcome outcome;
    outcome.serverCpuSeconds = server.cpuSecondsSoFar();
    outcome.serverPeakKb = server.stop();
    outcome.loadPeakKb = load.maxRssKb;
    const Facts facts = parseFacts(load.out);
    outcome.seconds = factNumber(facts, "seconds");
    outcome.changes = factNumber(facts, "accepted");
    outcome.errors = factNumber(facts, "errors", 1);
    if (load.exitCode != 0 || outcome.errors > 0)
        run.report.note("upload load process: exit " + std::to_string(load.exitCode) + ", errors "
                        + fixed(outcome.errors, 0) + ", first error: "
                        + (facts.count("first_error") ? facts.at("first_error") : "?"));
    return outcome;
}

void runUpload(BenchRun& run)
{
    Report& r = run.report;
    if (run.wants(5))
        wireSize(run);
    if (!run.wants(1) && !run.wants(2) && !run.wants(3))
        return;

    std::size_t total = 0;
    for (const auto& v : run.villages)
        total += v.changes;
    // The limit is measured before and after the upload and averaged, so a load that comes
    // or goes on the shared machine during the run weighs on both sides alike.
    std::size_t rows = 0;
    double limitCpuBefore = 0, limitCpuAfter = 0;
    const std::string limitDb = (fs::path(run.workDir) / "limit.db").string();
    const double limitBefore = rawSqliteSeconds(run.villages, limitDb, rows, limitCpuBefore);
    run.countyDb = run.freshCountyDb("county-" + run.scale.name + ".db");
    const UploadOutcome up = uploadThroughServer(run, run.villages, run.countyDb, 4);
    run.uploadSeconds = up.seconds;
    const double limitAfter = rawSqliteSeconds(run.villages, limitDb, rows, limitCpuAfter);
    const double limit = (limitBefore + limitAfter) / 2;
    const double limitCpu = (limitCpuBefore + limitCpuAfter) / 2;

    const double ratio = up.seconds / limit;
    r.add({"1 upload", std::to_string(run.villages.size()) + " villages push " + thousands(static_cast<double>(total))
                           + " changes: seconds",
           fixed(up.seconds, 1), "", ""});
    r.add({"1 upload", "changes/s through the server (4 connections)", thousands(up.changes / up.seconds), "", ""});
    r.add({"1 upload", "limit: raw SQLite, same rows, 1 transaction: seconds (before / after the upload)",
           fixed(limitBefore, 1) + " / " + fixed(limitAfter, 1), "", ""});
    r.add({"1 upload", "limit: changes/s", thousands(static_cast<double>(total) / limit), "", ""});
    r.add({"1 upload", "server time / limit time (mean of the two)", fixed(ratio, 2) + "×", "≤ 3×",
           ratio <= 3 ? "met" : "MISSED"});
    r.add({"1 upload", "CPU: server process / limit (less sensitive to other load)",
           fixed(up.serverCpuSeconds, 1) + " s / " + fixed(limitCpu, 1) + " s = "
               + fixed(up.serverCpuSeconds / std::max(limitCpu, 1e-9), 2) + "×",
           "", ""});
    r.add({"1 upload", "changes accepted / errors",
           thousands(up.changes) + " / " + fixed(up.errors, 0), "all / 0",
           up.errors == 0 && static_cast<std::size_t>(up.changes) == total ? "met" : "MISSED"});
    r.add({"1 upload", "peak memory: server / load process", megabytes(up.serverPeakKb * 1024.0) + " / "
               + megabytes(up.loadPeakKb * 1024.0), "", ""});
}

} // namespace shouwang::bench
