#pragma once

#include "domain/date.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace shouwang {

class Ledger;

struct DemoOptions {
    // A village (12 digits), township (9) or county (6) code. For a township or county the
    // demo fills its 村民委员会 only: the policy is about rural villages, not urban 社区.
    std::string scopeCode;
    std::size_t elders = 200;  // in total, spread evenly over the villages
    std::size_t villages = 0;  // 0: every village of the scope; else the first N by code
    int visitsPerElder = 30;
    std::uint64_t seed = 1;
    std::string operatorName = "演示数据";
    Date today{};              // the day the demo is "now"; the epoch (default) means today()
};

// What was written. `records` counts every saved record, `seconds` the wall time of the run.
struct DemoSummary {
    std::size_t villages = 0;
    std::size_t households = 0;
    std::size_t elders = 0;
    std::size_t supporters = 0;
    std::size_t dutyNotices = 0;
    std::size_t careAgreements = 0;
    std::size_t visits = 0;
    std::size_t assessments = 0;
    std::size_t incidents = 0;
    std::size_t volunteers = 0;
    std::size_t liaisons = 0;
    std::size_t pairings = 0;
    std::size_t pairingActivities = 0;
    std::size_t facilities = 0;
    std::size_t serviceRecords = 0;
    std::size_t associationActivities = 0;
    std::size_t volunteerHoursEntries = 0; // credits and redemptions
    std::size_t referrals = 0;
    std::size_t referenceRecords = 0; // county scope: service items, campaigns, the risk rule, township phones
    std::size_t records = 0;
    double seconds = 0;
};

// Thrown when the scope code names no known division or holds no village committee.
struct DemoScopeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Fills the ledger with a believable demo of the scope. Every record goes through
// Ledger::save, so it is validated, captured in the outbox and syncs like typed data.
// The content (people, ID numbers, dates, answers) depends only on the options; record
// ids and clocks are made by the device as always, so two runs never share an id.
// `progress` is called with elders written so far and the total.
DemoSummary generateDemo(Ledger& ledger, const DemoOptions& options,
                         std::function<void(std::size_t done, std::size_t total)> progress = {});

} // namespace shouwang
