#include "elder_query.h"

#include "database.h"
#include "derived_columns.h"
#include "village_range.h"
#include "elder_search.h"

#include <chrono>
#include <optional>

namespace shouwang {
namespace {

// The thresholds of domain/derived.h as the stored dates are compared with them.
struct Cutoffs {
    std::string advancedAge; // born on or before: 高龄
    std::string oldAge;      // born on or before: old enough for the 留守 hint
    std::string away;        // away since on or before: long enough for the 留守 hint
    std::string healthAge;   // born on or before: old enough for 65+ health management

    explicit Cutoffs(Date on)
        : advancedAge(formatDate(bornBy(on, kAdvancedAge)))
        , oldAge(formatDate(bornBy(on, kOldAge)))
        , away(formatDate(monthsBefore(on, kAwayMonths)))
        , healthAge(formatDate(bornBy(on, kHealthManagementAge)))
    {
    }
};

// A lasting flag's test of x_flags.
std::string storedFlagClause(elder_flag::Bit flag)
{
    return "(x_flags & " + std::to_string(elder_flag::toStored(flag)) + ") != 0";
}

struct Sql {
    std::string where;
    std::vector<std::string> params;

    void add(std::string clause, std::vector<std::string> values = {})
    {
        where += " AND " + std::move(clause);
        for (auto& v : values)
            params.push_back(std::move(v));
    }
};

// 重点帮扶对象 (isKeyTarget): any lasting flag stored, or 高龄.
constexpr auto kKeyTarget = "(x_flags != 0 OR x_birth_date <= ?)";
static_assert(elder_flag::toStored(elder_flag::kLasting) == 0xF && elder_flag::toStored(elder_flag::AdvancedAge) == 0,
              "x_flags holds the lasting flags and only those, so x_flags != 0 means one of them");
constexpr auto kNotDeleted = " WHERE deleted = 0";

// Up to this many elders found by the search are fetched by rowid and sorted. When more
// match, walking elders_list in order with instr() reaches the page's end sooner (at
// 2,000 of 100,000, after some 25,000 entries), and the count scans the narrow index.
constexpr std::size_t kFewMatches = 2000;

using Rowids = std::optional<std::vector<std::int64_t>>;

// The elders the text search finds when they are few; nothing when the filter has no
// text or it finds many (docs/performance.md, scenario 4).
Rowids fewMatches(Database& db, const ElderFilter& f)
{
    if (f.text.empty() || !elderSearchServes(f.text))
        return std::nullopt;
    return fewEldersMatching(db, f.text, kFewMatches);
}

// `sorted`: for a page sorted by a column (ElderFilter::sortColumn). Its village range is
// then tested on each row (the unary +) rather than looked up in an index: the scope holds
// nearly every elder of its ledger, and SQLite, taking the range, read every one of them and
// sorted them (sort by visit due through the ledger page: 118 ms at 100,000 elders), where
// the sort column's own index, walked in order, stops at the page's end.
Sql buildWhere(const ElderFilter& f, Date on, const Rowids& matches, Database::Dialect dialect, bool sorted = false)
{
    Sql sql;
    sql.where = kNotDeleted;
    const Cutoffs cutoffs(on);
    if (!f.villagePrefix.empty())
        sql.add(sorted ? villageRangeOnEachRow(true) : std::string(kVillageRangeClause),
                {f.villagePrefix, villageRangeEnd(f.villagePrefix)});
    if (!f.householdId.empty())
        sql.add("household_id = ?", {f.householdId});
    if (matches) {
        sql.add(rowidsIn(dialect), {rowidList(*matches)});
    } else if (!f.text.empty()) {
        // instr() rather than LIKE: what people type (%, _, quotes) is matched literally.
        sql.add("(instr(name, ?) > 0 OR instr(id_number, ?) > 0 OR instr(coalesce(phone, ''), ?) > 0)",
                {f.text, f.text, f.text});
    }
    if (!f.status.empty())
        sql.add("status = ?", {f.status});
    if (f.flags & ElderFilter::AdvancedAge)
        sql.add("x_birth_date <= ?", {cutoffs.advancedAge});
    for (elder_flag::Bit lasting : {ElderFilter::Disabled, ElderFilter::Dementia, ElderFilter::Alone, ElderFilter::Hardship}) {
        if (f.flags & lasting)
            sql.add(storedFlagClause(lasting));
    }
    if (f.flags & ElderFilter::KeyTarget)
        sql.add(kKeyTarget, {cutoffs.advancedAge});
    if (f.flags & ElderFilter::Eligible)
        sql.add("x_birth_date <= ? AND x_away_since != '' AND x_away_since <= ?", {cutoffs.oldAge, cutoffs.away});
    if (f.programme == "health_65")
        sql.add("health_mgmt_65 = '1'");
    else if (f.programme == "health_65_missing")
        // A comparison with the column itself, so its integer affinity applies to '1'.
        sql.add("x_birth_date <= ? AND (health_mgmt_65 IS NULL OR health_mgmt_65 != '1')", {cutoffs.healthAge});
    else if (f.programme == "registered_poor" || f.programme == "dibao" || f.programme == "tekun")
        sql.add("household_id IN (SELECT id FROM households WHERE deleted = 0 AND " + f.programme + " = '1')");
    // The unary + (risk level, visit due) keeps SQLite off the one-column indexes for these
    // filters: many elders match them, and a row fetched per index entry cost 1.3 s at
    // 100,000 elders where a walk of elders_list costs 50 ms (docs/performance.md). It is
    // SQLite's alone: PostgreSQL plans on its own.
    const std::string unindexed = dialect == Database::Dialect::Sqlite ? "+" : "";
    if (f.riskLevel == "none")
        sql.add("coalesce(x_risk_level, '') = ''");
    else if (!f.riskLevel.empty())
        sql.add(unindexed + "x_risk_level = ?", {f.riskLevel});
    if (f.overdue)
        sql.add(unindexed + "x_visit_due < ? AND status = 'active'", {formatDate(on)});
    if (f.dueBy)
        sql.add(unindexed + "x_visit_due <= ? AND status = 'active'", {formatDate(f.dueDate)});
    return sql;
}

// True when the filter is a text search with nothing beside it but a status and a place,
// which elders_search holds too.
bool onlyText(const ElderFilter& f, Date on)
{
    ElderFilter rest = f;
    rest.text.clear();
    rest.status.clear();
    rest.villagePrefix.clear();
    return !f.text.empty()
        && buildWhere(rest, on, std::nullopt, Database::Dialect::Sqlite).where
        == kNotDeleted; // (no rowids: either dialect)
}

// The ledger's own order, which elders_list serves.
constexpr std::string_view kListOrder = " ORDER BY village_code, name, id";

std::string orderBy(const ElderFilter& f)
{
    static const char* const kSortable[] = {"name", "id_number", "phone", "village_code", "status", "living",
                                            "x_risk_level", "x_last_visit", "x_visit_due", "x_birth_date", "x_sex"};
    static const std::pair<const char*, const char*> kAliases[] = {
        {"riskLevel", "x_risk_level"}, {"lastVisit", "x_last_visit"}, {"visitDue", "x_visit_due"},
        {"birthDate", "x_birth_date"}, {"sex", "x_sex"},            {"idNumber", "id_number"},
        {"villageCode", "village_code"}, {"age", "x_birth_date"},
    };
    std::string column;
    for (const auto& [alias, real] : kAliases) {
        if (f.sortColumn == alias)
            column = real;
    }
    for (const char* name : kSortable) {
        if (f.sortColumn == name)
            column = name;
    }
    if (column.empty())
        return std::string(kListOrder);
    // Age sorts opposite to birth date.
    const bool descending = f.sortColumn == "age" ? !f.descending : f.descending;
    return " ORDER BY " + column + (descending ? " DESC" : "") + ", id";
}

} // namespace

namespace {

// The SELECT of `columns` for `filter`, its parameters appended to `params`.
std::string selectElders(Database& db, std::string_view columns, const ElderFilter& filter, Date on,
                         std::vector<std::string>& params)
{
    const std::string order = orderBy(filter);
    // Tested on each row for a sorted page: SQLite's planner wants telling, PostgreSQL's not.
    Sql sql = buildWhere(filter, on, fewMatches(db, filter), db.dialect(),
                         order != kListOrder && db.dialect() == Database::Dialect::Sqlite);
    std::string text = "SELECT " + std::string(columns) + " FROM elders" + sql.where + order;
    if (filter.limit)
        text += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
    for (auto& p : sql.params)
        params.push_back(std::move(p));
    return text;
}

} // namespace

std::string elderPageQuery(Database& db, const ElderFilter& filter, Date on, std::vector<std::string>& params)
{
    return selectElders(db,
                        "id, village_code, coalesce(household_id, ''), name, id_number, coalesce(phone, ''), "
                        "coalesce(x_sex, ''), coalesce(x_birth_date, ''), coalesce(living, ''), status, "
                        "coalesce(x_risk_level, ''), coalesce(x_last_visit, ''), coalesce(x_visit_due, ''), "
                        "coalesce(x_assess_due, ''), x_flags, coalesce(x_away_since, '')",
                        filter, on, params);
}

std::string elderNamesQuery(Database& db, const ElderFilter& filter, Date on, std::vector<std::string>& params)
{
    return selectElders(db, "id, village_code, name", filter, on, params);
}

std::vector<ElderName> findElderNames(Database& db, const ElderFilter& filter, Date on)
{
    std::vector<std::string> params;
    auto st = db.prepare(elderNamesQuery(db, filter, on, params));
    for (std::size_t i = 0; i < params.size(); ++i)
        st.bind(static_cast<int>(i + 1), params[i]);
    std::vector<ElderName> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
}

std::vector<ElderRow> findElders(Database& db, const ElderFilter& filter, Date on)
{
    std::vector<std::string> params;
    auto st = db.prepare(elderPageQuery(db, filter, on, params));
    for (std::size_t i = 0; i < params.size(); ++i)
        st.bind(static_cast<int>(i + 1), params[i]);

    const Cutoffs cutoffs(on);
    std::vector<ElderRow> rows;
    while (st.step()) {
        ElderRow r;
        r.id = st.text(0);
        r.villageCode = st.text(1);
        r.householdId = st.text(2);
        r.name = st.text(3);
        r.idNumber = st.text(4);
        r.phone = st.text(5);
        r.sex = st.text(6);
        r.birthDate = st.text(7);
        r.living = st.text(8);
        r.status = st.text(9);
        r.riskLevel = st.text(10);
        r.lastVisit = st.text(11);
        r.visitDue = st.text(12);
        r.assessmentDue = st.text(13);
        const auto bits = static_cast<std::uint32_t>(st.integer(14));
        const std::string away = st.text(15);
        if (auto birth = parseDate(r.birthDate))
            r.age = yearsBetween(*birth, on);
        ElderFlags flags = flagsFromStored(bits, r.age);
        flags.eligible = r.age >= kOldAge && !away.empty() && away <= cutoffs.away;
        r.flags = flagBits(flags);
        rows.push_back(std::move(r));
    }
    return rows;
}

std::size_t countElders(Database& db, const ElderFilter& filter, Date on)
{
    const Rowids matches = fewMatches(db, filter);
    if (onlyText(filter, on) && elderSearchServes(filter.text)) {
        if (!matches)
            return countEldersMatching(db, filter.text, filter.status, filter.villagePrefix);
        if (filter.status.empty() && filter.villagePrefix.empty())
            return matches->size();
    }
    const Sql sql = buildWhere(filter, on, matches, db.dialect());
    auto st = db.prepare("SELECT count(*) FROM elders" + sql.where);
    for (std::size_t i = 0; i < sql.params.size(); ++i)
        st.bind(static_cast<int>(i + 1), sql.params[i]);
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

} // namespace shouwang
