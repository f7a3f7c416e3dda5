// 老年协会活动 and 志愿服务时长 (issue 18 items 1 and 2) against answers worked out by hand.
//
// T is today; the report is asked at T 12:00 for the period T-30 … T (county 开州区).
// 厚坝镇 大坝村: A 张一 (75, with spouse), B 李二 (85: 高龄, key), C 王三 (alone: key),
//                D 赵四 moved out
// 厚坝镇 红宝村: G 周六 (with spouse)
// 金峰镇 青橙村: F 吴七 (dementia: key)
// Activities: 大坝 T-10 健康教育 at the 幸福院 (A, B, 5 others); 大坝 T-3 节日慰问 at 村委会 (B);
//             红宝 T-40 (G: before the period); 青橙 T-1 (F, 2 others).
//   → 3 activities (厚坝镇 2, 金峰镇 1), 4 elder places, 7 others; active elders 5 (A B C G F),
//     reached A B F = 3 (60.0%); key targets B C F, reached B F = 2 (66.7%).
// Volunteers: 大坝 V1 王志愿: +4 (T-20), +3 (T-5, from the T-10 activity), −2 (T-2, herself)
//                         → given 7, redeemed 2, balance 5
//             大坝 V2 李志愿: +6 (T-40), −4 (T-10, for A), +2 (T-3) voided as mistyped
//                         → given 0, redeemed 4, balance 2
//             红宝 V3 陈志愿: +1 (T-1, from a service record) → given 1, balance 1
//   → given 8, redeemed 6, volunteers giving 2 (V1, V3); 厚坝镇 holds them all.
#include "report_figures.h"

#include "domain/risk_rule.h"
#include "report/report_tables.h"
#include "store/volunteer_hours_store.h"

#include <algorithm>

using namespace shouwang;
using namespace shouwang::test;

namespace {

struct CommunityCounty : CountyBuilder {
    std::string a, b, c, d, g, f;
    std::string v1, v2, v3, act1, v2Mistyped;

    CommunityCounty()
    {
        a = elder(kDaba, "张一", 1950);
        b = elder(kDaba, "李二", 1940);
        c = elder(kDaba, "王三", 1950, "alone");
        d = elder(kDaba, "赵四", 1950);
        set("elder", d, "status", "moved_out");
        g = elder(kHongbao, "周六", 1950);
        f = elder(kQingcheng, "吴七", 1950);
        set("elder", f, "dementia", "1");

        Record home = make("facility", kDaba);
        home.set("name", "大坝村互助幸福院");
        home.set("type", "happiness_home");
        const std::string facility = save(home);
        act1 = activity(kDaba, -10, "health_education", a + "," + b, "5", facility, {});
        activity(kDaba, -3, "festival", b, {}, {}, "村委会");
        activity(kHongbao, -40, "recreation", g, {}, {}, "红宝村广场");
        activity(kQingcheng, -1, "lecture", f, "2", {}, "青橙村活动室");

        v1 = volunteer(kDaba, "王志愿");
        v2 = volunteer(kDaba, "李志愿");
        v3 = volunteer(kHongbao, "陈志愿");
        credit(v1, -20, "4", "other");
        Record fromActivity = creditRecord(v1, -5, "3", "association_activity");
        fromActivity.set("activity_id", act1);
        save(fromActivity);
        redeem(v1, -2, "2", "self");
        credit(v2, -40, "6", "other");
        redeem(v2, -10, "4", "elder", a);
        v2Mistyped = credit(v2, -3, "2", "other");
        auto mistyped = ledger.get("volunteer_credit", v2Mistyped);
        mistyped->set("voided", "1");
        mistyped->set("settle_note", "录错，实为陪同就医 0 小时");
        save(*mistyped);

        Record service = make("service_record", "");
        service.set("elder_id", g);
        service.set("date", day(-1));
        service.set("provider", "陈志愿");
        const std::string serviceId = save(service);
        Record fromService = creditRecord(v3, -1, "1", "service_record");
        fromService.set("service_record_id", serviceId);
        save(fromService);
    }

    std::string activity(const std::string& village, int offset, const std::string& kind, const std::string& attendees,
                         const std::string& others, const std::string& facility, const std::string& place)
    {
        Record r = make("association_activity", village);
        r.set("title", "活动" + day(offset));
        r.set("kind", kind);
        r.set("date", day(offset));
        r.set("organiser", "association");
        r.set("attendees", attendees);
        r.set("others_count", others);
        r.set("facility_id", facility);
        r.set("place", place);
        return save(r);
    }

    std::string volunteer(const std::string& village, const std::string& name)
    {
        Record r = make("volunteer", village);
        r.set("name", name);
        r.set("kind", "young_old");
        r.set("active", "1");
        return save(r);
    }

