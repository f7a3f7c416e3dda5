#include "report_export.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"
#include "ui/ledger/printing.h"

#include "domain/divisions.h"
#include "exchange/elder_csv.h"
#include "report/report_tables.h"
#include "store/private_file.h"

#include <QCoreApplication>

#include <fstream>

namespace shouwang::ui {
namespace {

// Every row, however many: a county's PDF holds the county. The header row sits in <thead>,
// which QTextDocument repeats at the top of each page a table runs onto.
QString tableHtml(const Table& table)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(qs(table.name).toHtmlEscaped());
    if (table.rows.empty())
        return html + QStringLiteral("<p>%1</p>").arg(QCoreApplication::translate("shouwang::ui::ReportExport", "(none)"));
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='2' width='100%'><thead><tr>");
    for (const auto& header : table.headers)
        html += QStringLiteral("<th>%1</th>").arg(qs(header).toHtmlEscaped());
    html += QStringLiteral("</tr></thead><tbody>");
    for (const auto& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (const auto& cell : row)
            html += QStringLiteral("<td>%1</td>").arg(qs(cell).toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

} // namespace

QString reportHtml(const SupervisionReport& report)
{
    QString html = QStringLiteral("<html><body><h2>%1</h2><p>%2</p>")
                       .arg(QCoreApplication::translate("shouwang::ui::ReportExport", "Supervision report: %1")
                                .arg(qs(divisionPath(report.request.area)).toHtmlEscaped()),
                            QCoreApplication::translate("shouwang::ui::ReportExport", "Period %1 to %2, figures as at %3")
                                .arg(qs(formatDate(report.request.from)), qs(formatDate(report.request.to)),
                                     qs(report.asOf).replace(u'T', u' ')));
    for (const Table& table : reportTables(report))
        html += tableHtml(table);
    return html + QStringLiteral("</body></html>");
}

QString exportReportXlsx(LedgerSession& session, std::shared_ptr<const SupervisionReport> report, const QString& path,
                         QWidget* parent)
{
    return runWithProgress(
        session.path(), QCoreApplication::translate("shouwang::ui::ReportExport", "Writing the Excel workbook..."),
        [report, path](LedgerSession& own, LedgerTask&) {
            const std::vector<Table> ledger{elderLedgerTable(own.ledger(), {report->request.area, false})};
            return qs(writeReportXlsx(ss(path), *report, ReportSection::All, ledger));
        },
        parent);
}

QString exportReportCsv(LedgerSession& session, std::shared_ptr<const SupervisionReport> report, const QString& path,
                        QWidget* parent)
{
    return runWithProgress(
        session.path(), QCoreApplication::translate("shouwang::ui::ReportExport", "Writing the CSV file..."),
        [report, path](LedgerSession&, LedgerTask&) {
            std::ofstream out;
            if (createPrivateFile(ss(path))) // names of people: owner-only from the first byte
                out.open(ss(path), std::ios::binary | std::ios::trunc);
            if (out)
                writeReportCsv(out, *report);
            out.close();
            return out ? QString()
                       : QCoreApplication::translate("shouwang::ui::ReportExport", "Could not write %1.").arg(path);
        },
        parent);
}

QString exportReportPdf(LedgerSession& session, std::shared_ptr<const SupervisionReport> report, const QString& path,
                        QWidget* parent)
{
    return runWithProgress(
        session.path(), QCoreApplication::translate("shouwang::ui::ReportExport", "Writing the PDF report..."),
        [report, path](LedgerSession&, LedgerTask&) {
            const bool written = writePdf(reportHtml(*report), path);
            if (written)
                restrictFileToOwner(ss(path));
            return written
                ? QString()
                : QCoreApplication::translate("shouwang::ui::ReportExport", "Could not write %1.").arg(path);
        },
        parent);
}

} // namespace shouwang::ui
