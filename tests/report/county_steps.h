#pragma once

// Steps the report tests take on village and county devices over the real county server
// (../cli/county_fixture.h): saving a record, a clean sync, an elder to hang work on, the
// county publishing its risk standard and the server's `report` command.

#include "../cli/county_fixture.h"
#include "../support/records.h"

#include "domain/idcard.h"
#include "domain/risk_rule.h"

#include <string>
#include <vector>

namespace shouwang::test {

// Saves `r` on the ledger as `by`, failing the test with the ledger's reason; its id.
inline std::string saved(Ledger& ledger, Record r, const std::string& by = "测试员")
{
    const SaveResult result = ledger.save(r, by);
    INFO(result.message);
    REQUIRE(result.ok());
    return r.id;
}

// A sync that reaches the county and has nothing refused.
inline SyncReport syncOk(Device& device)
{
    const SyncReport report = device.sync();
    INFO(report.error.message);
    REQUIRE(report.ok());
    CHECK(report.refused == 0);
    return report;
}

// An active elder living alone in village A, born 1950; the id.
inline std::string elder(Device& village, const std::string& name)
{
    const std::string first17 = "50015419500301123";
    return saved(
        *village.ledger,
        recordOf(
            "elder",
            {{"name", name}, {"id_number", first17 + idCheckDigit(first17)}, {"living", "alone"}, {"status", "active"}},
            kVillageA));
}

// The county office publishes `standard` (in force since 2020) and syncs it.
inline void publishStandard(Device& office, const RiskStandard& standard)
{
    Record rule = riskRuleRecord(standard);
    rule.villageCode = kCountyCode;
    rule.set("effective_from", "2020-01-01");
    saved(*office.ledger, rule);
    syncOk(office);
}

// The server's `report` command with `args`, which must succeed; its text.
inline std::string reportText(const County& county, std::vector<std::string> args)
{
    args.insert(args.begin(), "report");
    const Exec e = county.admin(args);
    INFO(e.err);
    REQUIRE(e.status == 0);
    return e.out;
}

} // namespace shouwang::test
