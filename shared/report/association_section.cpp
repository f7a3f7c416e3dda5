// 老年协会活动 (二(四) 互助养老; issue 18 item 1): the group activities of the period, and how
// many of the elders on the ledger, and of the key targets, they reached.
#include "report_context.h"

#include "domain/enums.h"
#include "store/database.h"

#include <algorithm>
#include <map>
#include <set>

namespace shouwang::report {
namespace {

std::string enumLabel(std::string_view enumName, const std::string& code)
{
    const EnumDef* e = findEnum(enumName);
    return e ? std::string(e->label(code)) : code;
}

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
    auto st = ctx.db.prepare(
        "SELECT a.village_code, a.date, a.title, a.kind, a.organiser, coalesce(a.organiser_name, ''), "
        "coalesce(f.name, ''), coalesce(a.place, ''), coalesce(a.attendees, ''), coalesce(a.others_count, '') "
        "FROM association_activities a LEFT JOIN facilities f ON f.id = a.facility_id AND f.deleted = 0 "
        "WHERE a.deleted = 0 AND a.date >= ? AND a.date <= ?" + ctx.areaClause("a.village_code")
        + " ORDER BY a.village_code, a.date, a.title");
    st.bind(1, ctx.periodFrom()).bind(2, ctx.periodTo()).bind(3, ctx.request.area);
    std::set<std::string> attended;
    while (st.step()) {
        AssociationFigures::Row row;
        row.villageCode = st.text(0);
        row.date = st.text(1);
        row.title = st.text(2);
        row.kind = enumLabel("activity_kind", st.text(3));
        row.organiser = enumLabel("activity_organiser", st.text(4));
        if (!st.text(5).empty())
            row.organiser += "（" + st.text(5) + "）";
        // A facility of the ledger, else the place typed; both when both are given.
        row.place = st.text(6);
        if (!st.text(7).empty())
            row.place += (row.place.empty() ? "" : " ") + st.text(7);
        for (const std::string& id : splitIds(st.text(8))) {
            attended.insert(id);
            ++row.elders;
        }
        row.others = static_cast<std::size_t>(std::max(0, std::atoi(st.text(9).c_str())));
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
