#pragma once

#include "domain/date.h"
#include "domain/derived.h"

#include <cstdint>
#include <string>
#include <vector>

namespace shouwang {

class Database;

// The ledger's elder list: what the table shows and every filter it offers (DESIGN.md §3
// derived flags), answered from indexed, derived columns so 100,000 rows stay fast.
struct ElderFilter {
    // The flags of domain/derived.h (ElderFlags) as bits: ElderFilter::AdvancedAge etc.
    using Flag = elder_flag::Bit;
    using enum elder_flag::Bit;

    std::string villagePrefix;
    std::string householdId;
    std::string text;          // a substring of the name, ID number or phone
    std::string status;        // an elder_status code, "" for every status
    std::uint32_t flags = 0;   // all of these must hold
    std::string riskLevel;     // a risk_level code; "none" for never assessed
    // A programme the elder is or should be in: "health_65" (in 65+ health management),
    // "health_65_missing" (65 or older and not in it), "registered_poor", "dibao", "tekun"
    // (of a 建档立卡 / 低保 / 特困供养 household); "" for any.
    std::string programme;
    bool overdue = false;      // visit due date before today
    bool dueBy = false;        // visit due on or before `dueDate`
    Date dueDate{};
    std::string sortColumn;    // one of ElderRow's column names; default village then name
    bool descending = false;
    std::size_t limit = 0;
    std::size_t offset = 0;
};

struct ElderRow {
    std::string id;
    std::string villageCode;
    std::string householdId;
    std::string name;
    std::string idNumber;
    std::string phone;
    std::string sex;
    std::string birthDate;
    int age = -1;
    std::string living;
    std::string status;
    std::string riskLevel;
    std::string lastVisit;
    std::string visitDue;
    std::string assessmentDue;
    std::uint32_t flags = 0; // ElderFilter::Flag bits that hold today (flagBits)
};

std::vector<ElderRow> findElders(Database& db, const ElderFilter& filter, Date on);
// The SELECT findElders runs for `filter` (its parameters appended to `params`): for a test
// of its query plan.
std::string elderPageQuery(Database& db, const ElderFilter& filter, Date on, std::vector<std::string>& params);

// An elder as a list of names shows one.
struct ElderName {
    std::string id;
    std::string villageCode;
    std::string name;
};
// The elders `filter` finds, by name only: in the ledger's own order (no sortColumn) it is
// read from the list index alone, never the 60-column table (the home page's supporters to
// urge go through every key target of the scope: 2.1 s from disk at 100,000 elders as rows).
std::vector<ElderName> findElderNames(Database& db, const ElderFilter& filter, Date on);
std::string elderNamesQuery(Database& db, const ElderFilter& filter, Date on, std::vector<std::string>& params);
std::size_t countElders(Database& db, const ElderFilter& filter, Date on);

} // namespace shouwang
