// The city's deployment (docs/admin-guide.md, "The city on PostgreSQL"): two real
// shouwang-server processes on one PostgreSQL database, devices syncing through either at
// random while a process is killed and restarted and the database drops the processes'
// connections. The pushes that die mid-way are sent again, perhaps to the other process; a
// commit whose answer was lost is sent again too. Everyone converges and the county holds
// each change once.
#include "../cli/county_fixture.h"
#include "../support/temp_postgres.h"
#include "convergence.h"
#include "raw_http.h"
#include "reliability.h"

#include "server/postgres/pg_database.h"

#include <atomic>
#include <random>
#include <thread>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// A county on a database of a PostgreSQL this test started, served by two processes.
struct SharedCounty {
    TempPostgres postgres;
    TempDir dir;
    std::string database;
    std::string url;
    std::vector<std::unique_ptr<ServerProcess>> servers;

    // `processes` sync processes, each started with `serveArgs` beside the defaults.
    explicit SharedCounty(const std::string& name, int processes = 2, const std::vector<std::string>& serveArgs = {})
        : database(name)
    {
        postgres.psql("CREATE DATABASE " + database);
        url = postgres.url(database);
        REQUIRE(admin({"init", "--county", kCountyCode}).status == 0);
        for (int i = 0; i < processes; ++i) {
            servers.push_back(std::make_unique<ServerProcess>(SHOUWANG_SERVER_EXE, url, dir.path().string()));
            servers.back()->extraArgs = serveArgs;
            servers.back()->start();
        }
    }

    // Connections open to the county's database now, bar the one asking.
    int connections() const
    {
        pg::Database db(postgres.url(database));
        auto st = db.prepare("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                             "pg_backend_pid()");
        return st.step() ? static_cast<int>(st.integer(0)) : -1;
    }

    Exec admin(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {SHOUWANG_SERVER_EXE, "--db", url});
        return run(args, dir.path().string());
    }

    void enroll(Device& device, const std::string& scope) const
    {
        const Exec code = admin({"enroll", "--scope", scope});
        REQUIRE(code.status == 0);
        net::BeastTransport transport(servers[0]->url());
        const EnrollResult result
            = SyncClient(*device.ledger, transport).enroll(code.lastLine(), "测试笔记本", device.options);
        INFO(result.error.message);
        REQUIRE(result.ok());
    }

    // Every connection the servers hold to the database, ended by the database.
    void dropConnections()
    {
        postgres.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                      + "' AND pid <> pg_backend_pid()");
    }
};

SyncReport syncThrough(Device& device, const std::string& url)
{
    net::BeastTransport transport(url, Device::shortTimeouts());
    return device.sync(transport);
}

// A few saves and edits, as a day's work between syncs.
void work(Device& device, const std::string& village, std::vector<std::string>& ids, std::mt19937_64& random, int step)
{
    for (int op = 0; op < 6; ++op) {
        const std::string n = std::to_string(step * 10 + op);
        if (ids.empty() || random() % 3 == 0)
            ids.push_back(device.household(village, "户主" + n));
        else
            device.edit("household", ids[random() % ids.size()], "notes", "备注" + n);
    }
}

// What a county device found of a village after its last pull, to edit.
std::vector<std::string> householdsOf(Ledger& ledger, const std::string& village)
{
    ListFilter filter;
    filter.villagePrefix = village;
    std::vector<std::string> ids;
    for (const Record& r : ledger.list("household", filter))
        ids.push_back(r.id);
    return ids;
}

} // namespace

