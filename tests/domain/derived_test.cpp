#include "domain/derived.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using std::chrono::days;

namespace {

Date date(std::string_view text)
{
    return *parseDate(text);
}

// An elder with nothing that makes them a key target.
ElderFacts ordinaryElder()
{
    ElderFacts facts;
    facts.birthDate = date("1950-03-10");
    facts.living = "spouse";
    facts.ability = "intact";
    facts.health = "fair";
    facts.riskLevel = "low";
    facts.supporters = {SupporterFacts{date("2020-01-01")}};
    facts.enteredLedger = date("2023-05-01");
    return facts;
}

} // namespace

TEST_CASE("age is counted in whole years and is unknown without a birth date")
{
    ElderFacts facts = ordinaryElder();
    CHECK(deriveFlags(facts, date("2024-03-09")).age == 73);
    CHECK(deriveFlags(facts, date("2024-03-10")).age == 74);
    facts.birthDate.reset();
    const ElderFlags flags = deriveFlags(facts, date("2024-03-10"));
    CHECK(flags.age == -1);
    CHECK_FALSE(flags.advancedAge);
    CHECK_FALSE(flags.eligible);
}

TEST_CASE("an elder becomes 高龄 on the 80th birthday, not the day before")
{
    ElderFacts facts = ordinaryElder();
    facts.birthDate = date("1944-08-15");
    const ElderFlags before = deriveFlags(facts, date("2024-08-14"));
    CHECK(before.age == 79);
    CHECK_FALSE(before.advancedAge);
    CHECK_FALSE(before.keyTarget);

    const ElderFlags on = deriveFlags(facts, date("2024-08-15"));
    CHECK(on.age == 80);
    CHECK(on.advancedAge);
    CHECK(on.keyTarget);
}

TEST_CASE("a birthday on 29 February counts on 1 March in a common year")
{
    ElderFacts facts = ordinaryElder();
    facts.birthDate = date("1944-02-29");
    CHECK_FALSE(deriveFlags(facts, date("2024-02-28")).advancedAge);
    CHECK(deriveFlags(facts, date("2024-02-29")).advancedAge);
    CHECK(deriveFlags(facts, date("2025-02-28")).age == 80);
    CHECK(deriveFlags(facts, date("2025-03-01")).age == 81);
}

TEST_CASE("the eligibility hint starts on the 60th birthday")
{
    ElderFacts facts = ordinaryElder();
    facts.birthDate = date("1964-06-01");
    CHECK(deriveFlags(facts, date("2024-05-31")).age == 59);
    CHECK_FALSE(deriveFlags(facts, date("2024-05-31")).eligible);
    CHECK(deriveFlags(facts, date("2024-06-01")).eligible);
}

TEST_CASE("the eligibility hint needs every supporter away for 6 months or more")
{
    ElderFacts facts = ordinaryElder();
    const Date today = date("2024-07-15");
    facts.supporters = {SupporterFacts{date("2024-01-16")}}; // 5 months and 30 days
    CHECK_FALSE(deriveFlags(facts, today).eligible);
    facts.supporters = {SupporterFacts{date("2024-01-15")}}; // exactly 6 months
    CHECK(deriveFlags(facts, today).eligible);

    facts.supporters.push_back(SupporterFacts{date("2024-02-15")}); // a second child away only 5 months
    CHECK_FALSE(deriveFlags(facts, today).eligible);
    facts.supporters.back().awaySince.reset(); // a child at home
    CHECK_FALSE(deriveFlags(facts, today).eligible);
    facts.supporters.clear(); // no supporter recorded: nothing to be left behind by
    CHECK_FALSE(deriveFlags(facts, today).eligible);
}

TEST_CASE("each of 高龄, 失能, 失智, 独居 and 生活困难 alone makes a key target")
{
    const Date today = date("2024-07-15");
    CHECK_FALSE(deriveFlags(ordinaryElder(), today).keyTarget);

    ElderFacts old = ordinaryElder();
    old.birthDate = date("1940-01-01");
    CHECK(deriveFlags(old, today).keyTarget);

    for (const char* ability : {"mild", "moderate", "severe"}) {
        ElderFacts disabled = ordinaryElder();
        disabled.ability = ability;
        const ElderFlags flags = deriveFlags(disabled, today);
        CHECK(flags.disabled);
        CHECK(flags.keyTarget);
    }
    ElderFacts dependent = ordinaryElder();
    dependent.health = "unhealthy_dependent";
    CHECK(deriveFlags(dependent, today).disabled);
    CHECK(deriveFlags(dependent, today).keyTarget);

    ElderFacts dementia = ordinaryElder();
    dementia.dementia = true;
    CHECK(deriveFlags(dementia, today).dementia);
    CHECK(deriveFlags(dementia, today).keyTarget);

    ElderFacts alone = ordinaryElder();
    alone.living = "alone";
    CHECK(deriveFlags(alone, today).alone);
    CHECK(deriveFlags(alone, today).keyTarget);

    ElderFacts poor = ordinaryElder();
    poor.hardship = true;
    CHECK(deriveFlags(poor, today).hardship);
    CHECK(deriveFlags(poor, today).keyTarget);
}

TEST_CASE("生活困难 follows from a 低保 or 特困 household, income or an economic difficulty")
{
    CHECK_FALSE(hardshipFrom(false, false, "pension,children", "medical"));
    CHECK_FALSE(hardshipFrom(false, false, "", ""));
    CHECK(hardshipFrom(true, false, "", ""));
    CHECK(hardshipFrom(false, true, "", ""));
    CHECK(hardshipFrom(false, false, "pension,dibao", ""));
    CHECK(hardshipFrom(false, false, "tekun", ""));
    CHECK(hardshipFrom(false, false, "", "daily_care, economic"));
    CHECK_FALSE(hardshipFrom(false, false, "dibao_x", "economics")); // whole codes only
}

