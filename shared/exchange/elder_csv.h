#pragma once

#include "csv.h"
#include "table.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

class Ledger;

// The elder ledger as a CSV file county offices keep in Excel (docs/csv-template.md):
// UTF-8 with BOM, RFC 4180 quoting, one row per elder with their household's columns and
// a supporter's (子女/赡养人), Chinese headers and Chinese labels for every choice. An
// elder with several supporters has a further row per supporter repeating the elder's
// 身份证号 and 姓名; as an .xlsx workbook, the ledger's visits follow on a 探访记录 sheet.
// Export and import use the same columns (elder_csv_columns.h, import_header.h'
// supporterColumns, visit_import.h's visitColumns), so export → edit in Excel → import
// round-trips.

struct ExportOptions {
    std::string villagePrefix;       // "" for every village in the ledger
    // 身份证号 and phone numbers are masked (DESIGN §5) unless the operator asks for them;
    // a masked file is for reading and cannot be imported back.
    bool revealPersonalData = false;
};

struct ImportOptions {
    std::string operatorName = "CSV导入";
    // Rows of villages outside it are refused; "" accepts any village. When it is one
    // village (a village's device), a file without 村（社区）代码 is taken to be of that village.
    std::string villagePrefix;
    // Check every row and say what would happen, then write nothing (the preview).
    bool dryRun = false;
    std::string sheet; // .xlsx: the sheet to read; "" the first
};

struct RowError {
    std::size_t line = 0; // the file line (sheet row) the row starts on; 0: the file itself
    std::string message;  // in Chinese, saying what to correct
};

// One field of an elder already in the ledger that the row changes, as people read it.
struct FieldUpdate {
    std::string field; // the column's header
    std::string before;
    std::string after;
};

struct RowUpdate {
    std::size_t line = 0;
    std::string who; // 姓名
    std::vector<FieldUpdate> changes;
};

// A refused row as it was in the file, so it can be saved with its reason, fixed and imported again.
struct RefusedRow {
    std::size_t line = 0;
    std::vector<std::string> cells;
    std::string reason;
};

// What an import did, or (dryRun) would do: the preview and the outcome are the same
// report from the same code, so their counts agree.
struct ImportReport {
    std::size_t imported = 0;  // new elders
    std::size_t updated = 0;   // elders already in the village (same 身份证号) whose values changed
    std::size_t unchanged = 0; // elders already in the village, the row saying nothing new
    std::size_t refused = 0;   // rows refused, each with its line and reason in `errors`
    std::size_t skipped = 0;   // title, totals and signature rows, each with its reason in `skippedRows`
    std::size_t supportersAdded = 0;   // supporters (子女/赡养人) new to their elder
    std::size_t supportersUpdated = 0; // supporters the elder had, whose values changed
    std::size_t visitsAdded = 0;     // visit records from a 探访记录 sheet of the workbook
    std::size_t visitsUnchanged = 0; // visits the ledger already has (same elder, date and visitor)
    std::vector<RowError> errors;      // refused rows, and problems with the file itself (line 0 or the header's)
    std::vector<RowError> skippedRows;
    std::vector<RowError> warnings;    // rows taken, with something the clerk should check
    std::vector<RowError> added;       // line and 姓名 of each new elder
    std::vector<RowUpdate> updates;
    std::vector<std::string> header;   // the file's header row as typed
    std::vector<RefusedRow> refusedRows;
    std::string encoding;              // of a text file: UTF-8, GB18030, UTF-16LE …
    std::string sheet;                 // of a workbook: the sheet read
    std::vector<std::string> sheetNames; // of a workbook: every sheet, to pick another
    bool dryRun = false;
    bool committed = false;            // the rows were written to the ledger
    bool wholeFileRefused = false;     // the file could not be read or its header not used: no row was looked at
};

// What happened, in one Chinese sentence that never claims what did not happen:
// "预览：将新增…（尚未导入）", "已导入：新增…", "没有导入任何内容：…".
std::string importSummary(const ImportReport& report);

// The refused rows with the file's header and a 拒绝原因 column, as a UTF-8 CSV to fix in
// Excel and import again. "" on success, else why the file could not be written.
std::string writeRefusedRowsCsv(const ImportReport& report, const std::string& path);

void exportEldersCsv(Ledger& ledger, std::ostream& out, const ExportOptions& options = {});
// The same rows and headers as the CSV file, for other formats (.xlsx, where a cell is
// text by type and needs no Excel guard before the 身份证号).
Table elderLedgerTable(Ledger& ledger, const ExportOptions& options = {});
// The ledger as a workbook: the elder sheet (elderLedgerTable) and the 探访记录 sheet.
std::vector<Table> ledgerWorkbook(Ledger& ledger, const ExportOptions& options = {});
// "" on success, else why the file could not be written.
std::string exportEldersCsvFile(Ledger& ledger, const std::string& path, const ExportOptions& options = {});
// By the file's name: an .xlsx workbook (ledgerWorkbook), else the CSV file.
std::string exportLedgerFile(Ledger& ledger, const std::string& path, const ExportOptions& options = {});

// Every good row is kept and every bad row refused with its line and reason, all in one
// transaction: a cancel or crash midway leaves nothing. The table is found in the sheet
// (title rows, header words people use, 序号, derived columns, totals and signature rows:
// docs/csv-template.md). A row is placed by 村（社区）代码; its household is the one with the
// same 户主姓名 and 家庭住址 in that village (made if there is none); its elder the one with
// the same 身份证号 in that village (updated), else a new one. Cells of columns absent from
// the file are left as they are.
// `visitSheets`: other sheets of the workbook holding visit records (探访记录), by name,
// imported in the same transaction after the elders.
ImportReport importElderRows(Ledger& ledger, const std::vector<csv::Row>& rows, const ImportOptions& options = {},
                             const std::vector<std::pair<std::string, std::vector<csv::Row>>>& visitSheets = {});
// A text file's bytes: CSV (or tab-separated "Unicode 文本") in UTF-8, GB18030 or UTF-16.
ImportReport importEldersCsv(Ledger& ledger, std::string_view bytes, const ImportOptions& options = {});
// A file's bytes, whatever Excel saved: .xlsx (the chosen sheet, and visit records from any
// other sheet that holds them), an old .xls (refused: save as .xlsx), or text.
ImportReport importEldersBytes(Ledger& ledger, std::string_view bytes, const ImportOptions& options = {});
ImportReport importEldersFile(Ledger& ledger, const std::string& path, const ImportOptions& options = {});
ImportReport importEldersCsvFile(Ledger& ledger, const std::string& path, const ImportOptions& options = {});

// The header row and an example elder with two supporters (two rows), as
// docs/elder-template.csv ships them.
std::string elderCsvTemplate();
// The import template by the file's name: an .xlsx workbook (the elder sheet as the CSV
// template, and a 探访记录 sheet with one example visit), else the CSV template. "" on
// success, else why the file could not be written.
std::string writeElderTemplateFile(const std::string& path);

} // namespace shouwang
