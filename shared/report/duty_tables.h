#pragma once

// The tables of the issue-18 duties (duty_figures.h): their summary rows and lists, added
// to the report's tables by report_tables.cpp. Internal to shared/report.

#include "report_tables.h"

#include <string>
#include <vector>

namespace shouwang::report {

void addDutySummary(const SupervisionReport& report, ReportSection section, std::vector<std::vector<std::string>>& rows);
void addDutyTables(const SupervisionReport& report, ReportSection section, std::vector<Table>& tables);

} // namespace shouwang::report
