#include "referral_workflow.h"

#include "date.h"
#include "schema_names.h"

namespace shouwang {
namespace {

namespace st = referral_status;

std::string proposedOn(const Record& referral)
{
    return referral.value(schema::referral::proposed_on);
}

// 办结 and 未解决 are alternatives of one rank and share the closing date and outcome.
constexpr WorkflowStep kSteps[] = {
    {st::kReviewed, 1, false, "审核", "reviewed_on", "乡镇审核日期", "reviewed_by", "审核人", "review_note", "审核意见"},
    {st::kReferred, 2, false, "转介", "referred_on", "转介日期", "referred_by", "转介经办人", "", ""},
    {st::kAccepted, 3, false, "受理", "accepted_on", "部门受理日期", "accepted_by", "部门经办人", "", ""},
    {st::kClosed, 4, false, "办结", "closed_on", "结案日期", "", "", "outcome", "办理结果"},
    {st::kUnresolved, 4, false, "结案", "closed_on", "结案日期", "", "", "outcome", "办理结果"},
};

const Workflow kReferral{"referral", "部门转介", st::kProposed, "referral_status",
                         "提出→乡镇审核→已转介→已受理→已办结/未解决", true, kSteps, &proposedOn, "proposed_by", "reason"};

} // namespace

const Workflow& referralWorkflow()
{
    return kReferral;
}

bool referralEnded(std::string_view status)
{
    return status == st::kClosed || status == st::kUnresolved;
}

std::optional<int> referralDaysToClose(const Record& referral)
{
    if (!referralEnded(referral.value(schema::referral::status)))
        return std::nullopt;
    const auto from = parseDate(referral.value(schema::referral::proposed_on));
    const auto to = parseDate(referral.value(schema::referral::closed_on));
    if (!from || !to)
        return std::nullopt;
    return static_cast<int>((*to - *from).count());
}

} // namespace shouwang
