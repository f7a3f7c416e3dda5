// The report's queries for the policy's further duties (docs/supervision.md §6–§13):
// association activities, facilities in use, programmes, and whole records for the
// sections that apply the domain's rules to them.
#include "report_queries.h"

#include "database.h"
#include "record_table.h"

#include "domain/schema.h"

namespace shouwang {

std::vector<Record> ReportQueries::records(std::string_view entityName)
{
    const EntityDef& entity = *findEntity(entityName);
    std::string sql = "SELECT id, village_code";
    for (const FieldDef& f : entity.fields)
        sql += ", " + fieldText(f, f.name);
    sql += " FROM " + std::string(entity.table) + " WHERE deleted = 0" + area() + " ORDER BY village_code, id";
    auto st = m_db.prepare(sql);
    st.bind(1, m_area);
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

std::map<std::string, std::string> ReportQueries::fieldById(std::string_view entityName, std::string_view field)
{
    const EntityDef& entity = *findEntity(entityName);
    const FieldDef* def = entity.field(field);
    if (!def)
        return {};
    auto st = m_db.prepare("SELECT id, " + fieldText(*def, field) + " FROM " + std::string(entity.table)
                           + " WHERE deleted = 0" + area());
    st.bind(1, m_area);
    std::map<std::string, std::string> out;
    while (st.step())
        out.emplace(st.text(0), st.text(1));
    return out;
}

std::set<std::string> ReportQueries::eldersWithSupporters()
{
    auto st = m_db.prepare(std::string(kEldersWithSupportersQuery));
    std::set<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

std::vector<StoredActivity> ReportQueries::activitiesBetween(std::string_view from, std::string_view to)
{
    auto st
        = m_db.prepare("SELECT a.village_code, a.date, a.title, a.kind, a.organiser, coalesce(a.organiser_name, ''), "
                       "coalesce(f.name, ''), coalesce(a.place, ''), coalesce(a.attendees, ''), "
                       "coalesce(CAST(a.others_count AS TEXT), '') "
                       "FROM association_activities a LEFT JOIN facilities f ON f.id = a.facility_id AND f.deleted = 0 "
                       "WHERE a.deleted = 0 AND a.date >= ? AND a.date <= ?"
                       + area("a.village_code") + " ORDER BY a.village_code, a.date, a.title");
    st.bind(1, from).bind(2, to).bind(3, m_area);
    std::vector<StoredActivity> out;
    while (st.step()) {
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7),
                       st.text(8), st.text(9)});
    }
    return out;
}

std::vector<StoredFacilityUse> ReportQueries::servicesByFacility(std::string_view from, std::string_view to)
{
    auto st = m_db.prepare("SELECT facility_id, count(*), count(DISTINCT elder_id) FROM service_records "
                           "WHERE deleted = 0 AND coalesce(facility_id, '') != '' AND date >= ? AND date <= ?"
                           + area() + " GROUP BY facility_id");
    st.bind(1, from).bind(2, to).bind(3, m_area);
    std::vector<StoredFacilityUse> out;
    while (st.step())
        out.push_back({st.text(0), static_cast<std::size_t>(st.integer(1)), static_cast<std::size_t>(st.integer(2))});
    return out;
}

std::map<std::string, std::pair<std::string, std::string>> ReportQueries::latestNoticesUpTo(std::string_view day)
{
    auto st = m_db.prepare("SELECT elder_id, date, coalesce(follow_up_date, '') FROM duty_notices WHERE deleted = 0 "
                           "AND date <= ?" + area() + " ORDER BY elder_id, date, updated_at");
    st.bind(1, day).bind(2, m_area);
    std::map<std::string, std::pair<std::string, std::string>> latest;
    while (st.step())
        latest[st.text(0)] = {st.text(1), st.text(2)};
    return latest;
}

std::vector<StoredProgrammes> ReportQueries::programmes()
{
    auto st = m_db.prepare(
        "SELECT e.id, coalesce(CAST(e.health_mgmt_65 AS TEXT), ''), coalesce(CAST(h.registered_poor AS TEXT), ''), "
        "coalesce(CAST(h.dibao AS TEXT), ''), coalesce(CAST(h.tekun AS TEXT), '') FROM elders e LEFT JOIN households h "
        "ON h.id = e.household_id AND h.deleted = 0 "
        "WHERE e.deleted = 0"
        + area("e.village_code"));
    st.bind(1, m_area);
    std::vector<StoredProgrammes> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1) == "1", st.text(2) == "1", st.text(3) == "1", st.text(4) == "1"});
    return out;
}

} // namespace shouwang