TEST_CASE("two server processes on one PostgreSQL, one killed and the database connections dropped at random, lose and "
          "double no change")
{
    const int rounds = reliabilityRounds(1);
    for (int round = 0; round < rounds; ++round) {
        const std::uint64_t seed = roundSeed(round);
        INFO(replayHint(seed));
        std::mt19937_64 random(seed);

        SharedCounty county("county_" + std::to_string(round));
        std::vector<std::unique_ptr<Device>> devices;
        const std::string scopes[] = {std::string("village:") + kVillageA, std::string("village:") + kVillageA,
                                      std::string("village:") + kVillageB, std::string("county:") + kCountyCode};
        for (std::size_t i = 0; i < 4; ++i) {
            devices.push_back(std::make_unique<Device>(county.dir, "d" + std::to_string(i)));
            devices[i]->options.maxAttempts = 3;
            devices[i]->options.pushBatch = 4; // many commits for the faults to land between
            devices[i]->options.pullLimit = 7;
            county.enroll(*devices[i], scopes[i]);
        }
        const std::vector<std::string> urls{county.servers[0]->url(), county.servers[1]->url()};

        // The faults, every 10-50 ms until the devices are done, in turn: a process killed and
        // restarted on its port, then every connection to the database dropped.
        std::atomic<bool> done{false};
        std::atomic<int> kills{0}, drops{0};
        std::string faultFailure;
        std::thread faults([&, faultRandom = std::mt19937_64(seed ^ 0x5bd1e995u)]() mutable {
            while (!done) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10 + faultRandom() % 40));
                if (kills == drops) {
                    ServerProcess& victim = *county.servers[faultRandom() % 2];
                    const int port = victim.port();
                    victim.stop(SIGKILL);
                    std::this_thread::sleep_for(std::chrono::milliseconds(faultRandom() % 30));
                    try {
                        victim.start(port);
                    } catch (const std::exception& e) {
                        faultFailure = e.what(); // checked once the devices are done
                        return;
                    }
                    ++kills;
                } else {
                    try {
                        county.dropConnections();
                    } catch (const std::exception& e) {
                        faultFailure = e.what();
                        return;
                    }
                    ++drops;
                }
            }
        });

        std::vector<std::thread> working;
        std::atomic<int> syncsCompleted{0};
        for (std::size_t i = 0; i < devices.size(); ++i) {
            working.emplace_back([&, i, deviceRandom = std::mt19937_64(seed + 1 + i)]() mutable {
                Device& device = *devices[i];
                std::vector<std::string> ids;
                // A day's work and a sync, a dozen times, and on until two faults of each kind
                // have happened (a fast machine may finish a dozen before).
                for (int step = 0; step < 12 || (drops < 2 && step < 100); ++step) {
                    if (i < 3) {
                        work(device, scopes[i].substr(scopes[i].find(':') + 1), ids, deviceRandom, step);
                    } else {
                        // The county corrects what the villages sent: conflicts with their own edits.
                        for (const char* village : {kVillageA, kVillageB}) {
                            const auto found = householdsOf(*device.ledger, village);
                            if (!found.empty())
                                device.edit("household", found[deviceRandom() % found.size()], "address",
                                            "县核实" + std::to_string(step));
                        }
                    }
                    if (syncThrough(device, urls[deviceRandom() % 2]).ok())
                        ++syncsCompleted;
                }
            });
        }
        for (auto& t : working)
            t.join();
        done = true;
        faults.join();
        WARN(kills << " kills, " << drops << " connection drops, " << syncsCompleted << " syncs completed");
        INFO(faultFailure);
        REQUIRE(faultFailure.empty());
        CHECK(kills >= 2);
        CHECK(drops >= 2);

        // Both processes up, the devices finish: two passes, each through the other process.
        for (auto& server : county.servers) {
            if (server->pid() <= 0)
                server->start(server->port());
        }
        for (int pass = 0; pass < 3; ++pass) {
            for (std::size_t i = 0; i < devices.size(); ++i) {
                const SyncReport report = syncThrough(*devices[i], urls[(i + pass) % 2]);
                INFO(report.error.message);
                REQUIRE(report.ok());
            }
        }

        pg::Database db(county.url);
        Ledger ledger(db);
        checkConvergedIn(ledger, db, devices,
                         [&](Ledger&, const std::multiset<std::string>&, const std::set<std::string>&) {
                             // The county device ends with what the county holds of both villages, too.
                             CHECK(snapshot(*devices[3]->ledger, kVillageA) == snapshot(ledger, kVillageA));
                             CHECK(snapshot(*devices[3]->ledger, kVillageB) == snapshot(ledger, kVillageB));
                         });
    }
}

TEST_CASE("with its PostgreSQL down the sync service fails its health check and answers 503, the laptop keeps its "
          "changes, and both recover with the database")
{
    SharedCounty county("down");
    ServerProcess& server = *county.servers[0];
    Device device(county.dir, "laptop");
    device.options.maxAttempts = 1;
    county.enroll(device, std::string("village:") + kVillageA);
    device.ledger->meta().set(meta::kServerUrl, server.url());
    for (int n = 0; n < 3; ++n)
        device.household(kVillageA, "户主" + std::to_string(n));
    REQUIRE(device.sync().ok());
    for (int n = 3; n < 5; ++n)
        device.household(kVillageA, "户主" + std::to_string(n));

    county.postgres.stop();
    CHECK(rawGet(server.port(), "/healthz").status == 503);
    const SyncReport down = device.sync();
    CHECK(down.error.code == SyncErrorCode::Busy);
    CHECK(down.error.tryAgain);
    CHECK(device.ledger->changeLog().pendingCount() == 2);

    county.postgres.start();
    CHECK(rawGet(server.port(), "/healthz").status == 200);
    const SyncReport back = device.sync();
    INFO(back.error.message);
    REQUIRE(back.ok());
    CHECK(back.acknowledged == 2);
    CHECK(device.ledger->changeLog().pendingCount() == 0);
    pg::Database db(county.url);
    CHECK(allChangeIds(db).size() == 5);
}

