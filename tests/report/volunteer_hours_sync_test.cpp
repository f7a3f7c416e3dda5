// The volunteer hours cycle over the real county server (issue 18 item 2): two laptops of one
// village spend the same hours while offline. Each checks its own balance, the county keeps
// both redemptions, and every replica marks the same one — the later recorded — 超额待核
// until the village committee settles it (docs/supervision.md §6.2).
#include "county_steps.h"

#include "domain/volunteer_hours.h"
#include "store/volunteer_hours_store.h"

#include <algorithm>
#include <chrono>
#include <thread>

using namespace shouwang;
using namespace shouwang::test;

namespace {

Record redemption(const std::string& volunteer, const std::string& service)
{
    Record r;
    r.entity = "volunteer_redemption";
    r.villageCode = kVillageA;
    r.values = {{"volunteer_id", volunteer}, {"date", formatDate(today())}, {"hours", "3"}, {"beneficiary", "self"},
                {"service", service}, {"confirmed_by", "村委会王主任"}};
    return r;
}

// The redemptions of the volunteer's account that stand 超额待核.
std::vector<std::string> pendingIds(Database& db, const std::string& volunteer)
{
    std::vector<std::string> ids;
    for (const HoursEntry& e : loadHoursAccount(db, volunteer).entries) {
        if (e.state == HoursEntryState::OverdraftPending)
            ids.push_back(e.record.id);
    }
    return ids;
}

} // namespace

TEST_CASE("two offline laptops of one village redeem the same hours: the county keeps both and every replica marks "
          "the later recorded one 超额待核 until the committee approves it")
{
    County county;
    Device first(county.dir, "laptop-1"), second(county.dir, "laptop-2");
    first.enroll(county, std::string("village:") + kVillageA);
    second.enroll(county, std::string("village:") + kVillageA);

    Record volunteer;
    volunteer.entity = "volunteer";
    volunteer.villageCode = kVillageA;
    volunteer.values = {{"name", "王志愿"}, {"kind", "young_old"}, {"active", "1"}};
    const std::string v = saved(*first.ledger, volunteer, "村委会王主任");
    Record credit;
    credit.entity = "volunteer_credit";
    credit.villageCode = kVillageA;
    credit.values = {{"volunteer_id", v}, {"date", formatDate(today())}, {"hours", "4"}, {"source", "other"},
                     {"content", "陪同就医"}, {"confirmed_by", "村委会王主任"}};
    saved(*first.ledger, credit, "村委会王主任");
    syncOk(first);
    syncOk(second);
    REQUIRE(loadHoursAccount(*second.db, v).balance() == 4);

    // Offline, each laptop sees 4 hours and lets 3 be spent; a third redemption on the first
    // laptop is refused there, since it knows its own.
    const std::string early = saved(*first.ledger, redemption(v, "上门理发"), "村委会王主任");
    Record again = redemption(v, "代购药品");
    CHECK(first.ledger->save(again, "村委会王主任").message.find("结余 1 小时") != std::string::npos);
    // Recorded later: clocks of one millisecond would be ordered by device id instead.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const std::string late = saved(*second.ledger, redemption(v, "打扫卫生"), "村委会王主任");
    CHECK(pendingIds(*first.db, v).empty());
    CHECK(pendingIds(*second.db, v).empty());

    // The later recorded one reaches the county first: arrival order decides nothing.
    syncOk(second);
    syncOk(first);
    syncOk(second);
    for (Device* device : {&first, &second}) {
        const HoursAccount account = loadHoursAccount(*device->db, v);
        CHECK(account.redeemed == 6);
        CHECK(account.balance() == -2);
        CHECK(pendingIds(*device->db, v) == std::vector<std::string>{late});
    }
    const std::string text = reportText(county, {"--section", "volunteers", "--area", kVillageA});
    CHECK(text.find("【超额待核的兑换】（1 行）") != std::string::npos);
    CHECK(text.find("打扫卫生") != std::string::npos);
    CHECK(text.find("上门理发") == std::string::npos);

    // The committee settles on the first laptop; the approval reaches the county and the second.
    auto entry = first.ledger->get("volunteer_redemption", late);
    REQUIRE(entry);
    entry->set("overdraft_approved", "1");
    entry->set("settle_note", "两台电脑同时兑换，村委会研究同意");
    saved(*first.ledger, *entry, "村委会王主任");
    syncOk(first);
    syncOk(second);
    CHECK(pendingIds(*second.db, v).empty());
    CHECK(loadHoursAccount(*second.db, v).balance() == -2);
    const Exec settled = county.admin({"report", "--section", "volunteers", "--area", kVillageA});
    CHECK(settled.out.find("【超额待核的兑换】 无") != std::string::npos);
    county.inspect([&](Ledger&, Database& db) {
        CHECK(loadHoursAccount(db, v).entries.size() == 3);
        CHECK(pendingIds(db, v).empty());
    });
}
