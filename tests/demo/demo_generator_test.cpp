#include "demo/demo_generator.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/referral_workflow.h"
#include "domain/risk_rule.h"
#include "store/ledger.h"

#include "../support/temp_ledger.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <tuple>

using namespace shouwang;
using shouwang::test::TempLedger;

namespace {

// 开州区: the county with the most village committees (423) in the real data.
constexpr std::string_view kCounty = "500154";

const Date kToday = *parseDate("2024-06-15");

std::string firstTownshipWithVillages(std::string_view county)
{
    for (const Division* township : childDivisions(county)) {
        const auto villages = childDivisions(township->code);
        const auto committees = std::count_if(villages.begin(), villages.end(),
                                              [](const Division* v) { return v->isVillageCommittee(); });
        if (committees >= 3)
            return std::string(township->code);
    }
    return {};
}

std::string firstVillageCommittee(std::string_view county)
{
    for (const Division* township : childDivisions(county)) {
        for (const Division* village : childDivisions(township->code)) {
            if (village->isVillageCommittee())
                return std::string(village->code);
        }
    }
    return {};
}

DemoOptions smallDemo(std::string scope, std::size_t elders = 40, int visits = 4)
{
    DemoOptions options;
    options.scopeCode = std::move(scope);
    options.elders = elders;
    options.visitsPerElder = visits;
    options.today = kToday;
    return options;
}

// What a demo says, without the ids and clocks the device makes: elders by ID number with
// their values, and every visit as its elder's ID number and its own values.
std::multiset<std::string> contentOf(Ledger& ledger)
{
    std::map<std::string, std::string> idNumberOf;
    std::multiset<std::string> content;
    for (const Record& elder : ledger.list("elder")) {
        idNumberOf[elder.id] = elder.value("id_number");
        std::string line = elder.villageCode;
        for (const auto& [field, value] : elder.values) {
            if (field != "household_id" && field != "facility_id") // record ids: the device's own
                line += "|" + field + "=" + value;
        }
        content.insert(line);
    }
    for (const Record& visit : ledger.list("visit")) {
        std::string line = "visit " + idNumberOf[visit.value("elder_id")];
        for (const auto& [field, value] : visit.values) {
            if (field != "elder_id" && field != "campaign_id")
                line += "|" + field + "=" + value;
        }
        content.insert(line);
    }
    for (const Record& supporter : ledger.list("supporter"))
        content.insert("supporter " + idNumberOf[supporter.value("elder_id")] + "|" + supporter.value("name") + "|"
                       + supporter.value("away_since"));
    return content;
}

} // namespace

TEST_CASE("the same seed gives the same demo people, ID numbers, visits and supporters")
{
    const std::string village = firstVillageCommittee(kCounty);
    TempLedger a, b, c;
    DemoOptions options = smallDemo(village, 30, 3);
    generateDemo(a.ledger(), options);
    generateDemo(b.ledger(), options);
    options.seed = 2;
    generateDemo(c.ledger(), options);
    const auto first = contentOf(a.ledger());
    CHECK(first == contentOf(b.ledger()));
    CHECK(first != contentOf(c.ledger()));
}

TEST_CASE("every demo elder has a valid ID number of the village's county and is 60 to 100 years old")
{
    TempLedger temp;
    DemoOptions options = smallDemo(std::string(kCounty), 300, 1);
    options.villages = 6;
    generateDemo(temp.ledger(), options);
    const auto elders = temp.ledger().list("elder");
    REQUIRE(elders.size() == 300);
    for (const Record& elder : elders) {
        const std::string& id = elder.value("id_number");
        const IdNumberCheck check = checkIdNumber(id, kToday);
        INFO(elder.value("name") << " " << id);
        REQUIRE(check.ok());
        CHECK(id.substr(0, 6) == elder.villageCode.substr(0, 6));
        CHECK(id[17] == idCheckDigit(id.substr(0, 17)));
        const int age = yearsBetween(*parseDate(check.info->birthDate), kToday);
        CHECK(age >= 60);
        CHECK(age <= 100);
        CHECK(check.info->sex == ((id[16] - '0') % 2 == 1 ? "male" : "female"));
        if (elder.has("phone")) {
            const std::string& phone = elder.value("phone");
            CHECK(phone.size() == 11);
            CHECK((phone.starts_with("13") || phone.starts_with("15") || phone.starts_with("18")));
        }
    }
    std::set<std::string> distinct;
    for (const Record& elder : elders)
        distinct.insert(elder.value("id_number"));
    CHECK(distinct.size() == elders.size());
}

