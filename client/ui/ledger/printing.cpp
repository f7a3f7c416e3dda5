#include "printing.h"

#include "elder_table_model.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"
#include "ui/forms/record_table_model.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema.h"
#include "domain/schema_names.h"
#include "store/elder_records.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextDocument>

namespace shouwang::ui {
namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString recordTable(LedgerSession& session, const EntityDef& entity, const Record& record)
{
    QString html = QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'>");
    for (const auto& field : entity.fields) {
        if (field.name == "elder_id")
            continue;
        html += QStringLiteral("<tr><td width='30%'>%1</td><td>%2</td></tr>")
                    .arg(esc(label(field)), esc(RecordTableModel::displayValue(session, field, record.value(field.name), false)));
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QString elderRecordHtml(LedgerSession& session, const Record& elder)
{
    QString html = QStringLiteral("<html><body><h2>%1 — %2</h2><p>%3</p>")
                       .arg(esc(QCoreApplication::translate("shouwang::ui::Printing", "Left-behind elder record")),
                            esc(qs(elder.value(schema::elder::name))), esc(qs(divisionPath(elder.villageCode))));
    html += recordTable(session, *findEntity(schema::elder::entity), elder);
    for (const ConcerningRecords& group : recordsConcerningElder(session.ledger(), elder)) {
        html += QStringLiteral("<h3>%1（%2）</h3>").arg(esc(label(*group.entity))).arg(group.records.size());
        for (const Record& record : group.records)
            html += recordTable(session, *group.entity, record) + QStringLiteral("<br/>");
    }
    html += QStringLiteral("<p>%1 %2</p></body></html>").arg(esc(QCoreApplication::translate("shouwang::ui::Printing", "Printed on")), qs(formatDate(today())));
    return html;
}

QString ledgerHtml(LedgerSession& session, const ElderFilter& filter)
{
    ElderTableModel model(session);
    ElderFilter all = filter;
    all.limit = 0;
    auto rows = findElders(session.database(), all, today());
    QString html = QStringLiteral("<html><body><h2>%1</h2><p>%2 — %3</p>")
                       .arg(esc(QCoreApplication::translate("shouwang::ui::Printing", "Ledger of rural left-behind elders")), esc(qs(divisionPath(session.scopeCode()))),
                            esc(QCoreApplication::translate("shouwang::ui::Printing", "%1 elders").arg(rows.size())));
    // <thead>: the header row is repeated on every page the table runs onto.
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='2' width='100%'><thead><tr>");
    for (int c = 0; c < ElderTableModel::ColumnCount; ++c)
        html += QStringLiteral("<th>%1</th>").arg(esc(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    html += QStringLiteral("</tr></thead><tbody>");
    for (const auto& row : rows) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td>"
                               "<td>%8</td><td>%9</td>")
                    .arg(esc(qs(row.name)), enumLabel("sex", row.sex), row.age >= 0 ? QString::number(row.age) : QString(),
                         qs(maskIdNumber(row.idNumber)), qs(maskPhone(row.phone)), enumLabel("living", row.living),
                         enumLabel("elder_status", row.status), enumLabel("risk_level", row.riskLevel),
                         ElderTableModel::flagsText(row.flags));
        html += QStringLiteral("<td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(qs(row.lastVisit), qs(row.visitDue), qs(row.villageCode));
    }
    html += QStringLiteral("</tbody></table><p>%1 %2</p></body></html>").arg(esc(QCoreApplication::translate("shouwang::ui::Printing", "Printed on")), qs(formatDate(today())));
    return html;
}

bool writePdf(const QString& html, const QString& path)
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        QTextDocument document;
        document.setHtml(html);
        document.print(&writer);
    }
    return QFileInfo(path).size() > 0;
}

namespace {

void printOnPaper(const QString& html, QWidget* parent)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument document;
    document.setHtml(html);
    document.print(&printer);
}

} // namespace

void printOrSave(LedgerSession& session, HtmlSource html, const QString& suggestedName, QWidget* parent)
{
    QMessageBox box(QMessageBox::Question, QCoreApplication::translate("shouwang::ui::Printing", "Print"), QCoreApplication::translate("shouwang::ui::Printing", "Print on paper, or save as a PDF file?"),
                    QMessageBox::NoButton, parent);
    QPushButton* print = box.addButton(QCoreApplication::translate("shouwang::ui::Printing", "Print..."), QMessageBox::AcceptRole);
    QPushButton* pdf = box.addButton(QCoreApplication::translate("shouwang::ui::Printing", "Save as PDF..."), QMessageBox::AcceptRole);
    box.addButton(QCoreApplication::translate("shouwang::ui::Printing", "Cancel"), QMessageBox::RejectRole);
    box.exec();
    QString path;
    if (box.clickedButton() == pdf) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("shouwang::ui::Printing", "Save as PDF"), dir + u'/' + suggestedName, QCoreApplication::translate("shouwang::ui::Printing", "PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
    } else if (box.clickedButton() != print) {
        return;
    }
    QString text;
    const QString error = runWithProgress(
        session.path(), path.isEmpty() ? QCoreApplication::translate("shouwang::ui::Printing", "Preparing the pages...") : QCoreApplication::translate("shouwang::ui::Printing", "Writing the PDF..."),
        [html = std::move(html), path, &text](LedgerSession& own, LedgerTask&) {
            text = html(own);
            if (!path.isEmpty() && !writePdf(text, path))
                return QCoreApplication::translate("shouwang::ui::Printing", "Could not write %1.").arg(path);
            return QString();
        },
        parent);
    if (!error.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("shouwang::ui::Printing", "Print"), error);
    else if (path.isEmpty())
        printOnPaper(text, parent);
}

void printElderRecord(LedgerSession& session, const Record& elder, QWidget* parent)
{
    printOrSave(
        session, [elder](LedgerSession& own) { return elderRecordHtml(own, elder); },
        qs(elder.value(schema::elder::name)) + QStringLiteral(".pdf"), parent);
}

void printLedger(LedgerSession& session, const ElderFilter& filter, QWidget* parent)
{
    printOrSave(
        session, [filter](LedgerSession& own) { return ledgerHtml(own, filter); },
        QCoreApplication::translate("shouwang::ui::Printing", "ledger") + QStringLiteral(".pdf"), parent);
}

} // namespace shouwang::ui
