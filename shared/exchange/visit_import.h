#pragma once

#include "csv.h"
#include "elder_csv.h"

#include <vector>

namespace shouwang {

class Ledger;

// Visit records (探访记录) from another sheet of the ledger's workbook: one row per visit,
// the elder given by 身份证号 (in the ledger, or imported from the elder sheet just before,
// in the same transaction). A visit the ledger already has (same elder, date and visitor)
// is left as it is. Refused rows go to the report's errors, named by the sheet.
void importVisitRows(Ledger& ledger, const std::vector<csv::Row>& rows, const std::string& sheetName,
                     const ImportOptions& options, ImportReport& report);

// Whether a sheet's first rows hold a visit table (身份证号 and 探访日期 in one row).
bool looksLikeVisitSheet(const std::vector<csv::Row>& rows);

} // namespace shouwang
