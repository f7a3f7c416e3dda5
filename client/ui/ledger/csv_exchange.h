#pragma once

class QWidget;

namespace shouwang::ui {

class LedgerSession;

// The elder ledger to and from the files county offices keep in Excel (exchange/elder_csv.h).
// The export is an .xlsx workbook (elders with their supporters, and their visits) or a
// CSV file (elders with their supporters), by the file type chosen. ID numbers and phones
// are masked in an export unless the operator asks for them.
void exportLedgerCsv(LedgerSession& session, QWidget* parent);
// The import template (one elder with two supporters; in an .xlsx, one visit), as .xlsx or CSV.
void saveImportTemplate(LedgerSession& session, QWidget* parent);
// An .xlsx or CSV ledger: a preview of what would happen (ImportPreviewDialog), then, once
// confirmed, every row in one transaction. Both run off the GUI thread.
void importLedgerCsv(LedgerSession& session, QWidget* parent);

} // namespace shouwang::ui
