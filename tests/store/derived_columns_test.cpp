// A county standard or visit schedule dated in the future takes effect on its date: the
// standard in force is the one with the latest effective_from on or before the day asked,
// and once the day turns every elder's derived columns are computed again by it.
#include "ledger_fixture.h"

#include "domain/date.h"
#include "domain/risk_rule.h"
#include "store/elder_query.h"
#include "store/meta.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::string dayOffset(int days)
{
    return formatDate(today() + std::chrono::days(days));
}

Record standardFrom(const std::string& effectiveFrom, int keyTargetDays, const std::string& county = "500154")
{
    RiskStandard standard = defaultRiskStandard();
    standard.name = "标准" + effectiveFrom;
    standard.schedule.keyTargetDays = keyTargetDays;
    Record rule = riskRuleRecord(standard);
    rule.villageCode = county;
    rule.set("effective_from", effectiveFrom);
    return rule;
}

std::string visitDue(Database& db, const std::string& elderId)
{
    for (const ElderRow& row : findElders(db, {}, today())) {
        if (row.id == elderId)
            return row.visitDue;
    }
    return "?";
}

} // namespace

TEST_CASE("the standard in force on a day is the latest effective on or before it, never a future one")
{
    LedgerFixture f;
    const Record old = f.saved(standardFrom("2020-01-01", 15));
    const Record future = f.saved(standardFrom(dayOffset(30), 5));
    DerivedColumns& derived = f.ledger.derived();
    CHECK(derived.standardOn(today()).ruleId == old.id);
    CHECK(derived.standardOn(today()).standard.schedule.keyTargetDays == 15);
    CHECK(derived.standard().schedule.keyTargetDays == 15);
    CHECK(derived.standardOn(today() + std::chrono::days(30)).ruleId == future.id);
    CHECK(derived.standardOn(*parseDate("2019-12-31")).ruleId.empty()); // the built-in default
}

TEST_CASE("a schedule dated in the future changes the visit due dates on its day, once", "[sqlite]")
{
    LedgerFixture f;
    const Record elder = f.saved(f.elder("独居乙", "500154195001010020", "alone")); // a key target
    Record visit;
    visit.entity = "visit";
    visit.set("elder_id", elder.id);
    visit.set("date", dayOffset(-10));
    visit.set("mode", "home");
    visit.set("visitor", "李主任");
    visit.set("finding", "normal");
    f.saved(visit);
    f.saved(standardFrom("2020-01-01", 15));
    Record tomorrow = f.saved(standardFrom(dayOffset(1), 3));
    CHECK(visitDue(*f.db, elder.id) == dayOffset(5)); // the standard of today: every 15 days

    // The day turns: the standard published for it is now in force, and the columns were
    // last computed yesterday.
    f.db->exec("UPDATE risk_rules SET effective_from = '" + dayOffset(0) + "' WHERE id = key_of_id('" + tomorrow.id
               + "')");
    f.ledger.meta().set(meta::kDerivedDay, dayOffset(-1));
    CHECK(f.ledger.derived().refreshForToday());
    CHECK(visitDue(*f.db, elder.id) == dayOffset(-7)); // every 3 days: overdue now
    CHECK(f.ledger.meta().value(meta::kDerivedDay) == dayOffset(0));
    CHECK_FALSE(f.ledger.derived().refreshForToday()); // once a day
}

TEST_CASE("on the city's database each county's elders are judged by their own county's standard")
{
    LedgerFixture f;
    Record elsewhere = f.elder("独居丙", "500155195001010035", "alone");
    elsewhere.villageCode = "500155001001"; // 梁平区
    const Record elders[] = {f.saved(f.elder("独居乙", "500154195001010020", "alone")), f.saved(elsewhere)};
    for (const Record& elder : elders) {
        Record visit;
        visit.entity = "visit";
        visit.set("elder_id", elder.id);
        visit.set("date", dayOffset(-10));
        visit.set("mode", "home");
        visit.set("visitor", "李主任");
        visit.set("finding", "normal");
        f.saved(visit);
    }
    // 梁平区's standard is the newer: judged by it, 开州区's key targets would be overdue.
    f.saved(standardFrom("2020-01-01", 15, "500154"));
    f.saved(standardFrom("2021-01-01", 3, "500155"));
    f.ledger.derived().refreshAll();
    CHECK(visitDue(*f.db, elders[0].id) == dayOffset(5));  // 开州区: every 15 days
    CHECK(visitDue(*f.db, elders[1].id) == dayOffset(-7)); // 梁平区: every 3 days
    CHECK(f.ledger.derived().standardOn(today(), "500154").standard.schedule.keyTargetDays == 15);
    CHECK(f.ledger.derived().standardOn(today(), "500101").ruleId.empty()); // 万州区 published none
}
