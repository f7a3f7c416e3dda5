// The life of a laptop and of the county server (DESIGN.md §4 "Lifecycle"): backups
// restored on either side, a ledger file copied to a second laptop, a clock that ran ahead
// and was corrected. Each ends with the same records at the county and on every laptop,
// nothing pending: the real server process, real files, the real transport.
#include "county_fixture.h"

#include <filesystem>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

// A consistent copy of a ledger file, as a backup program (or a copy made with the app
// closed) takes it.
void backUp(Database& db, const std::string& to)
{
    std::filesystem::remove(to);
    db.exec("VACUUM INTO '" + to + "'");
}

// Puts `from` back in place of the laptop's ledger file and opens it again, as a clerk does
// who restores last week's backup.
void restoreLaptop(Device& device, const std::string& from)
{
    device.ledger.reset();
    device.db.reset();
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(device.path + suffix);
    std::filesystem::copy_file(from, device.path, std::filesystem::copy_options::overwrite_existing);
    device.db = openLedgerDatabase(device.path);
    device.ledger = std::make_unique<Ledger>(*device.db);
}

void setWall(Device& device, std::function<std::int64_t()> wall)
{
    const std::uint64_t last = device.ledger->clock().lastTime();
    device.ledger->clock() = HybridClock(device.ledger->deviceId(), std::move(wall));
    device.ledger->clock().restore(last);
}

void addHouseholds(Device& device, const std::string& village, const std::string& prefix, int n)
{
    for (int i = 0; i < n; ++i)
        device.household(village, prefix + std::to_string(i));
}

std::size_t households(Ledger& ledger)
{
    return ledger.count("household");
}

std::size_t countyHouseholds(County& county)
{
    const Exec stats = county.admin({"stats"});
    REQUIRE(stats.status == 0);
    const auto at = stats.out.find("household ");
    REQUIRE(at != std::string::npos);
    return std::stoul(stats.out.substr(at + 10));
}

void syncOk(Device& device)
{
    const SyncReport report = device.sync();
    INFO(report.error.message);
    REQUIRE(report.ok());
}

} // namespace

TEST_CASE("a laptop restored from its own backup takes back what it had sent since, and keeps working")
{
    County county;
    Device laptop(county.dir, "laptop"), fresh(county.dir, "fresh");
    laptop.enroll(county, std::string("village:") + kVillageA);
    addHouseholds(laptop, kVillageA, "备份前", 5);
    syncOk(laptop);
    const std::string backup = county.dir.file("laptop-backup.db");
    backUp(*laptop.db, backup);

    addHouseholds(laptop, kVillageA, "备份后", 3);
    syncOk(laptop);
    REQUIRE(countyHouseholds(county) == 8);

    restoreLaptop(laptop, backup);
    REQUIRE(households(*laptop.ledger) == 5);
    syncOk(laptop);
    CHECK(households(*laptop.ledger) == 8);
    CHECK(laptop.ledger->changeLog().pendingCount() == 0);

    // It goes on as a device of the county: its next records reach a new laptop too.
    addHouseholds(laptop, kVillageA, "恢复后", 2);
    syncOk(laptop);
    fresh.enroll(county, std::string("village:") + kVillageA);
    syncOk(fresh);
    syncOk(laptop);
    CHECK(countyHouseholds(county) == 10);
    CHECK(households(*laptop.ledger) == 10);
    CHECK(households(*fresh.ledger) == 10);
    CHECK(snapshot(*laptop.ledger, kVillageA) == snapshot(*fresh.ledger, kVillageA));
}

TEST_CASE("two laptops running copies of one ledger file become two devices and each receives the other's records")
{
    County county;
    Device original(county.dir, "original");
    original.enroll(county, std::string("village:") + kVillageA);
    const std::string shared = original.household(kVillageA, "两台都改的户");
    syncOk(original);
    const std::string copyPath = county.dir.file("copied-file.db");
    backUp(*original.db, copyPath);
    Device copy(county.dir, "copy");
    restoreLaptop(copy, copyPath);
    REQUIRE(copy.ledger->deviceId() == original.ledger->deviceId());

    addHouseholds(original, kVillageA, "原机", 2);
    addHouseholds(copy, kVillageA, "副本", 3);
    original.edit("household", shared, "notes", "原机写的");
    copy.edit("household", shared, "address", "副本写的地址");
    for (int round = 0; round < 3; ++round) {
        syncOk(original);
        syncOk(copy);
    }
    CHECK(original.ledger->deviceId() != copy.ledger->deviceId());
    CHECK(households(*original.ledger) == 6);
    CHECK(households(*copy.ledger) == 6);
    CHECK(countyHouseholds(county) == 6);
    CHECK(original.ledger->get("household", shared)->value("notes") == "原机写的");
    CHECK(original.ledger->get("household", shared)->value("address") == "副本写的地址");
    CHECK(snapshot(*original.ledger, kVillageA) == snapshot(*copy.ledger, kVillageA));
    CHECK(copy.ledger->changeLog().pendingCount() == 0);
    const Exec devices = county.admin({"devices"});
    CHECK(devices.out.find(copy.ledger->deviceId()) != std::string::npos);
}

