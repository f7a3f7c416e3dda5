#include "derived_columns.h"

#include "database.h"
#include "elder_search.h"
#include "meta.h"
#include "record_table.h"

#include "domain/date.h"
#include "domain/derived.h"
#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

#include <algorithm>

namespace shouwang {
namespace {

constexpr const char* kColumns[][2] = {
    {"x_birth_date", "TEXT"}, {"x_sex", "TEXT"},        {"x_flags", "INTEGER NOT NULL DEFAULT 0"},
    {"x_risk_level", "TEXT"}, {"x_last_visit", "TEXT"}, {"x_visit_due", "TEXT"},
    {"x_assess_due", "TEXT"}, {"x_away_since", "TEXT"},
};

bool hasColumn(Database& db, std::string_view column)
{
    auto st = db.prepare("SELECT 1 FROM pragma_table_info('elders') WHERE name = ?");
    st.bind(1, column);
    return st.step();
}

std::string textOf(Database& db, std::string_view sql, std::string_view id)
{
    Statement& st = db.cached(sql);
    st.bind(1, id);
    std::string out = st.step() ? st.text(0) : std::string{};
    st.reset();
    return out;
}

} // namespace

void addDerivedColumns(Database& db)
{
    for (const auto& [name, type] : kColumns) {
        if (!hasColumn(db, name))
            db.exec(std::string("ALTER TABLE elders ADD COLUMN ") + name + " " + type);
    }
    db.exec("CREATE INDEX IF NOT EXISTS elders_visit_due ON elders(x_visit_due)");
    db.exec("CREATE INDEX IF NOT EXISTS elders_risk ON elders(x_risk_level)");
    addElderListIndex(db);
    addElderSearch(db);
}

void addElderListIndex(Database& db)
{
    // The ledger's list in its default order with every column a filter or search reads
    // (elder_query.cpp): a page walks it in order and stops after 500 matches, and a count
    // scans it instead of the 60-column table, 5x fewer pages (docs/performance.md).
    db.exec("CREATE INDEX IF NOT EXISTS elders_list ON elders(village_code, name, id, deleted, status, x_flags, "
            "x_birth_date, x_away_since, x_risk_level, x_visit_due, id_number, phone)");
}

std::vector<std::string> DerivedColumns::affectedElders(const Record& record)
{
    if (record.entity == schema::elder::entity)
        return {record.id};
    if (record.entity == schema::household::entity) {
        std::vector<std::string> ids;
        Statement& st = m_db.cached("SELECT id FROM elders WHERE household_id = ?");
        st.bind(1, record.id);
        while (st.step())
            ids.push_back(st.text(0));
        st.reset();
        return ids;
    }
    if (record.entity == schema::supporter::entity || record.entity == schema::visit::entity
        || record.entity == schema::risk_assessment::entity) {
        const std::string& elder = record.value("elder_id"); // a field the three share
        return elder.empty() ? std::vector<std::string>{} : std::vector<std::string>{elder};
    }
    return {};
}

DerivedColumns::StandardInForce DerivedColumns::standardOn(Date day, std::string_view county)
{
    Statement& st
        = m_db.cached("SELECT id FROM risk_rules WHERE deleted = 0 AND effective_from <= ?1 "
                      "AND (?2 = '' OR village_code = ?2) ORDER BY effective_from DESC, updated_at DESC LIMIT 1");
    st.bind(1, formatDate(day)).bindText(2, county);
    const std::string id = st.step() ? st.text(0) : std::string{};
    st.reset();
    if (!id.empty()) {
        if (auto rule = loadRecord(m_db, *findEntity(schema::risk_rule::entity), id)) {
            if (auto standard = riskStandardFrom(*rule))
                return {id, std::move(*standard)};
        }
    }
    return {{}, defaultRiskStandard()};
}

const RiskStandard& DerivedColumns::standard(std::string_view county)
{
    // Cached for the day only: a standard dated tomorrow is in force from tomorrow.
    const Date day = today();
    if (m_standardDay != day) {
        m_standards.clear();
        m_standardDay = day;
    }
    auto it = m_standards.find(county);
    if (it == m_standards.end())
        it = m_standards.emplace(std::string(county), standardOn(day, county).standard).first;
    return it->second;
}

const RiskStandard& StandardsOn::of(std::string_view code)
{
    const std::string_view county = enclosingCode(code, DivisionLevel::County);
    auto it = m_byCounty.find(county);
    if (it == m_byCounty.end())
        it = m_byCounty.emplace(std::string(county), m_derived.standardOn(m_day, county).standard).first;
    return it->second;
}

void DerivedColumns::refresh(const std::string& elderId)
{
    const auto elder = loadRecord(m_db, *findEntity(schema::elder::entity), elderId);
    if (!elder)
        return;

    ElderFacts facts;
    std::string sex;
    if (const IdNumberCheck id = checkIdNumber(elder->value(schema::elder::id_number)); id.ok()) {
        facts.birthDate = parseDate(id.info->birthDate);
        sex = id.info->sex;
    }
    facts.living = elder->value(schema::elder::living);
    facts.ability = elder->value(schema::elder::ability);
    facts.health = elder->value(schema::elder::health);
    facts.dementia = elder->value(schema::elder::dementia) == "1";
    facts.enteredLedger = parseDate(elder->createdAt.substr(0, 10));

    bool dibao = false, tekun = false;
    if (const std::string& household = elder->value(schema::elder::household_id); !household.empty()) {
        Statement& st = m_db.cached("SELECT dibao, tekun FROM households WHERE id = ? AND deleted = 0");
        st.bind(1, household);
        if (st.step()) {
            dibao = st.integer(0) != 0;
            tekun = st.integer(1) != 0;
        }
        st.reset();
    }
    facts.hardship = hardshipFrom(dibao, tekun, elder->value(schema::elder::income_sources),
                                  elder->value(schema::elder::difficulties));

    // Eligibility needs every supporter away: the latest "away since" decides, and one
    // supporter at home (no date) rules it out.
    std::string awaySince;
    {
        Statement& st = m_db.cached("SELECT away_since FROM supporters WHERE elder_id = ? AND deleted = 0");
        st.bind(1, elderId);
        bool someoneHome = false;
        while (st.step()) {
            const std::string since = st.text(0);
            facts.supporters.push_back({parseDate(since)});
            if (since.empty())
                someoneHome = true;
            else if (since > awaySince)
                awaySince = since;
        }
        st.reset();
        if (someoneHome || facts.supporters.empty())
            awaySince.clear();
    }

    const std::string lastVisit
        = textOf(m_db, "SELECT max(date) FROM visits WHERE elder_id = ? AND deleted = 0", elderId);
    facts.lastVisit = parseDate(lastVisit);
    {
        Statement& st = m_db.cached("SELECT date, level FROM risk_assessments WHERE elder_id = ? AND deleted = 0 "
                                    "ORDER BY date DESC, updated_at DESC LIMIT 1");
        st.bind(1, elderId);
        if (st.step()) {
            facts.lastAssessment = parseDate(st.text(0));
            facts.riskLevel = st.text(1);
        }
        st.reset();
    }

    const RiskStandard& rules = standard(enclosingCode(elder->villageCode, DivisionLevel::County));
    const ElderFlags flags = deriveFlags(facts, today());
    const auto bits = static_cast<std::int64_t>(elder_flag::toStored(flagBits(flags)));

    Statement& st = m_db.cached("UPDATE elders SET x_birth_date = ?, x_sex = ?, x_flags = ?, x_risk_level = ?, "
                                "x_last_visit = ?, x_visit_due = ?, x_assess_due = ?, x_away_since = ? WHERE id = ?");
    st.bind(1, facts.birthDate ? formatDate(*facts.birthDate) : std::string{}).bind(2, sex).bind(3, bits);
    st.bind(4, facts.riskLevel).bind(5, lastVisit);
    st.bind(6, formatDate(visitDue(facts, flags, rules.schedule)));
    st.bind(7, formatDate(assessmentDue(facts, rules.schedule)));
    st.bind(8, awaySince).bind(9, elderId);
    st.send();
    // Here rather than in a trigger: every path that writes an elder (save, merge, import)
    // ends in this refresh, within its transaction.
    refreshElderSearch(m_db, elderId);
}

namespace {

std::vector<std::string> allElderIds(Database& db)
{
    std::vector<std::string> ids;
    auto st = db.prepare("SELECT id FROM elders");
    while (st.step())
        ids.push_back(st.text(0));
    return ids;
}

} // namespace

void DerivedColumns::refreshAll()
{
    forgetStandard();
    for (const auto& id : allElderIds(m_db))
        refresh(id);
}

bool DerivedColumns::refreshForToday()
{
    constexpr std::size_t kEldersPerTransaction = 2000;
    const std::string day = formatDate(today());
    Meta meta(m_db);
    if (meta.value(meta::kDerivedDay) == day)
        return false;
    forgetStandard();
    const std::vector<std::string> ids = allElderIds(m_db);
    for (std::size_t from = 0; from < ids.size(); from += kEldersPerTransaction) {
        Transaction tx(m_db);
        for (std::size_t i = from; i < std::min(ids.size(), from + kEldersPerTransaction); ++i)
            refresh(ids[i]);
        tx.commit();
    }
    meta.set(meta::kDerivedDay, day);
    return true;
}

} // namespace shouwang
