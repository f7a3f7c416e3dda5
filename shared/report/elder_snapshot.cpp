// The area's elders as the report sees them on its as-of day: one query for the elders
// and their household and supporters, one for their latest visit and one for their latest
// assessment on or before that day, so a past period is judged by what was known then.
#include "report_context.h"

#include "store/database.h"
#include "store/derived_columns.h"

#include <unordered_map>

namespace shouwang::report {
namespace {

ElderSnapshot readElder(const Statement& st)
{
    ElderSnapshot e;
    e.id = st.text(0);
    e.villageCode = st.text(1);
    e.name = st.text(2);
    e.idNumber = st.text(3);
    e.phone = st.text(4);
    e.status = st.text(5);
    e.householdId = st.text(6);
    e.birthDate = st.text(7);
    const auto bits = st.integer(8);
    e.flags.disabled = (bits & DerivedColumns::Disabled) != 0;
    e.flags.dementia = (bits & DerivedColumns::Dementia) != 0;
    e.flags.alone = (bits & DerivedColumns::Alone) != 0;
    e.flags.hardship = (bits & DerivedColumns::Hardship) != 0;
    e.createdAt = st.text(9);
    e.householdExists = st.integer(10) != 0;
    e.supporters = static_cast<int>(st.integer(11));
    return e;
}

// Age-based flags move with the calendar, so they are taken on the as-of day; the others
// are the ledger's current derived columns.
void completeFlags(ElderSnapshot& e, Date on)
{
    if (auto birth = parseDate(e.birthDate)) {
        e.flags.age = yearsBetween(*birth, on);
        e.flags.advancedAge = e.flags.age >= 80;
    }
    e.flags.keyTarget = e.flags.advancedAge || e.flags.disabled || e.flags.dementia || e.flags.alone || e.flags.hardship;
}

std::unordered_map<std::string, std::size_t> indexById(const std::vector<ElderSnapshot>& elders)
{
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < elders.size(); ++i)
        index.emplace(elders[i].id, i);
    return index;
}

} // namespace

void loadElders(Context& ctx)
{
    auto st = ctx.db.prepare(
        "SELECT e.id, e.village_code, coalesce(e.name, ''), coalesce(e.id_number, ''), coalesce(e.phone, ''), "
        "coalesce(e.status, ''), coalesce(e.household_id, ''), coalesce(e.x_birth_date, ''), e.x_flags, e.created_at, "
        "(SELECT count(*) FROM households h WHERE h.id = e.household_id AND h.deleted = 0), "
        "(SELECT count(*) FROM supporters s WHERE s.elder_id = e.id AND s.deleted = 0) "
        "FROM elders e WHERE e.deleted = 0"
        + ctx.areaClause("e.village_code") + " ORDER BY e.village_code, e.name, e.id");
    st.bind(1, ctx.request.area);
    const std::string day = formatDate(ctx.asOfDay);
    while (st.step()) {
        ElderSnapshot e = readElder(st);
        if (e.createdAt.substr(0, 10) > day)
            continue; // entered after the period: not on the ledger it describes
        completeFlags(e, ctx.asOfDay);
        ctx.elders.push_back(std::move(e));
    }
    const auto index = indexById(ctx.elders);

    auto visits = ctx.db.prepare("SELECT elder_id, max(date) FROM visits WHERE deleted = 0 AND date <= ?"
                                 + ctx.areaClause() + " GROUP BY elder_id");
    visits.bind(1, day).bind(2, ctx.request.area);
    while (visits.step()) {
        if (auto it = index.find(visits.text(0)); it != index.end())
            ctx.elders[it->second].lastVisit = visits.text(1);
    }

    // Ordered so the last row per elder is the latest assessment (ties: the later save).
    auto assessments = ctx.db.prepare(
        "SELECT elder_id, date, coalesce(level, ''), coalesce(intervention_plan, '') FROM risk_assessments "
        "WHERE deleted = 0 AND date <= ?" + ctx.areaClause() + " ORDER BY elder_id, date, updated_at");
    assessments.bind(1, day).bind(2, ctx.request.area);
    while (assessments.step()) {
        if (auto it = index.find(assessments.text(0)); it != index.end()) {
            ElderSnapshot& e = ctx.elders[it->second];
            e.lastAssessment = assessments.text(1);
            e.riskLevel = assessments.text(2);
            e.plan = assessments.text(3);
        }
    }
}

} // namespace shouwang::report
