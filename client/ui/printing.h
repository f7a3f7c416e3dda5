#pragma once

#include "domain/record.h"
#include "store/elder_query.h"

#include <QString>

class QWidget;

namespace shouwang::ui {

class LedgerSession;

// The printed forms: one elder's record (every field, supporters, visits, assessments,
// incident reports) and the village ledger (信息台账) as a table. ID numbers are printed in
// full on the elder's own record and masked in the ledger.
QString elderRecordHtml(LedgerSession& session, const Record& elder);
QString ledgerHtml(LedgerSession& session, const ElderFilter& filter);

// Writes HTML to a PDF file; false with nothing written when it cannot.
bool writePdf(const QString& html, const QString& path);
// Asks whether to print or save a PDF, then does it.
void printOrSave(const QString& html, const QString& suggestedName, QWidget* parent);

void printElderRecord(LedgerSession& session, const Record& elder, QWidget* parent);
void printLedger(LedgerSession& session, const ElderFilter& filter, QWidget* parent);

} // namespace shouwang::ui
