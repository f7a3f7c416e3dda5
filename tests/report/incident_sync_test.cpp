// Township and county work over the real county server (issue 5): an incident reported by a
// village, handled by the township and seen closed by the village; a campaign published by
// the county reaching a village; and the server's `report` command on what they synced.
#include "county_steps.h"

#include "domain/incident_workflow.h"
#include "store/meta.h"

using namespace shouwang;
using namespace shouwang::test;

namespace {

void step(Device& device, const std::string& id, const IncidentStepInput& input)
{
    auto incident = device.ledger->get("incident", id);
    REQUIRE(incident);
    const std::string problem = applyIncidentStep(*incident, input);
    INFO(problem);
    REQUIRE(problem.empty());
    saved(*device.ledger, *incident);
}

} // namespace

TEST_CASE("an incident goes village → township → village: reported, accepted, assisted and closed, with its timeline")
{
    County county;
    Device village(county.dir, "village"), township(county.dir, "township");
    village.enroll(county, std::string("village:") + kVillageA);
    township.enroll(county, "township:500154102");

    const std::string elderId = elder(village, "张德福");
    Record report;
    report.entity = "incident";
    report.villageCode = kVillageA;
    report.values = {{"elder_id", elderId},          {"type", "critical_illness"}, {"discovered_at", "2024-05-01T07:30:00"},
                     {"reported_at", "2024-05-01T08:00:00"}, {"reporter", "村委会王主任"}, {"description", "独居老人突发疾病"},
                     {"escalated_to", "township"}, {"status", "reported"}};
    const std::string incidentId = saved(*village.ledger, report);
    syncOk(village);

    syncOk(township);
    REQUIRE(township.ledger->get("incident", incidentId));
    CHECK(township.ledger->get("incident", incidentId)->value("status") == "reported");
    step(township, incidentId, {IncidentStep::Accept, "2024-05-01T09:00:00", "乡镇李干事", {}});
    syncOk(township);
    syncOk(village);
    CHECK(village.ledger->get("incident", incidentId)->value("status") == "accepted");

    step(township, incidentId, {IncidentStep::Assist, "2024-05-01T09:30:00", "", "联系120送医"});
    step(township, incidentId, {IncidentStep::Close, "2024-05-03T17:00:00", "乡镇李干事", "已出院，由邻居照看"});
    syncOk(township);
    syncOk(village);

    const auto seen = village.ledger->get("incident", incidentId);
    REQUIRE(seen);
    CHECK(seen->value("status") == "closed");
    CHECK(seen->value("accepted_by") == "乡镇李干事");
    CHECK(seen->value("assistance") == "联系120送医");
    CHECK(seen->value("outcome") == "已出院，由邻居照看");
    CHECK(incidentWorkflowProblems(*seen).empty());
    const auto timeline = incidentTimeline(*seen);
    REQUIRE(timeline.size() == 4);
    CHECK(timeline[1].who == "乡镇李干事");
    CHECK(timeline[3].at == "2024-05-03T17:00:00");

    // The county's report shows the handling, from the same data the server merged.
    const std::string text
        = reportText(county, {"--section", "incidents", "--from", "2024-05-01", "--to", "2024-05-31"});
    CHECK(text.find("本期上报") != std::string::npos);
    CHECK(text.find("已办结") != std::string::npos);
    CHECK(text.find("联系120送医") != std::string::npos);
    CHECK(text.find("张德福") != std::string::npos);
}

TEST_CASE("a campaign the county publishes reaches the village by sync, and its visits count in the county's report")
{
    County county;
    Device office(county.dir, "county"), village(county.dir, "village");
    office.enroll(county, std::string("county:") + kCountyCode);
    village.enroll(county, std::string("village:") + kVillageA);

    const std::string today = formatDate(shouwang::today());
    Record campaign;
    campaign.entity = "campaign";
    campaign.villageCode = kCountyCode;
    campaign.values = {{"name", "防火专项探访"}, {"kind", "fire_prevention"}, {"start_date", today},
                       {"end_date", today}, {"target", "all"}};
    const std::string campaignId = saved(*office.ledger, campaign);
    syncOk(office);

    syncOk(village);
    const auto received = village.ledger->get("campaign", campaignId);
    REQUIRE(received);
    CHECK(received->value("name") == "防火专项探访");
    CHECK(received->villageCode == kCountyCode);

    const std::string elderId = elder(village, "李秀英");
    Record visit;
    visit.entity = "visit";
    visit.villageCode = kVillageA;
    visit.values = {{"elder_id", elderId}, {"date", today},    {"mode", "home"},
                    {"visitor", "网格员"}, {"finding", "normal"}, {"campaign_id", campaignId}};
    saved(*village.ledger, visit);
    syncOk(village);

    const Exec csvOut = county.admin({"report", "--section", "visits", "--format", "csv", "--area", "500154102"});
    INFO(csvOut.err);
    REQUIRE(csvOut.status == 0);
    CHECK(csvOut.out.find("防火专项探访,防火,全部留守老年人," + today + "," + today + ",1,1,100.0%") != std::string::npos);

    const std::string xlsx = county.dir.file("report.xlsx");
    const Exec book = county.admin({"report", "--format", "xlsx", "--out", xlsx, "--with-ledger"});
    INFO(book.err);
    CHECK(book.status == 0);
    CHECK(std::filesystem::file_size(xlsx) > 1000);
    CHECK(county.admin({"report", "--format", "pdf"}).status == 2);
    CHECK(county.admin({"report", "--area", "500101"}).status == 2);
}

TEST_CASE("the county's published limits reach the server's report, whose options only override them, "
          "and the report first brings the ledger's derived columns to today")
{
    County county;
    Device office(county.dir, "county");
    office.enroll(county, std::string("county:") + kCountyCode);
    RiskStandard standard = defaultRiskStandard();
    standard.limits = {48, 30, 10};
    publishStandard(office, standard);

    const std::string published = reportText(county, {"--section", "incidents"});
    CHECK(published.find("受理超时（时限 48 小时）") != std::string::npos);
    CHECK(published.find("办结超时（时限 30 天）") != std::string::npos);
    const Exec data = county.admin({"report", "--section", "data"});
    CHECK(data.out.find("超过 10 天未同步的村") != std::string::npos);
    const Exec overridden = county.admin({"report", "--section", "incidents", "--ack-hours", "12"});
    CHECK(overridden.out.find("受理超时（时限 12 小时）") != std::string::npos);
    CHECK(overridden.out.find("办结超时（时限 30 天）") != std::string::npos);

    county.inspect([](Ledger& ledger, Database&) {
        CHECK(ledger.meta().value(meta::kDerivedDay) == formatDate(today()));
    });
}
