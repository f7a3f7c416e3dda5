// The 身份证号 held in another village: the county's lookup and what a device keeps of it.
#include "ledger_fixture.h"

#include "../support/people.h"

#include "store/database.h"
#include "store/id_number_notices.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

TEST_CASE("the county's lookup finds live elders of other villages holding a number, by the index", "[sqlite]")
{
    LedgerFixture f;
    const std::string id = distinctIdNumber(1);
    Record here = f.saved(f.elder("本村", id));
    Record there = f.elder("外村", id);
    there.villageCode = kOtherVillage;
    there = f.saved(there);
    Record gone = f.elder("已删", distinctIdNumber(2));
    gone.villageCode = kOtherVillage;
    gone = f.saved(gone);
    REQUIRE(f.ledger.remove("elder", gone.id, "测试员").ok());

    const std::vector<ElderIdHolder> found = idNumberHoldersElsewhere(*f.db, id, kVillage);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == there.id);
    CHECK(found[0].name == "外村");
    CHECK(found[0].villageCode == kOtherVillage);
    CHECK(idNumberHoldersElsewhere(*f.db, id, kOtherVillage).front().id == here.id);
    CHECK(idNumberHoldersElsewhere(*f.db, distinctIdNumber(2), kVillage).empty()); // deleted
    CHECK(idNumberHoldersElsewhere(*f.db, "", kVillage).empty());

    auto plan = f.db->prepare("EXPLAIN QUERY PLAN SELECT id FROM elders WHERE id_number = ? AND deleted = 0 "
                              "AND village_code != ?");
    std::string steps;
    while (plan.step())
        steps += plan.text(3) + "\n";
    INFO(steps);
    CHECK(steps.find("elders_id_number") != std::string::npos); // one indexed lookup, never a scan
}

TEST_CASE("a device keeps a notice once, until it is dismissed or the elder's number changes", "[sqlite]")
{
    LedgerFixture f;
    const std::string id = distinctIdNumber(3);
    Record li = f.saved(f.elder("李四", id));
    IdNumberNotices notices(*f.db);
    IdNumberNotice told{li.id, {}, id, "other-elder", kOtherVillage, "开州区 / 汉丰街道 / 某村", "张三", "身份证号与…相同", {}};
    CHECK(notices.keep(told));
    CHECK_FALSE(notices.keep(told)); // told again at the next sync
    std::vector<IdNumberNotice> held = notices.held();
    REQUIRE(held.size() == 1);
    CHECK(held[0].elderName == "李四");
    CHECK(held[0].otherName == "张三");
    CHECK_FALSE(held[0].receivedAt.empty());

    SECTION("dismissed: gone, and the same notice told again stays dismissed")
    {
        notices.dismiss(li.id, "other-elder");
        CHECK(notices.held().empty());
        CHECK_FALSE(notices.keep(told));
        CHECK(notices.held().empty());
    }
    SECTION("the elder's number corrected: gone by itself")
    {
        li.set("id_number", distinctIdNumber(4));
        REQUIRE(f.ledger.save(li, "测试员").ok());
        CHECK(notices.held().empty());
        // Told again for the new number: shown again.
        told.idNumber = distinctIdNumber(4);
        CHECK(notices.keep(told));
        CHECK(notices.held().size() == 1);
    }
    SECTION("the elder deleted: gone")
    {
        REQUIRE(f.ledger.remove("elder", li.id, "测试员").ok());
        CHECK(notices.held().empty());
    }
    SECTION("kept across a reopening of the file")
    {
        const std::string path = f.db->path();
        auto again = openLedgerDatabase(path);
        CHECK(IdNumberNotices(*again).held().size() == 1);
    }
}
