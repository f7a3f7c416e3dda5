// A 部门转介 over the real county server (issue 18): proposed by a village, reviewed and
// referred by the township, accepted and closed as the department answers, and seen by the
// village at each step; a client that skips a step is refused by the county.
#include "county_steps.h"

#include "domain/referral_workflow.h"

using namespace shouwang;
using namespace shouwang::test;

namespace {

void step(Device& device, const std::string& id, const StepInput& input)
{
    auto referral = device.ledger->get("referral", id);
    REQUIRE(referral);
    const std::string problem = applyStep(referralWorkflow(), *referral, input);
    INFO(problem);
    REQUIRE(problem.empty());
    saved(*device.ledger, *referral);
}

std::string status(Device& device, const std::string& id)
{
    const auto referral = device.ledger->get("referral", id);
    REQUIRE(referral);
    return referral->value("status");
}

} // namespace

TEST_CASE("a referral goes village → township → village: proposed, reviewed, referred, accepted and closed")
{
    County county;
    Device village(county.dir, "village"), township(county.dir, "township");
    village.enroll(county, std::string("village:") + kVillageA);
    township.enroll(county, "township:500154102");

    const std::string elderId = elder(village, "张德福");
    Record referral;
    referral.entity = "referral";
    referral.villageCode = kVillageA;
    referral.values = {{"elder_id", elderId}, {"department", "justice"}, {"reason", "儿子长期不支付赡养费，需法律援助"},
                       {"proposed_on", "2024-05-01"}, {"proposed_by", "村委会王主任"}, {"status", "proposed"}};
    const std::string id = saved(*village.ledger, referral);
    syncOk(village);

    syncOk(township);
    CHECK(status(township, id) == "proposed");
    step(township, id, {referral_status::kReviewed, "2024-05-02", "乡镇李干事", "情况属实，转司法所"});
    step(township, id, {referral_status::kReferred, "2024-05-03", "乡镇李干事", {}});
    syncOk(township);
    syncOk(village);
    CHECK(status(village, id) == "referred");

    step(township, id, {referral_status::kAccepted, "2024-05-06", "司法所赵律师", {}});
    step(township, id, {referral_status::kClosed, "2024-05-20", {}, "调解达成赡养协议，每月支付500元"});
    syncOk(township);
    syncOk(village);

    const auto seen = village.ledger->get("referral", id);
    REQUIRE(seen);
    CHECK(seen->value("status") == "closed");
    CHECK(seen->value("review_note") == "情况属实，转司法所");
    CHECK(seen->value("accepted_by") == "司法所赵律师");
    CHECK(workflowProblems(referralWorkflow(), *seen).empty());
    CHECK(referralDaysToClose(*seen) == 19);
    const auto timeline = workflowTimeline(referralWorkflow(), *seen);
    REQUIRE(timeline.size() == 5);
    CHECK(timeline[0].who == "村委会王主任");
    CHECK(timeline[4].note == "调解达成赡养协议，每月支付500元");

    const std::string text
        = reportText(county, {"--section", "referrals", "--from", "2024-05-01", "--to", "2024-05-31"});
    CHECK(text.find("平均办结用时（天）") != std::string::npos);
    CHECK(text.find("19.0") != std::string::npos);
    CHECK(text.find("司法行政") != std::string::npos);
    CHECK(text.find("调解达成赡养协议") != std::string::npos);
}

TEST_CASE("the county refuses a referral that skips the township's review, and judges open ones by its published limit")
{
    County county;
    Device village(county.dir, "village"), office(county.dir, "county");
    village.enroll(county, std::string("village:") + kVillageA);
    office.enroll(county, std::string("county:") + kCountyCode);
    RiskStandard standard = defaultRiskStandard();
    standard.limits.referralDays = 10;
    publishStandard(office, standard);

    const std::string elderId = elder(village, "李秀英");
    Record skipped;
    skipped.entity = "referral";
    skipped.villageCode = kVillageA;
    // What an older or modified client could send: accepted without review or referral.
    skipped.values = {{"elder_id", elderId}, {"department", "health"}, {"reason", "未纳入健康管理"},
                      {"proposed_on", "2024-05-01"}, {"proposed_by", "村医"}, {"status", "accepted"},
                      {"accepted_on", "2024-05-02"}, {"accepted_by", "卫生院"}};
    const std::string skippedId = saved(*village.ledger, skipped);
    Record open;
    open.entity = "referral";
    open.villageCode = kVillageA;
    open.values = {{"elder_id", elderId}, {"department", "hrss"}, {"reason", "养老保险待遇未领取"},
                   {"proposed_on", formatDate(today() - std::chrono::days(11))}, {"proposed_by", "村委会"},
                   {"status", "proposed"}};
    saved(*village.ledger, open);
    const SyncReport report = village.sync();
    REQUIRE(report.ok());
    CHECK(report.refused == 1);

    const std::string text = reportText(county, {"--section", "referrals"});
    CHECK(text.find("超期未结（时限 10 天）") != std::string::npos);
    CHECK(text.find("人力资源社会保障") != std::string::npos);
    county.inspect([&](Ledger& ledger, Database&) { CHECK_FALSE(ledger.get("referral", skippedId)); });
}
