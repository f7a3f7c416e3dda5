#include "import_preview_dialog.h"

#include "ui/session/labels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

// A preview of a large file lists the first rows of each section and says how many more.
constexpr int kRowsShown = 500;

QTreeWidgetItem* section(QTreeWidget* tree, const QString& key, const QString& title, std::size_t count)
{
    auto* item = new QTreeWidgetItem(tree, {title.arg(count)});
    item->setData(0, Qt::UserRole, key);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    return item;
}

void addLines(QTreeWidgetItem* parent, const std::vector<RowError>& rows)
{
    int shown = 0;
    for (const RowError& row : rows) {
        if (++shown > kRowsShown) {
            new QTreeWidgetItem(parent, {ImportPreviewDialog::tr("… and %1 more").arg(rows.size() - kRowsShown)});
            break;
        }
        const QString line = row.line ? ImportPreviewDialog::tr("Line %1").arg(row.line) : ImportPreviewDialog::tr("File");
        new QTreeWidgetItem(parent, {line, qs(row.message)});
    }
}

} // namespace

ImportPreviewDialog::ImportPreviewDialog(const ImportReport& report, const std::vector<std::string>& sheets,
                                         SaveRefused saveRefused, QWidget* parent)
    : QDialog(parent)
    , m_report(report)
    , m_save(std::move(saveRefused))
{
    setWindowTitle(tr("Import preview"));
    auto* layout = new QVBoxLayout(this);
    if (sheets.size() > 1) {
        auto* row = new QHBoxLayout;
        row->addWidget(new QLabel(tr("Sheet:"), this));
        m_sheets = new QComboBox(this);
        for (const std::string& name : sheets)
            m_sheets->addItem(qs(name));
        m_sheets->setCurrentText(qs(report.sheet));
        connect(m_sheets, &QComboBox::currentTextChanged, this, [this] { done(kOtherSheet); });
        row->addWidget(m_sheets, 1);
        layout->addLayout(row);
    }
    auto* summary = new QLabel(qs(importSummary(report)), this);
    summary->setWordWrap(true);
    summary->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(summary);
    auto* note = new QLabel(tr("Nothing has been written yet. Check the rows below, then choose Import: every row "
                               "goes in at once, or none does."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Row"), tr("Details")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    addLines(section(m_tree, QStringLiteral("add"), tr("To add: %1"), report.imported), report.added);
    QTreeWidgetItem* updates = section(m_tree, QStringLiteral("update"), tr("To update: %1"), report.updated);
    int shown = 0;
    for (const RowUpdate& update : report.updates) {
        if (++shown > kRowsShown)
            break;
        QStringList changes;
        for (const FieldUpdate& change : update.changes)
            changes << tr("%1: “%2” → “%3”").arg(qs(change.field), qs(change.before), qs(change.after));
        new QTreeWidgetItem(updates, {tr("Line %1").arg(update.line), qs(update.who) + QStringLiteral("  ") + changes.join(QStringLiteral("；"))});
    }
    section(m_tree, QStringLiteral("unchanged"), tr("Unchanged: %1"), report.unchanged);
    if (report.visitsAdded + report.visitsUnchanged > 0)
        section(m_tree, QStringLiteral("visits"), tr("Visit records to add: %1"), report.visitsAdded);
    addLines(section(m_tree, QStringLiteral("skipped"), tr("Skipped (titles, totals, signatures): %1"), report.skipped),
             report.skippedRows);
    addLines(section(m_tree, QStringLiteral("refused"), tr("Refused (not imported): %1"), report.refused), report.errors);
    addLines(section(m_tree, QStringLiteral("warnings"), tr("To check: %1"), report.warnings.size()), report.warnings);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        const QString key = item->data(0, Qt::UserRole).toString();
        item->setExpanded(key == u"update" || key == u"refused" || key == u"warnings");
    }
    layout->addWidget(m_tree, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(!report.wholeFileRefused && report.imported + report.updated + report.visitsAdded > 0);
    m_import->setDefault(m_import->isEnabled());
    m_saveRefused = buttons->addButton(tr("Save refused rows..."), QDialogButtonBox::ActionRole);
    m_saveRefused->setEnabled(!report.refusedRows.empty());
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(m_import, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_saveRefused, &QPushButton::clicked, this, &ImportPreviewDialog::saveRefusedRows);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 520);
}

std::string ImportPreviewDialog::chosenSheet() const
{
    return m_sheets ? ss(m_sheets->currentText()) : m_report.sheet;
}

void ImportPreviewDialog::saveRefusedRows()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save refused rows"), tr("refused-rows.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString why = m_save(path);
    if (why.isEmpty())
        QMessageBox::information(this, tr("Save refused rows"),
                                 tr("The refused rows and their reasons were saved to %1. Correct them in Excel, delete the "
                                    "reason column if you like, and import the file again.")
                                     .arg(path));
    else
        QMessageBox::warning(this, tr("Save refused rows"), why);
}

} // namespace shouwang::ui
