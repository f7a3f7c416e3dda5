#pragma once

#include "domain/date.h"
#include "domain/record.h"
#include "domain/risk_rule.h"
#include "domain/schema_names.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shouwang {

class Database;
struct ElderSources;

// The elders table carries columns that are derived, never typed and never synced
// (x_*: birth date and sex from the ID number, flags, risk level, last visit, due dates),
// so that the ledger can filter 100,000 elders with plain indexed SQL. Every replica
// recomputes them from the synced data, with the one set of rules in domain/derived.h.
void addDerivedColumns(Database& db);
// The covering index of the elder list; made at every open, so older files gain it.
void addElderListIndex(Database& db);

class DerivedColumns {
public:
    // x_flags holds the lasting flags (elder_flag::toStored in domain/derived.h). Age-based
    // flags are not stored: they change with the calendar and are asked of x_birth_date.

    // `eldersPerPage`: how many elders refreshAll and refreshForToday compute at once (their
    // records and sources held in memory, read in a few statements a page).
    explicit DerivedColumns(Database& db, std::int64_t eldersPerPage = 2000)
        : m_db(db)
        , m_eldersPerPage(eldersPerPage)
    {
    }

    // Elders whose derived columns a write of `record` can change. With changesStandard(),
    // the one list of which entities feed the derived columns.
    std::vector<std::string> affectedElders(const Record& record);
    // A write of this entity can change the standard every elder is judged by: refreshAll().
    static bool changesStandard(std::string_view entity) { return entity == schema::risk_rule::entity; }
    void refresh(const std::string& elderId);
    // After a change of the county's standard, or once a day (dates move on).
    void refreshAll();
    // Once a day: when the columns were last computed for every elder on another day than
    // today (Meta kDerivedDay), computes them again, so a standard or visit schedule dated
    // today takes effect and ages move on. In transactions of a few thousand elders, so a
    // county ledger is not locked for long. True when it refreshed.
    bool refreshForToday();

    // A standard with the risk_rule record it was read from ("" for the built-in default).
    struct StandardInForce {
        std::string ruleId;
        RiskStandard standard;
    };
    // The standard in force on `day`: the non-deleted risk_rule with the latest
    // effective_from on or before it, or the default. With `county`, that county's own:
    // the city's database holds every county's standard, and each judges its own elders.
    StandardInForce standardOn(Date day, std::string_view county = {});
    // The standard in force today (kept until the day changes or forgetStandard()).
    const RiskStandard& standard(std::string_view county = {});
    void forgetStandard() { m_standards.clear(); }

private:
    // The columns of `elder` computed from its sources and written (sent ahead), with its
    // search text.
    void write(const Record& elder, const ElderSources& sources);
    // Every elder, a page at a time in rowid order, each page's sources read in four
    // statements (not four an elder); with `transactionEach`, a transaction a page.
    void refreshPages(bool transactionEach);

    Database& m_db;
    std::int64_t m_eldersPerPage;
    std::map<std::string, RiskStandard, std::less<>> m_standards; // by county ("" for any)
    Date m_standardDay{};
};

// Each county's standard in force on one day, read once per county: a pass over records of
// several counties (the city's supervision report) judges each by its own county's.
class StandardsOn {
public:
    StandardsOn(Database& db, Date day)
        : m_derived(db)
        , m_day(day)
    {
    }
    // The standard of the county of `code` (a village's, or any code within a county).
    const RiskStandard& of(std::string_view code);

private:
    DerivedColumns m_derived;
    Date m_day;
    std::map<std::string, RiskStandard, std::less<>> m_byCounty;
};

} // namespace shouwang