TEST_CASE("the visit interval is weekly for high risk, twice a month for key targets, monthly otherwise")
{
    const VisitSchedule schedule;
    ElderFlags flags;
    CHECK(visitIntervalDays(flags, "low", schedule) == 30);
    CHECK(visitIntervalDays(flags, "", schedule) == 30);
    CHECK(visitIntervalDays(flags, "medium", schedule) == 15);
    CHECK(visitIntervalDays(flags, "high", schedule) == 7);
    flags.keyTarget = true;
    CHECK(visitIntervalDays(flags, "low", schedule) == 15);
    CHECK(visitIntervalDays(flags, "high", schedule) == 7);

    const VisitSchedule odd{20, 10, 30, 180}; // a county that set key targets shorter than high risk
    CHECK(visitIntervalDays(flags, "high", odd) == 10);
}

TEST_CASE("the next visit is due one interval after the last visit")
{
    const VisitSchedule schedule;
    const Date today = date("2024-07-15");
    ElderFacts facts = ordinaryElder();
    facts.lastVisit = date("2024-07-01");
    CHECK(visitDue(facts, deriveFlags(facts, today), schedule) == date("2024-07-31"));

    facts.living = "alone";
    CHECK(visitDue(facts, deriveFlags(facts, today), schedule) == date("2024-07-16"));

    facts.riskLevel = "high";
    CHECK(visitDue(facts, deriveFlags(facts, today), schedule) == date("2024-07-08"));
}

TEST_CASE("an elder never visited is due on the day they entered the ledger")
{
    const VisitSchedule schedule;
    ElderFacts facts = ordinaryElder();
    facts.riskLevel = "high";
    const ElderFlags flags = deriveFlags(facts, date("2024-07-15"));
    CHECK(visitDue(facts, flags, schedule) == date("2023-05-01"));
    facts.enteredLedger.reset();
    CHECK(visitDue(facts, flags, schedule) == Date{}); // sorts first among the overdue
}

TEST_CASE("a risk assessment is due the schedule's interval after the last one, or on entry")
{
    VisitSchedule schedule;
    ElderFacts facts = ordinaryElder();
    CHECK(assessmentDue(facts, schedule) == date("2023-05-01"));
    facts.lastAssessment = date("2024-01-10");
    CHECK(assessmentDue(facts, schedule) == date("2024-01-10") + days(180));
    schedule.assessmentDays = 365;
    CHECK(assessmentDue(facts, schedule) == date("2025-01-09"));
    facts.lastAssessment.reset();
    facts.enteredLedger.reset();
    CHECK(assessmentDue(facts, schedule) == Date{});
}

TEST_CASE("the age and absence thresholds read the same as dates, for the ledger's queries")
{
    // Every day of a leap year and the next, against birth and departure dates around them:
    // comparing a stored date with bornBy/monthsBefore agrees with yearsBetween/monthsBetween.
    const Date first = *parseDate("2024-01-01");
    for (Date on = first; on < first + std::chrono::days(731); on += std::chrono::days(1)) {
        for (int years : {kOldAge, kAdvancedAge}) {
            const Date cutoff = bornBy(on, years);
            for (int d = -3; d <= 3; ++d) {
                const Date birth = cutoff + std::chrono::days(d);
                CHECK((yearsBetween(birth, on) >= years) == (birth <= cutoff));
            }
        }
        const Date away = monthsBefore(on, kAwayMonths);
        for (int d = -3; d <= 3; ++d) {
            const Date since = away + std::chrono::days(d);
            CHECK((monthsBetween(since, on) >= kAwayMonths) == (since <= away));
        }
    }
}

TEST_CASE("the flags as bits: one mapping, and the stored bits keep their historic values")
{
    using namespace elder_flag;
    CHECK(toStored(Disabled) == 1);
    CHECK(toStored(Dementia) == 2);
    CHECK(toStored(Alone) == 4);
    CHECK(toStored(Hardship) == 8);
    CHECK(toStored(AdvancedAge | KeyTarget | Eligible) == 0);
    for (std::uint32_t stored = 0; stored < 16; ++stored) {
        CHECK(toStored(fromStored(stored)) == stored);
        for (int age : {-1, 79, 80}) {
            const ElderFlags flags = flagsFromStored(stored, age);
            CHECK(flags.age == age);
            CHECK(flags.advancedAge == (age >= kAdvancedAge));
            CHECK(flags.keyTarget == isKeyTarget(flags));
            CHECK(flags.keyTarget == (stored != 0 || age >= kAdvancedAge));
            const std::uint32_t bits = flagBits(flags);
            CHECK(toStored(bits) == stored);
            CHECK(((bits & AdvancedAge) != 0) == flags.advancedAge);
            CHECK(((bits & KeyTarget) != 0) == flags.keyTarget);
        }
    }
}

TEST_CASE("deriveFlags and a reader of the stored flags agree")
{
    ElderFacts facts;
    facts.birthDate = parseDate("1940-05-01");
    facts.living = "alone";
    facts.ability = "mild";
    const Date on = *parseDate("2024-06-01");
    const ElderFlags derived = deriveFlags(facts, on);
    const ElderFlags read = flagsFromStored(elder_flag::toStored(flagBits(derived)), derived.age);
    CHECK(flagBits(read) == flagBits(derived));
}
