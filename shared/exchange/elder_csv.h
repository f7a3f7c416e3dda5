#pragma once

#include "table.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

class Ledger;

// The elder ledger as a CSV file county offices keep in Excel (docs/csv-template.md):
// UTF-8 with BOM, RFC 4180 quoting, one row per elder with their household's columns,
// Chinese headers and Chinese labels for every choice.

struct ExportOptions {
    std::string villagePrefix;       // "" for every village in the ledger
    // 身份证号 and phone numbers are masked (DESIGN §5) unless the operator asks for them;
    // a masked file is for reading and cannot be imported back.
    bool revealPersonalData = false;
};

struct ImportOptions {
    std::string operatorName = "CSV导入";
    std::string villagePrefix; // rows of villages outside it are refused; "" accepts any village
};

struct RowError {
    std::size_t line = 0; // the file line the row starts on (the header is line 1); 0: the file itself
    std::string message;  // in Chinese, saying what to correct
};

struct ImportReport {
    std::size_t imported = 0;  // new elders
    std::size_t updated = 0;   // elders already in the village (same 身份证号) whose values changed
    std::size_t unchanged = 0; // elders already in the village, the row saying nothing new
    std::size_t refused = 0;
    std::vector<RowError> errors;
};

void exportEldersCsv(Ledger& ledger, std::ostream& out, const ExportOptions& options = {});
// The same rows and headers as the CSV file, for other formats (.xlsx, where a cell is
// text by type and needs no Excel guard before the 身份证号).
Table elderLedgerTable(Ledger& ledger, const ExportOptions& options = {});
// "" on success, else why the file could not be written.
std::string exportEldersCsvFile(Ledger& ledger, const std::string& path, const ExportOptions& options = {});

// Every good row is kept and every bad row refused with its line and reason. A row is
// placed by 村（社区）代码; its household is the one with the same 户主姓名 and 家庭住址 in
// that village (made if there is none); its elder the one with the same 身份证号 in that
// village (updated), else a new one. Cells of columns absent from the file are left as they are.
ImportReport importEldersCsv(Ledger& ledger, std::string_view text, const ImportOptions& options = {});
ImportReport importEldersCsvFile(Ledger& ledger, const std::string& path, const ImportOptions& options = {});

// The header row and one example row, as docs/elder-template.csv ships them.
std::string elderCsvTemplate();

} // namespace shouwang
