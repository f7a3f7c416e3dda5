#pragma once

#include "derived.h"
#include "record.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

// The factor codes the ledger can recognise by itself (suggestFactors). A county's own
// standard should keep these codes for the same factors, or the form will not pre-tick them.
namespace riskfactor {
inline constexpr std::string_view kAdvancedAge = "advanced_age"; // 高龄（80岁以上）
inline constexpr std::string_view kAlone = "alone";              // 独居
inline constexpr std::string_view kDisabled = "disabled";        // 失能（中度、重度）
inline constexpr std::string_view kDementia = "dementia";        // 失智
inline constexpr std::string_view kEconomic = "economic";        // 经济困难
} // namespace riskfactor

// One factor of the county's 风险等级标准: present or not, worth `weight` points.
struct RiskFactor {
    std::string code; // stable: lower-case letters, digits and '_'
    int weight = 0;   // 0..100
    std::string label;

    friend bool operator==(const RiskFactor&, const RiskFactor&) = default;
};

// The county's supervision limits (督促检查, docs/supervision.md). Published with the standard,
// so the client's dashboard and `shouwang-server report` judge by the same figures.
struct SupervisionLimits {
    int acknowledgeHours = 24; // a 情况报告 is acknowledged (受理) within this many hours
    int closeDays = 15;        // and closed (办结) within this many days of being reported
    int silentDays = 7;        // a village not heard from for more than this many days stands out
    int overdraftHours = 0;    // a volunteer may redeem this many hours beyond those credited
    int referralDays = 30;     // a 部门转介 is closed within this many days of being proposed
    int noticeDays = 90;       // a key target's supporters are urged at least this often

    friend bool operator==(const SupervisionLimits&, const SupervisionLimits&) = default;
};

struct RiskStandard {
    std::string name;
    std::vector<RiskFactor> factors;
    int mediumThreshold = 0; // a score at or above it is medium risk
    int highThreshold = 0;   // a score at or above it is high risk
    VisitSchedule schedule;
    SupervisionLimits limits; // the defaults where a record (older than schema 3) has none
};

// The standard a county starts from; docs/risk-standard.md explains the weights.
RiskStandard defaultRiskStandard();

// The stored form of the factors: "code:weight:label;code:weight:label". A ';' in a label is
// written as the full-width '；' so it cannot split an entry; a label may contain ':'.
std::string encodeFactors(const std::vector<RiskFactor>& factors);
// nullopt if any entry is malformed (bad code, weight not an integer in 0..100, empty
// label) or a code repeats. Whitespace and line breaks around entries are allowed, since
// county staff may edit the text by hand.
std::optional<std::vector<RiskFactor>> decodeFactors(std::string_view text);

// What is wrong with a "risk_rule" record, in Chinese for the county staff; "" if it is a
// usable standard (factors present and well formed, 0 < medium <= high, positive intervals,
// supervision limits empty or positive).
std::string riskRuleProblem(const Record& riskRuleRecord);
// The standard a "risk_rule" record describes; nullopt whenever riskRuleProblem() finds one.
std::optional<RiskStandard> riskStandardFrom(const Record& riskRuleRecord);
// A "risk_rule" record holding the standard's values. id, village code and effective_from
// are left for the caller, who knows where and from when it applies.
Record riskRuleRecord(const RiskStandard& standard);

// Sum of the weights of the factors present; codes the standard does not know count nothing.
int riskScore(const RiskStandard& standard, const std::set<std::string>& factorCodesPresent);
// "low", "medium" (score >= mediumThreshold) or "high" (score >= highThreshold).
std::string riskLevel(const RiskStandard& standard, int score);

// The factors the ledger already shows (高龄, 独居, 中度/重度失能 or 不能自理, 失智, 经济困难),
// so the assessment form can pre-tick them; the assessor still confirms each one.
std::set<std::string> suggestFactors(const ElderFacts& facts, const ElderFlags& flags);

// The factors ticked in one assessment, as stored in risk_assessment.answers: "a,b,c".
std::string encodeAnswers(const std::set<std::string>& codes);
std::set<std::string> decodeAnswers(std::string_view text);

} // namespace shouwang
