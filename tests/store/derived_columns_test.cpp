// A county standard or visit schedule dated in the future takes effect on its date: the
// standard in force is the one with the latest effective_from on or before the day asked,
// and once the day turns every elder's derived columns are computed again by it.
#include "ledger_fixture.h"

#include "domain/date.h"
#include "domain/idcard.h"
#include "domain/risk_rule.h"
#include "store/elder_query.h"
#include "store/meta.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

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

namespace {

// Every elder's derived columns as stored, by id.
std::map<std::string, std::vector<std::string>> derivedColumns(Database& db)
{
    auto st = db.prepare("SELECT id, x_birth_date, x_sex, x_flags, x_risk_level, x_last_visit, x_visit_due, "
                         "x_assess_due, x_away_since FROM elders");
    std::map<std::string, std::vector<std::string>> out;
    while (st.step()) {
        auto& row = out[st.text(0)];
        for (int i = 1; i < 9; ++i)
            row.push_back(st.isNull(i) ? "NULL" : st.text(i));
    }
    return out;
}

} // namespace

TEST_CASE("the refresh of every elder, page by page, computes what each elder's own refresh does")
{
    LedgerFixture f;
    auto household = [&](const char* flag) {
        Record h;
        h.entity = "household";
        h.villageCode = kVillage;
        h.set("head_name", "户主");
        h.set("address", "一组");
        h.set(flag, "1");
        return f.saved(h);
    };
    const Record dibao = household("dibao");
    const Record tekun = household("tekun");
    const Record gone = household("dibao");
    REQUIRE(f.ledger.remove("household", gone.id, "测试员").ok());
    auto child = [&](const char* entity, const Record& elder, std::map<std::string, std::string> values) {
        Record r;
        r.entity = entity;
        r.set("elder_id", elder.id);
        for (const auto& [field, value] : values)
            r.set(field, value);
        return f.saved(r);
    };
    // Twelve elders over three pages of five, each fed by a different mix of sources.
    std::vector<Record> elders;
    const char* livings[] = {"alone", "spouse", "alone", "grandchildren"};
    for (int i = 0; i < 12; ++i) {
        const std::string first17 = "50015419" + std::to_string(40 + i) + "0101" + "00" + std::to_string(i % 10);
        Record e = f.elder("老人" + std::to_string(i), first17 + idCheckDigit(first17), livings[i % 4]);
        const Record* homes[] = {nullptr, &dibao, &tekun, &gone};
        if (const Record* h = homes[i % 4])
            e.set("household_id", h->id);
        elders.push_back(f.saved(e));
    }
    child("supporter", elders[0], {{"name", "子女"}, {"relation", "son"}, {"away_since", "2023-01-01"}});
    child("supporter", elders[1], {{"name", "子女"}, {"relation", "son"}, {"away_since", "2022-05-01"}});
    child("supporter", elders[1], {{"name", "子女"}, {"relation", "daughter"}, {"away_since", "2024-03-01"}});
    child("supporter", elders[2], {{"name", "子女"}, {"relation", "son"}, {"away_since", "2021-01-01"}});
    child("supporter", elders[2], {{"name", "子女"}, {"relation", "daughter"}}); // at home
    child("supporter", elders[7], {{"name", "子女"}, {"relation", "son"}, {"away_since", "2020-01-01"}});
    const std::map<std::string, std::string> visit{{"mode", "home"}, {"visitor", "李主任"}, {"finding", "normal"}};
    auto visitOn = [&](const Record& elder, int ago) {
        auto values = visit;
        values["date"] = dayOffset(-ago);
        return child("visit", elder, values);
    };
    visitOn(elders[0], 40);
    visitOn(elders[0], 3);
    visitOn(elders[5], 10);
    const Record undone = visitOn(elders[6], 1);
    REQUIRE(f.ledger.remove("visit", undone.id, "测试员").ok());
    visitOn(elders[11], 100);
    auto assess = [&](const Record& elder, int ago, const char* level) {
        return child("risk_assessment", elder, {{"date", dayOffset(-ago)}, {"assessor", "李主任"}, {"level", level}});
    };
    assess(elders[0], 30, "low");
    assess(elders[0], 2, "high");
    assess(elders[4], 20, "medium");
    assess(elders[10], 5, "high");
    assess(elders[10], 60, "low");

    DerivedColumns derived(*f.db, 5);
    for (const Record& e : elders)
        derived.refresh(e.id);
    const auto oneByOne = derivedColumns(*f.db);
    REQUIRE(oneByOne.size() == elders.size());
    // Not vacuous: the sources show in the columns.
    CHECK(oneByOne.at(elders[0].id)[3] == "high");
    CHECK(oneByOne.at(elders[0].id)[4] == dayOffset(-3));
    CHECK(oneByOne.at(elders[1].id)[7] == "2024-03-01");
    CHECK(oneByOne.at(elders[10].id)[3] == "high");

    f.db->exec("UPDATE elders SET x_birth_date = NULL, x_sex = NULL, x_flags = 0, x_risk_level = NULL, "
               "x_last_visit = NULL, x_visit_due = NULL, x_assess_due = NULL, x_away_since = NULL");
    derived.refreshAll();
    CHECK(derivedColumns(*f.db) == oneByOne);

    f.db->exec("UPDATE elders SET x_risk_level = NULL, x_visit_due = NULL");
    f.ledger.meta().set(meta::kDerivedDay, dayOffset(-1));
    CHECK(derived.refreshForToday());
    CHECK(derivedColumns(*f.db) == oneByOne);
}
