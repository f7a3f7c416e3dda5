// The 情况报告 workflow rules (domain/incident_workflow.h), without storage.
#include "../support/records.h"

#include "domain/enums.h"
#include "domain/incident_workflow.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

Record reported()
{
    return test::recordOf("incident",
                          {{"status", "reported"},
                           {"discovered_at", "2024-03-01T07:30:00"},
                           {"reported_at", "2024-03-01T08:00:00"},
                           {"reporter", "村委会王主任"},
                           {"description", "老人摔倒"}});
}

IncidentStepInput accept(const std::string& at, const std::string& who = "乡镇李干事")
{
    return {IncidentStep::Accept, at, who, {}};
}

} // namespace

TEST_CASE("an incident goes reported, accepted, assisting, closed, each step recording time and handler")
{
    Record r = reported();
    REQUIRE(applyIncidentStep(r, accept("2024-03-01T09:00:00")).empty());
    CHECK(r.value("status") == "accepted");
    CHECK(r.value("accepted_at") == "2024-03-01T09:00:00");
    CHECK(r.value("accepted_by") == "乡镇李干事");
    REQUIRE(applyIncidentStep(r, {IncidentStep::Assist, "2024-03-01T10:00:00", "", "送医"}).empty());
    CHECK(r.value("status") == "assisting");
    CHECK(r.value("assistance") == "送医");
    REQUIRE(applyIncidentStep(r, {IncidentStep::Close, "2024-03-05T10:00:00", "乡镇李干事", "已出院"}).empty());
    CHECK(r.value("status") == "closed");
    CHECK(r.value("closed_by") == "乡镇李干事");
    CHECK(r.value("outcome") == "已出院");
    CHECK(incidentWorkflowProblems(r).empty());

    const auto timeline = incidentTimeline(r);
    REQUIRE(timeline.size() == 4);
    CHECK(timeline[0].status == "reported");
    CHECK(timeline[0].who == "村委会王主任");
    CHECK(timeline[3].at == "2024-03-05T10:00:00");
}

TEST_CASE("an accepted incident may be closed without an assistance step")
{
    Record r = reported();
    REQUIRE(applyIncidentStep(r, accept("2024-03-01T09:00:00")).empty());
    CHECK(applyIncidentStep(r, {IncidentStep::Close, "2024-03-01T11:00:00", "李干事", "电话核实，已无碍"}).empty());
    CHECK(r.value("status") == "closed");
}

TEST_CASE("steps out of order are refused with a Chinese message and leave the record untouched")
{
    Record r = reported();
    const Record before = r;
    CHECK(applyIncidentStep(r, {IncidentStep::Close, "2024-03-02T09:00:00", "李", "办结"}) == "该情况报告尚未受理，请先受理再办结。");
    CHECK(applyIncidentStep(r, {IncidentStep::Assist, "2024-03-02T09:00:00", "", "送医"}).find("尚未受理") != std::string::npos);
    CHECK(r.values == before.values);

    REQUIRE(applyIncidentStep(r, accept("2024-03-01T09:00:00")).empty());
    CHECK(applyIncidentStep(r, accept("2024-03-01T10:00:00")) == "该情况报告已受理，不能重复办理。");
    REQUIRE(applyIncidentStep(r, {IncidentStep::Close, "2024-03-02T09:00:00", "李", "办结"}).empty());
    CHECK(applyIncidentStep(r, {IncidentStep::Assist, "2024-03-03T09:00:00", "", "送医"}) == "该情况报告已办结，不能再开始救助。");
    CHECK_FALSE(canMoveIncident("closed", "reported"));
    CHECK_FALSE(canMoveIncident("reported", "closed"));
    CHECK(canMoveIncident("accepted", "closed"));
    CHECK(canMoveIncident("assisting", "closed"));
}

TEST_CASE("each step needs its time and handler, and time never runs backwards")
{
    Record r = reported();
    CHECK(applyIncidentStep(r, accept("")) == "请填写受理时间（格式：年-月-日 时:分:秒）。");
    CHECK(applyIncidentStep(r, accept("2024-03-01T09:00:00", "  ")) == "请填写受理人。");
    CHECK(applyIncidentStep(r, accept("2024-03-01T07:59:59")).find("受理时间不能早于上一步的时间") != std::string::npos);
    // Exactly the report's time is not backwards.
    REQUIRE(applyIncidentStep(r, accept("2024-03-01T08:00:00")).empty());
    CHECK(applyIncidentStep(r, {IncidentStep::Assist, "2024-03-01T09:00:00", "", ""}) == "请填写救助措施。");
    CHECK(applyIncidentStep(r, {IncidentStep::Close, "2024-03-01T07:00:00", "李", "好"}).find("办结时间不能早于") != std::string::npos);
    CHECK(applyIncidentStep(r, {IncidentStep::Close, "2024-03-01T09:00:00", "李", ""}) == "请填写办结情况。");
}

TEST_CASE("a whole record is checked: a status needs its step's fields, and times in order")
{
    Record r = reported();
    r.set("status", "closed");
    r.set("accepted_at", "2024-03-01T09:00:00");
    r.set("accepted_by", "李");
    r.set("closed_at", "2024-03-01T08:30:00");
    const auto problems = incidentWorkflowProblems(r);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "closed_by");
    CHECK(problems[0].message == "请填写办结人。");
    CHECK(problems[1].field == "closed_at");
    CHECK(problems[1].message == "办结时间不能早于上一步的时间。");

    Record missing = reported();
    missing.set("status", "accepted");
    REQUIRE(incidentWorkflowProblems(missing).size() == 2);
    CHECK(incidentWorkflowProblems(missing)[0].message == "状态为已受理时须填写受理时间。");
}

TEST_CASE("an incident without a report time is timed from its discovery")
{
    Record r = reported();
    r.values.erase("reported_at");
    CHECK(incidentReportedAt(r) == "2024-03-01T07:30:00");
    CHECK(applyIncidentStep(r, accept("2024-03-01T07:00:00")).find("不能早于") != std::string::npos);
}

TEST_CASE("each status has one time field, in workflow order, and every status of the enum has one")
{
    CHECK(incidentTimeField("reported") == "reported_at");
    CHECK(incidentTimeField("accepted") == "accepted_at");
    CHECK(incidentTimeField("assisting") == "assisting_at");
    CHECK(incidentTimeField("closed") == "closed_at");
    CHECK(incidentTimeField("lost").empty());
    // A step records the time field of the status it leads to.
    for (IncidentStep step : {IncidentStep::Accept, IncidentStep::Assist, IncidentStep::Close}) {
        Record r = reported();
        if (step != IncidentStep::Accept)
            REQUIRE(applyIncidentStep(r, accept("2024-03-01T09:00:00")).empty());
        if (step == IncidentStep::Close)
            REQUIRE(applyIncidentStep(r, {IncidentStep::Assist, "2024-03-01T10:00:00", "", "送医"}).empty());
        REQUIRE(applyIncidentStep(r, {step, "2024-03-02T10:00:00", "乡镇李干事", "已处理"}).empty());
        CHECK(r.value(incidentTimeField(statusAfter(step))) == "2024-03-02T10:00:00");
    }
    const EnumDef* statuses = findEnum("incident_status");
    REQUIRE(statuses);
    REQUIRE(statuses->options.size() == std::size(kIncidentStatusTimes));
    for (const auto& option : statuses->options)
        CHECK_FALSE(incidentTimeField(option.code).empty());
}
