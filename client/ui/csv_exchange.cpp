#include "csv_exchange.h"

#include "labels.h"
#include "ledger_session.h"
#include "ledger_task.h"

#include "exchange/elder_csv.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStringList>

namespace shouwang::ui {

void exportLedgerCsv(LedgerSession& session, QWidget* parent)
{
    QMessageBox ask(QMessageBox::Question, QObject::tr("Export CSV"),
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
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export CSV"),
                                                      dir + QStringLiteral("/ledger-%1.csv").arg(qs(session.scopeCode())),
                                                      QObject::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    ExportOptions options;
    options.villagePrefix = session.scopeCode();
    options.revealPersonalData = ask.clickedButton() == full;
    const QString error = runWithProgress(
        session.path(), QObject::tr("Exporting the ledger..."),
        [options, path](LedgerSession& own, LedgerTask&) { return qs(exportEldersCsvFile(own.ledger(), ss(path), options)); },
        parent);
    if (error.isEmpty())
        QMessageBox::information(parent, QObject::tr("Export CSV"), QObject::tr("The ledger was saved to %1.").arg(path));
    else
        QMessageBox::warning(parent, QObject::tr("Export CSV"), error);
}

void importLedgerCsv(LedgerSession& session, QWidget* parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, QObject::tr("Import CSV"), {},
                                                      QObject::tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    ImportOptions options;
    options.operatorName = session.operatorName();
    options.villagePrefix = session.scopeCode();
    ImportReport report;
    const QString error = runWithProgress(
        session.path(), QObject::tr("Importing the ledger..."),
        [options, path, &report](LedgerSession& own, LedgerTask&) {
            report = importEldersCsvFile(own.ledger(), ss(path), options);
            return QString();
        },
        parent);
    session.ledger().derived().forgetStandard();
    session.notifyChanged();
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Import CSV"), error);
        return;
    }
    QStringList lines;
    lines << QObject::tr("New elders: %1    Updated: %2    Unchanged: %3    Refused rows: %4")
                 .arg(report.imported)
                 .arg(report.updated)
                 .arg(report.unchanged)
                 .arg(report.refused);
    for (const auto& refused : report.errors) {
        if (lines.size() > 30)
            break;
        lines << QObject::tr("Line %1: %2").arg(refused.line).arg(qs(refused.message));
    }
    QMessageBox::information(parent, QObject::tr("Import CSV"), lines.join(u'\n'));
}

} // namespace shouwang::ui
