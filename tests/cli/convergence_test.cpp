// DESIGN.md §6 "Convergence": randomized multi-device histories against the real server.
#include "county_fixture.h"
#include "fault_transport.h"

#include "store/conflict_queue.h"

#include <random>
#include <set>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// One field write as its device made it: which value, at which clock, having seen which.
struct Write {
    std::string recordId, field, value;
    Hlc hlc, base;
};

struct RandomVillageDevice {
    Device device;
    std::string village;
    std::unique_ptr<net::BeastTransport> real;
    std::unique_ptr<FaultTransport> flaky;
};

// Writes no later write was made over: what a person last typed there. Every one of them
// that does not stand as the final value was overruled by a concurrent edit, and must be
// in the conflict queue with its value (nothing typed is silently dropped).
std::vector<Write> unseen(const std::vector<Write>& writes)
{
    std::set<std::tuple<std::string, std::string, Hlc>> seen;
    for (const Write& w : writes) {
        if (!w.base.isNull())
            seen.emplace(w.recordId, w.field, w.base);
    }
    std::vector<Write> out;
    for (const Write& w : writes) {
        if (!seen.count({w.recordId, w.field, w.hlc}))
            out.push_back(w);
    }
    return out;
}

} // namespace

TEST_CASE("random offline histories with duplicated and interrupted deliveries converge, every concurrent edit queued")
{
    const auto seed = GENERATE(20241129u, 7u);
    INFO("seed " << seed);
    std::mt19937 random(seed);
    const auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };

    County county;
    std::vector<std::unique_ptr<RandomVillageDevice>> devices;
    for (const char* village : {kVillageA, kVillageA, kVillageA, kVillageB}) {
        auto d = std::make_unique<RandomVillageDevice>(
            RandomVillageDevice{Device(county.dir, "d" + std::to_string(devices.size())), village, nullptr, nullptr});
        d->device.enroll(county, std::string("village:") + village);
        d->device.options.maxAttempts = 1; // a failed delivery waits for the next sync
        d->device.options.pushBatch = 7;   // several batches, so interruptions fall between them
        d->real = std::make_unique<net::BeastTransport>(county.server.url());
        d->flaky = std::make_unique<FaultTransport>(*d->real);
        d->flaky->dropBefore = [&](int) { return chance(0.08); };
        d->flaky->dropAfter = [&](int) { return chance(0.08); };
        d->flaky->duplicate = [&](int) { return chance(0.1); };
        devices.push_back(std::move(d));
    }

    std::vector<Write> writes;
    const auto capture = [&](const Change& change) {
        for (const auto& f : change.fields) {
            if (f.name != "deleted")
                writes.push_back({change.recordId, f.name, f.value, change.hlc, f.base});
        }
    };
    const char* fields[] = {"head_name", "address", "notes"};
    int serial = 0;

    constexpr int kRounds = 20, kOpsPerRound = 10; // 200 operations per device
    for (int round = 0; round < kRounds; ++round) {
        for (auto& d : devices) {
            Ledger& ledger = *d->device.ledger;
            for (int op = 0; op < kOpsPerRound; ++op) {
                ListFilter filter;
                filter.villagePrefix = d->village;
                const auto records = ledger.list("household", filter);
                const std::string value = "v" + std::to_string(++serial); // unique: every edit differs
                if (records.size() < 3 || chance(0.1)) {
                    Record r;
                    r.entity = "household";
                    r.villageCode = d->village;
                    r.set("head_name", "户主" + value);
                    r.set("address", "地址" + value);
                    const SaveResult saved = ledger.save(r, "随机");
                    REQUIRE(saved.ok());
                    capture(*saved.change);
                } else if (chance(0.05)) {
                    REQUIRE(ledger.remove("household", records[pick(records.size())].id, "随机").ok());
                } else {
                    Record r = records[pick(records.size())];
                    r.set(fields[pick(3)], value);
                    const SaveResult saved = ledger.save(r, "随机");
                    REQUIRE(saved.ok());
                    if (saved.change)
                        capture(*saved.change);
                }
            }
        }
        // A random subset syncs, in a random order; some of those syncs are cut off.
        std::vector<std::size_t> order{0, 1, 2, 3};
        std::shuffle(order.begin(), order.end(), random);
        for (std::size_t i : order) {
            if (chance(0.6))
                devices[i]->device.sync(*devices[i]->flaky);
        }
    }

    // Then the network heals: everyone syncs until nothing moves.
    for (int pass = 0; pass < 3; ++pass) {
        for (auto& d : devices) {
            const SyncReport report = d->device.sync(*d->real);
            INFO(report.error.message);
            REQUIRE(report.ok());
        }
    }
    for (auto& d : devices)
        CHECK(d->device.ledger->changeLog().pendingCount() == 0);
    const auto villageA = snapshot(*devices[0]->device.ledger, kVillageA);
    CHECK(snapshot(*devices[1]->device.ledger, kVillageA) == villageA);
    CHECK(snapshot(*devices[2]->device.ledger, kVillageA) == villageA);
    const auto villageB = snapshot(*devices[3]->device.ledger, kVillageB);

    county.inspect([&](Ledger& server, Database& db) {
        CHECK(snapshot(server, kVillageA) == villageA);
        CHECK(snapshot(server, kVillageB) == villageB);

        std::set<std::tuple<std::string, std::string, std::string>> queued; // record, field, value
        for (const Conflict& c : ConflictQueue(db).all()) {
            queued.emplace(c.recordId, c.field, c.valueA);
            queued.emplace(c.recordId, c.field, c.valueB);
        }
        std::map<std::pair<std::string, std::string>, std::vector<Write>> leaves;
        for (const Write& w : unseen(writes))
            leaves[{w.recordId, w.field}].push_back(w);
        std::size_t concurrent = 0;
        for (const auto& [key, group] : leaves) {
            if (group.size() < 2)
                continue; // one unseen write: it is the value everyone holds
            for (const Write& w : group) {
                auto record = server.get("household", w.recordId);
                if (record && record->value(w.field) == w.value)
                    continue; // the value that stands: the one every replica shows
                ++concurrent;
                INFO("record " << key.first << " field " << key.second << " value " << w.value);
                CHECK(queued.count({w.recordId, w.field, w.value}) == 1);
            }
        }
        CHECK(concurrent > 0); // the history did contain concurrent edits
    });
}
