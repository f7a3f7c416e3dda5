#pragma once

// Volunteers' hours accounts read from the ledger (domain/volunteer_hours.h holds the rules).

#include "domain/volunteer_hours.h"

#include <string>
#include <vector>

namespace shouwang {

class Database;

// The account of one volunteer, from every entry the ledger holds.
HoursAccount loadHoursAccount(Database& db, const std::string& volunteerId);
// The accounts of every volunteer (not deleted) of the villages under `villagePrefix`
// ("" every village), with or without entries, by village and name.
struct VolunteerAccount {
    std::string villageCode, name;
    bool active = false;
    HoursAccount account;
};
std::vector<VolunteerAccount> loadHoursAccounts(Database& db, const std::string& villagePrefix);
// Why a new redemption may not be saved on this ledger: beyond the volunteer's balance and
// the overdraft the county's standard in force on its date allows. "" when it may.
std::string redemptionProblem(Database& db, const Record& redemption);

} // namespace shouwang