TEST_CASE("the demo's counts match the options and what the ledger holds")
{
    TempLedger temp;
    DemoOptions options = smallDemo(std::string(kCounty), 90, 5);
    options.villages = 4;
    const DemoSummary summary = generateDemo(temp.ledger(), options);
    Ledger& ledger = temp.ledger();
    CHECK(summary.villages == 4);
    CHECK(summary.elders == 90);
    CHECK(summary.visits == 90 * 5);
    CHECK(ledger.count("elder") == summary.elders);
    CHECK(ledger.count("visit") == summary.visits);
    CHECK(ledger.count("household") == summary.households);
    CHECK(ledger.count("supporter") == summary.supporters);
    CHECK(ledger.count("risk_assessment") == summary.assessments);
    CHECK(ledger.count("incident") == summary.incidents);
    CHECK(ledger.count("volunteer") == summary.volunteers);
    CHECK(ledger.count("liaison") == summary.liaisons);
    CHECK(ledger.count("pairing") == summary.pairings);
    CHECK(ledger.count("facility") == summary.facilities);
    CHECK(summary.households < summary.elders); // couples share a household
    CHECK(summary.supporters >= summary.elders);
    CHECK(summary.supporters <= 3 * summary.elders);
    CHECK(summary.assessments > summary.elders / 2);
    CHECK(summary.incidents >= 4); // at least one per village
    CHECK(summary.pairings >= 1);

    std::set<std::string> villages;
    for (const Record& elder : ledger.list("elder"))
        villages.insert(elder.villageCode);
    CHECK(villages.size() == 4);
}

TEST_CASE("every demo record is in the outbox, so a demo syncs like typed data")
{
    TempLedger temp;
    const DemoSummary summary = generateDemo(temp.ledger(), smallDemo(firstVillageCommittee(kCounty), 25, 3));
    CHECK(summary.records > 25 * 4);
    CHECK(temp.ledger().changeLog().pendingCount() == summary.records);
}

TEST_CASE("a township demo fills only that township's village committees, with real codes")
{
    const std::string township = firstTownshipWithVillages(kCounty);
    REQUIRE(!township.empty());
    TempLedger temp;
    generateDemo(temp.ledger(), smallDemo(township, 60, 1));
    for (const Record& elder : temp.ledger().list("elder")) {
        const Division* village = findDivision(elder.villageCode);
        REQUIRE(village);
        CHECK(village->isVillageCommittee());
        CHECK(elder.villageCode.starts_with(township));
    }
}

TEST_CASE("a county demo publishes the catalogue, campaigns and risk standard under the county code")
{
    TempLedger temp;
    DemoOptions options = smallDemo(std::string(kCounty), 20, 30);
    options.villages = 2;
    const DemoSummary summary = generateDemo(temp.ledger(), options);
    Ledger& ledger = temp.ledger();
    CHECK(summary.referenceRecords == ledger.count("service_item") + ledger.count("campaign") + ledger.count("risk_rule")
                                          + ledger.count("township_contact"));
    CHECK(ledger.count("township_contact") > 0);
    const auto rules = ledger.list("risk_rule");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].villageCode == kCounty);
    CHECK(riskRuleProblem(rules[0]).empty());
    CHECK(rules[0].has("effective_from"));
    for (const Record& item : ledger.list("service_item"))
        CHECK(item.villageCode == kCounty);
    CHECK(ledger.count("campaign") == 2);
    // A year of 30 visits per elder meets both campaigns with some home visits.
    std::size_t campaignVisits = 0;
    for (const Record& visit : ledger.list("visit"))
        campaignVisits += visit.has("campaign_id") ? 1 : 0;
    CHECK(campaignVisits > 0);
}

