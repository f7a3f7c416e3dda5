// A device offline for a (simulated) year with thousands of edits while the county changed
// the same records: its sync goes in bounded batches, converges, and every concurrent edit
// is in the conflict queue. Clocks are faked so that the year ends now.
#include "../cli/county_fixture.h"
#include "ledger_facts.h"
#include "reliability.h"

#include "store/conflict_queue.h"
#include "sync/gzip.h"

#include "shouwang/sync.pb.h"

#include <random>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::int64_t kYear = 365LL * 24 * 3600 * 1000;

void setWall(Device& device, std::function<std::int64_t()> wall)
{
    const std::uint64_t last = device.ledger->clock().lastTime();
    device.ledger->clock() = HybridClock(device.ledger->deviceId(), std::move(wall));
    device.ledger->clock().restore(last);
}

// Passes requests on and notes how many changes each push carried.
struct CountingTransport final : Transport {
    Transport& inner;
    std::vector<int> pushSizes;
    int pulls = 0;
    explicit CountingTransport(Transport& t)
        : inner(t)
    {
    }
    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) override
    {
        if (path == protocol::kPushPath) {
            bool zipped = false;
            for (const auto& [name, value] : headers)
                zipped = zipped || (name == "Content-Encoding" && value == "gzip");
            wire::PushRequest request;
            const auto plain = zipped ? gzip::decompress(body, protocol::kMaxInflatedBytes) : std::optional<std::string>(body);
            pushSizes.push_back(plain && request.ParseFromString(*plain) ? request.changes_size() : -1);
        } else if (path == protocol::kPullPath) {
            ++pulls;
        }
        return inner.post(path, body, headers);
    }
};

} // namespace

TEST_CASE("a year offline with thousands of edits syncs in bounded batches, converges, and queues every concurrent edit")
{
    const std::uint64_t seed = roundSeed(0);
    INFO(replayHint(seed));
    std::mt19937_64 random(seed);
    const int kEdits = 2000 * std::max(1, reliabilityRounds(1)); // SHOUWANG_RELIABILITY_ROUNDS=10: 20,000
    const std::int64_t start = HybridClock::systemMillis() - kYear;
    std::int64_t officeWall = start, villageWall = start;

    County county;
    Device office(county.dir, "office"), laptop(county.dir, "laptop");
    office.enroll(county, std::string("village:") + kVillageA);
    laptop.enroll(county, std::string("village:") + kVillageA);
    setWall(office, [&officeWall] { return officeWall; });
    setWall(laptop, [&villageWall] { return villageWall; });

    std::vector<std::string> ids;
    for (int i = 0; i < 100; ++i)
        ids.push_back(office.household(kVillageA, "户主" + std::to_string(i)));
    REQUIRE(office.sync().ok());
    REQUIRE(laptop.sync().ok()); // the last time the laptop sees the network for a year

    const char* fields[] = {"notes", "address"};
    std::set<std::pair<std::string, std::string>> editedByOffice, editedByLaptop;
    std::map<std::pair<std::string, std::string>, std::string> laptopLast;
    for (int i = 0; i < kEdits; ++i) {
        villageWall = start + kYear * i / kEdits;
        const std::string& id = ids[random() % ids.size()];
        const std::string field = fields[random() % 2];
        const std::string value = "村里第" + std::to_string(i) + "次";
        laptop.edit("household", id, field, value);
        editedByLaptop.insert({id, field});
        laptopLast[{id, field}] = value;
        if (i % 10 == 0) { // the county keeps working on the same records meanwhile
            officeWall = villageWall;
            const std::string& theirs = ids[random() % ids.size()];
            const std::string theirField = fields[random() % 2];
            office.edit("household", theirs, theirField, "县里第" + std::to_string(i) + "次");
            editedByOffice.insert({theirs, theirField});
        }
        if (i % 200 == 0)
            REQUIRE(office.sync().ok());
    }
    REQUIRE(office.sync().ok());

    villageWall = officeWall = HybridClock::systemMillis(); // the year is over: back online
    laptop.options.pullLimit = 100;
    net::BeastTransport real(county.server.url(), Device::shortTimeouts());
    CountingTransport counting(real);
    const SyncReport report = laptop.sync(counting);
    INFO(report.error.message);
    REQUIRE(report.ok());
    CHECK(report.acknowledged == static_cast<std::size_t>(kEdits));
    REQUIRE_FALSE(counting.pushSizes.empty());
    for (int size : counting.pushSizes)
        CHECK((size > 0 && static_cast<std::size_t>(size) <= protocol::kDefaultPushBatch));
    CHECK(counting.pushSizes.size() == (static_cast<std::size_t>(kEdits) + protocol::kDefaultPushBatch - 1) / protocol::kDefaultPushBatch);
    CHECK(counting.pulls > 1); // the county's year came in pages

    REQUIRE(office.sync().ok());
    CHECK(snapshot(*office.ledger, kVillageA) == snapshot(*laptop.ledger, kVillageA));
    county.inspect([&](Ledger& server, Database& db) {
        CHECK(snapshot(server, kVillageA) == snapshot(*laptop.ledger, kVillageA));
        std::set<std::pair<std::string, std::string>> conflicted;
        std::set<std::tuple<std::string, std::string, std::string>> queuedValues;
        for (const Conflict& c : ConflictQueue(db).all()) {
            conflicted.insert({c.recordId, c.field});
            queuedValues.insert({c.recordId, c.field, c.valueA});
            queuedValues.insert({c.recordId, c.field, c.valueB});
        }
        for (const auto& key : editedByOffice) {
            if (!editedByLaptop.count(key))
                continue;
            INFO(key.first << " " << key.second);
            CHECK(conflicted.count(key) == 1); // both sides edited without seeing each other
            // The laptop's last word stands or waits in the queue: never silently dropped.
            const std::string& last = laptopLast[key];
            CHECK((server.get("household", key.first)->value(key.second) == last
                   || queuedValues.count({key.first, key.second, last}) == 1));
        }
    });
}