    Record creditRecord(const std::string& volunteerId, int offset, const std::string& hours, const std::string& source)
    {
        Record r = make("volunteer_credit", "");
        r.set("volunteer_id", volunteerId);
        r.set("date", day(offset));
        r.set("hours", hours);
        r.set("source", source);
        r.set("confirmed_by", "村委会王主任");
        return r;
    }

    std::string credit(const std::string& volunteerId, int offset, const std::string& hours, const std::string& source)
    {
        return save(creditRecord(volunteerId, offset, hours, source));
    }

    Record redemptionRecord(const std::string& volunteerId, int offset, const std::string& hours, const std::string& forWhom,
                            const std::string& elderId = {})
    {
        Record r = make("volunteer_redemption", "");
        r.set("volunteer_id", volunteerId);
        r.set("date", day(offset));
        r.set("hours", hours);
        r.set("beneficiary", forWhom);
        r.set("elder_id", elderId);
        r.set("service", "上门理发");
        r.set("confirmed_by", "村委会王主任");
        return r;
    }

    std::string redeem(const std::string& volunteerId, int offset, const std::string& hours, const std::string& forWhom,
                       const std::string& elderId = {})
    {
        return save(redemptionRecord(volunteerId, offset, hours, forWhom, elderId));
    }
};

} // namespace

TEST_CASE("老年协会活动: activities of the period by township and village, and the share of elders and key targets they reached")
{
    CommunityCounty county;
    const SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    CHECK(r.association.activities == 3);
    CHECK(r.association.attendances == 4);
    CHECK(r.association.otherParticipants == 7);
    CHECK(r.association.eldersReached.part == 3);
    CHECK(r.association.eldersReached.whole == 5);
    CHECK(r.association.eldersReached.percent() == "60.0%");
    CHECK(r.association.keyTargetsReached.part == 2);
    CHECK(r.association.keyTargetsReached.whole == 3);
    CHECK(r.association.keyTargetsReached.percent() == "66.7%");
    CHECK(unit(r, "500154102").activities == 2);
    CHECK(unit(r, "500154103").activities == 1);
    CHECK(r.total.activities == 3);
    REQUIRE(r.association.list.size() == 3);
    CHECK(r.association.list[0].place == "大坝村互助幸福院");
    CHECK(r.association.list[0].kind == "健康教育");
    CHECK(r.association.list[0].organiser == "老年协会");
    CHECK(r.association.list[1].place == "村委会");

    const SupervisionReport township = computeSupervision(*county.db, monthRequest(county, kTownA));
    CHECK(unit(township, kDaba).activities == 2);
    CHECK(unit(township, kHongbao).activities == 0);
    CHECK(township.association.eldersReached.percent() == "50.0%"); // A B of A B C G
    CHECK(township.association.keyTargetsReached.percent() == "50.0%"); // B of B C

    const Table summary = summaryTable(r, ReportSection::Association);
    const auto row = std::find_if(summary.rows.begin(), summary.rows.end(), [](const auto& x) { return x[1] == "在册老年人参与率"; });
    REQUIRE(row != summary.rows.end());
    CHECK((*row)[2] == "60.0%");
}

TEST_CASE("志愿服务时长: hours given and redeemed in the period per village, active volunteers, and each balance")
{
    CommunityCounty county;
    const SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    CHECK(r.volunteerHours.hoursGiven == 8);
    CHECK(r.volunteerHours.hoursRedeemed == 6);
    CHECK(r.volunteerHours.volunteersGiving == 2);
    CHECK(r.volunteerHours.overdraftsPending == 0);
    CHECK(unit(r, "500154102").hoursGiven == 8);
    CHECK(unit(r, "500154102").hoursRedeemed == 6);
    CHECK(unit(r, "500154103").hoursGiven == 0);
    CHECK(account(r, "王志愿").given == 7);
    CHECK(account(r, "王志愿").redeemed == 2);
    CHECK(account(r, "王志愿").balance == 5);
    CHECK(account(r, "李志愿").given == 0);
    CHECK(account(r, "李志愿").redeemed == 4);
    CHECK(account(r, "李志愿").balance == 2);
    CHECK(account(r, "陈志愿").balance == 1);

    const SupervisionReport township = computeSupervision(*county.db, monthRequest(county, kTownA));
    CHECK(unit(township, kDaba).hoursGiven == 7);
    CHECK(unit(township, kDaba).hoursRedeemed == 6);
    CHECK(unit(township, kDaba).volunteersGiving == 1);
    CHECK(unit(township, kHongbao).hoursGiven == 1);
    CHECK(unit(township, kHongbao).volunteersGiving == 1);

    const Table units = unitTable(r);
    CHECK(units.headers.back() == "有服务时长的志愿者");
    CHECK(units.rows.back()[units.headers.size() - 3] == "8");
}