TEST_CASE("demo risk assessments score the default standard's factors and level the score")
{
    TempLedger temp;
    generateDemo(temp.ledger(), smallDemo(firstVillageCommittee(kCounty), 60, 2));
    const RiskStandard standard = defaultRiskStandard();
    std::set<std::string> levels;
    for (const Record& a : temp.ledger().list("risk_assessment")) {
        const int score = riskScore(standard, decodeAnswers(a.value("answers")));
        CHECK(a.value("score") == std::to_string(score));
        CHECK(a.value("level") == riskLevel(standard, score));
        levels.insert(a.value("level"));
    }
    CHECK(levels.size() >= 2);
}

TEST_CASE("demo incident reports carry the timestamps of every stage they reached")
{
    TempLedger temp;
    generateDemo(temp.ledger(), smallDemo(firstVillageCommittee(kCounty), 200, 1));
    const auto incidents = temp.ledger().list("incident");
    REQUIRE(!incidents.empty());
    for (const Record& r : incidents) {
        const std::string& status = r.value("status");
        CHECK(r.has("reported_at"));
        CHECK(r.has("accepted_at") == (status != "reported"));
        CHECK(r.has("assisting_at") == (status == "assisting" || status == "closed"));
        CHECK(r.has("closed_at") == (status == "closed"));
        // Each stage on or after the one before: the county refuses a report accepted
        // before it was made (a report of the demo's own day waits to be accepted).
        std::string before = r.value("reported_at");
        for (const char* stage : {"accepted_at", "assisting_at", "closed_at"}) {
            if (!r.has(stage))
                continue;
            CHECK(r.value(stage) >= before);
            before = r.value(stage);
        }
    }
}

TEST_CASE("a demo of an unknown code or of a place without village committees is refused")
{
    TempLedger temp;
    CHECK_THROWS_AS(generateDemo(temp.ledger(), smallDemo("500199")), DemoScopeError);
    CHECK(temp.ledger().changeLog().pendingCount() == 0);
}

// Not run by default: `shouwang_demo_tests "[.bench]"` prints the generation speed;
// SHOUWANG_BENCH_ELDERS and SHOUWANG_BENCH_VILLAGES change its size (2000 elders, 20 villages).
TEST_CASE("demo generation speed", "[.bench]")
{
    auto fromEnv = [](const char* name, std::size_t fallback) {
        const char* text = std::getenv(name);
        return text ? static_cast<std::size_t>(std::stoull(text)) : fallback;
    };
    TempLedger temp;
    DemoOptions options = smallDemo(std::string(kCounty), fromEnv("SHOUWANG_BENCH_ELDERS", 2000), 30);
    options.villages = fromEnv("SHOUWANG_BENCH_VILLAGES", 20);
    options.today = today();
    const DemoSummary summary = generateDemo(temp.ledger(), options);
    std::printf("%zu records (%zu elders, %zu visits) in %.1f s: %.0f records/s\n", summary.records, summary.elders,
                summary.visits, summary.seconds, static_cast<double>(summary.records) / summary.seconds);
}

TEST_CASE("the demo's referrals follow their workflow, and some elders use a facility where services are recorded")
{
    TempLedger temp;
    DemoOptions options = smallDemo(std::string(kCounty), 200, 2);
    options.villages = 4;
    const DemoSummary summary = generateDemo(temp.ledger(), options);
    Ledger& ledger = temp.ledger();
    CHECK(ledger.count("referral") == summary.referrals);
    CHECK(summary.referrals >= 1);
    for (const Record& referral : ledger.list("referral")) {
        INFO(referral.value("status"));
        CHECK(workflowProblems(referralWorkflow(), referral).empty());
    }
    std::size_t users = 0;
    for (const Record& elder : ledger.list("elder"))
        users += elder.has("facility_id");
    std::size_t atFacility = 0;
    for (const Record& service : ledger.list("service_record"))
        atFacility += service.has("facility_id");
    CHECK(users >= 1);
    CHECK(atFacility >= users);
}
