// 部门转介: referrals by department and status, days to close, and those open past the
// county's limit. A referral's status is read from its step dates as they stood on the
// as-of day (domain/referral_workflow.h), so a past period reads as it stood then.
#include "report_context.h"

#include "domain/enums.h"
#include "domain/referral_workflow.h"
#include "domain/schema_names.h"

namespace shouwang::report {

void computeReferrals(Context& ctx, ReferralFigures& out)
{
    const Workflow& flow = referralWorkflow();
    const EnumDef* departments = findEnum("referral_department");
    for (const EnumOption& d : departments->options)
        out.byDepartment.push_back({std::string(d.code), std::string(d.zh)});
    const auto names = elderNames(ctx);
    const std::string from = ctx.periodFrom(), to = ctx.periodTo(), day = formatDate(ctx.asOfDay);
    double daysSum = 0;
    std::size_t daysCount = 0;
    for (const Record& r : loadAreaRecords(ctx, "referral")) {
        const std::string& proposed = r.value(schema::referral::proposed_on);
        const auto proposedDay = parseDate(proposed);
        if (!proposedDay || proposed > day)
            continue; // not yet proposed on the as-of day
        const std::string status = statusAt(flow, r, ctx.asOf);
        const bool ended = referralEnded(status);
        const bool inPeriod = proposed >= from && proposed <= to;
        const std::string& closed = r.value(schema::referral::closed_on);
        if (ended && closed >= from) {
            (status == referral_status::kClosed ? out.closedInPeriod : out.unresolvedInPeriod) += 1;
            if (const auto days = referralDaysToClose(r)) {
                daysSum += *days;
                ++daysCount;
            }
        }
        if (!inPeriod && ended)
            continue;

        ReferralFigures::Row row;
        row.id = r.id;
        const auto name = names.find(r.value(schema::referral::elder_id));
        row.elderName = name == names.end() ? std::string{} : name->second;
        row.villageCode = r.villageCode;
        row.department = std::string(departments->label(r.value(schema::referral::department)));
        row.status = status;
        row.proposedOn = proposed;
        row.closedOn = ended ? closed : std::string{};
        if (ended) {
            row.daysToClose = referralDaysToClose(r).value_or(-1);
        } else {
            row.daysOpen = daysBetween(*proposedDay, ctx.asOfDay);
            // Open exactly the limit's number of days is still on time.
            row.pastLimit = row.daysOpen > ctx.standardOf(r.villageCode).limits.referralDays;
        }
        for (const WorkflowEvent& event : workflowTimeline(flow, r)) {
            if (event.at <= ctx.asOf)
                row.timeline.push_back(event);
        }
        out.proposedInPeriod += inPeriod;
        out.openAtEnd += !ended;
        out.openPastLimit += row.pastLimit;
        for (ReferralFigures::Department& d : out.byDepartment) {
            if (d.code != r.value(schema::referral::department))
                continue;
            d.proposedInPeriod += inPeriod;
            d.open += !ended;
            d.closed += status == referral_status::kClosed;
            d.unresolved += status == referral_status::kUnresolved;
        }
        out.referrals.push_back(std::move(row));
    }
    out.averageDaysToClose = daysCount == 0 ? -1 : daysSum / static_cast<double>(daysCount);
}

} // namespace shouwang::report
