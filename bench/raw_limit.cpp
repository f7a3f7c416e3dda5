#include "raw_limit.h"

#include "domain/date.h"
#include "domain/record.h"
#include "domain/schema.h"
#include "server/server_store.h"
#include "store/change_codec.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <map>
#include <stdexcept>

namespace shouwang::bench {

using Clock = std::chrono::steady_clock;

namespace {

void check(int rc, sqlite3* db, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

RawInsert rawSqliteInsert(const std::string& path, const std::function<bool(std::vector<Change>&)>& nextBatch)
{
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    const std::string pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-"
        + std::to_string(server::kWriterCacheKib);
    check(sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr), db, "pragma");

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
    RawInsert out;
    auto timed = [&](auto&& f) {
        const auto t = Clock::now();
        const double cpu = threadCpuSeconds();
        f();
        out.seconds += std::chrono::duration<double>(Clock::now() - t).count();
        out.cpuSeconds += threadCpuSeconds() - cpu;
    };
    timed([&] { check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin"); });
    for (std::vector<Change> changes; nextBatch(changes); changes.clear()) {
        // Untimed: reading and encoding what the rows hold.
        std::vector<Prepared> batch;
        for (auto& change : changes) {
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
                out.rows += 2;
            }
        });
    }
    timed([&] { check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit"); });
    for (auto& [name, st] : upserts)
        sqlite3_finalize(st);
    sqlite3_finalize(log);
    sqlite3_close(db);
    return out;
}

} // namespace shouwang::bench
