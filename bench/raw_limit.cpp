#include "raw_limit.h"

#include "domain/record.h"
#include "domain/schema.h"
#include "server/server_store.h"
#include "store/change_codec.h"
#include "store/record_key.h"
#include "store/record_table.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
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

// One change as the limits store it, encoded before the clock starts: reading and encoding
// what the rows hold is not what either limit measures.
struct Prepared {
    Change change;
    std::string payload, kept, changeKey, recordKey, deviceKey;
    std::int64_t when = 0; // created_at and updated_at, as our rows keep them (record_table.h)
    RowClocks clocks;
};

Prepared prepare(Change&& change)
{
    Prepared p;
    p.payload = serializeChange(change);
    // What our change log keeps of it: the bytes after the head its columns hold (schema
    // version 7, store/change_codec.h); the lean limit keeps them whole.
    p.kept = p.payload.substr(changeHead(change).size());
    // The change log's columns in its own form (store/record_key.h, schema version 6).
    p.changeKey = keyOfId(change.changeId);
    p.recordKey = keyOfId(change.recordId);
    p.deviceKey = keyOfId(change.hlc.device);
    Record written; // the row's clocks as the store keeps them (domain/record.h)
    for (const auto& f : change.fields) {
        written.set(f.name, f.value);
        written.clocks[f.name] = change.hlc;
    }
    p.clocks = rowClocks(written);
    p.when = change.hlc.millis() / 1000;
    p.change = std::move(change);
    return p;
}

sqlite3* openForLimit(const std::string& path)
{
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    const std::string pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-"
        + std::to_string(server::kWriterCacheKib);
    check(sqlite3_exec(db, pragmas.c_str(), nullptr, nullptr, nullptr), db, "pragma");
    return db;
}

sqlite3_stmt* prepareStatement(sqlite3* db, const std::string& sql)
{
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), db, "prepare");
    return st;
}

