#pragma once

#include "csv.h"
#include "elder_csv.h"

#include <span>
#include <string_view>
#include <vector>

namespace shouwang {

class Ledger;
struct FieldDef;

// The visit sheet of the ledger's workbook, as the .xlsx export writes it and the import
// reads it: the elder's 身份证号 and 姓名 (to place the visit, and for people), then every
// field of a visit a sheet can hold, headed by its Chinese name (domain/schema.cpp).
inline constexpr std::string_view kVisitSheetName = "探访记录";
struct VisitColumn {
    std::string header;
    const FieldDef* field; // the elder's id_number or name, or a field of the visit
    bool ofElder;
};
std::span<const VisitColumn> visitColumns();

// Visit records (探访记录) from another sheet of the ledger's workbook: one row per visit,
// the elder given by 身份证号 (in the ledger, or imported from the elder sheet just before,
// in the same transaction). A visit the ledger already has (same elder, date and visitor)
// is left as it is; a 姓名 that is not the elder's is warned about. Refused rows go to the report's errors, named by the sheet.
void importVisitRows(Ledger& ledger, const std::vector<csv::Row>& rows, const std::string& sheetName,
                     const ImportOptions& options, ImportReport& report);

// Whether a sheet's first rows hold a visit table (身份证号 and 探访日期 in one row).
bool looksLikeVisitSheet(const std::vector<csv::Row>& rows);

} // namespace shouwang
