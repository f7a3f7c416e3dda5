// DESIGN.md §4 "Lifecycle", randomized: village laptops edit offline while their files are
// restored from older copies, copied to a second laptop and used on both, their clocks jump
// years ahead and behind, forms are saved long after they were opened, a second Ledger on the
// same file (the window beside the sync worker) writes with a clock years behind, and the
// county is restored from older backups, by command and by copying the file back. Invariant
// at the end of every seed: every change ever acknowledged to a device is at the county, and
// the county and every laptop of a village hold the same records, field by field (values and
// clocks), with nothing pending.
//
// CI runs one seed. SHOUWANG_LIFECYCLE_SEEDS=N runs N seeds from SHOUWANG_LIFECYCLE_SEED
// (tools/lifecycle-soak.sh runs thousands); a failure names its seed.
#include "county_fixture.h"

#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <random>
#include <set>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::int64_t kYear = 365LL * 24 * 3600 * 1000;

struct Laptop {
    std::unique_ptr<Device> device;
    std::string village;
    std::vector<std::string> backups; // older copies of this laptop's file
    std::int64_t clockShift = 0;      // the computer's clock, off by this much
    std::optional<Record> openForm;   // a form opened some time ago, not yet saved
};

// What differs between two snapshots, for the failure message.
std::string difference(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b)
{
    std::string out;
    for (const auto& [key, value] : a) {
        auto it = b.find(key);
        if (it == b.end())
            out += "only first: " + key + " " + value + "\n";
        else if (it->second != value)
            out += "differs: " + key + "\n  " + value + "\n  " + it->second + "\n";
    }
    for (const auto& [key, value] : b) {
        if (!a.count(key))
            out += "only second: " + key + " " + value + "\n";
    }
    return out;
}

// Saved, or refused at a field: a record whose creation has not come back yet to this laptop
// (the county was restored and its author has not sent it again) is incomplete for a while,
// and the clerk is told which field is missing.
bool savedOrIncomplete(const SaveResult& result)
{
    INFO(result.message);
    return result.ok() || (result.message.empty() && !result.errors.empty());
}

std::uint64_t envNumber(const char* name, std::uint64_t fallback)
{
    const char* text = std::getenv(name);
    return text && *text ? std::stoull(text) : fallback;
}

void useClock(Laptop& laptop)
{
    const std::int64_t shift = laptop.clockShift;
    Ledger& ledger = *laptop.device->ledger;
    const std::uint64_t last = ledger.clock().lastTime();
    ledger.clock() = HybridClock(ledger.deviceId(), [shift] { return HybridClock::systemMillis() + shift; });
    ledger.clock().restore(last);
}

void reopen(Laptop& laptop)
{
    Device& d = *laptop.device;
    d.ledger.reset();
    d.db = openLedgerDatabase(d.path);
    d.ledger = std::make_unique<Ledger>(*d.db);
    useClock(laptop);
}

// A consistent copy of a laptop's file, as a backup program takes it.
std::string copyOf(Laptop& laptop, const std::string& to)
{
    std::filesystem::remove(to);
    laptop.device->db->exec("VACUUM INTO '" + to + "'");
    return to;
}

void replaceFile(Laptop& laptop, const std::string& from)
{
    Device& d = *laptop.device;
    d.ledger.reset();
    d.db.reset();
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(d.path + suffix);
    std::filesystem::copy_file(from, d.path, std::filesystem::copy_options::overwrite_existing);
    reopen(laptop);
}

// A sync as the clerk's laptop runs it; a laptop the (restored) county no longer knows is
// registered again by the admin, as docs/admin-guide.md §6 says.
SyncReport syncAsUsed(County& county, Laptop& laptop)
{
    SyncReport report = laptop.device->sync();
    if (report.error.code == SyncErrorCode::Unauthenticated) {
        laptop.device->enroll(county, "village:" + laptop.village);
        report = laptop.device->sync();
    }
    return report;
}

std::set<std::string> countyChangeIds(const std::string& countyDb)
{
    SqliteDatabase db(countyDb);
    auto st = db.prepare("SELECT change_id FROM change_log");
    std::set<std::string> ids;
    while (st.step())
        ids.insert(st.text(0));
    return ids;
}

std::vector<std::string> acknowledgedHere(Database& db)
{
    auto st = db.prepare("SELECT change_id FROM change_log WHERE origin = 0 AND state = 1");
    std::vector<std::string> ids;
    while (st.step())
        ids.push_back(st.text(0));
    return ids;
}

