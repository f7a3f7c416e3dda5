#pragma once

// A real county: `shouwang-server` on 127.0.0.1 over a real SQLite file, and village
// devices on their own files syncing to it through the real Beast transport.

#include "../support/process.h"

#include "../support/temp_dir.h"

#include "net/beast_transport.h"

#include "domain/record.h"
#include "domain/schema.h"
#include "store/database.h"
#include "store/ledger.h"
#include "sync/sync_client.h"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>

namespace shouwang::test {

inline constexpr const char* kCountyCode = "500154";     // 开州区
inline constexpr const char* kVillageA = "500154102200"; // 厚坝镇 大坝村
inline constexpr const char* kVillageB = "500154102201"; // 厚坝镇 红宝村

struct County {
    TempDir dir;
    std::string db = dir.file("county.db");
    ServerProcess server{SHOUWANG_SERVER_EXE, db, dir.path().string()};

    County()
    {
        REQUIRE(admin({"init", "--county", kCountyCode}).status == 0);
        server.start();
    }

    Exec admin(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {SHOUWANG_SERVER_EXE, "--db", db});
        return run(args, dir.path().string());
    }

    std::string code(const std::string& scope) const
    {
        const Exec e = admin({"enroll", "--scope", scope});
        REQUIRE(e.status == 0);
        return e.lastLine();
    }

    // The county ledger itself, read from its file once the server has stopped.
    template <class F>
    void inspect(F&& f)
    {
        server.stop();
        auto database = openLedgerDatabase(db);
        Ledger ledger(*database);
        f(ledger, *database);
    }
};

// The ledger's content as comparable text: every record of the villages under `prefix`,
// with its tombstone, values and per-field clocks (timestamps for people are left out).
inline std::map<std::string, std::string> snapshot(Ledger& ledger, const std::string& prefix)
{
    std::map<std::string, std::string> out;
    for (const EntityDef& entity : entities()) {
        ListFilter filter;
        filter.villagePrefix = prefix;
        filter.includeDeleted = true;
        for (const Record& r : ledger.list(entity.name, filter)) {
            std::string text = r.villageCode + (r.deleted ? " deleted" : " live");
            for (const auto& [field, value] : r.values) {
                if (!value.empty())
                    text += " " + field + "=" + value;
            }
            text += " clocks=" + encodeClocks(r.clocks);
            out[std::string(entity.name) + "/" + r.id] = text;
        }
    }
    return out;
}

// A village laptop: its own database file, enrolled with the county, syncing over HTTP.
struct Device {
    std::string path;
    std::unique_ptr<Database> db;
    std::unique_ptr<Ledger> ledger;
    SyncOptions options;

    Device(const TempDir& dir, const std::string& name)
        : path(dir.file(name + ".db"))
        , db(openLedgerDatabase(path))
        , ledger(std::make_unique<Ledger>(*db))
    {
        options.baseDelay = std::chrono::milliseconds(0);
        options.maxAttempts = 2;
    }

    void enroll(const County& county, const std::string& scope)
    {
        ledger->meta().set(meta::kServerUrl, county.server.url());
        net::BeastTransport transport(county.server.url());
        const EnrollResult result = SyncClient(*ledger, transport).enroll(county.code(scope), "测试笔记本", options);
        INFO(result.error.message);
        REQUIRE(result.ok());
    }

    SyncReport sync(Transport& transport) { return SyncClient(*ledger, transport).sync(options); }
    SyncReport sync()
    {
        net::BeastTransport transport(ledger->meta().value(meta::kServerUrl), shortTimeouts());
        return sync(transport);
    }
    static net::TransportOptions shortTimeouts()
    {
        net::TransportOptions o;
        o.connectTimeout = o.readTimeout = std::chrono::seconds(10);
        return o;
    }

    std::string household(const std::string& village, const std::string& head)
    {
        Record r;
        r.entity = "household";
        r.villageCode = village;
        r.set("head_name", head);
        r.set("address", head + "家，一组");
        const SaveResult result = ledger->save(r, "测试员");
        INFO(result.message);
        REQUIRE(result.ok());
        return r.id;
    }

    Change edit(const std::string& entity, const std::string& id, const std::string& field, const std::string& value)
    {
        auto r = ledger->get(entity, id);
        REQUIRE(r);
        r->set(field, value);
        const SaveResult result = ledger->save(*r, "测试员");
        INFO(result.message);
        REQUIRE(result.ok());
        REQUIRE(result.change);
        return *result.change;
    }
};

} // namespace shouwang::test
