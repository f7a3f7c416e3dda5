// The supervision figures against answers worked out by hand (hand_county.h).
#include "hand_county.h"

#include "domain/divisions.h"
#include "report/report_tables.h"

#include <algorithm>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::size_t flag(const BaseFigures& base, const std::string& name)
{
    for (const auto& [label, n] : base.byFlag) {
        if (label == name)
            return n;
    }
    FAIL("no flag " << name);
    return 0;
}

std::size_t villageCommittees(const std::string& parent)
{
    std::size_t n = 0;
    for (const Division& d : allDivisions())
        n += d.level() == DivisionLevel::Village && d.isVillageCommittee() && d.code.substr(0, parent.size()) == parent;
    return n;
}

const IncidentFigures::Row& incident(const SupervisionReport& r, const std::string& id)
{
    return rowWhere(r.incidents.incidents, &IncidentFigures::Row::id, id);
}

// The county publishes limits in force from `from` (a date text), as its admin does.
void publishLimits(HandCounty& county, const SupervisionLimits& limits, const std::string& from)
{
    RiskStandard standard = defaultRiskStandard();
    standard.limits = limits;
    Record rule = riskRuleRecord(standard);
    rule.villageCode = kCounty;
    rule.set("effective_from", from);
    county.save(rule);
}

} // namespace

TEST_CASE("底数: elders on the ledger by flag and status, incomplete records listed")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    CHECK(r.base.active == 6);
    CHECK(flag(r.base, "高龄") == 1);
    CHECK(flag(r.base, "失能") == 1);
    CHECK(flag(r.base, "失智") == 1);
    CHECK(flag(r.base, "独居") == 1);
    CHECK(flag(r.base, "生活困难") == 1);
    CHECK(flag(r.base, "重点帮扶对象") == 5);
    CHECK(r.base.byStatus.front() == std::pair<std::string, std::size_t>{"在册", 6});
    CHECK(std::count(r.base.byStatus.begin(), r.base.byStatus.end(), std::pair<std::string, std::size_t>{"迁出", 1}) == 1);

    REQUIRE(r.base.incomplete.size() == 2);
    CHECK(r.base.incomplete[0].elder.name == "赵四");
    CHECK(r.base.incomplete[0].missing == std::vector<std::string>{"联系电话", "所属家庭", "赡养人", "风险评估"});
    CHECK(r.base.incomplete[1].elder.villageCode == kQingcheng);
    CHECK(r.base.incomplete[1].missing == std::vector<std::string>{"风险评估"});
    // ID numbers are masked unless asked for.
    CHECK(r.base.incomplete[0].elder.idNumber.find("********") != std::string::npos);
}

TEST_CASE("the same ID number in two villages is listed once, with both records, from either township")
{
    HandCounty county;
    for (const std::string area : {kCounty, kTownA, "500154103"}) {
        auto q = county.request(area);
        q.revealPersonalData = true;
        const SupervisionReport r = computeSupervision(*county.db, q);
        INFO(area);
        REQUIRE(r.base.duplicates.size() == 1);
        const auto& group = r.base.duplicates[0];
        CHECK(group.idNumber.size() == 18);
        REQUIRE(group.records.size() == 2);
        CHECK(group.records[0].elder.id == county.g);
        CHECK(group.records[0].elder.villageCode == kHongbao);
        CHECK(group.records[1].elder.id == county.f);
        CHECK(group.records[1].elder.villageCode == kQingcheng);
        CHECK(group.records[1].status == "active");
    }
    // A village with no shared number sees none.
    CHECK(computeSupervision(*county.db, county.request(kDaba)).base.duplicates.empty());
}

