// 数据: when each village was last heard from, and the conflicts waiting for a person.
#include "report_context.h"

#include "domain/divisions.h"
#include "store/change_log.h"
#include "store/conflict_queue.h"

#include <map>

namespace shouwang::report {
namespace {

using Village = DataFigures::Village;

// Every village committee of the area, and any other village that holds data or a device.
std::map<std::string, Village> seedVillages(Context& ctx)
{
    std::map<std::string, Village> villages;
    auto add = [&](const std::string& code) {
        if (levelOfCode(code) == DivisionLevel::Village && code.compare(0, ctx.request.area.size(), ctx.request.area) == 0)
            villages[code].code = code;
    };
    if (levelOfCode(ctx.request.area) == DivisionLevel::Village) {
        add(ctx.request.area);
    } else {
        for (const Division& d : allDivisions()) {
            if (d.level() == DivisionLevel::Village && d.isVillageCommittee())
                add(std::string(d.code));
        }
    }
    for (const ElderSnapshot& e : ctx.elders)
        add(e.villageCode);
    return villages;
}

void readChangeLog(Context& ctx, std::map<std::string, Village>& villages)
{
    // Received changes only: on a device its own edits say nothing about the village's link.
    for (auto& [code, loggedAt] : ChangeLog(ctx.db).lastReceivedByVillage(ctx.request.area)) {
        if (levelOfCode(code) == DivisionLevel::Village)
            villages[code].lastData = std::move(loggedAt);
    }
}

// Returns the open conflicts on the county's own reference data, which belong to no village.
std::size_t readConflicts(Context& ctx, std::map<std::string, Village>& villages)
{
    std::size_t county = 0;
    for (const auto& [code, n] : ConflictQueue(ctx.db).openCountByVillage(ctx.request.area)) {
        if (levelOfCode(code) == DivisionLevel::Village)
            villages[code].openConflicts = n;
        else
            county += n;
    }
    return county;
}

} // namespace

// Silent: never heard from, or heard from last more than `silentDays` whole days before
// today (exactly `silentDays` days is not yet silent). Heard from: a device of the village
// last seen by the server, else the latest change received from the village.
void computeData(Context& ctx, DataFigures& out)
{
    auto villages = seedVillages(ctx);
    for (const DeviceContact& device : ctx.request.devices) {
        if (device.revoked || levelOfCode(device.scopeCode) != DivisionLevel::Village || !villages.count(device.scopeCode))
            continue;
        Village& v = villages[device.scopeCode];
        ++v.devices;
        v.lastSync = std::max(v.lastSync, device.lastSeen);
    }
    readChangeLog(ctx, villages);
    out.openConflicts = readConflicts(ctx, villages);

    const Date today = *parseDate(ctx.request.now.substr(0, 10));
    for (auto& [code, v] : villages) {
        v.code = code;
        v.name = unitName(code);
        const std::string heard = v.lastSync.empty() ? v.lastData : v.lastSync;
        if (auto day = parseDate(heard.substr(0, 10)))
            v.silentDays = daysBetween(*day, today);
        v.silent = v.silentDays < 0 || v.silentDays > ctx.standardOf(code).limits.silentDays;
        UnitFigures& unit = ctx.unit(code);
        unit.silentVillages += v.silent;
        unit.openConflicts += v.openConflicts;
        out.silentVillages += v.silent;
        out.openConflicts += v.openConflicts;
        out.villages.push_back(v);
    }
}

} // namespace shouwang::report
