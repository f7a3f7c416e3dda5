// The area's elders as the report sees them on its as-of day: one query for the elders
// and their household and supporters, one for their latest visit and one for their latest
// assessment on or before that day, so a past period is judged by what was known then.
#include "report_context.h"

#include <unordered_map>

namespace shouwang::report {
namespace {

// Age-based flags move with the calendar, so they are taken on the as-of day; the others
// are the ledger's current derived columns.
ElderSnapshot snapshotOf(StoredElder&& stored, Date on)
{
    ElderSnapshot e;
    e.id = std::move(stored.id);
    e.villageCode = std::move(stored.villageCode);
    e.name = std::move(stored.name);
    e.idNumber = std::move(stored.idNumber);
    e.phone = std::move(stored.phone);
    e.status = std::move(stored.status);
    e.householdId = std::move(stored.householdId);
    e.birthDate = std::move(stored.birthDate);
    const auto birth = parseDate(e.birthDate);
    e.flags = flagsFromStored(stored.storedFlags, birth ? yearsBetween(*birth, on) : -1);
    e.createdAt = std::move(stored.createdAt);
    e.householdExists = stored.householdExists;
    e.supporters = stored.supporters;
    return e;
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
    const std::string day = formatDate(ctx.asOfDay);
    for (StoredElder& stored : ctx.stored.elders()) {
        if (stored.createdAt.substr(0, 10) > day)
            continue; // entered after the period: not on the ledger it describes
        ctx.elders.push_back(snapshotOf(std::move(stored), ctx.asOfDay));
    }
    const auto index = indexById(ctx.elders);

    for (const auto& [elderId, date] : ctx.stored.lastVisits(day)) {
        if (auto it = index.find(elderId); it != index.end())
            ctx.elders[it->second].lastVisit = date;
    }

    // Ordered so the last row per elder is the latest assessment (ties: the later save).
    for (StoredAssessment& assessment : ctx.stored.assessmentsUpTo(day)) {
        if (auto it = index.find(assessment.elderId); it != index.end()) {
            ElderSnapshot& e = ctx.elders[it->second];
            e.lastAssessment = std::move(assessment.date);
            e.riskLevel = std::move(assessment.level);
            e.plan = std::move(assessment.plan);
        }
    }
}

} // namespace shouwang::report
