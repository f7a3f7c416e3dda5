#include "report_context.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "store/derived_columns.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace shouwang {

std::string Ratio::percent() const
{
    if (whole == 0)
        return "—";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

namespace report {
namespace {

// The level of an area's units: the counties of the city, the townships of a county, the
// villages of a township (a village is its own one unit).
DivisionLevel unitLevel(std::string_view area)
{
    if (area == kCityCode)
        return DivisionLevel::County;
    return levelOfCode(area) == DivisionLevel::County ? DivisionLevel::Township : DivisionLevel::Village;
}

// Whether a village committee lies in the unit with this code (or is it).
bool holdsVillageCommittee(const Division& unit)
{
    if (unit.level() == DivisionLevel::Village)
        return unit.isVillageCommittee();
    const auto children = childDivisions(unit.code);
    return std::any_of(children.begin(), children.end(), [](const Division* c) { return holdsVillageCommittee(*c); });
}

// Units with a village committee in them: the policy is about rural villages, so a
// street of urban communities only appears once it holds data.
void seedUnits(Context& ctx)
{
    const std::string& area = ctx.request.area;
    if (levelOfCode(area) == DivisionLevel::Village) {
        ctx.unit(area);
        return;
    }
    for (const Division* child : area == kCityCode ? counties() : childDivisions(area)) {
        if (holdsVillageCommittee(*child))
            ctx.unit(std::string(child->code) + std::string(codeDigits(DivisionLevel::Village) - child->code.size(), '0'));
    }
}

void add(Ratio& into, const Ratio& r)
{
    into.part += r.part;
    into.whole += r.whole;
}

UnitFigures totalOf(const std::vector<UnitFigures>& units)
{
    // The counts of the units add up into the total's; the two ratios add part and whole.
    constexpr std::size_t UnitFigures::*kCounts[] = {
        &UnitFigures::active,           &UnitFigures::keyTargets,          &UnitFigures::incomplete,
        &UnitFigures::overdue,          &UnitFigures::highRiskWithoutPlan, &UnitFigures::reportedInPeriod,
        &UnitFigures::openIncidents,    &UnitFigures::lateIncidents,       &UnitFigures::servicesGiven,
        &UnitFigures::openConflicts,    &UnitFigures::silentVillages,      &UnitFigures::activities,
        &UnitFigures::volunteersGiving,
    };
    constexpr int UnitFigures::*kHours[] = {&UnitFigures::hoursGiven, &UnitFigures::hoursRedeemed};
    UnitFigures t;
    for (const UnitFigures& u : units) {
        for (const auto count : kCounts)
            t.*count += u.*count;
        for (const auto hours : kHours)
            t.*hours += u.*hours;
        add(t.onSchedule, u.onSchedule);
        add(t.assessed, u.assessed);
    }
    return t;
}

} // namespace

Context::Context(Database& database, const ReportRequest& req)
    : db(database)
    , request(req)
    , stored(database, req.area)
{
    if (request.now.empty())
        request.now = nowDateTime();
    const std::string endOfPeriod = formatDate(request.to) + "T23:59:59";
    asOf = std::min(endOfPeriod, request.now);
    asOfDay = *parseDate(asOf.substr(0, 10));
    m_published.emplace(db, asOfDay);
    const CountyStandard area = standardOf(request.area);
    schedule = area.schedule;
    limits = area.limits;
}

CountyStandard Context::standardOf(std::string_view code) const
{
    const RiskStandard& published = m_published->of(code);
    CountyStandard judged{published.schedule, published.limits};
    judged.limits.acknowledgeHours = request.acknowledgeHours.value_or(judged.limits.acknowledgeHours);
    judged.limits.closeDays = request.closeDays.value_or(judged.limits.closeDays);
    judged.limits.silentDays = request.silentDays.value_or(judged.limits.silentDays);
    return judged;
}

UnitFigures& Context::unit(const std::string& villageCode)
{
    const std::string code(enclosingCode(villageCode, unitLevel(request.area)));
    auto [it, fresh] = units.try_emplace(code);
    if (fresh) {
        it->second.code = code;
        it->second.name = unitName(code);
    }
    return it->second;
}

std::string Context::maskId(const std::string& idNumber) const
{
    return request.revealPersonalData ? idNumber : maskIdNumber(idNumber);
}

ElderRef Context::ref(const ElderSnapshot& elder) const
{
    return {elder.id, elder.villageCode, elder.name, maskId(elder.idNumber)};
}

std::string unitName(const std::string& code)
{
    const Division* d = findDivision(code);
    if (!d)
        return code;
    return d->level() == DivisionLevel::Village ? shortVillageName(d->name) : std::string(d->name);
}

int daysBetween(Date a, Date b)
{
    return static_cast<int>((b - a).count());
}

} // namespace report

std::string limitLabel(const SupervisionReport& report, int value, bool overridden, const std::string& unit)
{
    if (report.request.area == kCityCode && !overridden)
        return "时限按各区县标准";
    return "时限 " + std::to_string(value) + " " + unit;
}

std::string reportRequestProblem(const ReportRequest& request)
{
    if (request.area != kCityCode && !findDivision(request.area))
        return "未知的区域代码：" + request.area + "（应为全市代码 50、6位区县、9位乡镇或12位村代码）";
    if (request.from > request.to)
        return "统计期间的开始日期晚于结束日期";
    if (request.acknowledgeHours.value_or(1) <= 0 || request.closeDays.value_or(1) <= 0
        || request.silentDays.value_or(0) < 0)
        return "时限应为正数";
    if (!request.now.empty() && !parseDateTime(request.now))
        return "当前时间格式应为 年-月-日T时:分:秒";
    return {};
}

SupervisionReport computeSupervision(Database& db, const ReportRequest& request)
{
    if (const std::string problem = reportRequestProblem(request); !problem.empty())
        throw std::invalid_argument(problem);
    report::Context ctx(db, request);
    report::seedUnits(ctx);
    report::loadElders(ctx);

    SupervisionReport out;
    report::computeBase(ctx, out.base);
    report::computeDuplicates(ctx, out.base);
    report::computeVisits(ctx, out.visits);
    report::computeCampaigns(ctx, out.visits);
    report::computeRisk(ctx, out.risk);
    report::computeIncidents(ctx, out.incidents);
    report::computeServices(ctx, out.services);
    report::computeAssociation(ctx, out.association);
    report::computeVolunteerHours(ctx, out.volunteerHours);
    report::computeData(ctx, out.data);
    report::computeReferrals(ctx, out.referrals);
    report::computeFamilyDuty(ctx, out.familyDuty);
    report::computeHealth(ctx, out.health);
    report::computeFacilities(ctx, out.facilities);

    out.request = ctx.request;
    out.limits = ctx.limits;
    out.areaName = request.area == kCityCode ? std::string(kCityName) : divisionPath(request.area);
    out.asOf = ctx.asOf;
    for (auto& [code, unit] : ctx.units)
        out.units.push_back(unit);
    out.total = report::totalOf(out.units);
    out.total.code = request.area;
    out.total.name = "合计";
    return out;
}

} // namespace shouwang
