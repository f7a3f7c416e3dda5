// 风险: whether assessments are current, and whether every high-risk elder has a plan.
#include "report_context.h"

namespace shouwang::report {
namespace {

bool blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

} // namespace

// Covered: assessed at least once on or before the as-of day, and the latest assessment
// plus the county's assessment interval is not before that day (an assessment exactly one
// interval old still counts). The level is the latest assessment's on that day.
void computeRisk(Context& ctx, RiskFigures& out)
{
    for (const ElderSnapshot& e : ctx.elders) {
        if (!e.active())
            continue;
        UnitFigures& unit = ctx.unit(e.villageCode);
        ++out.assessed.whole;
        ++unit.assessed.whole;
        const auto last = parseDate(e.lastAssessment);
        const VisitSchedule schedule = ctx.standardOf(e.villageCode).schedule;
        if (last && *last + std::chrono::days(schedule.assessmentDays) >= ctx.asOfDay) {
            ++out.assessed.part;
            ++unit.assessed.part;
        }
        if (!last)
            ++out.never;
        else if (e.riskLevel == "high")
            ++out.high;
        else if (e.riskLevel == "medium")
            ++out.medium;
        else
            ++out.low;
        if (e.riskLevel == "high" && blank(e.plan)) {
            ++unit.highRiskWithoutPlan;
            out.highRiskWithoutPlan.push_back({ctx.ref(e), e.lastAssessment});
        }
    }
}

} // namespace shouwang::report
