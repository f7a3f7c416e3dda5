#pragma once

// The supervision report as tables with Chinese headers, and the three forms the offices
// take it in: text (the server's command line), CSV and .xlsx. A screen shows the same
// tables, so every number a person sees was computed once, in supervision.cpp.

#include "supervision.h"

#include "exchange/table.h"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

enum class ReportSection {
    All, Base, Visits, Risk, Incidents, Services, Data, Duplicates, Association, Volunteers, Referrals, Family, Health,
    Facilities
};

// "all", "base", "visits", "risk", "incidents", "services", "data", "duplicates", "association",
// "volunteers", "referrals", "family", "health", "facilities".
std::optional<ReportSection> parseReportSection(std::string_view name);

// The headline figures: 板块, 指标, 数值 — one row per figure of the sections asked for.
Table summaryTable(const SupervisionReport& report, ReportSection section = ReportSection::All);
// The breakdown by child unit, with a 合计 row last.
Table unitTable(const SupervisionReport& report);
// The summary first, the unit breakdown (for All), then the section's lists.
std::vector<Table> reportTables(const SupervisionReport& report, ReportSection section = ReportSection::All);

// A heading with the area, period and as-of moment, then each table aligned in columns.
void writeReportText(std::ostream& out, const SupervisionReport& report, ReportSection section = ReportSection::All);
// Every table in one UTF-8 CSV file (with BOM): its name on a line, its header and rows,
// and an empty line between tables.
void writeReportCsv(std::ostream& out, const SupervisionReport& report, ReportSection section = ReportSection::All);
// One sheet per table; `extra` sheets (the county ledger) follow. "" or why not (Chinese).
std::string writeReportXlsx(const std::string& path, const SupervisionReport& report,
                            ReportSection section = ReportSection::All, const std::vector<Table>& extra = {});

} // namespace shouwang
