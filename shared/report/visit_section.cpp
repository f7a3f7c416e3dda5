// 探访: whether each elder's visits keep to the county's schedule, and how far the
// published campaigns reached their target groups.
#include "report_context.h"

#include "domain/divisions.h"
#include "domain/enums.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace shouwang::report {
namespace {

bool inTarget(const ElderSnapshot& e, const std::string& target)
{
    if (target == "key")
        return e.flags.keyTarget;
    if (target == "high_risk")
        return e.riskLevel == "high";
    return true; // "all"
}

void countPeriodVisits(Context& ctx, VisitFigures& out)
{
    std::tie(out.visitsInPeriod, out.eldersVisitedInPeriod) = ctx.stored.visitsBetween(ctx.periodFrom(), ctx.periodTo());
}

} // namespace

// An elder is on schedule when their next visit, due by the rules of domain/derived.h from
// the last visit on or before the as-of day, is not before that day: a visit made on its
// due date, or a due date falling on the as-of day itself, is on time.
void computeVisits(Context& ctx, VisitFigures& out)
{
    for (const ElderSnapshot& e : ctx.elders) {
        if (!e.active())
            continue;
        ElderFacts facts;
        facts.lastVisit = parseDate(e.lastVisit);
        facts.enteredLedger = parseDate(e.createdAt.substr(0, 10));
        facts.riskLevel = e.riskLevel;
        const VisitSchedule schedule = ctx.standardOf(e.villageCode).schedule;
        const Date due = visitDue(facts, e.flags, schedule);
        UnitFigures& unit = ctx.unit(e.villageCode);
        ++out.onSchedule.whole;
        ++unit.onSchedule.whole;
        if (due >= ctx.asOfDay) {
            ++out.onSchedule.part;
            ++unit.onSchedule.part;
            continue;
        }
        ++unit.overdue;
        out.overdue.push_back({ctx.ref(e), e.lastVisit, formatDate(due), daysBetween(due, ctx.asOfDay),
                               visitIntervalDays(e.flags, e.riskLevel, schedule)});
    }
    std::stable_sort(out.overdue.begin(), out.overdue.end(),
                     [](const auto& a, const auto& b) { return a.daysOverdue > b.daysOverdue; });
    countPeriodVisits(ctx, out);
}

// A campaign counts when its dates meet the period. Its target group is taken among the
// active elders of the area on the as-of day; an elder is reached by a visit recorded with
// the campaign, dated within the campaign's own dates (both days included).
void computeCampaigns(Context& ctx, VisitFigures& out)
{
    for (StoredCampaign& stored : ctx.stored.campaignsMeeting(ctx.periodFrom(), ctx.periodTo())) {
        VisitFigures::Campaign c{std::move(stored.id),   std::move(stored.name), enumLabel("campaign_kind", stored.kind),
                                 std::move(stored.target), std::move(stored.start), std::move(stored.end), {}};
        std::set<std::string> reached;
        for (std::string& elder : ctx.stored.eldersVisitedFor(c.id, c.start, c.end))
            reached.insert(std::move(elder));
        for (const ElderSnapshot& e : ctx.elders) {
            if (!e.active() || !inTarget(e, c.target))
                continue;
            ++c.covered.whole;
            c.covered.part += reached.count(e.id);
        }
        c.target = enumLabel("campaign_target", c.target);
        out.campaigns.push_back(std::move(c));
    }
}

} // namespace shouwang::report
