// 服务设施使用: per 互助幸福院, day-care centre or other facility of the area, the elders
// who use it (elder facility_id) and the services recorded there in the period.
#include "report_context.h"

#include "domain/enums.h"
#include "store/database.h"

namespace shouwang::report {

void computeFacilities(Context& ctx, FacilityFigures& out)
{
    const EnumDef* types = findEnum("facility_type");
    for (const Record& f : loadAreaRecords(ctx, "facility"))
        out.facilities.push_back({f.id, f.value("name"), std::string(types->label(f.value("type"))), f.villageCode});
    auto find = [&out](const std::string& id) -> FacilityFigures::Facility* {
        for (auto& f : out.facilities) {
            if (f.id == id)
                return &f;
        }
        return nullptr;
    };
    auto users = ctx.db.prepare("SELECT id, coalesce(facility_id, '') FROM elders WHERE deleted = 0" + ctx.areaClause());
    users.bind(1, ctx.request.area);
    std::map<std::string, std::string> facilityOf;
    while (users.step())
        facilityOf.emplace(users.text(0), users.text(1));
    for (const ElderSnapshot& e : ctx.elders) {
        const auto it = facilityOf.find(e.id);
        if (e.active() && it != facilityOf.end())
            if (auto* f = find(it->second))
                ++f->elders;
    }
    auto services = ctx.db.prepare("SELECT facility_id, count(*), count(DISTINCT elder_id) FROM service_records "
                                   "WHERE deleted = 0 AND coalesce(facility_id, '') != '' AND date >= ? AND date <= ?"
                                   + ctx.areaClause() + " GROUP BY facility_id");
    services.bind(1, ctx.periodFrom()).bind(2, ctx.periodTo()).bind(3, ctx.request.area);
    while (services.step()) {
        if (auto* f = find(services.text(0))) {
            f->services = static_cast<std::size_t>(services.integer(1));
            f->eldersServed = static_cast<std::size_t>(services.integer(2));
        }
    }
}

} // namespace shouwang::report
