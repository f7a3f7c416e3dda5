#pragma once

#include "date.h"

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
