// The volunteer hours account derived from its entries (issue 18 item 2).
#include "domain/risk_rule.h"
#include "domain/volunteer_hours.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace shouwang;

namespace {

Record entry(std::string_view entity, const std::string& id, int hours, std::uint64_t created)
{
    Record r;
    r.entity = std::string(entity);
    r.id = id;
    r.set("volunteer_id", "v");
    r.set("date", "2026-11-01");
    r.set("hours", std::to_string(hours));
    r.clocks["volunteer_id"] = Hlc{created << Hlc::kCounterBits, "dev"};
    return r;
}

} // namespace

TEST_CASE("an account takes its entries in the order they were recorded, whatever order they arrive in")
{
    std::vector<Record> entries = {entry(kCreditEntity, "c", 4, 1), entry(kRedemptionEntity, "r1", 3, 2),
                                   entry(kRedemptionEntity, "r2", 3, 3)};
    const auto none = [](const std::string&) { return 0; };
    std::sort(entries.begin(), entries.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
    do {
        const HoursAccount account = deriveHoursAccount("v", entries, none);
        CHECK(account.balance() == -2);
        CHECK(account.pending == 1);
        REQUIRE(account.entries.size() == 3);
        CHECK(account.entries[2].record.id == "r2");
        CHECK(account.entries[2].state == HoursEntryState::OverdraftPending);
        CHECK(account.entries[1].state == HoursEntryState::Counted);
    } while (std::next_permutation(entries.begin(), entries.end(), [](const Record& a, const Record& b) { return a.id < b.id; }));

    // Within the county's allowance an overdraft is counted without question.
    const HoursAccount allowed = deriveHoursAccount("v", entries, [](const std::string&) { return 2; });
    CHECK(allowed.pending == 0);
    CHECK(allowed.balance() == -2);
    // Voided entries stay listed and count nothing.
    entries[0].set("voided", "1");
    const HoursAccount voided = deriveHoursAccount("v", entries, none);
    CHECK(voided.credited == 0);
    CHECK(voided.pending == 2);
    CHECK(hoursEntryStateLabel(voided.entries[0].state) == "已作废");
}

TEST_CASE("the county publishes the hours overdraft with its standard: none by default, 0 to 1000 hours, round-tripped")
{
    RiskStandard standard = defaultRiskStandard();
    CHECK(standard.limits.overdraftHours == 0);
    standard.limits.overdraftHours = 5;
    Record rule = riskRuleRecord(standard);
    CHECK(riskStandardFrom(rule)->limits.overdraftHours == 5);
    rule.set("overdraft_hours", "0");
    CHECK(riskRuleProblem(rule).empty());
    rule.set("overdraft_hours", "");
    CHECK(riskStandardFrom(rule)->limits.overdraftHours == 0);
    rule.set("overdraft_hours", "-1");
    CHECK(riskRuleProblem(rule) == "志愿服务时长允许透支（小时）应为0至1000之间的整数（不填则不允许透支）");
}
