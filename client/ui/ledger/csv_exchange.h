#pragma once

class QWidget;

namespace shouwang::ui {

class LedgerSession;

// The elder ledger to and from the CSV files county offices keep in Excel (exchange/elder_csv.h).
// ID numbers and phones are masked in an export unless the operator asks for them.
void exportLedgerCsv(LedgerSession& session, QWidget* parent);
void importLedgerCsv(LedgerSession& session, QWidget* parent);

} // namespace shouwang::ui