TEST_CASE("探访: a visit made exactly on its due date, and a due date on the last day, count as on time")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    CHECK(r.visits.onSchedule.part == 3); // A (due today), D (new, due today), G
    CHECK(r.visits.onSchedule.whole == 6);
    CHECK(r.visits.onSchedule.percent() == "50.0%");
    REQUIRE(r.visits.overdue.size() == 3);
    CHECK(r.visits.overdue[0].elder.id == county.f);
    CHECK(r.visits.overdue[0].daysOverdue == 25);
    CHECK(r.visits.overdue[0].intervalDays == 15);
    CHECK(r.visits.overdue[1].elder.id == county.c);
    CHECK(r.visits.overdue[1].daysOverdue == 8);
    CHECK(r.visits.overdue[1].intervalDays == 7);
    CHECK(r.visits.overdue[2].elder.id == county.b);
    CHECK(r.visits.overdue[2].daysOverdue == 1);
    CHECK(r.visits.overdue[2].due == county.day(-1));
    CHECK(r.visits.visitsInPeriod == 4); // T-30 is the first day of the period
    CHECK(r.visits.eldersVisitedInPeriod == 4);

    // The next day A's due date has passed.
    auto q = county.request(kCounty);
    q.to = county.t + std::chrono::days(1);
    q.now = county.at(1, "08:00:00");
    const SupervisionReport next = computeSupervision(*county.db, q);
    CHECK(next.visits.onSchedule.part == 1); // G only: D's first visit was due on the day of entry
    const auto a = std::find_if(next.visits.overdue.begin(), next.visits.overdue.end(),
                                [&](const auto& o) { return o.elder.id == county.a; });
    REQUIRE(a != next.visits.overdue.end());
    CHECK(a->daysOverdue == 1);
}

TEST_CASE("campaign coverage counts target-group elders visited with the campaign within its dates")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    REQUIRE(r.visits.campaigns.size() == 2); // the old campaign does not meet the period
    CHECK(r.visits.campaigns[0].name == "防火专项");
    CHECK(r.visits.campaigns[0].target == "重点帮扶对象");
    CHECK(r.visits.campaigns[0].covered.whole == 5);
    CHECK(r.visits.campaigns[0].covered.part == 2); // B and C; F's tagged visit is before it began
    CHECK(r.visits.campaigns[1].name == "春节走访");
    CHECK(r.visits.campaigns[1].covered.whole == 2); // C and G are high risk
    CHECK(r.visits.campaigns[1].covered.part == 1);
    CHECK(r.visits.campaigns[1].covered.percent() == "50.0%");
}

TEST_CASE("风险: an assessment exactly one interval old still covers — high risk without a plan is listed")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    CHECK(r.risk.assessed.part == 3); // A (T-180), C, G; B's T-181 is out of date
    CHECK(r.risk.assessed.whole == 6);
    CHECK(r.risk.high == 2);
    CHECK(r.risk.medium == 1);
    CHECK(r.risk.low == 1);
    CHECK(r.risk.never == 2);
    REQUIRE(r.risk.highRiskWithoutPlan.size() == 1);
    CHECK(r.risk.highRiskWithoutPlan[0].elder.id == county.c);
    CHECK(r.risk.highRiskWithoutPlan[0].assessedOn == county.day(-10));
}

TEST_CASE("情况报告: acknowledged exactly at the 24-hour deadline is on time, one second later is late")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    const auto& i = r.incidents;
    CHECK(i.reportedInPeriod == 3);
    CHECK(i.openAtEnd == 3);
    CHECK(i.closedInPeriod == 2);
    CHECK(i.acknowledgeLate == 2);
    CHECK(i.closeLate == 2);
    REQUIRE(i.incidents.size() == 4);
    CHECK(i.averageCloseHours == Approx(48.0));
    CHECK(i.averageAcknowledgeHours == Approx(24.0 + 0.5 / 3600));

    const auto& onTime = incident(r, county.i1);
    CHECK(onTime.acknowledgeHours == Approx(24.0));
    CHECK_FALSE(onTime.acknowledgeLate);
    CHECK_FALSE(onTime.closeLate);
    CHECK(onTime.status == "closed");
    CHECK(onTime.timeline.size() == 3);
    CHECK(incident(r, county.i2).acknowledgeLate);
    CHECK_FALSE(incident(r, county.i2).closeLate);
    CHECK(incident(r, county.i3).acknowledgeLate);
    CHECK(incident(r, county.i3).closeLate);
    CHECK(incident(r, county.i3).status == "reported");
    CHECK_FALSE(incident(r, county.i6).acknowledgeLate);
    CHECK(incident(r, county.i6).closeLate);

    // A longer deadline makes nothing late to close, and the same report is judged by it.
    auto q = county.request(kCounty);
    q.closeDays = 60;
    q.acknowledgeHours = 48;
    const SupervisionReport lenient = computeSupervision(*county.db, q);
    CHECK(lenient.incidents.closeLate == 0);
    CHECK(lenient.incidents.acknowledgeLate == 1); // I3, never acknowledged in 20 days
}

