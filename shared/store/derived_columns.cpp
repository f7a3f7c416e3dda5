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
#include <map>
#include <optional>

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

// What an elder's derived columns are computed from besides the elder's own record.
struct ElderSources {
    bool dibao = false, tekun = false;     // its household's, when it has a live one
    std::vector<std::string> awaySince;    // each live supporter's "away since", "" for one at home
    std::string lastVisit;                 // the latest live visit's date
    bool assessed = false;                 // it has a live assessment:
    std::string lastAssessment, riskLevel; // the latest one's date and level
};

namespace {

// The latest assessment first: by date, then by when it was saved, then by id, so that one
// elder and a page of elders pick the same of two saved alike.
std::string latestAssessmentFirst(std::string_view alias = {})
{
    const std::string a(alias);
    return a + "date DESC, " + a + "updated_at DESC, " + a + "id DESC";
}

// One elder's sources, a statement each: the path of a save or a merge.
ElderSources sourcesOf(Database& db, const Record& elder)
{
    ElderSources out;
    if (const std::string& household = elder.value(schema::elder::household_id); !household.empty()) {
        Statement& st = db.cached("SELECT dibao, tekun FROM households WHERE id = ? AND deleted = 0");
        st.bind(1, household);
        if (st.step()) {
            out.dibao = st.integer(0) != 0;
            out.tekun = st.integer(1) != 0;
        }
        st.reset();
    }
    {
        Statement& st = db.cached("SELECT away_since FROM supporters WHERE elder_id = ? AND deleted = 0");
        st.bind(1, elder.id);
        while (st.step())
            out.awaySince.push_back(st.text(0));
        st.reset();
    }
    out.lastVisit = textOf(db, "SELECT max(date) FROM visits WHERE elder_id = ? AND deleted = 0", elder.id);
    static const std::string latest = "SELECT date, level FROM risk_assessments WHERE elder_id = ? AND deleted = 0 "
                                      "ORDER BY "
        + latestAssessmentFirst() + " LIMIT 1";
    Statement& st = db.cached(latest); // every save and merge of an elder's record comes here
    st.bind(1, elder.id);
    if (st.step()) {
        out.assessed = true;
        out.lastAssessment = st.text(0);
        out.riskLevel = st.text(1);
    }
    st.reset();
    return out;
}

// The sources of every elder whose rowid lies in [first, last], by elder id, in four
// statements: the path of the daily refresh, a few round trips a page on a database server
// instead of a few an elder.
std::map<std::string, ElderSources> sourcesBetween(Database& db, std::int64_t first, std::int64_t last)
{
    std::map<std::string, ElderSources> out;
    auto each = [&](const std::string& sql, const auto& take) {
        Statement& st = db.cached(sql);
        st.bind(1, first).bind(2, last);
        while (st.step())
            take(out[st.text(0)], st);
        st.reset();
    };
    each("SELECT e.id, h.dibao, h.tekun FROM elders AS e JOIN households AS h ON h.id = e.household_id "
         "AND h.deleted = 0 WHERE e.rowid BETWEEN ? AND ?",
         [](ElderSources& s, Statement& st) {
             s.dibao = st.integer(1) != 0;
             s.tekun = st.integer(2) != 0;
         });
    each("SELECT s.elder_id, s.away_since FROM elders AS e JOIN supporters AS s ON s.elder_id = e.id "
         "AND s.deleted = 0 WHERE e.rowid BETWEEN ? AND ?",
         [](ElderSources& s, Statement& st) { s.awaySince.push_back(st.text(1)); });
    each("SELECT v.elder_id, max(v.date) FROM elders AS e JOIN visits AS v ON v.elder_id = e.id AND v.deleted = 0 "
         "WHERE e.rowid BETWEEN ? AND ? GROUP BY v.elder_id",
         [](ElderSources& s, Statement& st) { s.lastVisit = st.text(1); });
    static const std::string latest = "SELECT r.elder_id, r.date, r.level FROM elders AS e JOIN risk_assessments "
                                      "AS r ON r.elder_id = e.id AND r.deleted = 0 WHERE e.rowid BETWEEN ? AND ? "
                                      "ORDER BY r.elder_id, "
        + latestAssessmentFirst("r.");
    each(latest, [](ElderSources& s, Statement& st) {
        if (s.assessed)
            return; // an earlier row was this elder's latest
        s.assessed = true;
        s.lastAssessment = st.text(1);
        s.riskLevel = st.text(2);
    });
    return out;
}

} // namespace

