#pragma once

// A county ledger holding records of every entity in one village (V) plus the county's
// reference data, pushed through the real handlers by a county device: the material the
// scope tests try to read and write from outside.

#include "../server/server_fixture.h"

#include "demo/demo_generator.h"
#include "store/ledger.h"

#include <catch2/catch.hpp>

#include <map>

namespace shouwang::test {

struct PopulatedCounty : ServerFixture {
    TempDir sourceDir;
    std::unique_ptr<Database> sourceDb = openLedgerDatabase(sourceDir.file("county-office.db"));
    Ledger source{*sourceDb};
    TestDevice countyDevice;
    std::string village;                          // V: the village every record is in
    std::map<std::string, Change> firstChangeOf;  // entity -> one change that created a record

    PopulatedCounty()
    {
        DemoOptions demo;
        demo.scopeCode = kCounty;
        demo.villages = 1;
        demo.elders = 8;
        demo.visitsPerElder = 6;
        generateDemo(source, demo);
        // The demo writes duty notices only for some neglectful children: make sure of one.
        if (source.count("duty_notice") == 0) {
            const Record supporter = source.list("supporter").front();
            Record notice;
            notice.entity = "duty_notice";
            notice.set("supporter_id", supporter.id);
            notice.set("elder_id", supporter.value("elder_id"));
            notice.set("date", "2024-03-01");
            notice.set("method", "phone");
            notice.set("content", "告知其依法履行赡养义务。");
            const SaveResult saved = source.save(notice, "测试员");
            INFO(saved.message);
            REQUIRE(saved.ok());
        }

        countyDevice.id = source.deviceId();
        auto res = enrollWith(makeCode(std::string("county:") + kCounty), countyDevice.id, "setup-county");
        wire::EnrollResponse answer;
        REQUIRE(res.status == 200);
        REQUIRE(answer.ParseFromString(res.body));
        countyDevice.token = answer.token();

        const std::vector<Change> all = source.changeLog().pending(1000000);
        for (std::size_t at = 0; at < all.size(); at += protocol::kMaxPushChanges) {
            const std::vector<Change> batch(all.begin() + static_cast<std::ptrdiff_t>(at),
                                            all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), at + protocol::kMaxPushChanges)));
            REQUIRE(push(countyDevice, batch).status == 200);
        }
        for (const Change& c : all) {
            firstChangeOf.emplace(c.entity, c);
            if (c.villageCode.size() == 12)
                village = c.villageCode;
        }
        REQUIRE(village.size() == 12);
    }

    // Another township of the county than V's, and a village in it.
    std::string otherTownship() const
    {
        return village.substr(0, 9) == kTownship ? "500154103" : kTownship;
    }
    std::string otherVillage() const { return village == kVillageA ? kVillageB : kVillageA; }

    // A device of `scope` making, under its own name and clock, the change `of` made.
    Change reauthor(TestDevice& device, const Change& of, const std::string& villageCode)
    {
        Change c = of;
        c.changeId = newUuid();
        c.hlc = device.nextHlc(now);
        c.villageCode = villageCode;
        return c;
    }
};

} // namespace shouwang::test
