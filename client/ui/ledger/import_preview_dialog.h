#pragma once

#include "exchange/elder_csv.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QPushButton;
class QTreeWidget;

namespace shouwang::ui {

// What an import would do (ImportOptions::dryRun), shown before anything is written: rows
// to add, rows to update with each field's old and new value, unchanged rows, skipped rows
// and refused rows with their line and reason, and warnings. The clerk confirms (accept),
// saves the refused rows to fix them in Excel, picks another sheet of the workbook, or cancels.
class ImportPreviewDialog final : public QDialog {
    Q_OBJECT

public:
    // done() code when the clerk picked another sheet: preview that sheet instead.
    static constexpr int kOtherSheet = 2;

    // Writes the refused rows to a file off the GUI thread: "" or why it failed.
    using SaveRefused = std::function<QString(const QString& path)>;

    ImportPreviewDialog(const ImportReport& report, const std::vector<std::string>& sheets, SaveRefused saveRefused,
                        QWidget* parent = nullptr);

    std::string chosenSheet() const;
    // The tree's sections, for tests: "add", "update", "unchanged", "skipped", "refused", "warnings".
    QTreeWidget* tree() const { return m_tree; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* saveRefusedButton() const { return m_saveRefused; }

private:
    void saveRefusedRows();

    const ImportReport& m_report;
    SaveRefused m_save;
    QTreeWidget* m_tree = nullptr;
    QComboBox* m_sheets = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_saveRefused = nullptr;
};

} // namespace shouwang::ui
