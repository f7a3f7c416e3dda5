#include "volunteer_hours_store.h"

#include "database.h"
#include "derived_columns.h"
#include "record_table.h"
#include "village_range.h"

#include "domain/date.h"
#include "domain/schema_names.h"

#include <map>

namespace shouwang {
namespace {

std::string selectAll(const EntityDef& entity)
{
    std::string sql = "SELECT id, village_code, created_at, updated_at, deleted, field_clock";
    for (const auto& field : entity.fields)
        sql += ", " + std::string(field.name);
    return sql + " FROM " + std::string(entity.table);
}

// The entries of the volunteers under `villagePrefix`, by volunteer.
std::map<std::string, std::vector<Record>> entriesByVolunteer(Database& db, const std::string& where,
                                                              const std::vector<std::string>& params)
{
    std::map<std::string, std::vector<Record>> out;
    for (std::string_view name : {kCreditEntity, kRedemptionEntity}) {
        const EntityDef& entity = *findEntity(name);
        auto st = db.prepare(selectAll(entity) + " WHERE deleted = 0 AND " + where);
        for (std::size_t i = 0; i < params.size(); ++i)
            st.bind(static_cast<int>(i + 1), params[i]);
        while (st.step()) {
            Record r = recordFromRow(st, entity);
            out[r.value("volunteer_id")].push_back(std::move(r));
        }
    }
    return out;
}

// The county's overdraft allowance by date, read once per date.
struct Allowance {
    Database& db;
    std::map<std::string, int> byDate;

    int operator()(const std::string& date)
    {
        auto it = byDate.find(date);
        if (it == byDate.end()) {
            const auto day = parseDate(date);
            const int hours = DerivedColumns(db).standardOn(day ? *day : today()).standard.limits.overdraftHours;
            it = byDate.emplace(date, hours).first;
        }
        return it->second;
    }
};

} // namespace

HoursAccount loadHoursAccount(Database& db, const std::string& volunteerId)
{
    auto entries = entriesByVolunteer(db, "volunteer_id = ?", {volunteerId});
    Allowance allowance{db, {}};
    return deriveHoursAccount(volunteerId, std::move(entries[volunteerId]), std::ref(allowance));
}

std::vector<VolunteerAccount> loadHoursAccounts(Database& db, const std::string& villagePrefix)
{
    const std::vector<std::string> range = {villagePrefix, villageRangeEnd(villagePrefix)};
    auto entries = villagePrefix.empty() ? entriesByVolunteer(db, "1", {})
                                         : entriesByVolunteer(db, std::string(kVillageRangeClause), range);
    Allowance allowance{db, {}};
    std::vector<VolunteerAccount> out;
    std::string sql
        = "SELECT id, village_code, name, coalesce(CAST(active AS TEXT), '') FROM volunteers WHERE deleted = 0";
    if (!villagePrefix.empty())
        sql += " AND " + std::string(kVillageRangeClause);
    auto st = db.prepare(sql + " ORDER BY village_code, name, id");
    if (!villagePrefix.empty())
        st.bind(1, range[0]).bind(2, range[1]);
    while (st.step()) {
        VolunteerAccount v;
        const std::string id = st.text(0);
        v.villageCode = st.text(1);
        v.name = st.text(2);
        v.active = st.text(3) == "1";
        v.account = deriveHoursAccount(id, std::move(entries[id]), std::ref(allowance));
        out.push_back(std::move(v));
    }
    return out;
}

std::string redemptionProblem(Database& db, const Record& redemption)
{
    const HoursAccount account = loadHoursAccount(db, redemption.value(schema::volunteer_redemption::volunteer_id));
    Allowance allowance{db, {}};
    return redemptionRefusal(account, redemption, allowance(redemption.value(schema::volunteer_redemption::date)));
}

} // namespace shouwang
