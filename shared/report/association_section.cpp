// 老年协会活动 (二(四) 互助养老; issue 18 item 1): the group activities of the period, and how
// many of the elders on the ledger, and of the key targets, they reached.
#include "report_context.h"

#include "domain/enums.h"

#include <algorithm>
#include <map>
#include <set>

namespace shouwang::report {
namespace {

std::vector<std::string> splitIds(const std::string& list)
{
    std::vector<std::string> ids;
    std::size_t from = 0;
    while (from <= list.size()) {
        const auto comma = list.find(',', from);
        const std::string id = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        if (!id.empty())
            ids.push_back(id);
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    return ids;
}

} // namespace

void computeAssociation(Context& ctx, AssociationFigures& out)
{
    std::set<std::string> attended;
    for (const StoredActivity& a : ctx.stored.activitiesBetween(ctx.periodFrom(), ctx.periodTo())) {
        AssociationFigures::Row row;
        row.villageCode = a.villageCode;
        row.date = a.date;
        row.title = a.title;
        row.kind = enumLabel("activity_kind", a.kind);
        row.organiser = enumLabel("activity_organiser", a.organiser);
        if (!a.organiserName.empty())
            row.organiser += "（" + a.organiserName + "）";
        // A facility of the ledger, else the place typed; both when both are given.
        row.place = a.facilityName;
        if (!a.place.empty())
            row.place += (row.place.empty() ? "" : " ") + a.place;
        for (const std::string& id : splitIds(a.attendees)) {
            attended.insert(id);
            ++row.elders;
        }
        row.others = static_cast<std::size_t>(std::max(0, std::atoi(a.othersCount.c_str())));
        ++out.activities;
        out.attendances += row.elders;
        out.otherParticipants += row.others;
        ++ctx.unit(row.villageCode).activities;
        out.list.push_back(std::move(row));
    }
    for (const ElderSnapshot& e : ctx.elders) {
        if (!e.active())
            continue;
        const bool reached = attended.count(e.id) > 0;
        ++out.eldersReached.whole;
        out.eldersReached.part += reached;
        if (e.flags.keyTarget) {
            ++out.keyTargetsReached.whole;
            out.keyTargetsReached.part += reached;
        }
    }
}

} // namespace shouwang::report
