// Every record of one entity in the report's area, with all its fields, for the sections
// that judge whole records by the domain's rules (referral workflow, duty notices).
#include "report_context.h"

#include "domain/schema.h"
#include "store/database.h"

namespace shouwang::report {

std::vector<Record> loadAreaRecords(Context& ctx, std::string_view entityName)
{
    const EntityDef& entity = *findEntity(entityName);
    std::string sql = "SELECT id, village_code";
    for (const FieldDef& f : entity.fields)
        sql += ", coalesce(" + std::string(f.name) + ", '')";
    sql += " FROM " + std::string(entity.table) + " WHERE deleted = 0" + ctx.areaClause() + " ORDER BY village_code, id";
    auto st = ctx.db.prepare(sql);
    st.bind(1, ctx.request.area);
    std::vector<Record> out;
    while (st.step()) {
        Record r;
        r.entity = std::string(entity.name);
        r.id = st.text(0);
        r.villageCode = st.text(1);
        int column = 2;
        for (const FieldDef& f : entity.fields) {
            if (std::string value = st.text(column++); !value.empty())
                r.set(f.name, std::move(value));
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::map<std::string, std::string> elderNames(Context& ctx)
{
    // Every elder of the area, also one entered after the period: a record of the period
    // may name them (the ledger was completed later).
    auto st = ctx.db.prepare("SELECT id, coalesce(name, '') FROM elders WHERE deleted = 0" + ctx.areaClause());
    st.bind(1, ctx.request.area);
    std::map<std::string, std::string> names;
    while (st.step())
        names.emplace(st.text(0), st.text(1));
    return names;
}

} // namespace shouwang::report