namespace {

enum class CountyRestore { ByCommand, ByCopyingTheFile };

void restoreCounty(County& county, const std::string& backup, CountyRestore how)
{
    const int port = county.server.port(); // the laptops keep the address they were given
    county.server.stop();
    if (how == CountyRestore::ByCommand) {
        const Exec restored = county.admin({"restore", backup});
        INFO(restored.err);
        REQUIRE(restored.status == 0);
    } else {
        for (const char* suffix : {"-wal", "-shm"})
            std::filesystem::remove(county.db + suffix);
        std::filesystem::copy_file(backup, county.db, std::filesystem::copy_options::overwrite_existing);
    }
    county.server.start(port);
}

} // namespace

TEST_CASE("a county restored from last week's backup gets back every change from the laptops that hold it")
{
    const auto how = GENERATE(CountyRestore::ByCommand, CountyRestore::ByCopyingTheFile);
    County county;
    Device a(county.dir, "a"), b(county.dir, "b");
    a.enroll(county, std::string("village:") + kVillageA);
    b.enroll(county, std::string("village:") + kVillageA);
    addHouseholds(a, kVillageA, "备份前", 4);
    syncOk(a);
    syncOk(b);

    const std::string backup = county.dir.file("county-backup.db");
    const Exec taken = county.admin({"backup", backup});
    INFO(taken.err);
    REQUIRE(taken.status == 0);
    CHECK(taken.out.find(backup) != std::string::npos);

    addHouseholds(a, kVillageA, "备份后", 3);
    syncOk(a);
    syncOk(b); // b's cursor is now past the end of the log the backup holds
    REQUIRE(households(*b.ledger) == 7);

    restoreCounty(county, backup, how);
    REQUIRE(countyHouseholds(county) == 4);
    addHouseholds(a, kVillageA, "恢复后", 2);
    addHouseholds(b, kVillageA, "乙机", 1);
    for (int round = 0; round < 2; ++round) {
        syncOk(a);
        syncOk(b);
    }
    CHECK(countyHouseholds(county) == 10);
    CHECK(households(*a.ledger) == 10);
    CHECK(households(*b.ledger) == 10);
    CHECK(a.ledger->changeLog().pendingCount() == 0);
    CHECK(b.ledger->changeLog().pendingCount() == 0);
    CHECK(snapshot(*a.ledger, kVillageA) == snapshot(*b.ledger, kVillageA));
}

TEST_CASE("a laptop whose clock ran a year ahead and was corrected syncs again by itself, and was never kept from pulling")
{
    County county;
    Device laptop(county.dir, "ahead"), other(county.dir, "other");
    laptop.enroll(county, std::string("village:") + kVillageA);
    other.enroll(county, std::string("village:") + kVillageA);

    setWall(laptop, [] { return HybridClock::systemMillis() + 365 * kDay; });
    laptop.household(kVillageA, "时钟快一年时录的户");
    other.household(kVillageA, "另一台录的户");
    syncOk(other);
    const SyncReport stuck = laptop.sync();
    CHECK(stuck.error.code == SyncErrorCode::ClockAhead);
    CHECK(stuck.error.message.find("服务器") != std::string::npos); // says the server's time
    CHECK(households(*laptop.ledger) == 2); // the refused push did not stop the pull
    CHECK(laptop.ledger->changeLog().pendingCount() == 1);

    // The clerk corrects the clock; the stored clock is still a year ahead.
    setWall(laptop, [] { return HybridClock::systemMillis(); });
    const std::string later = laptop.household(kVillageA, "改正时钟后录的户");
    syncOk(laptop);
    CHECK(laptop.ledger->changeLog().pendingCount() == 0);
    CHECK(laptop.ledger->clock().lastTime() >> Hlc::kCounterBits
          < static_cast<std::uint64_t>(HybridClock::systemMillis() + kDay));
    syncOk(other);
    CHECK(households(*other.ledger) == 3);
    CHECK(countyHouseholds(county) == 3);
    CHECK(snapshot(*laptop.ledger, kVillageA) == snapshot(*other.ledger, kVillageA));

    // Edits after the repair still order after what they overwrite.
    other.edit("household", later, "notes", "另一台改的");
    syncOk(other);
    syncOk(laptop);
    laptop.edit("household", later, "notes", "修复后改的");
    syncOk(laptop);
    syncOk(other);
    CHECK(other.ledger->get("household", later)->value("notes") == "修复后改的");
}
