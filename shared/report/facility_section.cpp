// 服务设施使用: per 互助幸福院, day-care centre or other facility of the area, the elders
// who use it (elder facility_id) and the services recorded there in the period.
#include "report_context.h"

#include "domain/enums.h"
#include "domain/schema_names.h"

namespace shouwang::report {

void computeFacilities(Context& ctx, FacilityFigures& out)
{
    const EnumDef* types = findEnum("facility_type");
    for (const Record& f : loadAreaRecords(ctx, "facility"))
        out.facilities.push_back({f.id, f.value(schema::facility::name),
                                  std::string(types->label(f.value(schema::facility::type))), f.villageCode});
    auto find = [&out](const std::string& id) -> FacilityFigures::Facility* {
        for (auto& f : out.facilities) {
            if (f.id == id)
                return &f;
        }
        return nullptr;
    };
    const std::map<std::string, std::string> facilityOf
        = ctx.stored.fieldById(schema::elder::entity, schema::elder::facility_id);
    for (const ElderSnapshot& e : ctx.elders) {
        const auto it = facilityOf.find(e.id);
        if (e.active() && it != facilityOf.end())
            if (auto* f = find(it->second))
                ++f->elders;
    }
    for (const StoredFacilityUse& use : ctx.stored.servicesByFacility(ctx.periodFrom(), ctx.periodTo())) {
        if (auto* f = find(use.facilityId)) {
            f->services = use.services;
            f->eldersServed = use.elders;
        }
    }
}

} // namespace shouwang::report
