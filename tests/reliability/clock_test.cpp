// Wrong clocks (DESIGN.md §4 "Clock"): a laptop ten years behind still converges and loses
// nothing, one two days ahead is refused with a message telling the user to fix the clock
// while its changes wait in the outbox, and a clock jumping back mid-session orders nothing
// wrongly. Device clocks are faked through the ledger's HybridClock wall function.
#include "../cli/county_fixture.h"

#include "store/conflict_queue.h"

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

// From now on the device reads its time from `wall` (its persisted high-water mark kept).
void setWall(Device& device, std::function<std::int64_t()> wall)
{
    const std::uint64_t last = device.ledger->clock().lastTime();
    device.ledger->clock() = HybridClock(device.ledger->deviceId(), std::move(wall));
    device.ledger->clock().restore(last);
}

std::int64_t realNow()
{
    return HybridClock::systemMillis();
}

} // namespace

TEST_CASE("a laptop ten years behind converges: edits made after seeing the county win, concurrent ones are queued")
{
    County county;
    Device office(county.dir, "office"), slow(county.dir, "slow");
    office.enroll(county, std::string("village:") + kVillageA);
    slow.enroll(county, std::string("village:") + kVillageA);
    setWall(slow, [] { return realNow() - 3652 * kDay; });

    const std::string id = office.household(kVillageA, "刘大爷");
    REQUIRE(office.sync().ok());
    REQUIRE(slow.sync().ok());
    // Seen the office's write, the slow laptop's own edit orders after it despite its clock.
    slow.edit("household", id, "notes", "十年前的电脑改的");
    REQUIRE(slow.sync().ok());
    REQUIRE(office.sync().ok());
    CHECK(office.ledger->get("household", id)->value("notes") == "十年前的电脑改的");

    // Both edit one field without seeing each other: both values reach the conflict queue.
    office.edit("household", id, "address", "办公室写的地址");
    slow.edit("household", id, "address", "慢电脑写的地址");
    for (int pass = 0; pass < 2; ++pass) {
        REQUIRE(office.sync().ok());
        REQUIRE(slow.sync().ok());
    }
    CHECK(snapshot(*office.ledger, kVillageA) == snapshot(*slow.ledger, kVillageA));
    county.inspect([&](Ledger& server, Database& db) {
        CHECK(snapshot(server, kVillageA) == snapshot(*office.ledger, kVillageA));
        bool queued = false;
        for (const Conflict& c : ConflictQueue(db).all()) {
            if (c.recordId == id && c.field == "address") {
                const std::set<std::string> values{c.valueA, c.valueB};
                queued = values == std::set<std::string>{"办公室写的地址", "慢电脑写的地址"};
            }
        }
        CHECK(queued);
    });
}

TEST_CASE("a laptop whose clock ran two days ahead and is right again syncs with shouwang sync: its changes are re-stamped and reach the county")
{
    County county;
    Device device(county.dir, "ahead");
    device.enroll(county, std::string("village:") + kVillageA);
    const std::string fine = device.household(kVillageA, "时间正确时录的户");
    setWall(device, [] { return realNow() + 2 * kDay; });
    const std::string early = device.household(kVillageA, "时间快两天时录的户");
    device.edit("household", early, "notes", "也是快两天");

    // `shouwang sync` runs on the computer's clock, which has been corrected since.
    const Exec sync = run({SHOUWANG_CLI_EXE, "--db", device.path, "sync", "--retries", "1"}, county.dir.path().string());
    INFO(sync.err);
    CHECK(sync.status == 0);
    const Exec status = run({SHOUWANG_CLI_EXE, "--db", device.path, "status"}, county.dir.path().string());
    INFO(status.out);
    CHECK(status.out.find("pending 0\n") != std::string::npos);
    CHECK(status.out.find("refused 0\n") != std::string::npos);
    county.inspect([&](Ledger& server, Database&) {
        CHECK(server.get("household", fine));
        REQUIRE(server.get("household", early));
        CHECK(server.get("household", early)->value("notes") == "也是快两天");
        // Stamped at the county's time, not two days ahead: it does not win for two days.
        CHECK(server.get("household", early)->clocks.at("notes").millis() < realNow() + 3600 * 1000);
    });
}

TEST_CASE("a sync refused for a clock ahead stops as CLOCK_AHEAD, not to be retried, with the changes still pending")
{
    County county;
    Device device(county.dir, "ahead");
    device.enroll(county, std::string("village:") + kVillageA);
    setWall(device, [] { return realNow() + 2 * kDay; });
    device.household(kVillageA, "快两天的户");
    device.household(kVillageA, "又一户");
    device.options.pushBatch = 1;
    const SyncReport report = device.sync();
    CHECK(report.error.code == SyncErrorCode::ClockAhead);
    CHECK_FALSE(report.error.tryAgain);
    CHECK(device.ledger->changeLog().pendingCount() == 2);
    CHECK(device.ledger->changeLog().refused().empty());
}

TEST_CASE("a clock that jumps back an hour mid-session keeps every later edit ordered after the earlier ones")
{
    County county;
    Device device(county.dir, "jumpy");
    device.enroll(county, std::string("village:") + kVillageA);
    std::int64_t wall = realNow();
    setWall(device, [&wall] { return wall; });

    const std::string id = device.household(kVillageA, "赵奶奶");
    const Change before = device.edit("household", id, "notes", "跳回之前");
    wall -= 3600 * 1000; // the laptop's clock is set back an hour
    const Change after = device.edit("household", id, "notes", "跳回之后");
    const Change later = device.edit("household", id, "address", "跳回之后的地址");
    CHECK(before.hlc < after.hlc);
    CHECK(after.hlc < later.hlc);

    REQUIRE(device.sync().ok());
    county.inspect([&](Ledger& server, Database& db) {
        CHECK(server.get("household", id)->value("notes") == "跳回之后");
        CHECK(server.get("household", id)->value("address") == "跳回之后的地址");
        CHECK(ConflictQueue(db).openCount() == 0); // one device's own edits are never concurrent
    });
}
