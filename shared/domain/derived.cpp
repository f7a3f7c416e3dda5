#include "derived.h"

#include <algorithm>

namespace shouwang {
namespace {

bool csvContains(std::string_view csv, std::string_view code)
{
    while (!csv.empty()) {
        const auto comma = csv.find(',');
        std::string_view item = csv.substr(0, comma);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (item == code)
            return true;
        if (comma == std::string_view::npos)
            break;
        csv.remove_prefix(comma + 1);
    }
    return false;
}

bool isDisabled(std::string_view ability, std::string_view health)
{
    return ability == "mild" || ability == "moderate" || ability == "severe" || health == "unhealthy_dependent";
}

bool allSupportersAway(const std::vector<SupporterFacts>& supporters, Date today)
{
    if (supporters.empty())
        return false;
    return std::all_of(supporters.begin(), supporters.end(), [today](const SupporterFacts& s) {
        return s.awaySince && monthsBetween(*s.awaySince, today) >= kAwayMonths;
    });
}

// The date a schedule counts from when there is no previous event.
Date firstDue(const ElderFacts& facts)
{
    return facts.enteredLedger.value_or(Date{});
}

} // namespace

ElderFlags deriveFlags(const ElderFacts& facts, Date today)
{
    ElderFlags flags;
    if (facts.birthDate)
        flags.age = yearsBetween(*facts.birthDate, today);
    flags.advancedAge = flags.age >= kAdvancedAge;
    flags.disabled = isDisabled(facts.ability, facts.health);
    flags.dementia = facts.dementia;
    flags.alone = facts.living == "alone";
    flags.hardship = facts.hardship;
    flags.keyTarget = isKeyTarget(flags);
    flags.eligible = flags.age >= kOldAge && allSupportersAway(facts.supporters, today);
    return flags;
}

bool isKeyTarget(const ElderFlags& flags)
{
    return flags.advancedAge || flags.disabled || flags.dementia || flags.alone || flags.hardship;
}

std::uint32_t flagBits(const ElderFlags& flags)
{
    using namespace elder_flag;
    return (flags.advancedAge ? AdvancedAge : 0u) | (flags.disabled ? Disabled : 0u) | (flags.dementia ? Dementia : 0u)
        | (flags.alone ? Alone : 0u) | (flags.hardship ? Hardship : 0u) | (flags.keyTarget ? KeyTarget : 0u)
        | (flags.eligible ? Eligible : 0u);
}

ElderFlags flagsFromStored(std::uint32_t stored, int age)
{
    const std::uint32_t bits = elder_flag::fromStored(stored);
    ElderFlags flags;
    flags.age = age;
    flags.advancedAge = age >= kAdvancedAge;
    flags.disabled = (bits & elder_flag::Disabled) != 0;
    flags.dementia = (bits & elder_flag::Dementia) != 0;
    flags.alone = (bits & elder_flag::Alone) != 0;
    flags.hardship = (bits & elder_flag::Hardship) != 0;
    flags.keyTarget = isKeyTarget(flags);
    return flags;
}

Date bornBy(Date on, int years)
{
    using namespace std::chrono;
    year_month_day ymd{on};
    ymd = (ymd.year() - std::chrono::years(years)) / ymd.month() / ymd.day();
    if (!ymd.ok()) // 29 February in a common year
        ymd = ymd.year() / ymd.month() / last;
    return sys_days{ymd};
}

Date monthsBefore(Date on, int count)
{
    using namespace std::chrono;
    year_month_day ymd{on};
    ymd = ymd - months(count);
    if (!ymd.ok())
        ymd = ymd.year() / ymd.month() / last;
    return sys_days{ymd};
}

bool hardshipFrom(bool householdDibao, bool householdTekun, std::string_view incomeSourcesCsv,
                  std::string_view difficultiesCsv)
{
    return householdDibao || householdTekun || csvContains(incomeSourcesCsv, "dibao")
        || csvContains(incomeSourcesCsv, "tekun") || csvContains(difficultiesCsv, "economic");
}

int visitIntervalDays(const ElderFlags& flags, std::string_view riskLevel, const VisitSchedule& schedule)
{
    // The minimum, not the first match: a county may set the key-target interval shorter
    // than the high-risk one, and no elder should be visited less often for being high risk.
    int days = schedule.otherDays;
    if (flags.keyTarget || riskLevel == "medium" || riskLevel == "high")
        days = std::min(days, schedule.keyTargetDays);
    if (riskLevel == "high")
        days = std::min(days, schedule.highRiskDays);
    return days;
}

Date visitDue(const ElderFacts& facts, const ElderFlags& flags, const VisitSchedule& schedule)
{
    if (!facts.lastVisit)
        return firstDue(facts);
    return *facts.lastVisit + std::chrono::days(visitIntervalDays(flags, facts.riskLevel, schedule));
}

Date assessmentDue(const ElderFacts& facts, const VisitSchedule& schedule)
{
    if (!facts.lastAssessment)
        return firstDue(facts);
    return *facts.lastAssessment + std::chrono::days(schedule.assessmentDays);
}

} // namespace shouwang