TEST_CASE("a redemption beyond the balance is refused with the balance in Chinese, unless the county's published overdraft allows it")
{
    CommunityCounty county;
    Record tooMuch = county.redemptionRecord(county.v2, 0, "3", "self");
    SaveResult refused = county.ledger.save(tooMuch, "测试员");
    CHECK_FALSE(refused.ok());
    CHECK(refused.message.find("兑换 3 小时超过该志愿者可用的时长：结余 2 小时") != std::string::npos);
    CHECK(refused.message.find("不允许透支") != std::string::npos);
    CHECK(tooMuch.id.empty());

    RiskStandard standard = defaultRiskStandard();
    standard.limits.overdraftHours = 1;
    Record rule = riskRuleRecord(standard);
    rule.villageCode = kCounty;
    rule.set("effective_from", county.day(-1));
    county.save(rule);
    Record allowed = county.redemptionRecord(county.v2, 0, "3", "self");
    county.save(allowed);
    CHECK(loadHoursAccount(*county.db, county.v2).balance() == -1);
    CHECK(loadHoursAccount(*county.db, county.v2).pending == 0);
    Record beyond = county.redemptionRecord(county.v2, 0, "1", "self");
    CHECK(county.ledger.save(beyond, "测试员").message.find("区县允许透支 1 小时") != std::string::npos);
}

TEST_CASE("hours entries are append-only: only voiding (with a reason) and approving an overdraft change them, nothing deletes them")
{
    CommunityCounty county;
    const std::string id = county.credit(county.v3, 0, "2", "other");
    auto entry = county.ledger.get("volunteer_credit", id);
    entry->set("hours", "20");
    CHECK(county.ledger.save(*entry, "测试员").message.find("不能修改“服务时长（小时）”") != std::string::npos);
    CHECK(county.ledger.remove("volunteer_credit", id, "测试员").message.find("不能删除") != std::string::npos);
    entry = county.ledger.get("volunteer_credit", id);
    entry->set("voided", "1");
    CHECK(county.ledger.save(*entry, "测试员").message.find("作废时请填写作废说明") != std::string::npos);
    entry->set("settle_note", "重复登记");
    county.save(*entry);
    entry->set("voided", "0");
    CHECK(county.ledger.save(*entry, "测试员").message.find("不能恢复") != std::string::npos);
    CHECK(loadHoursAccount(*county.db, county.v3).balance() == 1);

    Record noElder = county.redemptionRecord(county.v3, 0, "1", "elder");
    CHECK(county.ledger.save(noElder, "测试员").message.find("请选择指定的老年人") != std::string::npos);
    Record noSource = county.creditRecord(county.v3, 0, "1", "pairing_activity");
    CHECK(county.ledger.save(noSource, "测试员").message.find("请选择对应的帮扶活动记录") != std::string::npos);
    Record zero = county.creditRecord(county.v3, 0, "0", "other");
    CHECK(county.ledger.save(zero, "测试员").message.find("应为1至200之间的整数") != std::string::npos);
}

TEST_CASE("voiding a credit already spent leaves the redemption 超额待核 in the figures until the committee approves it")
{
    CommunityCounty county;
    const std::string credit = county.credit(county.v3, 0, "3", "other");
    county.redeem(county.v3, 0, "3", "self"); // balance 1 + 3 − 3 = 1
    auto entry = county.ledger.get("volunteer_credit", credit);
    entry->set("voided", "1");
    entry->set("settle_note", "服务未实际发生");
    county.save(*entry); // balance 1 − 3 = −2: the redemption overdrew

    SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    CHECK(r.volunteerHours.overdraftsPending == 1);
    CHECK(account(r, "陈志愿").balance == -2);
    CHECK(account(r, "陈志愿").pendingHours == 3);
    REQUIRE(r.volunteerHours.pending.size() == 1);
    CHECK(r.volunteerHours.pending[0].balanceAfter == -2);
    const std::vector<Table> tables = reportTables(r, ReportSection::Volunteers);
    REQUIRE(tables.size() == 3);
    CHECK(tables[2].name == "超额待核的兑换");
    CHECK(tables[2].rows.size() == 1);

    const HoursAccount before = loadHoursAccount(*county.db, county.v3);
    const auto pending = std::find_if(before.entries.begin(), before.entries.end(),
                                      [](const HoursEntry& e) { return e.state == HoursEntryState::OverdraftPending; });
    REQUIRE(pending != before.entries.end());
    Record approve = pending->record;
    approve.set("overdraft_approved", "1");
    approve.set("settle_note", "村委会研究同意，下月补服务");
    county.save(approve);
    r = computeSupervision(*county.db, monthRequest(county, kCounty));
    CHECK(r.volunteerHours.overdraftsPending == 0);
    CHECK(account(r, "陈志愿").balance == -2);
}
