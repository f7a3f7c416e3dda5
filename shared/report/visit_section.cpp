// 探访: whether each elder's visits keep to the county's schedule, and how far the
// published campaigns reached their target groups.
#include "report_context.h"

#include "domain/enums.h"
#include "store/database.h"

#include <algorithm>
#include <set>

namespace shouwang::report {
namespace {

std::string label(std::string_view enumName, const std::string& code)
{
    const EnumDef* e = findEnum(enumName);
    return e ? std::string(e->label(code)) : code;
}

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
    auto st = ctx.db.prepare("SELECT count(*), count(DISTINCT elder_id) FROM visits WHERE deleted = 0 "
                             "AND date >= ? AND date <= ?" + ctx.areaClause());
    st.bind(1, ctx.periodFrom()).bind(2, ctx.periodTo()).bind(3, ctx.request.area);
    if (st.step()) {
        out.visitsInPeriod = static_cast<std::size_t>(st.integer(0));
        out.eldersVisitedInPeriod = static_cast<std::size_t>(st.integer(1));
    }
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
        const Date due = visitDue(facts, e.flags, ctx.schedule);
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
                               visitIntervalDays(e.flags, e.riskLevel, ctx.schedule)});
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
    auto st = ctx.db.prepare("SELECT id, coalesce(name, ''), coalesce(kind, ''), coalesce(target, ''), start_date, "
                             "end_date FROM campaigns WHERE deleted = 0 AND village_code = ? AND start_date <= ? "
                             "AND end_date >= ? ORDER BY start_date, name, id");
    st.bind(1, ctx.request.area.substr(0, 6)).bind(2, ctx.periodTo()).bind(3, ctx.periodFrom());
    while (st.step()) {
        VisitFigures::Campaign c{st.text(0), st.text(1), label("campaign_kind", st.text(2)), st.text(3), st.text(4),
                                 st.text(5), {}};
        std::set<std::string> reached;
        auto visits = ctx.db.prepare("SELECT DISTINCT elder_id FROM visits WHERE deleted = 0 AND campaign_id = ? "
                                     "AND date >= ? AND date <= ?" + ctx.areaClause());
        visits.bind(1, c.id).bind(2, c.start).bind(3, c.end).bind(4, ctx.request.area);
        while (visits.step())
            reached.insert(visits.text(0));
        for (const ElderSnapshot& e : ctx.elders) {
            if (!e.active() || !inTarget(e, c.target))
                continue;
            ++c.covered.whole;
            c.covered.part += reached.count(e.id);
        }
        c.target = label("campaign_target", c.target);
        out.campaigns.push_back(std::move(c));
    }
}

} // namespace shouwang::report
