// schema.h before anything that declares shouwang::Date: GCC's -Wshadow reports the
// FieldType::Date enumerator as shadowing the Date alias when the alias comes first.
#include "schema.h"

#include "risk_rule.h"
#include "schema_names.h"

#include <charconv>
#include <numeric>

namespace shouwang {
namespace {

constexpr std::string_view kEntity = "risk_rule";
constexpr int kMaxWeight = 100;
constexpr int kMaxIntervalDays = 366;
constexpr std::size_t kMaxCodeLength = 40;
constexpr std::string_view kFullWidthSemicolon = "；";

std::string_view trim(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Splits on `separator`, trimming each piece and dropping empty ones.
std::vector<std::string_view> splitTrimmed(std::string_view text, char separator)
{
    std::vector<std::string_view> pieces;
    while (true) {
        const auto at = text.find(separator);
        if (auto piece = trim(text.substr(0, at)); !piece.empty())
            pieces.push_back(piece);
        if (at == std::string_view::npos)
            return pieces;
        text.remove_prefix(at + 1);
    }
}

std::optional<int> parseInt(std::string_view text)
{
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

bool isFactorCode(std::string_view code)
{
    if (code.empty() || code.size() > kMaxCodeLength)
        return false;
    for (char c : code) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

bool hasControlCharacter(std::string_view text)
{
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20)
            return true;
    }
    return false;
}

std::optional<RiskFactor> decodeFactor(std::string_view entry)
{
    const auto first = entry.find(':');
    const auto second = first == std::string_view::npos ? first : entry.find(':', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    RiskFactor factor;
    factor.code = std::string(trim(entry.substr(0, first)));
    const auto weight = parseInt(trim(entry.substr(first + 1, second - first - 1)));
    factor.label = std::string(trim(entry.substr(second + 1)));
    if (!isFactorCode(factor.code) || !weight || *weight < 0 || *weight > kMaxWeight || factor.label.empty()
        || hasControlCharacter(factor.label))
        return std::nullopt;
    factor.weight = *weight;
    return factor;
}

// The Chinese name of a risk_rule field, so messages use the words of the form.
std::string fieldLabel(std::string_view field)
{
    const EntityDef* entity = findEntity(kEntity);
    const FieldDef* def = entity ? entity->field(field) : nullptr;
    return std::string(def ? def->zh : field);
}

std::string intervalProblem(const Record& record, std::string_view field)
{
    const auto days = parseInt(record.value(field));
    if (!days || *days < 1 || *days > kMaxIntervalDays)
        return fieldLabel(field) + "应为1至" + std::to_string(kMaxIntervalDays) + "之间的整数";
    return {};
}

constexpr std::string_view kIntervalFields[]
    = {schema::risk_rule::visit_days_high, schema::risk_rule::visit_days_key, schema::risk_rule::visit_days_other,
       schema::risk_rule::assessment_days};

// The supervision limits: optional (a standard published before schema 3 has none, and the
// defaults apply), else a whole number from 1 to its maximum.
struct LimitField {
    std::string_view name;
    int max;
    int SupervisionLimits::*member;
};
constexpr LimitField kLimitFields[] = {
    {schema::risk_rule::ack_hours, 24 * 30, &SupervisionLimits::acknowledgeHours},
    {schema::risk_rule::close_days, kMaxIntervalDays, &SupervisionLimits::closeDays},
    {schema::risk_rule::silent_days, kMaxIntervalDays, &SupervisionLimits::silentDays},
    {schema::risk_rule::referral_days, kMaxIntervalDays, &SupervisionLimits::referralDays},
    {schema::risk_rule::notice_days, kMaxIntervalDays, &SupervisionLimits::noticeDays},
};

// The volunteer hours overdraft (issue 18) may be 0, unlike the limits above.
constexpr std::string_view kOverdraftField = "overdraft_hours";
constexpr int kMaxOverdraftHours = 1000;

std::string limitProblem(const Record& record, const LimitField& field)
{
    const std::string_view text = trim(record.value(field.name));
    if (text.empty())
        return {};
    const auto value = parseInt(text);
    if (!value || *value < 1 || *value > field.max)
        return fieldLabel(field.name) + "应为1至" + std::to_string(field.max) + "之间的整数（不填则用默认值）";
    return {};
}

} // namespace

RiskStandard defaultRiskStandard()
{
    // Weights and thresholds are explained in docs/risk-standard.md: one factor that leaves
    // an elder unable to look after themselves is medium risk by itself; such a factor with
    // living alone, or several lesser hazards together, is high risk.
    RiskStandard standard;
    standard.name = "风险等级标准（默认）";
    standard.factors = {
        {std::string(riskfactor::kAdvancedAge), 2, "高龄（80岁以上）"},
        {std::string(riskfactor::kAlone), 3, "独居"},
        {std::string(riskfactor::kDisabled), 4, "失能（中度、重度）"},
        {std::string(riskfactor::kDementia), 4, "失智"},
        {schema::elder::severe_mental, 4, "患严重精神障碍"},
        {"chronic_disease", 1, "患慢性病"},
        {"disability", 2, "残疾"},
        {"neglect", 2, "子女很少联系或未履行赡养义务"},
        {std::string(riskfactor::kEconomic), 2, "经济困难"},
        {"housing", 3, "住房安全隐患"},
        {"fire_electric", 3, "用电、火灾隐患"},
        {"accident", 3, "近期有走失、跌倒等意外"},
    };
    standard.mediumThreshold = 4;
    standard.highThreshold = 7;
    return standard;
}

std::string encodeFactors(const std::vector<RiskFactor>& factors)
{
    std::string out;
    for (const RiskFactor& factor : factors) {
        if (!out.empty())
            out += ';';
        out += factor.code;
        out += ':';
        out += std::to_string(factor.weight);
        out += ':';
        for (char c : factor.label) {
            if (c == ';')
                out += kFullWidthSemicolon;
            else
                out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        }
    }
    return out;
}

std::optional<std::vector<RiskFactor>> decodeFactors(std::string_view text)
{
    std::vector<RiskFactor> factors;
    std::set<std::string, std::less<>> codes;
    for (std::string_view entry : splitTrimmed(text, ';')) {
        auto factor = decodeFactor(entry);
        if (!factor || !codes.insert(factor->code).second)
            return std::nullopt;
        factors.push_back(std::move(*factor));
    }
    return factors;
}

std::string riskRuleProblem(const Record& record)
{
    if (record.entity != kEntity)
        return "不是风险等级标准记录";
    if (trim(record.value(schema::risk_rule::name)).empty())
        return "请填写" + fieldLabel(schema::risk_rule::name);
    const auto factors = decodeFactors(record.value(schema::risk_rule::factors));
    if (!factors)
        return fieldLabel(schema::risk_rule::factors)
            + "格式有误：每项应为“代码:分值:名称”，代码用小写字母、数字或下划线，"
              "分值为0至100的整数，各项以分号分隔，代码不得重复";
    if (factors->empty())
        return "请至少填写一项" + fieldLabel(schema::risk_rule::factors);
    const auto medium = parseInt(record.value(schema::risk_rule::medium_threshold));
    const auto high = parseInt(record.value(schema::risk_rule::high_threshold));
    if (!medium || *medium < 1)
        return fieldLabel(schema::risk_rule::medium_threshold) + "应为大于0的整数";
    if (!high || *high < *medium)
        return fieldLabel(schema::risk_rule::high_threshold) + "应为整数，且不低于"
            + fieldLabel(schema::risk_rule::medium_threshold);
    const int total = std::accumulate(factors->begin(), factors->end(), 0,
                                      [](int sum, const RiskFactor& f) { return sum + f.weight; });
    if (*high > total)
        return fieldLabel(schema::risk_rule::high_threshold) + "高于全部因素分值之和（" + std::to_string(total)
            + "），任何老年人都不会被评为高风险";
    for (std::string_view field : kIntervalFields) {
        if (std::string problem = intervalProblem(record, field); !problem.empty())
            return problem;
    }
    for (const LimitField& field : kLimitFields) {
        if (std::string problem = limitProblem(record, field); !problem.empty())
            return problem;
    }
    if (const std::string_view text = trim(record.value(kOverdraftField)); !text.empty()) {
        const auto value = parseInt(text);
        if (!value || *value < 0 || *value > kMaxOverdraftHours)
            return fieldLabel(kOverdraftField) + "应为0至" + std::to_string(kMaxOverdraftHours)
                + "之间的整数（不填则不允许透支）";
    }
    return {};
}

std::optional<RiskStandard> riskStandardFrom(const Record& record)
{
    if (!riskRuleProblem(record).empty())
        return std::nullopt;
    RiskStandard standard;
    standard.name = std::string(trim(record.value(schema::risk_rule::name)));
    standard.factors = *decodeFactors(record.value(schema::risk_rule::factors));
    standard.mediumThreshold = *parseInt(record.value(schema::risk_rule::medium_threshold));
    standard.highThreshold = *parseInt(record.value(schema::risk_rule::high_threshold));
    standard.schedule.highRiskDays = *parseInt(record.value(schema::risk_rule::visit_days_high));
    standard.schedule.keyTargetDays = *parseInt(record.value(schema::risk_rule::visit_days_key));
    standard.schedule.otherDays = *parseInt(record.value(schema::risk_rule::visit_days_other));
    standard.schedule.assessmentDays = *parseInt(record.value(schema::risk_rule::assessment_days));
    for (const LimitField& field : kLimitFields) {
        if (const auto value = parseInt(trim(record.value(field.name))))
            standard.limits.*field.member = *value;
    }
    if (const auto value = parseInt(trim(record.value(kOverdraftField))))
        standard.limits.overdraftHours = *value;
    return standard;
}

Record riskRuleRecord(const RiskStandard& standard)
{
    Record record;
    record.entity = std::string(kEntity);
    record.set(schema::risk_rule::name, standard.name);
    record.set(schema::risk_rule::factors, encodeFactors(standard.factors));
    record.set(schema::risk_rule::medium_threshold, std::to_string(standard.mediumThreshold));
    record.set(schema::risk_rule::high_threshold, std::to_string(standard.highThreshold));
    record.set(schema::risk_rule::visit_days_high, std::to_string(standard.schedule.highRiskDays));
    record.set(schema::risk_rule::visit_days_key, std::to_string(standard.schedule.keyTargetDays));
    record.set(schema::risk_rule::visit_days_other, std::to_string(standard.schedule.otherDays));
    record.set(schema::risk_rule::assessment_days, std::to_string(standard.schedule.assessmentDays));
    for (const LimitField& field : kLimitFields)
        record.set(std::string(field.name), std::to_string(standard.limits.*field.member));
    record.set(std::string(kOverdraftField), std::to_string(standard.limits.overdraftHours));
    return record;
}

int riskScore(const RiskStandard& standard, const std::set<std::string>& factorCodesPresent)
{
    int score = 0;
    for (const RiskFactor& factor : standard.factors) {
        if (factorCodesPresent.contains(factor.code))
            score += factor.weight;
    }
    return score;
}

std::string riskLevel(const RiskStandard& standard, int score)
{
    if (score >= standard.highThreshold)
        return "high";
    return score >= standard.mediumThreshold ? "medium" : "low";
}

std::set<std::string> suggestFactors(const ElderFacts& facts, const ElderFlags& flags)
{
    std::set<std::string> codes;
    if (flags.advancedAge)
        codes.emplace(riskfactor::kAdvancedAge);
    if (flags.alone)
        codes.emplace(riskfactor::kAlone);
    // The standard's 失能 factor is moderate or severe: mild loss alone makes a key target
    // (ElderFlags::disabled) but is not a risk factor.
    if (facts.ability == "moderate" || facts.ability == "severe" || facts.health == "unhealthy_dependent")
        codes.emplace(riskfactor::kDisabled);
    if (flags.dementia)
        codes.emplace(riskfactor::kDementia);
    if (flags.hardship)
        codes.emplace(riskfactor::kEconomic);
    return codes;
}

std::string encodeAnswers(const std::set<std::string>& codes)
{
    std::string out;
    for (const std::string& code : codes) {
        if (!out.empty())
            out += ',';
        out += code;
    }
    return out;
}

std::set<std::string> decodeAnswers(std::string_view text)
{
    std::set<std::string> codes;
    for (std::string_view code : splitTrimmed(text, ','))
        codes.emplace(code);
    return codes;
}

} // namespace shouwang
