#pragma once

#include <QString>

#include <memory>

class QWidget;

namespace shouwang {
struct SupervisionReport;
}

namespace shouwang::ui {

class LedgerSession;

// The files the offices take away, each written on a worker thread (LedgerTask) while a
// progress dialog shows: every supervision table as .xlsx (with the area's elder ledger as
// a further sheet, ID numbers masked) or CSV, and a printable PDF summary. "" or the reason.
QString exportReportXlsx(LedgerSession& session, std::shared_ptr<const SupervisionReport> report,
                         const QString& path, QWidget* parent);
QString exportReportCsv(LedgerSession& session, std::shared_ptr<const SupervisionReport> report,
                        const QString& path, QWidget* parent);
QString exportReportPdf(LedgerSession& session, std::shared_ptr<const SupervisionReport> report,
                        const QString& path, QWidget* parent);

// The summary report as HTML: heading, the headline figures, the unit breakdown and the
// lists (the longest cut at 200 rows, with the count said).
QString reportHtml(const SupervisionReport& report);

} // namespace shouwang::ui
