#pragma once

#include "domain/record.h"
#include "store/elder_query.h"

#include <QString>

#include <functional>

class QWidget;

namespace shouwang::ui {

class LedgerSession;

// The printed forms: one elder's record (every field, then every record that concerns the
// elder: household, supporters, visits, assessments, pairings, incident reports...) and the village ledger (信息台账) as a table. ID numbers are printed in
// full on the elder's own record and masked in the ledger.
QString elderRecordHtml(LedgerSession& session, const Record& elder);
QString ledgerHtml(LedgerSession& session, const ElderFilter& filter);

// Writes HTML to an A4 PDF file; false when it cannot. Safe on a worker thread.
bool writePdf(const QString& html, const QString& path);
// Builds the HTML on the worker's own connection to the ledger.
using HtmlSource = std::function<QString(LedgerSession& own)>;
// Asks whether to print or save a PDF, then does it: the HTML is built, and a PDF written,
// on a worker thread (LedgerTask) with progress shown; paper printing, which needs the
// print dialog, happens on the window's thread once the HTML is ready.
void printOrSave(LedgerSession& session, HtmlSource html, const QString& suggestedName, QWidget* parent);

void printElderRecord(LedgerSession& session, const Record& elder, QWidget* parent);
void printLedger(LedgerSession& session, const ElderFilter& filter, QWidget* parent);

} // namespace shouwang::ui
