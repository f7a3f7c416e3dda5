// The 部门转介 workflow (domain/referral_workflow.h), without storage: the rules are the
// incident's (domain/workflow.h), with dates and two ways to end.
#include "../support/records.h"

#include "domain/referral_workflow.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

Record proposed()
{
    return test::recordOf("referral",
                          {{"status", "proposed"},
                           {"department", "justice"},
                           {"reason", "子女拒不履行赡养义务，需法律援助"},
                           {"proposed_on", "2024-03-01"},
                           {"proposed_by", "村委会王主任"}});
}

StepInput step(std::string_view status, const std::string& on, const std::string& who = "", const std::string& note = "")
{
    return {status, on, who, note};
}

const Workflow& flow()
{
    return referralWorkflow();
}

} // namespace

TEST_CASE("a referral goes proposed, reviewed, referred, accepted, closed, with dates and handlers")
{
    Record r = proposed();
    REQUIRE(applyStep(flow(), r, step("reviewed", "2024-03-02", "乡镇李干事", "同意转司法所")).empty());
    REQUIRE(applyStep(flow(), r, step("referred", "2024-03-03", "乡镇李干事")).empty());
    REQUIRE(applyStep(flow(), r, step("accepted", "2024-03-05", "司法所赵律师")).empty());
    REQUIRE(applyStep(flow(), r, step("closed", "2024-03-20", "", "调解达成赡养协议")).empty());
    CHECK(r.value("status") == "closed");
    CHECK(r.value("closed_on") == "2024-03-20");
    CHECK(r.value("outcome") == "调解达成赡养协议");
    CHECK(workflowProblems(flow(), r).empty());
    CHECK(referralDaysToClose(r) == 19);

    const auto timeline = workflowTimeline(flow(), r);
    REQUIRE(timeline.size() == 5);
    CHECK(timeline[0].status == "proposed");
    CHECK(timeline[0].who == "村委会王主任");
    CHECK(timeline[1].note == "同意转司法所");
    CHECK(timeline[4].status == "closed");
    CHECK(statusAt(flow(), r, "2024-03-04T23:59:59") == "referred");
}

TEST_CASE("an accepted referral may end unresolved, and then nothing more can be done with it")
{
    Record r = proposed();
    for (auto [status, on, who] : {std::tuple{"reviewed", "2024-03-02", "李干事"}, {"referred", "2024-03-02", "李干事"},
                                   {"accepted", "2024-03-04", "医保局"}})
        REQUIRE(applyStep(flow(), r, step(status, on, who, "同意")).empty());
    REQUIRE(applyStep(flow(), r, step("unresolved", "2024-04-30", "", "不符合报销条件")).empty());
    CHECK(r.value("status") == "unresolved");
    CHECK(workflowTimeline(flow(), r).back().status == "unresolved");
    CHECK(referralDaysToClose(r) == 60);
    CHECK(applyStep(flow(), r, step("closed", "2024-05-01", "", "x")) == "该部门转介未解决，不能再办结。");
}

TEST_CASE("referral steps out of order, undated or back in time are refused in Chinese")
{
    Record r = proposed();
    CHECK(applyStep(flow(), r, step("accepted", "2024-03-05", "司法所")) == "该部门转介尚未审核，请先审核再受理。");
    CHECK(applyStep(flow(), r, step("reviewed", "2024-03-02T10:00:00", "李干事", "同意"))
          == "请填写乡镇审核日期（格式：年-月-日）。");
    CHECK(applyStep(flow(), r, step("reviewed", "2024-03-02", "", "同意")) == "请填写审核人。");
    CHECK(applyStep(flow(), r, step("reviewed", "2024-02-28", "李干事", "同意"))
          == "乡镇审核日期不能早于上一步的时间（2024-03-01）。");
    CHECK(r.value("status") == "proposed");
    REQUIRE(applyStep(flow(), r, step("reviewed", "2024-03-02", "李干事", "同意")).empty());
    CHECK(applyStep(flow(), r, step("reviewed", "2024-03-02", "李干事", "同意")) == "该部门转介已审核，不能重复办理。");
}

TEST_CASE("the county refuses a referral that skips a step or lacks what a step records")
{
    Record before = proposed();
    Record after = before;
    after.set("status", "accepted");
    after.set("accepted_on", "2024-03-04");
    after.set("accepted_by", "司法所");
    CHECK(workflowRefusal(flow(), &before, after)
          == "部门转介不能从“已提出”改为“部门已受理”：须按 提出→乡镇审核→已转介→已受理→已办结/未解决 的顺序处理");
    Record created = proposed();
    created.set("status", "reviewed");
    CHECK(workflowRefusal(flow(), nullptr, created) == "部门转介：状态为乡镇已审核时须填写乡镇审核日期。");
    CHECK(workflowOf("referral") == &flow());
    CHECK(workflowOf("visit") == nullptr);
}
