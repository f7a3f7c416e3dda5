#include "domain/risk_rule.h"

#include "domain/enums.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

RiskStandard smallStandard()
{
    RiskStandard standard;
    standard.name = "测试标准";
    standard.factors = {{"alone", 3, "独居"}, {"disabled", 4, "失能"}, {"chronic_disease", 1, "慢性病"}};
    standard.mediumThreshold = 4;
    standard.highThreshold = 7;
    return standard;
}

Record validRecord()
{
    Record record = riskRuleRecord(smallStandard());
    record.set("effective_from", "2024-01-01");
    return record;
}

} // namespace

TEST_CASE("the risk score is the sum of the weights of the factors present")
{
    const RiskStandard standard = smallStandard();
    CHECK(riskScore(standard, {}) == 0);
    CHECK(riskScore(standard, {"alone"}) == 3);
    CHECK(riskScore(standard, {"alone", "disabled", "chronic_disease"}) == 8);
    CHECK(riskScore(standard, {"alone", "unknown_factor"}) == 3);
}

TEST_CASE("a score exactly at a threshold reaches that level, one below does not")
{
    const RiskStandard standard = smallStandard();
    CHECK(riskLevel(standard, 0) == "low");
    CHECK(riskLevel(standard, 3) == "low");
    CHECK(riskLevel(standard, 4) == "medium");
    CHECK(riskLevel(standard, 6) == "medium");
    CHECK(riskLevel(standard, 7) == "high");
    CHECK(riskLevel(standard, 33) == "high");
}

TEST_CASE("factors survive encoding and decoding unchanged")
{
    const std::vector<RiskFactor> factors = defaultRiskStandard().factors;
    const std::string text = encodeFactors(factors);
    CHECK(text.starts_with("advanced_age:2:高龄（80岁以上）;alone:3:独居;"));
    const auto decoded = decodeFactors(text);
    REQUIRE(decoded);
    CHECK(*decoded == factors);

    const auto withColon = decodeFactors(encodeFactors({{"other", 5, "其他:说明"}}));
    REQUIRE(withColon);
    CHECK(withColon->front().label == "其他:说明");
    // A ';' would split the entry, so it is stored full-width.
    CHECK(decodeFactors(encodeFactors({{"other", 5, "甲;乙"}}))->front().label == "甲；乙");
}

TEST_CASE("hand-edited factors may have line breaks and spaces around entries")
{
    const auto decoded = decodeFactors(" alone : 3 : 独居 ;\n disabled:4:失能;\n");
    REQUIRE(decoded);
    REQUIRE(decoded->size() == 2);
    CHECK(decoded->at(0) == RiskFactor{"alone", 3, "独居"});
    CHECK(decoded->at(1) == RiskFactor{"disabled", 4, "失能"});
    CHECK(decodeFactors("")->empty());
}

TEST_CASE("malformed factor text is refused")
{
    CHECK_FALSE(decodeFactors("alone:3"));                   // no label
    CHECK_FALSE(decodeFactors("alone:3:"));                  // empty label
    CHECK_FALSE(decodeFactors("alone:three:独居"));          // weight not a number
    CHECK_FALSE(decodeFactors("alone:3.5:独居"));
    CHECK_FALSE(decodeFactors("alone:-1:独居"));
    CHECK_FALSE(decodeFactors("alone:101:独居"));
    CHECK_FALSE(decodeFactors(":3:独居"));                   // no code
    CHECK_FALSE(decodeFactors("Alone:3:独居"));              // codes are lower case
    CHECK_FALSE(decodeFactors("独居:3:独居"));
    CHECK_FALSE(decodeFactors("alone:3:独居;alone:4:独居")); // a code twice
    CHECK_FALSE(decodeFactors("alone:3:独居;disabled"));
}

TEST_CASE("a risk_rule record gives back the standard it was made from")
{
    const RiskStandard original = defaultRiskStandard();
    Record record = riskRuleRecord(original);
    CHECK(record.entity == "risk_rule");
    CHECK(record.value("medium_threshold") == "4");
    CHECK(record.value("visit_days_high") == "7");
    const auto read = riskStandardFrom(record);
    REQUIRE(read);
    CHECK(read->name == original.name);
    CHECK(read->factors == original.factors);
    CHECK(read->mediumThreshold == original.mediumThreshold);
    CHECK(read->highThreshold == original.highThreshold);
    CHECK(read->schedule.highRiskDays == 7);
    CHECK(read->schedule.keyTargetDays == 15);
    CHECK(read->schedule.otherDays == 30);
    CHECK(read->schedule.assessmentDays == 180);

    record.set("visit_days_key", "10");
    CHECK(riskStandardFrom(record)->schedule.keyTargetDays == 10);
}