void DerivedColumns::refresh(const std::string& elderId)
{
    const auto elder = loadRecord(m_db, *findEntity(schema::elder::entity), elderId);
    if (elder)
        write(*elder, sourcesOf(m_db, *elder));
}

void DerivedColumns::write(const Record& elder, const ElderSources& sources)
{
    ElderFacts facts;
    std::string sex;
    if (const IdNumberCheck id = checkIdNumber(elder.value(schema::elder::id_number)); id.ok()) {
        facts.birthDate = parseDate(id.info->birthDate);
        sex = id.info->sex;
    }
    facts.living = elder.value(schema::elder::living);
    facts.ability = elder.value(schema::elder::ability);
    facts.health = elder.value(schema::elder::health);
    facts.dementia = elder.value(schema::elder::dementia) == "1";
    facts.enteredLedger = parseDate(elder.createdAt.substr(0, 10));
    facts.hardship = hardshipFrom(sources.dibao, sources.tekun, elder.value(schema::elder::income_sources),
                                  elder.value(schema::elder::difficulties));

    // Eligibility needs every supporter away: the latest "away since" decides, and one
    // supporter at home (no date) rules it out.
    std::string awaySince;
    bool someoneHome = false;
    for (const std::string& since : sources.awaySince) {
        facts.supporters.push_back({parseDate(since)});
        if (since.empty())
            someoneHome = true;
        else if (since > awaySince)
            awaySince = since;
    }
    if (someoneHome || facts.supporters.empty())
        awaySince.clear();

    facts.lastVisit = parseDate(sources.lastVisit);
    if (sources.assessed) {
        facts.lastAssessment = parseDate(sources.lastAssessment);
        facts.riskLevel = sources.riskLevel;
    }

    const RiskStandard& rules = standard(enclosingCode(elder.villageCode, DivisionLevel::County));
    const ElderFlags flags = deriveFlags(facts, today());
    const auto bits = static_cast<std::int64_t>(elder_flag::toStored(flagBits(flags)));

    Statement& st = m_db.cached("UPDATE elders SET x_birth_date = ?, x_sex = ?, x_flags = ?, x_risk_level = ?, "
                                "x_last_visit = ?, x_visit_due = ?, x_assess_due = ?, x_away_since = ? WHERE id = ?");
    st.bind(1, facts.birthDate ? formatDate(*facts.birthDate) : std::string{}).bind(2, sex).bind(3, bits);
    st.bind(4, facts.riskLevel).bind(5, sources.lastVisit);
    st.bind(6, formatDate(visitDue(facts, flags, rules.schedule)));
    st.bind(7, formatDate(assessmentDue(facts, rules.schedule)));
    st.bind(8, awaySince).bind(9, elder.id);
    st.send();
    // Here rather than in a trigger: every path that writes an elder (save, merge, import)
    // ends in this refresh, within its transaction.
    refreshElderSearch(m_db, elder.id);
}

void DerivedColumns::refreshAll()
{
    forgetStandard();
    refreshPages(false);
}

void DerivedColumns::refreshPages(bool transactionEach)
{
    const EntityDef& entity = *findEntity(schema::elder::entity);
    Statement& page = m_db.cached("SELECT rowid, " + recordColumns(entity)
                                  + " FROM elders WHERE rowid > ? "
                                    "ORDER BY rowid LIMIT ?");
    std::int64_t after = 0;
    for (;;) {
        std::vector<Record> elders;
        std::int64_t first = 0;
        page.bind(1, after).bind(2, m_eldersPerPage);
        while (page.step()) {
            if (elders.empty())
                first = page.integer(0);
            after = page.integer(0);
            elders.push_back(recordFromRow(page, entity, 1));
        }
        page.reset();
        if (elders.empty())
            return;
        std::optional<Transaction> tx;
        if (transactionEach)
            tx.emplace(m_db);
        const std::map<std::string, ElderSources> sources = sourcesBetween(m_db, first, after);
        const ElderSources none;
        for (const Record& elder : elders) {
            const auto found = sources.find(elder.id);
            write(elder, found == sources.end() ? none : found->second);
        }
        if (tx)
            tx->commit();
    }
}

bool DerivedColumns::refreshForToday()
{
    const std::string day = formatDate(today());
    Meta meta(m_db);
    if (meta.value(meta::kDerivedDay) == day)
        return false;
    forgetStandard();
    refreshPages(true);
    meta.set(meta::kDerivedDay, day);
    return true;
}

} // namespace shouwang
