#include "csv_exchange.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"
#include "import_preview_dialog.h"

#include "exchange/elder_csv.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace shouwang::ui {

namespace {

// The file name the clerk typed, with the extension of the chosen type when it has none.
QString withSuffix(QString path, const QString& selectedFilter)
{
    if (!path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive)
        && !path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += selectedFilter.contains(QStringLiteral("*.csv")) ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
    return path;
}

QString exchangeFileFilter()
{
    return QObject::tr("Excel workbooks (*.xlsx);;CSV files (*.csv)");
}

} // namespace

void exportLedgerCsv(LedgerSession& session, QWidget* parent)
{
    QMessageBox ask(QMessageBox::Question, QObject::tr("Export ledger"),
                    QObject::tr("Export the ledger with ID numbers and phones masked (for reading), or in full "
                                "(for the county's records; keep the file safe)?"),
                    QMessageBox::NoButton, parent);
    QPushButton* masked = ask.addButton(QObject::tr("Masked"), QMessageBox::AcceptRole);
    QPushButton* full = ask.addButton(QObject::tr("In full"), QMessageBox::AcceptRole);
    ask.addButton(QObject::tr("Cancel"), QMessageBox::RejectRole);
    ask.setDefaultButton(masked);
    ask.exec();
    if (ask.clickedButton() != masked && ask.clickedButton() != full)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString selectedFilter;
    // An .xlsx holds the elders with their supporters and a 探访记录 sheet of visits; a CSV
    // the elders with their supporters. Both import back as they are.
    QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export ledger"),
                                                dir + QStringLiteral("/ledger-%1.xlsx").arg(qs(session.scopeCode())),
                                                exchangeFileFilter(), &selectedFilter);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selectedFilter);
    ExportOptions options;
    options.villagePrefix = session.scopeCode();
    options.revealPersonalData = ask.clickedButton() == full;
    const QString error = runWithProgress(
        session.path(), QObject::tr("Exporting the ledger..."),
        [options, path](LedgerSession& own, LedgerTask&) {
            return qs(exportLedgerFile(own.ledger(), ss(path), options));
        },
        parent);
    if (error.isEmpty())
        QMessageBox::information(parent, QObject::tr("Export ledger"),
                                 QObject::tr("The ledger was saved to %1.").arg(path));
    else
        QMessageBox::warning(parent, QObject::tr("Export ledger"), error);
}

void saveImportTemplate(LedgerSession& session, QWidget* parent)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString selectedFilter;
    QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Save import template"),
                                                dir + QStringLiteral("/") + QObject::tr("ledger-template")
                                                    + QStringLiteral(".xlsx"),
                                                exchangeFileFilter(), &selectedFilter);
    if (path.isEmpty())
        return;
    path = withSuffix(path, selectedFilter);
    const QString error = runWithProgress(
        session.path(), QObject::tr("Saving the template..."),
        [path](LedgerSession&, LedgerTask&) { return qs(writeElderTemplateFile(ss(path))); }, parent);
    if (error.isEmpty())
        QMessageBox::information(parent, QObject::tr("Save import template"),
                                 QObject::tr("The template was saved to %1. Fill it in Excel (one row per supporter; "
                                             "visits on the 探访记录 sheet), then import it.")
                                     .arg(path));
    else
        QMessageBox::warning(parent, QObject::tr("Save import template"), error);
}

void importLedgerCsv(LedgerSession& session, QWidget* parent)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, QObject::tr("Import ledger"), {},
        QObject::tr("Excel or CSV files (*.xlsx *.csv *.txt *.xls);;Excel workbooks (*.xlsx);;CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    ImportOptions options;
    options.operatorName = session.operatorName();
    options.villagePrefix = session.scopeCode();
    // The preview: the whole import run and rolled back, off the GUI thread; again with
    // another sheet when the clerk picks one.
    ImportReport preview;
    while (true) {
        options.dryRun = true;
        const QString error = runWithProgress(
            session.path(), QObject::tr("Reading the file..."),
            [options, path, &preview](LedgerSession& own, LedgerTask&) {
                preview = importEldersFile(own.ledger(), ss(path), options);
                return QString();
            },
            parent);
        if (!error.isEmpty()) {
            QMessageBox::warning(parent, QObject::tr("Import ledger"), error);
            return;
        }
        // A workbook whose table is on another sheet: the preview offers the sheets.
        if (preview.wholeFileRefused && preview.sheetNames.size() < 2) {
            QMessageBox::warning(parent, QObject::tr("Import ledger"), qs(importSummary(preview)));
            return;
        }
        const QString databasePath = session.path();
        ImportPreviewDialog dialog(
            preview, preview.sheetNames,
            [&preview, databasePath, parent](const QString& out) {
                return runWithProgress(
                    databasePath, QObject::tr("Saving the refused rows..."),
                    [&preview, out](LedgerSession&, LedgerTask&) { return qs(writeRefusedRowsCsv(preview, ss(out))); },
                    parent);
            },
            parent);
        const int answer = dialog.exec();
        if (answer == ImportPreviewDialog::kOtherSheet) {
            options.sheet = dialog.chosenSheet();
            continue;
        }
        if (answer != QDialog::Accepted)
            return;
        break;
    }

    options.dryRun = false;
    ImportReport report;
    const QString error = runWithProgress(
        session.path(), QObject::tr("Importing the ledger..."),
        [options, path, &report](LedgerSession& own, LedgerTask&) {
            report = importEldersFile(own.ledger(), ss(path), options);
            return QString();
        },
        parent);
    session.ledger().derived().forgetStandard();
    session.notifyChanged();
    if (!error.isEmpty()) {
        // The import is one transaction: a failure midway leaves nothing of it.
        QMessageBox::warning(parent, QObject::tr("Import ledger"),
                             QObject::tr("Nothing was imported: %1").arg(error));
        return;
    }
    QMessageBox::information(parent, QObject::tr("Import ledger"), qs(importSummary(report)));
}

} // namespace shouwang::ui
