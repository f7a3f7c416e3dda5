// The issue-18 duty figures (referrals, urging families, health management and poverty
// flags, facilities in use) against answers worked out by hand on a small county.
#include "report_figures.h"

#include "report/family_duty.h"
#include "report/report_tables.h"

#include <algorithm>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// Two villages in two townships:
//   大坝村  甲 85 (高龄, 建档立卡+低保 household, health-managed, uses the 幸福院)
//           乙 70 (独居, not health-managed, uses the 幸福院)
//           丙 62 (not a key target, uses the 幸福院)
//           丁 75 (独居, not health-managed, with an open 卫生健康 referral)
//   青橙村  戊 68 (特困 household: 生活困难, health-managed, uses the day-care centre)
// The period is the last 30 days; the referral limit 30 days, the urging interval 90 days.
struct DutyCounty : CountyBuilder {
    int year = static_cast<int>(std::chrono::year_month_day(t).year());
    // Born on 1 March: the age is the difference of years, one less before 1 March.
    int age(int years) const { return std::chrono::year_month_day(t).month() >= std::chrono::March ? years : years - 1; }

    std::string jia = elder(kDaba, "甲", year - 85);
    std::string yi = elder(kDaba, "乙", year - 70, "alone");
    std::string bing = elder(kDaba, "丙", year - 62);
    std::string ding = elder(kDaba, "丁", year - 75, "alone");
    std::string wu = elder(kQingcheng, "戊", year - 68);
    std::string home = facility(kDaba, "大坝村互助幸福院", "happiness_home");
    std::string centre = facility(kQingcheng, "青橙村日间照料中心", "activity_centre");

    DutyCounty()
    {
        set("elder", jia, "health_mgmt_65", "1");
        set("elder", wu, "health_mgmt_65", "1");
        const std::string jiaHousehold = ledger.get("elder", jia)->value("household_id");
        set("household", jiaHousehold, "registered_poor", "1");
        set("household", jiaHousehold, "dibao", "1");
        set("household", ledger.get("elder", wu)->value("household_id"), "tekun", "1");
        for (const std::string& e : {jia, yi, bing})
            set("elder", e, "facility_id", home);
        set("elder", wu, "facility_id", centre);
        service(jia, -3, home);
        service(jia, -4, home);
        service(yi, -40, home); // before the period

        notice(jia, -10, "phone", "agreed");
        notice(yi, -40, "visit", "none", day(-30)); // before the period; its follow-up has passed
        notice(ding, -20, "letter", "refused");
        notice(ding, -5, "wechat", "", day(-1)); // the latest: no answer, follow-up passed

        referral(ding, "health", -50, {-49, -48, -45}, "", 0);
        referral(jia, "justice", -20, {-19, -18, -16}, "closed", -5);
        referral(yi, "medical_insurance", -10, {-9, -9, -8}, "unresolved", -2);
        referral(wu, "police", -30, {}, "", 0);
        referral(bing, "justice", -100, {-99, -99, -98}, "closed", -60); // ended before the period
    }

    std::string facility(const std::string& village, const std::string& name, const std::string& type)
    {
        Record r = make("facility", village);
        r.set("name", name);
        r.set("type", type);
        return save(r);
    }

    void service(const std::string& elderId, int offset, const std::string& facilityId)
    {
        Record r = make("service_record", ledger.get("elder", elderId)->villageCode);
        r.set("elder_id", elderId);
        r.set("date", day(offset));
        r.set("provider", "幸福院");
        r.set("facility_id", facilityId);
        save(r);
    }

    std::string supporterOf(const std::string& elderId)
    {
        ListFilter filter;
        for (const Record& s : ledger.list("supporter", filter)) {
            if (s.value("elder_id") == elderId)
                return s.id;
        }
        FAIL("no supporter");
        return {};
    }

    void notice(const std::string& elderId, int offset, const std::string& method, const std::string& answer,
                const std::string& followUp = {})
    {
        Record r = make("duty_notice", ledger.get("elder", elderId)->villageCode);
        r.set("elder_id", elderId);
        r.set("supporter_id", supporterOf(elderId));
        r.set("date", day(offset));
        r.set("method", method);
        r.set("content", "请按时看望老人，履行赡养义务");
        r.set("answer", answer);
        r.set("follow_up_date", followUp);
        save(r);
    }

    // Steps are 审核, 转介, 受理 days; `end` ("closed"/"unresolved") on `endOffset`.
    void referral(const std::string& elderId, const std::string& department, int proposed, std::vector<int> steps,
                  const std::string& end, int endOffset)
    {
        Record r = make("referral", ledger.get("elder", elderId)->villageCode);
        r.set("elder_id", elderId);
        r.set("department", department);
        r.set("reason", "需部门协助");
        r.set("proposed_on", day(proposed));
        r.set("proposed_by", "村委会");
        static constexpr std::pair<const char*, const char*> kSteps[] = {
            {"reviewed_on", "reviewed_by"}, {"referred_on", "referred_by"}, {"accepted_on", "accepted_by"}};
        static constexpr const char* kStatus[] = {"proposed", "reviewed", "referred", "accepted"};
        for (std::size_t i = 0; i < steps.size(); ++i) {
            r.set(kSteps[i].first, day(steps[i]));
            r.set(kSteps[i].second, "经办人");
        }
        r.set("status", end.empty() ? kStatus[steps.size()] : end);
        if (!end.empty()) {
            r.set("closed_on", day(endOffset));
            r.set("outcome", "结果");
        }
        save(r);
    }
};

} // namespace

