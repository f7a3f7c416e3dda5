// One bad change never blocks the rest (docs/protocol.md, "The device's side"): a refused
// change is quarantined with its reason and listed by `shouwang status`; the rest of its
// batch and every later batch go through.
#include "../cli/county_fixture.h"

using namespace shouwang;
using namespace shouwang::test;

TEST_CASE("refused changes are quarantined with their reason and listed by status while every other batch goes through")
{
    County county;
    Device device(county.dir, "village");
    device.enroll(county, std::string("village:") + kVillageA);
    device.options.pushBatch = 2;

    // Batches of two: [good good] [bad bad] [good good] [bad good]. A village device
    // typing into another village is what the server refuses whatever the values are.
    std::vector<std::string> good, bad;
    for (const char* kind : {"g", "g", "b", "b", "g", "g", "b", "g"}) {
        if (*kind == 'g')
            good.push_back(device.household(kVillageA, "本村户" + std::to_string(good.size())));
        else
            bad.push_back(device.household(kVillageB, "外村户" + std::to_string(bad.size())));
    }

    const SyncReport report = device.sync();
    INFO(report.error.message);
    REQUIRE(report.ok());
    CHECK(report.acknowledged == good.size());
    CHECK(report.refused == bad.size());
    CHECK(device.ledger->changeLog().pendingCount() == 0);

    // The user sees each quarantined change with the server's reason.
    const Exec status = run({SHOUWANG_CLI_EXE, "--db", device.path, "status"}, county.dir.path().string());
    REQUIRE(status.status == 0);
    CHECK(status.out.find("refused 3\n") != std::string::npos);
    for (const auto& id : bad) {
        INFO(status.out);
        const auto line = status.out.find(" household " + id + " 3 ");
        REQUIRE(line != std::string::npos);
        CHECK(status.out.find("超出本设备的权限范围", line) != std::string::npos);
    }

    // Later work still flows: the quarantine is not sent again and blocks nothing.
    good.push_back(device.household(kVillageA, "后来的户"));
    const SyncReport later = device.sync();
    REQUIRE(later.ok());
    CHECK(later.pushed == 1);
    CHECK(later.acknowledged == 1);
    CHECK(later.refused == 0);

    county.inspect([&](Ledger& server, Database&) {
        for (const auto& id : good)
            CHECK(server.get("household", id));
        for (const auto& id : bad)
            CHECK_FALSE(server.get("household", id));
    });
}