TEST_CASE("a risk_rule record that cannot rank anyone is refused with a reason")
{
    CHECK(riskRuleProblem(validRecord()).empty());

    Record record = validRecord();
    record.entity = "elder";
    CHECK_FALSE(riskStandardFrom(record));

    const auto refusedWith = [](std::string_view field, std::string value) {
        Record changed = validRecord();
        changed.set(field, std::move(value));
        CHECK_FALSE(riskStandardFrom(changed));
        return riskRuleProblem(changed);
    };
    CHECK(refusedWith("name", " ") == "请填写标准名称");
    CHECK(refusedWith("factors", "alone:3").find("格式有误") != std::string::npos);
    CHECK(refusedWith("factors", "") == "请至少填写一项评估因素及分值");
    CHECK(refusedWith("medium_threshold", "0") == "中风险分值线应为大于0的整数");
    CHECK(refusedWith("medium_threshold", "") == "中风险分值线应为大于0的整数");
    CHECK(refusedWith("high_threshold", "3") == "高风险分值线应为整数，且不低于中风险分值线");
    CHECK(refusedWith("high_threshold", "9").find("高于全部因素分值之和（8）") != std::string::npos);
    CHECK(refusedWith("visit_days_high", "0") == "高风险探访周期（天）应为1至366之间的整数");
    CHECK(refusedWith("assessment_days", "abc") == "风险评估周期（天）应为1至366之间的整数");
}

TEST_CASE("the default standard is usable and ranks the typical cases as documented")
{
    const RiskStandard standard = defaultRiskStandard();
    CHECK(riskRuleProblem(riskRuleRecord(standard)).empty());
    CHECK(standard.factors.size() == 12);
    CHECK(0 < standard.mediumThreshold);
    CHECK(standard.mediumThreshold < standard.highThreshold);
    CHECK(riskScore(standard, decodeAnswers(encodeAnswers({}))) == 0);

    const auto level = [&](std::set<std::string> codes) { return riskLevel(standard, riskScore(standard, codes)); };
    CHECK(level({}) == "low");
    CHECK(level({"alone"}) == "low");
    CHECK(level({"advanced_age", "chronic_disease"}) == "low");
    CHECK(level({"disabled"}) == "medium");
    CHECK(level({"dementia"}) == "medium");
    CHECK(level({"severe_mental"}) == "medium");
    CHECK(level({"alone", "advanced_age"}) == "medium");
    CHECK(level({"neglect", "economic"}) == "medium");
    CHECK(level({"alone", "disabled"}) == "high");
    CHECK(level({"dementia", "accident"}) == "high");
    CHECK(level({"alone", "advanced_age", "housing"}) == "high");

    // The levels it yields are codes of the risk_level enumeration.
    const EnumDef* levels = findEnum("risk_level");
    REQUIRE(levels);
    for (const char* code : {"low", "medium", "high"})
        CHECK(levels->find(code));
}

TEST_CASE("factors the ledger already shows are suggested for the assessment")
{
    ElderFacts facts;
    ElderFlags flags;
    CHECK(suggestFactors(facts, flags).empty());

    facts.ability = "mild"; // a key target, but not the standard's 中度/重度失能
    flags.disabled = true;
    CHECK(suggestFactors(facts, flags).empty());

    facts.ability = "severe";
    flags.advancedAge = flags.alone = flags.dementia = flags.hardship = true;
    const std::set<std::string> all = {"advanced_age", "alone", "disabled", "dementia", "economic"};
    CHECK(suggestFactors(facts, flags) == all);

    facts.ability = "intact";
    facts.health = "unhealthy_dependent";
    CHECK(suggestFactors(facts, flags).contains("disabled"));

    // The suggestions are factors of the default standard.
    const RiskStandard standard = defaultRiskStandard();
    CHECK(riskScore(standard, all) == 2 + 3 + 4 + 4 + 2);
}

TEST_CASE("assessment answers round-trip as comma-separated codes")
{
    const std::set<std::string> codes = {"alone", "disabled", "housing"};
    CHECK(encodeAnswers(codes) == "alone,disabled,housing");
    CHECK(decodeAnswers("alone,disabled,housing") == codes);
    CHECK(decodeAnswers(" housing , alone,,disabled ") == codes);
    CHECK(decodeAnswers("").empty());
    CHECK(encodeAnswers({}).empty());
}

TEST_CASE("the county's supervision limits are published with its standard, defaults where none is given")
{
    Record record = validRecord();
    record.set("ack_hours", "12");
    record.set("close_days", "10");
    record.set("silent_days", "3");
    const auto read = riskStandardFrom(record);
    REQUIRE(read);
    CHECK(read->limits == SupervisionLimits{12, 10, 3});
    CHECK(riskStandardFrom(riskRuleRecord(*read))->limits == SupervisionLimits{12, 10, 3});

    // A standard published before the limits existed (schema 2) judges by 24 h, 15 and 7 days.
    for (const char* field : {"ack_hours", "close_days", "silent_days"})
        record.set(field, "");
    CHECK(riskStandardFrom(record)->limits == SupervisionLimits{24, 15, 7});

    record.set("close_days", "0");
    CHECK(riskRuleProblem(record) == "情况报告办结时限（天）应为1至366之间的整数（不填则用默认值）");
    record.set("close_days", "");
    record.set("ack_hours", "两天");
    CHECK_FALSE(riskStandardFrom(record));
}