TEST_CASE("a city database restored under running sync processes voids the cursors past the restore, and nothing new "
          "is skipped")
{
    SharedCounty county("restored");
    const std::string url = county.servers[0]->url();
    std::vector<std::unique_ptr<Device>> devices;
    for (const char* name : {"writer", "reader", "later"}) {
        devices.push_back(std::make_unique<Device>(county.dir, name));
        county.enroll(*devices.back(), std::string("village:") + kVillageA);
        devices.back()->ledger->meta().set(meta::kServerUrl, url);
    }
    Device& writer = *devices[0];
    Device& reader = *devices[1];
    Device& later = *devices[2];
    for (int n = 0; n < 2; ++n)
        writer.household(kVillageA, "恢复前" + std::to_string(n));
    REQUIRE(writer.sync().ok());
    const std::int64_t restorePoint = [&] {
        pg::Database db(county.url);
        auto st = db.prepare("SELECT max(seq) FROM change_log");
        return st.step() ? st.integer(0) : 0;
    }();
    for (int n = 2; n < 5; ++n)
        writer.household(kVillageA, "恢复后丢失" + std::to_string(n));
    REQUIRE(writer.sync().ok());
    REQUIRE(reader.sync().ok()); // its cursor now lies past the restore point

    // What a restore to the point leaves (pg_restore or point-in-time recovery): the log
    // ends there and numbers on from it, and every connection was cut. The processes run on.
    county.postgres.psql("DELETE FROM change_log WHERE seq > " + std::to_string(restorePoint)
                             + "; SELECT setval(pg_get_serial_sequence('change_log', 'seq'), "
                             + std::to_string(restorePoint) + ")",
                         county.database);
    county.dropConnections();

    // Another laptop sends three new households: their places are the numbers the reader
    // has already passed.
    for (int n = 0; n < 3; ++n)
        later.household(kVillageA, "恢复后新增" + std::to_string(n));
    SyncReport sent = later.sync();
    if (!sent.ok()) // the first statement on a cut connection is answered 503; the next succeeds
        sent = later.sync();
    INFO(sent.error.message);
    REQUIRE(sent.ok());

    const SyncReport pulled = reader.sync();
    INFO(pulled.error.message);
    REQUIRE(pulled.ok());
    CHECK(pulled.cursorReset);
    pg::Database db(county.url);
    Ledger ledger(db);
    for (const auto& [key, value] : snapshot(ledger, kVillageA)) {
        INFO(key << " " << value);
        CHECK(snapshot(*reader.ledger, kVillageA).count(key) == 1);
    }
}

TEST_CASE("a sync process started with --db-connections 3 holds no more than three database connections while "
          "eight laptops sync at once, and every change arrives")
{
    SharedCounty county("bounded", 1, {"--db-connections", "3"});
    ServerProcess& server = *county.servers[0];
    std::vector<std::unique_ptr<Device>> devices;
    // Eight: the server takes ten enrollments a minute from one address.
    for (int i = 0; i < 8; ++i) {
        devices.push_back(std::make_unique<Device>(county.dir, "d" + std::to_string(i)));
        county.enroll(*devices.back(), std::string("village:") + (i % 2 ? kVillageA : kVillageB));
        for (int n = 0; n < 20; ++n)
            devices.back()->household(i % 2 ? kVillageA : kVillageB, "户主" + std::to_string(i * 100 + n));
    }

    std::atomic<bool> done{false};
    std::atomic<int> most{0};
    std::thread watch([&] {
        while (!done) {
            most = std::max(most.load(), county.connections());
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    std::vector<SyncReport> reports(devices.size());
    {
        std::vector<std::jthread> syncs;
        for (std::size_t i = 0; i < devices.size(); ++i)
            syncs.emplace_back([&, i] { reports[i] = syncThrough(*devices[i], server.url()); });
    }
    done = true;
    watch.join();

    for (const SyncReport& report : reports) {
        INFO(report.error.message);
        CHECK(report.ok());
    }
    CHECK(most >= 1);
    INFO("connections at most: " << most.load());
    CHECK(most <= 3);
    pg::Database db(county.url);
    CHECK(allChangeIds(db).size() == 8 * 20);
}

TEST_CASE("serve refuses --db-connections below two: the writer needs a reader beside it")
{
    SharedCounty county("too_few", 0);
    const Exec serve = county.admin({"serve", "--listen", "127.0.0.1:0", "--db-connections", "1"});
    CHECK(serve.status == 2);
    CHECK(serve.err.find("--db-connections") != std::string::npos);
}
