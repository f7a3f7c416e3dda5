// 底数: who is on the ledger, which records lack what the county needs to act on them, and
// the same ID number held by two records.
#include "report_context.h"

#include "domain/enums.h"

#include <map>

namespace shouwang::report {
namespace {

// The fields a record can be saved without but that the county needs: a phone to call, a
// supporter to urge, a household to visit, a risk assessment to plan by. (Name, ID number,
// living arrangement and status are refused at save when empty, so they cannot be missing.)
std::vector<std::string> missingOf(const ElderSnapshot& e)
{
    std::vector<std::string> missing;
    if (e.phone.empty())
        missing.emplace_back("联系电话");
    if (e.householdId.empty() || !e.householdExists)
        missing.emplace_back("所属家庭");
    if (e.supporters == 0)
        missing.emplace_back("赡养人");
    if (e.lastAssessment.empty())
        missing.emplace_back("风险评估");
    return missing;
}

} // namespace

void computeBase(Context& ctx, BaseFigures& out)
{
    std::size_t advanced = 0, disabled = 0, dementia = 0, alone = 0, hardship = 0, key = 0;
    std::map<std::string, std::size_t> statuses;
    for (const ElderSnapshot& e : ctx.elders) {
        ++statuses[e.status];
        if (!e.active())
            continue;
        UnitFigures& unit = ctx.unit(e.villageCode);
        ++out.active;
        ++unit.active;
        advanced += e.flags.advancedAge;
        disabled += e.flags.disabled;
        dementia += e.flags.dementia;
        alone += e.flags.alone;
        hardship += e.flags.hardship;
        key += e.flags.keyTarget;
        unit.keyTargets += e.flags.keyTarget;
        if (auto missing = missingOf(e); !missing.empty()) {
            ++unit.incomplete;
            out.incomplete.push_back({ctx.ref(e), std::move(missing)});
        }
    }
    out.byFlag = {{"高龄", advanced},       {"失能", disabled}, {"失智", dementia},
                  {"独居", alone},          {"生活困难", hardship}, {"重点帮扶对象", key}};
    if (const EnumDef* status = findEnum("elder_status")) {
        for (const EnumOption& option : status->options)
            out.byStatus.emplace_back(std::string(option.zh), statuses[std::string(option.code)]);
    }
}

// An ID number held by an elder of the area and by any other live elder record of the
// ledger, in whatever village: a person who moved and was entered again, or typed twice.
void computeDuplicates(Context& ctx, BaseFigures& out)
{
    std::string previous; // grouped by the number itself: two masked numbers may look alike
    for (ElderIdHolder& holder : ctx.stored.sharedIdNumbers()) {
        const std::string shown = ctx.maskId(holder.idNumber);
        if (out.duplicates.empty() || holder.idNumber != previous)
            out.duplicates.push_back({shown, {}});
        previous = holder.idNumber;
        ElderRef ref{std::move(holder.id), std::move(holder.villageCode), std::move(holder.name), shown};
        out.duplicates.back().records.push_back({std::move(ref), std::move(holder.status)});
    }
}

} // namespace shouwang::report