void bindText(sqlite3_stmt* st, int param, std::string_view text)
{
    sqlite3_bind_text(st, param, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void bindBlob(sqlite3_stmt* st, int param, std::string_view bytes)
{
    sqlite3_bind_blob(st, param, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
}

// A value as our tables keep it (Statement::bind): an id as its key, the rest as text.
void bindValue(sqlite3_stmt* st, int param, std::string_view value)
{
    if (const auto key = keyBytesOf(value))
        sqlite3_bind_blob(st, param, key->data(), static_cast<int>(key->size()), SQLITE_TRANSIENT);
    else
        bindText(st, param, value);
}

// Binds each field of `entity` from the change (NULL when the change does not set it) to
// the parameters after `first`; `ours`: as our tables keep them, else all as text.
void bindFields(sqlite3_stmt* st, int first, const EntityDef& entity, const Change& c, bool ours)
{
    int param = first;
    for (const auto& field : entity.fields) {
        ++param;
        sqlite3_bind_null(st, param);
        for (const auto& f : c.fields) {
            if (f.name == field.name) {
                if (ours && field.type != FieldType::RefList)
                    bindValue(st, param, f.value);
                else
                    bindText(st, param, f.value);
                break;
            }
        }
    }
}

void stepAndReset(sqlite3* db, sqlite3_stmt* st, const char* what)
{
    check(sqlite3_step(st), db, what);
    sqlite3_reset(st);
}

using Upserts = std::map<std::string, sqlite3_stmt*, std::less<>>;

void closeLimit(sqlite3* db, Upserts& upserts, sqlite3_stmt* log)
{
    for (auto& [name, st] : upserts)
        sqlite3_finalize(st);
    sqlite3_finalize(log);
    sqlite3_close(db);
}

// The run both limits share: BEGIN, every batch's rows by `insertOne` (the encoding untimed),
// COMMIT; wall and CPU time of what SQLite does.
RawInsert timedInserts(sqlite3* db, const std::function<bool(std::vector<Change>&)>& nextBatch,
                       const std::function<void(const Prepared&)>& insertOne, std::size_t rowsPerChange)
{
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
        std::vector<Prepared> batch;
        batch.reserve(changes.size());
        for (auto& change : changes)
            batch.push_back(prepare(std::move(change)));
        timed([&] {
            for (const auto& p : batch)
                insertOne(p);
        });
        out.rows += batch.size() * rowsPerChange;
    }
    timed([&] { check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit"); });
    return out;
}

} // namespace

RawInsert rawSqliteInsert(const std::string& path, const std::function<bool(std::vector<Change>&)>& nextBatch)
{
    sqlite3* db = openForLimit(path);
    Upserts upserts;
    for (const auto& entity : entities()) {
        std::string columns = "id, village_code, created_at, updated_at, deleted, field_clock", params = "?,?,?,?,?,?",
                    updates = "created_at=excluded.created_at, updated_at=excluded.updated_at, field_clock=excluded.field_clock";
        for (const auto& f : entity.fields) {
            columns += ", " + std::string(f.name);
            params += ",?";
            updates += ", " + std::string(f.name) + "=excluded." + std::string(f.name);
        }
        upserts[std::string(entity.name)] = prepareStatement(db, "INSERT INTO " + std::string(entity.table) + " ("
                                                                     + columns + ") VALUES (" + params
                                                                     + ") ON CONFLICT(id) DO UPDATE SET " + updates);
    }
    sqlite3_stmt* log = prepareStatement(db,
                                         "INSERT INTO change_log (change_id, entity, record_id, village_code, hlc, "
                                         "device_id, payload, origin, state, logged_at) "
                                         "VALUES (?,?,?,?,?,?,?,1,1,?)");
    const RawInsert out = timedInserts(
        db, nextBatch,
        [&](const Prepared& p) {
            const Change& c = p.change;
            sqlite3_stmt* st = upserts.find(c.entity)->second;
            bindValue(st, 1, c.recordId);
            bindText(st, 2, c.villageCode);
            sqlite3_bind_int64(st, 3, p.when);
            sqlite3_bind_int64(st, 4, p.when);
            sqlite3_bind_int(st, 5, 0);
            (p.clocks.blob ? bindBlob : bindText)(st, 6, p.clocks.value);
            bindFields(st, 6, *findEntity(c.entity), c, true);
            stepAndReset(db, st, "upsert");
            sqlite3_bind_blob(log, 1, p.changeKey.data(), static_cast<int>(p.changeKey.size()), SQLITE_STATIC);
            bindText(log, 2, c.entity);
            sqlite3_bind_blob(log, 3, p.recordKey.data(), static_cast<int>(p.recordKey.size()), SQLITE_STATIC);
            bindText(log, 4, c.villageCode);
            sqlite3_bind_int64(log, 5, static_cast<sqlite3_int64>(c.hlc.time));
            bindBlob(log, 6, p.deviceKey);
            sqlite3_bind_blob(log, 7, p.kept.data(), static_cast<int>(p.kept.size()), SQLITE_STATIC);
            sqlite3_bind_int64(log, 8, c.hlc.millis() / 1000);
            stepAndReset(db, log, "log");
        },
        2);
    closeLimit(db, upserts, log);
    return out;
}

RawInsert leanSqliteInsert(const std::string& path, const std::function<bool(std::vector<Change>&)>& nextBatch)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        std::remove((path + suffix).c_str());
    sqlite3* db = openForLimit(path);
    // The minimal layout: per entity its text UUID key and its values, nothing indexed but
    // the key; one log of changes keyed by their text UUIDs, holding the change's bytes.
    check(sqlite3_exec(db,
                       "CREATE TABLE changes (change_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, "
                       "payload BLOB NOT NULL)",
                       nullptr, nullptr, nullptr),
          db, "schema");
    Upserts upserts;
    for (const auto& entity : entities()) {
        const std::string table(entity.table);
        std::string columns = "id", params = "?", definition = "id TEXT PRIMARY KEY", updates;
        for (const auto& f : entity.fields) {
            const std::string name(f.name);
            columns += ", " + name;
            params += ",?";
            definition += ", " + name;
            // A change carries only the fields it sets; the others keep their values.
            updates += (updates.empty() ? "" : ", ") + name + "=coalesce(excluded." + name + ", " + name + ")";
        }
        check(sqlite3_exec(db, ("CREATE TABLE " + table + " (" + definition + ")").c_str(), nullptr, nullptr, nullptr),
              db, "schema");
        upserts[std::string(entity.name)] = prepareStatement(db, "INSERT INTO " + table + " (" + columns + ") VALUES ("
                                                                     + params + ") ON CONFLICT(id) DO "
                                                                     + (updates.empty() ? "NOTHING" : "UPDATE SET " + updates));
    }
    sqlite3_stmt* log = prepareStatement(db, "INSERT INTO changes (change_id, record_id, payload) VALUES (?,?,?)");
    const RawInsert out = timedInserts(
        db, nextBatch,
        [&](const Prepared& p) {
            const Change& c = p.change;
            sqlite3_stmt* st = upserts.find(c.entity)->second;
            bindText(st, 1, c.recordId);
            bindFields(st, 1, *findEntity(c.entity), c, false);
            stepAndReset(db, st, "upsert");
            bindText(log, 1, c.changeId);
            bindText(log, 2, c.recordId);
            sqlite3_bind_blob(log, 3, p.payload.data(), static_cast<int>(p.payload.size()), SQLITE_STATIC);
            stepAndReset(db, log, "log");
        },
        2);
    closeLimit(db, upserts, log);
    return out;
}

} // namespace shouwang::bench
