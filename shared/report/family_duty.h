#pragma once

// Urging families (督促赡养, policy 二(一)(二)): which key targets' supporters are due to be
// urged — never urged, not urged within the county's interval (risk_rule notice_days), or
// the latest notice's follow-up date has passed. The village's home page lists them; the
// supervision report counts who was urged in its period (family_duty_section.cpp).

#include "domain/date.h"

#include <string>
#include <vector>

namespace shouwang {

class Database;

struct UrgingDue {
    std::string elderId, elderName, villageCode;
    std::string lastNotice; // date of the latest notice; "" never urged
    std::string followUp;   // its follow-up date, if any
    std::string reason;     // "从未督促", "超过90天未督促", "跟进日期（…）已过"
};

// Active key targets with a supporter on file under `areaPrefix` who are due on `day`,
// ordered by village and name.
std::vector<UrgingDue> urgingDue(Database& db, const std::string& areaPrefix, Date day);

} // namespace shouwang