TEST_CASE("情况报告: a past period reads the incidents as they stood at its end")
{
    HandCounty county;
    auto q = county.request(kCounty);
    q.from = county.t - std::chrono::days(3);
    q.to = county.t - std::chrono::days(1);
    q.now = county.at(-2, "12:00:00"); // as the county saw it at T-2 noon
    // Elders entered today are not on the ledger of a past moment; incidents still count.
    const SupervisionReport r = computeSupervision(*county.db, q);
    CHECK(r.asOf == county.at(-2, "12:00:00"));
    CHECK(incident(r, county.i1).status == "accepted");
    CHECK(incident(r, county.i1).closedAt.empty());
    CHECK(r.incidents.closedInPeriod == 0);
    CHECK(r.base.active == 0);
}

TEST_CASE("服务: services in the period, volunteers on duty, pairings and agreements in force today")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    CHECK(r.services.servicesGiven == 2);
    CHECK(r.services.eldersServed == 2);
    CHECK(r.services.volunteersActive == 2);
    CHECK(r.services.pairingsActive == 2);
    CHECK(r.services.careAgreementsOnFile == 2);
    CHECK(r.services.careAgreementsInForce == 1);
}

TEST_CASE("数据: a village last seen exactly N days ago is not yet silent — revoked devices do not count")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kTownA));
    const auto daba = std::find_if(r.data.villages.begin(), r.data.villages.end(), [](const auto& v) { return v.code == kDaba; });
    const auto hongbao = std::find_if(r.data.villages.begin(), r.data.villages.end(), [](const auto& v) { return v.code == kHongbao; });
    REQUIRE(daba != r.data.villages.end());
    REQUIRE(hongbao != r.data.villages.end());
    CHECK(daba->silentDays == 7);
    CHECK_FALSE(daba->silent);
    CHECK(daba->devices == 1);
    CHECK(hongbao->silentDays == 8);
    CHECK(hongbao->silent);
    CHECK(hongbao->openConflicts == 1);
    CHECK(r.data.villages.size() == villageCommittees(kTownA));
    CHECK(r.data.silentVillages == villageCommittees(kTownA) - 1);
    CHECK(r.data.openConflicts == 1);

    const SupervisionReport all = computeSupervision(*county.db, county.request(kCounty));
    const auto qingcheng = std::find_if(all.data.villages.begin(), all.data.villages.end(), [](const auto& v) { return v.code == kQingcheng; });
    REQUIRE(qingcheng != all.data.villages.end());
    CHECK(qingcheng->devices == 0);
    CHECK(qingcheng->silentDays == -1);
    CHECK(all.data.silentVillages == villageCommittees(kCounty) - 1);
}

TEST_CASE("the breakdown goes county to townships and township to villages, and adds up to the total")
{
    HandCounty county;
    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    const UnitFigures& houba = unit(r, kTownA);
    CHECK(houba.name == "厚坝镇");
    CHECK(houba.active == 5);
    CHECK(houba.keyTargets == 4);
    CHECK(houba.incomplete == 1);
    CHECK(houba.onSchedule.part == 3);
    CHECK(houba.onSchedule.whole == 5);
    CHECK(houba.overdue == 2);
    CHECK(houba.assessed.part == 3);
    CHECK(houba.highRiskWithoutPlan == 1);
    CHECK(houba.reportedInPeriod == 3);
    CHECK(houba.openIncidents == 3);
    CHECK(houba.lateIncidents == 3);
    CHECK(houba.servicesGiven == 2);
    CHECK(houba.openConflicts == 1);
    const UnitFigures& jinfeng = unit(r, "500154103");
    CHECK(jinfeng.active == 1);
    CHECK(jinfeng.overdue == 1);
    CHECK(r.total.active == 6);
    CHECK(r.total.overdue == 3);
    CHECK(r.total.name == "合计");

    const SupervisionReport town = computeSupervision(*county.db, county.request(kTownA));
    CHECK(unit(town, kDaba).name == "大坝村");
    CHECK(unit(town, kDaba).active == 4);
    CHECK(unit(town, kHongbao).active == 1);
    CHECK(town.total.active == 5);
    CHECK(town.units.size() == villageCommittees(kTownA));

    const SupervisionReport village = computeSupervision(*county.db, county.request(kDaba));
    REQUIRE(village.units.size() == 1);
    CHECK(village.base.active == 4);
}