// Diagnostics for a failing seed: who a laptop is, what waits in its outbox, who holds a change.
std::string identityOf(Device& device)
{
    return device.ledger->meta().value(meta::kDeviceId) + " (earlier: " + device.ledger->meta().value(meta::kEarlierDeviceIds)
        + ")";
}

std::string outboxOf(Device& device)
{
    std::string out = identityOf(device) + ", stored clock " + device.ledger->meta().value(meta::kClock) + "; outbox:";
    for (const Change& c : device.ledger->changeLog().pending(20))
        out += " " + c.hlc.toString();
    return out;
}

std::string holdersOf(const std::vector<std::unique_ptr<Laptop>>& laptops, const std::string& changeId)
{
    std::string out = changeId + " held by";
    for (const auto& laptop : laptops) {
        auto st = laptop->device->db->prepare("SELECT origin, state FROM change_log WHERE change_id = ?");
        st.bind(1, changeId);
        if (st.step())
            out += " " + identityOf(*laptop->device) + (st.integer(0) == 0 ? " as its own" : " as received");
    }
    return out;
}

void runSeed(std::uint32_t seed)
{
    INFO("seed " << seed);
    std::mt19937 random(seed);
    const auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };

    County county;
    std::vector<std::unique_ptr<Laptop>> laptops;
    const auto addLaptop = [&](const std::string& village) -> Laptop& {
        auto laptop = std::make_unique<Laptop>();
        laptop->device = std::make_unique<Device>(county.dir, "laptop" + std::to_string(laptops.size()));
        laptop->device->options.maxAttempts = 1;
        laptop->device->options.pushBatch = 9;
        laptop->village = village;
        laptops.push_back(std::move(laptop));
        return *laptops.back();
    };
    for (const char* village : {kVillageA, kVillageA, kVillageB})
        addLaptop(village).device->enroll(county, std::string("village:") + village);
    // The second laptop of village A runs an older build that has no 备注 (notes) field until
    // it is upgraded at the end: the notes it receives wait with their changes until then.
    Laptop& older = *laptops[1];
    const auto withoutNotes = [](std::string_view entity, std::string_view field) {
        return findEntity(entity) && field != "notes";
    };
    older.device->options.knownFields = withoutNotes;
    std::vector<std::string> countyBackups;
    int files = 0;
    const auto scratch = [&](const std::string& what) { return county.dir.file(what + std::to_string(++files) + ".db"); };
    const char* fields[] = {"head_name", "address", "notes"};
    const auto fieldFor = [&](Laptop& laptop) {
        const bool old = static_cast<bool>(laptop.device->options.knownFields);
        return fields[pick(old ? 2 : 3)];
    };
    int serial = 0;

    constexpr int kRounds = 10, kOpsPerRound = 6;
    for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < laptops.size(); ++i) {
            Laptop& laptop = *laptops[i];
            Ledger& ledger = *laptop.device->ledger;
            for (int op = 0; op < kOpsPerRound; ++op) {
                ListFilter filter;
                filter.villagePrefix = laptop.village;
                const auto records = ledger.list("household", filter);
                const std::string value = "v" + std::to_string(++serial);
                if (records.size() < 3 || chance(0.15)) {
                    Record r;
                    r.entity = "household";
                    r.villageCode = laptop.village;
                    r.set("head_name", "户主" + value);
                    r.set("address", "地址" + value);
                    REQUIRE(ledger.save(r, "随机").ok());
                } else if (chance(0.04)) {
                    REQUIRE(ledger.remove("household", records[pick(records.size())].id, "随机").ok());
                } else if (laptop.openForm && chance(0.3)) {
                    // A form opened rounds ago is saved now: only what the user changed goes.
                    const Record loaded = *laptop.openForm;
                    laptop.openForm.reset();
                    Record edited = loaded;
                    edited.set(fieldFor(laptop), value);
                    if (auto now = ledger.get("household", loaded.id); now && !now->deleted)
                        REQUIRE(savedOrIncomplete(ledger.save(edited, loaded, "随机")));
                } else if (chance(0.1)) {
                    laptop.openForm = records[pick(records.size())];
                } else if (chance(0.2)) {
                    // The window's own Ledger on the same file, its clock five years behind.
                    auto windowDb = openLedgerDatabase(laptop.device->path);
                    Ledger window(*windowDb);
                    window.clock() = HybridClock(window.deviceId(), [] { return HybridClock::systemMillis() - 5 * kYear; });
                    Record r = *window.get("household", records[pick(records.size())].id);
                    r.set(fieldFor(laptop), value);
                    REQUIRE(savedOrIncomplete(window.save(r, "窗口")));
                } else {
                    Record r = records[pick(records.size())];
                    r.set(fieldFor(laptop), value);
                    REQUIRE(savedOrIncomplete(ledger.save(r, "随机")));
                }
            }
            // Lifecycle events.
            if (chance(0.25))
                laptop.backups.push_back(copyOf(laptop, scratch("backup")));
            if (!laptop.backups.empty() && chance(0.08)) {
                replaceFile(laptop, laptop.backups[pick(laptop.backups.size())]);
                laptop.openForm.reset();
            }
            if (laptops.size() < 6 && chance(0.06)) {
                const std::string copied = copyOf(laptop, scratch("copy"));
                Laptop& twin = addLaptop(laptop.village); // the same file: the same id, token and county
                replaceFile(twin, copied);
            }
            if (chance(0.12)) {
                const std::int64_t shifts[] = {0, 3 * kYear, -5 * kYear, 2 * 24 * 3600 * 1000LL};
                laptop.clockShift = shifts[pick(4)];
                useClock(laptop);
            }
        }
        if (chance(0.3)) {
            const std::string to = scratch("county-backup");
            std::filesystem::remove(to);
            REQUIRE(county.admin({"backup", to}).status == 0);
            countyBackups.push_back(to);
        }
        if (!countyBackups.empty() && chance(0.12)) {
            const std::string from = countyBackups[pick(countyBackups.size())];
            const int port = county.server.port();
            county.server.stop();
            if (chance(0.5)) {
                REQUIRE(county.admin({"restore", from}).status == 0);
            } else {
                for (const char* suffix : {"-wal", "-shm"})
                    std::filesystem::remove(county.db + suffix);
                std::filesystem::copy_file(from, county.db, std::filesystem::copy_options::overwrite_existing);
            }
            county.server.start(port);
        }
        std::vector<std::size_t> order(laptops.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        for (std::size_t i : order) {
            if (chance(0.6))
                syncAsUsed(county, *laptops[i]);
        }
    }

    const std::size_t keptForLater = older.device->ledger->changeLog().deferred().size();
    // The clocks are put right, the older build is upgraded, and everyone syncs until nothing
    // moves.
    for (auto& laptop : laptops) {
        laptop->clockShift = 0;
        useClock(*laptop);
        laptop->device->options.knownFields = nullptr;
    }
    for (int pass = 0; pass < 4; ++pass) {
        for (auto& laptop : laptops) {
            const SyncReport report = syncAsUsed(county, *laptop);
            INFO(laptop->device->path << ": " << report.error.message);
            if (!report.ok())
                UNSCOPED_INFO(outboxOf(*laptop->device));
            REQUIRE(report.ok());
        }
    }
    // Upgraded, the older build has applied every change it kept for later.
    INFO(keptForLater << " changes kept for the upgrade");
    CHECK(older.device->ledger->changeLog().deferred().empty());
    const std::set<std::string> atCounty = countyChangeIds(county.db);
    std::map<std::string, std::map<std::string, std::string>> villages;
    for (auto& laptop : laptops) {
        INFO(laptop->device->path);
        CHECK(laptop->device->ledger->changeLog().pendingCount() == 0);
        for (const auto& id : acknowledgedHere(*laptop->device->db)) {
            if (!atCounty.count(id))
                UNSCOPED_INFO("not at the county: " << holdersOf(laptops, id));
            CHECK(atCounty.count(id) == 1);
        }
        const auto mine = snapshot(*laptop->device->ledger, laptop->village);
        auto [it, first] = villages.emplace(laptop->village, mine);
        if (!first) {
            if (mine != it->second)
                UNSCOPED_INFO("this laptop: " << identityOf(*laptop->device));
            INFO(difference(mine, it->second));
            CHECK(mine == it->second);
        }
    }
    county.inspect([&](Ledger& server, Database&) {
        for (const auto& [village, records] : villages) {
            INFO(difference(snapshot(server, village), records));
            CHECK(snapshot(server, village) == records);
        }
    });
}

} // namespace

TEST_CASE("random lifecycles converge: laptops and the county restored, files copied, clocks off by years, stale forms")
{
    const auto first = static_cast<std::uint32_t>(envNumber("SHOUWANG_LIFECYCLE_SEED", 20261202));
    const auto seeds = envNumber("SHOUWANG_LIFECYCLE_SEEDS", 1);
    for (std::uint64_t n = 0; n < seeds; ++n)
        runSeed(first + static_cast<std::uint32_t>(n));
}