TEST_CASE("部门转介: by department and status, days to close, open past the county's limit")
{
    DutyCounty county;
    const SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    const ReferralFigures& f = r.referrals;
    CHECK(f.proposedInPeriod == 3);   // 甲 justice, 乙 medical insurance, 戊 police (exactly 30 days ago)
    CHECK(f.closedInPeriod == 1);     // 甲, 15 days
    CHECK(f.unresolvedInPeriod == 1); // 乙, 8 days
    CHECK(f.averageDaysToClose == Approx(11.5));
    CHECK(f.openAtEnd == 2);          // 丁 (50 days), 戊 (30 days: exactly the limit, not past it)
    CHECK(f.openPastLimit == 1);
    CHECK(f.referrals.size() == 4);   // 丙's ended before the period
    CHECK(department(r, "justice").proposedInPeriod == 1);
    CHECK(department(r, "justice").closed == 1);
    CHECK(department(r, "health").open == 1);
    CHECK(department(r, "health").proposedInPeriod == 0);
    CHECK(department(r, "medical_insurance").unresolved == 1);
    CHECK(department(r, "police").open == 1);
    CHECK(f.byDepartment.size() == 8);

    // Ten days ago, 甲's and 乙's referrals were still open (accepted, and just proposed).
    ReportRequest past = monthRequest(county, kCounty);
    past.to = county.t - std::chrono::days(10);
    const SupervisionReport then = computeSupervision(*county.db, past);
    CHECK(then.referrals.closedInPeriod == 0);
    CHECK(then.referrals.openAtEnd == 4);
    const auto yi = std::find_if(then.referrals.referrals.begin(), then.referrals.referrals.end(),
                                 [](const auto& row) { return row.elderName == "乙"; });
    REQUIRE(yi != then.referrals.referrals.end());
    CHECK(yi->status == "proposed");
}

TEST_CASE("督促赡养: the share of key targets urged in the period, and supporters who did not answer")
{
    DutyCounty county;
    const SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    const FamilyDutyFigures& f = r.familyDuty;
    CHECK(f.keyTargetsWithSupporters == 4); // 甲 乙 丁 戊
    CHECK(f.keyTargetsUrged == 2);          // 甲 丁
    CHECK(f.noticesInPeriod == 3);
    REQUIRE(f.notResponding.size() == 1);   // 丁's supporter: the latest notice has no answer
    CHECK(f.notResponding[0].elderName == "丁");
    CHECK(f.notResponding[0].method == "微信");

    std::ostringstream text;
    writeReportText(text, r, ReportSection::Family);
    CHECK(text.str().find("50.0%") != std::string::npos);
}

TEST_CASE("督促赡养: the home page's list — never urged, past the interval, or past the follow-up date")
{
    DutyCounty county;
    const auto due = urgingDue(*county.db, kCounty, county.t);
    std::map<std::string, std::string> reasons;
    for (const UrgingDue& d : due)
        reasons[d.elderName] = d.reason;
    CHECK(reasons.size() == 3);
    CHECK(reasons["乙"] == "跟进日期（" + county.day(-30) + "）已过");
    CHECK(reasons["丁"] == "跟进日期（" + county.day(-1) + "）已过");
    CHECK(reasons["戊"] == "从未督促");
    // 91 days on, 甲's notice is past the 90-day interval too.
    const auto later = urgingDue(*county.db, kDaba, county.t + std::chrono::days(81));
    CHECK(std::any_of(later.begin(), later.end(), [](const UrgingDue& d) { return d.elderName == "甲" && d.reason == "超过90天未督促"; }));
}

TEST_CASE("健康与困难: 65+ under health management, referral suggestions, 建档立卡/低保/特困 beside 生活困难")
{
    DutyCounty county;
    const SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    const HealthFigures& f = r.health;
    CHECK(f.aged65 == 4);        // 甲 乙 丁 戊
    CHECK(f.healthManaged == 2); // 甲 戊
    REQUIRE(f.suggestHealthReferral.size() == 1); // 乙; 丁 already has an open 卫生健康 referral
    CHECK(f.suggestHealthReferral[0].elderName == "乙");
    CHECK(f.suggestHealthReferral[0].age == county.age(70));
    CHECK(f.registeredPoor == 1);
    CHECK(f.dibao == 1);
    CHECK(f.tekun == 1);
    CHECK(f.hardship == 2); // 甲 (低保), 戊 (特困)
}

TEST_CASE("服务设施: elders who use each facility and the services recorded there in the period")
{
    DutyCounty county;
    const SupervisionReport r = computeSupervision(*county.db, monthRequest(county, kCounty));
    REQUIRE(r.facilities.facilities.size() == 2);
    const auto& home = r.facilities.facilities[0];
    CHECK(home.name == "大坝村互助幸福院");
    CHECK(home.elders == 3);
    CHECK(home.services == 2);
    CHECK(home.eldersServed == 1);
    CHECK(r.facilities.facilities[1].elders == 1);
    CHECK(r.facilities.facilities[1].services == 0);

    const SupervisionReport town = computeSupervision(*county.db, monthRequest(county, kTownA));
    CHECK(town.facilities.facilities.size() == 1);
}
