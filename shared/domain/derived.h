#pragma once

#include "date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

// The county's visit and assessment intervals (DESIGN §3). The defaults are the design's:
// 高风险 weekly, 重点帮扶对象 twice a month, everyone else monthly; reassessment twice a year.
struct VisitSchedule {
    int highRiskDays = 7;
    int keyTargetDays = 15;
    int otherDays = 30;
    int assessmentDays = 180;
};

struct SupporterFacts {
    std::optional<Date> awaySince;
};

// What the ledger knows about one elder, gathered by the caller from the elder, supporter,
// household, visit and assessment records; the rules below never read storage.
struct ElderFacts {
    std::optional<Date> birthDate;
    std::string living, ability, health, riskLevel; // enum codes; "" when unknown
    bool dementia = false;
    bool hardship = false; // 生活困难: set by the caller, see hardshipFrom()
    std::vector<SupporterFacts> supporters;
    std::optional<Date> lastVisit, lastAssessment, enteredLedger;
};

// The thresholds of the flags below (DESIGN §3), written here and nowhere else: the ledger's
// filters (store/elder_query.cpp) and the reports take them from here.
inline constexpr int kOldAge = 60;      // 留守 eligibility: 60 or older
inline constexpr int kAdvancedAge = 80; // 高龄: 80 or older
inline constexpr int kAwayMonths = 6;   // 留守 eligibility: every supporter away this long
inline constexpr int kHealthManagementAge = 65; // 纳入65岁以上老年人健康管理 (卫生健康) from this age

// Facts derived from the ledger, never typed (DESIGN §3), so they cannot go stale.
struct ElderFlags {
    int age = -1;             // -1 when the birth date is unknown
    bool advancedAge = false; // 高龄: 80 or older
    bool disabled = false;    // 失能: any ability loss (mild, moderate, severe) or 不能自理
    bool dementia = false;    // 失智
    bool alone = false;       // 独居
    bool hardship = false;    // 生活困难
    bool keyTarget = false;   // 重点帮扶对象 = 高龄 or 失能 or 失智 or 独居 or 生活困难
    // Eligibility hint for the 留守 ledger: 60 or older, with at least one supporter and
    // every supporter away from home for 6 months or more. A hint only: the village decides.
    bool eligible = false;
};

ElderFlags deriveFlags(const ElderFacts& facts, Date today);
// 重点帮扶对象 = 高龄 or 失能 or 失智 or 独居 or 生活困难 (the other fields of `flags`).
bool isKeyTarget(const ElderFlags& flags);

// ElderFlags as bits, for lists that filter and show many elders (store/elder_query.h).
namespace elder_flag {
enum Bit : std::uint32_t {
    AdvancedAge = 1, // 高龄
    Disabled = 2,    // 失能
    Dementia = 4,    // 失智
    Alone = 8,       // 独居
    Hardship = 16,   // 生活困难
    KeyTarget = 32,  // 重点帮扶对象
    Eligible = 64,   // 留守 eligibility hint
};
// The flags that do not move with the calendar: the ledger stores these (store/
// derived_columns.h) and asks the birth date for the others.
inline constexpr std::uint32_t kLasting = Disabled | Dementia | Alone | Hardship;
// The lasting bits as stored in elders.x_flags: shifted down one, as the column has always
// held them (失能 1, 失智 2, 独居 4, 生活困难 8), so files keep their meaning.
constexpr std::uint32_t toStored(std::uint32_t bits)
{
    return (bits & kLasting) >> 1;
}
constexpr std::uint32_t fromStored(std::uint32_t stored)
{
    return (stored << 1) & kLasting;
}
} // namespace elder_flag
std::uint32_t flagBits(const ElderFlags& flags);
// The flags a reader of the stored columns knows: the lasting ones stored, 高龄 from `age`
// on the day (-1: unknown) and 重点帮扶对象 from those, by the rules of deriveFlags. Not the
// eligibility hint, which needs the supporters.
ElderFlags flagsFromStored(std::uint32_t stored, int age);

// The latest birth date of someone at least `years` old on `on`, and the day `months`
// before `on` (29 February, or the 31st, falls back to the month's last day): the age and
// absence thresholds above as date comparisons, for queries over stored dates.
Date bornBy(Date on, int years);
Date monthsBefore(Date on, int months);

// 生活困难: a 低保 or 特困 household, 低保 or 特困供养 among the elder's income sources, or
// 经济困难 among the difficulties the village recorded. The lists are the stored
// comma-separated enum codes ("income" and "difficulty").
bool hardshipFrom(bool householdDibao, bool householdTekun, std::string_view incomeSourcesCsv,
                  std::string_view difficultiesCsv);

// The shortest interval that applies: high risk, then key target or medium risk, then the rest.
// Medium risk is visited like a key target: the county's standard has already marked the
// elder, and a monthly visit would make the medium level mean nothing for the schedule.
int visitIntervalDays(const ElderFlags& flags, std::string_view riskLevel, const VisitSchedule& schedule);

// When the next visit is due: the last visit plus the interval for facts.riskLevel. An elder
// never visited is due on the day they entered the ledger (a new entry is visited at once);
// with neither date known the result is the earliest date (1970-01-01), so they sort first
// among the overdue.
Date visitDue(const ElderFacts& facts, const ElderFlags& flags, const VisitSchedule& schedule);
// The last risk assessment plus the schedule's interval; never assessed: due on the day they
// entered the ledger, or 1970-01-01 if that is unknown too.
Date assessmentDue(const ElderFacts& facts, const VisitSchedule& schedule);

} // namespace shouwang