TEST_CASE("a request for an unknown area or a reversed period is refused in Chinese")
{
    HandCounty county;
    auto q = county.request("500199");
    CHECK(reportRequestProblem(q).find("未知的区域代码") == 0);
    CHECK_THROWS_AS(computeSupervision(*county.db, q), std::invalid_argument);
    q = county.request(kCounty);
    q.from = q.to + std::chrono::days(1);
    CHECK(reportRequestProblem(q) == "统计期间的开始日期晚于结束日期");
}

TEST_CASE("the limits are the county's published ones in force at the period's end, and a request may override one")
{
    HandCounty county;
    publishLimits(county, {48, 60, 8}, county.day(-40));
    publishLimits(county, {1, 1, 1}, county.day(30)); // published, not yet in force

    const SupervisionReport r = computeSupervision(*county.db, county.request(kCounty));
    CHECK(r.limits == SupervisionLimits{48, 60, 8});
    CHECK(r.incidents.closeLate == 0);
    CHECK(r.incidents.acknowledgeLate == 1); // I3, never acknowledged in 20 days
    const auto hongbao = std::find_if(r.data.villages.begin(), r.data.villages.end(),
                                      [](const auto& v) { return v.code == kHongbao; });
    REQUIRE(hongbao != r.data.villages.end());
    CHECK_FALSE(hongbao->silent); // 8 days: not more than the county's 8

    auto q = county.request(kCounty);
    q.silentDays = 7; // `shouwang-server report --silent-days 7`
    const SupervisionReport overridden = computeSupervision(*county.db, q);
    CHECK(overridden.limits == SupervisionLimits{48, 60, 7});
    CHECK(std::find_if(overridden.data.villages.begin(), overridden.data.villages.end(),
                       [](const auto& v) { return v.code == kHongbao; })
              ->silent);
}

TEST_CASE("on the city's report each county's incidents and villages are judged by the limits that county published")
{
    HandCounty county;
    publishLimits(county, {48, 60, 8}, county.day(-40));

    // The same judgement as the county's own report, not the built-in limits'.
    const SupervisionReport city = computeSupervision(*county.db, county.request(std::string(kCityCode)));
    CHECK(city.incidents.closeLate == 0);
    CHECK(city.incidents.acknowledgeLate == 1); // I3, never acknowledged in 20 days
    const auto hongbao = std::find_if(city.data.villages.begin(), city.data.villages.end(),
                                      [](const auto& v) { return v.code == kHongbao; });
    REQUIRE(hongbao != city.data.villages.end());
    CHECK_FALSE(hongbao->silent); // 8 days: not more than the county's 8
    // The labels say so, rather than name one county's limit for all.
    std::ostringstream text;
    writeReportText(text, city);
    CHECK(text.str().find("受理超时（时限按各区县标准）") != std::string::npos);
    CHECK(text.str().find("超过各区县标准天数未同步的村") != std::string::npos);

    // A limit the request sets holds for every county, and the label gives it.
    auto q = county.request(std::string(kCityCode));
    q.closeDays = 1;
    const SupervisionReport strict = computeSupervision(*county.db, q);
    CHECK(strict.incidents.closeLate > 0);
    std::ostringstream strictText;
    writeReportText(strictText, strict);
    CHECK(strictText.str().find("办结超时（时限 1 天）") != std::string::npos);
}
