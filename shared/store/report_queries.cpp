#include "report_queries.h"

#include "database.h"
#include "record_table.h"

#include "domain/divisions.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

namespace shouwang {
namespace {

std::size_t size(const Statement& st, int column)
{
    return static_cast<std::size_t>(st.integer(column));
}

} // namespace

ReportQueries::ReportQueries(Database& db, std::string area)
    : m_db(db)
    , m_area(std::move(area))
{
}

// Bound last in every query, so each statement's own parameters keep their numbers.
std::string ReportQueries::area(const char* column) const
{
    return std::string(" AND substr(") + column + ", 1, " + std::to_string(m_area.size()) + ") = ?";
}

std::vector<StoredElder> ReportQueries::elders()
{
    auto st = m_db.prepare(
        "SELECT e.id, e.village_code, coalesce(e.name, ''), coalesce(e.id_number, ''), coalesce(e.phone, ''), "
        "coalesce(e.status, ''), coalesce(e.household_id, ''), coalesce(e.x_birth_date, ''), e.x_flags, e.created_at, "
        "(SELECT count(*) FROM households h WHERE h.id = e.household_id AND h.deleted = 0), "
        "(SELECT count(*) FROM supporters s WHERE s.elder_id = e.id AND s.deleted = 0) "
        "FROM elders e WHERE e.deleted = 0"
        + area("e.village_code") + " ORDER BY e.village_code, e.name, e.id");
    st.bind(1, m_area);
    std::vector<StoredElder> out;
    while (st.step()) {
        StoredElder e;
        e.id = st.text(0);
        e.villageCode = st.text(1);
        e.name = st.text(2);
        e.idNumber = st.text(3);
        e.phone = st.text(4);
        e.status = st.text(5);
        e.householdId = st.text(6);
        e.birthDate = st.text(7);
        e.storedFlags = static_cast<std::uint32_t>(st.integer(8));
        e.createdAt = timeOfRow(st, 9);
        e.householdExists = st.integer(10) != 0;
        e.supporters = static_cast<int>(st.integer(11));
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> ReportQueries::lastVisits(std::string_view day)
{
    auto st = m_db.prepare("SELECT elder_id, max(date) FROM visits WHERE deleted = 0 AND date <= ?" + area()
                           + " GROUP BY elder_id");
    st.bind(1, day).bind(2, m_area);
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step())
        out.emplace_back(st.text(0), st.text(1));
    return out;
}

std::vector<StoredAssessment> ReportQueries::assessmentsUpTo(std::string_view day)
{
    auto st = m_db.prepare(
        "SELECT elder_id, date, coalesce(level, ''), coalesce(intervention_plan, '') FROM risk_assessments "
        "WHERE deleted = 0 AND date <= ?" + area() + " ORDER BY elder_id, date, updated_at");
    st.bind(1, day).bind(2, m_area);
    std::vector<StoredAssessment> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
    return out;
}

std::vector<ElderIdHolder> ReportQueries::sharedIdNumbers()
{
    auto st = m_db.prepare(
        "SELECT id, village_code, coalesce(name, ''), id_number, coalesce(status, '') FROM elders "
        "WHERE deleted = 0 AND id_number IN (SELECT id_number FROM elders WHERE deleted = 0 AND id_number != ''"
        + area() + " GROUP BY id_number) "
        "AND id_number IN (SELECT id_number FROM elders WHERE deleted = 0 GROUP BY id_number HAVING count(*) > 1) "
        "ORDER BY id_number, village_code, created_at, id");
    st.bind(1, m_area);
    std::vector<ElderIdHolder> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    return out;
}

std::vector<std::pair<Record, std::string>> ReportQueries::incidents(std::span<const FieldName> fields)
{
    std::string sql = "SELECT i.id, i.village_code, coalesce(e.name, '')";
    const EntityDef& incident = *findEntity(schema::incident::entity);
    for (const FieldName field : fields)
        sql += ", " + fieldText(*incident.field(field.name), "i." + std::string(field.name));
    sql += " FROM incidents i LEFT JOIN elders e ON e.id = i.elder_id WHERE i.deleted = 0" + area("i.village_code")
        + " ORDER BY i.village_code, i.id";
    auto st = m_db.prepare(sql);
    st.bind(1, m_area);
    std::vector<std::pair<Record, std::string>> out;
    while (st.step()) {
        Record r;
        r.entity = schema::incident::entity;
        r.id = st.text(0);
        r.villageCode = st.text(1);
        for (std::size_t i = 0; i < fields.size(); ++i)
            r.set(fields[i], st.text(3 + static_cast<int>(i)));
        out.emplace_back(std::move(r), st.text(2));
    }
    return out;
}

std::pair<std::size_t, std::size_t> ReportQueries::visitsBetween(std::string_view from, std::string_view to)
{
    auto st = m_db.prepare("SELECT count(*), count(DISTINCT elder_id) FROM visits WHERE deleted = 0 "
                           "AND date >= ? AND date <= ?" + area());
    st.bind(1, from).bind(2, to).bind(3, m_area);
    if (!st.step())
        return {0, 0};
    return {size(st, 0), size(st, 1)};
}

std::vector<StoredCampaign> ReportQueries::campaignsMeeting(std::string_view from, std::string_view to)
{
    auto st = m_db.prepare("SELECT id, coalesce(name, ''), coalesce(kind, ''), coalesce(target, ''), start_date, "
                           "end_date FROM campaigns WHERE deleted = 0 AND village_code = ? AND start_date <= ? "
                           "AND end_date >= ? ORDER BY start_date, name, id");
    st.bind(1, enclosingCode(m_area, DivisionLevel::County)).bind(2, to).bind(3, from);
    std::vector<StoredCampaign> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
}

std::vector<std::string> ReportQueries::eldersVisitedFor(std::string_view campaignId, std::string_view from,
                                                         std::string_view to)
{
    auto st = m_db.prepare("SELECT DISTINCT elder_id FROM visits WHERE deleted = 0 AND campaign_id = ? "
                           "AND date >= ? AND date <= ?" + area());
    st.bind(1, campaignId).bind(2, from).bind(3, to).bind(4, m_area);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

ByVillage<std::size_t> ReportQueries::servicesBetween(std::string_view from, std::string_view to)
{
    auto st = m_db.prepare("SELECT village_code, count(*) FROM service_records WHERE deleted = 0 AND date >= ? "
                           "AND date <= ?" + area() + " GROUP BY village_code");
    st.bind(1, from).bind(2, to).bind(3, m_area);
    ByVillage<std::size_t> out;
    while (st.step())
        out.emplace_back(st.text(0), size(st, 1));
    return out;
}

std::size_t ReportQueries::eldersServedBetween(std::string_view from, std::string_view to)
{
    auto st = m_db.prepare("SELECT count(DISTINCT elder_id) FROM service_records WHERE deleted = 0 "
                           "AND date >= ? AND date <= ?" + area());
    st.bind(1, from).bind(2, to).bind(3, m_area);
    return st.step() ? size(st, 0) : 0;
}

// In force on the day (?1): started by then and not yet ended.
constexpr const char* kInForce = "start_date <= ?1 AND (coalesce(end_date, '') = '' OR end_date >= ?1)";

std::size_t ReportQueries::count(const std::string& table, const std::string& condition, std::string_view day)
{
    auto st = m_db.prepare("SELECT count(*) FROM " + table + " WHERE deleted = 0 AND " + condition + area());
    int i = 1;
    if (!day.empty())
        st.bind(i++, day);
    st.bind(i, m_area);
    return st.step() ? size(st, 0) : 0;
}

std::size_t ReportQueries::activeVolunteers()
{
    return count("volunteers", "active = 1");
}

std::size_t ReportQueries::pairingsInForce(std::string_view day)
{
    return count("pairings", kInForce, day);
}

std::size_t ReportQueries::careAgreements()
{
    return count("care_agreements", "1 = 1");
}

std::size_t ReportQueries::careAgreementsInForce(std::string_view day)
{
    return count("care_agreements", kInForce, day);
}

} // namespace shouwang
