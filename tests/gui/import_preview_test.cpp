// The import preview (issue 17): what the dry run found, shown before anything is written;
// the import button only when there is something to import; another sheet on request.

#include "gui_fixture.h"

#include "ui/ledger/import_preview_dialog.h"

#include "exchange/elder_csv.h"
#include "store/change_log.h"

#include <QComboBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::test;
using namespace shouwang::ui;

namespace {

QTreeWidgetItem* sectionOf(QTreeWidget* tree, const QString& key)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == key)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

ui::ImportPreviewDialog::SaveRefused noSave()
{
    return [](const QString&) { return QString(); };
}

} // namespace

class ImportPreviewTest final : public QObject {
    Q_OBJECT

private slots:
    void thePreviewListsEachKindOfRowAndWritesNothing()
    {
        GuiLedger ledger;
        const std::string id = ledger.session->ledger().get("elder", ledger.addElder("王奶奶", "19450101", "alone"))->value("id_number");
        const std::size_t pending = ledger.session->ledger().changeLog().pendingCount();
        const std::vector<csv::Row> rows = {
            {1, {"川心村留守老年人台账"}},
            {2, {"序号", "户主", "住址", "姓  名", "身份证号码", "联系方式", "居住情况"}},
            {3, {"1", "王奶奶", "川心村1组", "王奶奶", id, "13900001234", "独居"}},
            {4, {"2", "陈玉珍", "川心村4组", "陈玉珍", validIdNumber("19460302", 242), "", "独居老人"}},
            {5, {"3", "刘长生", "川心村4组", "刘长生", "123", "", "独居"}},
            {6, {"合计", "", "", "3人"}},
        };
        ImportOptions options;
        options.villagePrefix = GuiLedger::kVillage;
        options.dryRun = true;
        const ImportReport report = importElderRows(ledger.session->ledger(), rows, options);
        QCOMPARE(ledger.session->ledger().changeLog().pendingCount(), pending);
        QCOMPARE(ledger.session->ledger().count("elder"), std::size_t(1));

        ImportPreviewDialog dialog(report, {}, noSave());
        QTreeWidget* tree = dialog.tree();
        QCOMPARE(sectionOf(tree, QStringLiteral("add"))->childCount(), 1);
        QTreeWidgetItem* update = sectionOf(tree, QStringLiteral("update"));
        QCOMPARE(update->childCount(), 1);
        QVERIFY(update->child(0)->text(1).contains(QStringLiteral("联系电话")));
        QVERIFY(update->child(0)->text(1).contains(QStringLiteral("13900001234")));
        QCOMPARE(sectionOf(tree, QStringLiteral("skipped"))->childCount(), 2);
        QTreeWidgetItem* refused = sectionOf(tree, QStringLiteral("refused"));
        QCOMPARE(refused->childCount(), 1);
        QVERIFY(refused->child(0)->text(0).contains(QStringLiteral("5")));
        QVERIFY(dialog.importButton()->isEnabled());
        QVERIFY(dialog.saveRefusedButton()->isEnabled());
    }

    void aFileWithNothingToImportCannotBeImported()
    {
        ImportReport report;
        report.dryRun = true;
        report.wholeFileRefused = true;
        report.errors.push_back({0, "没有找到表头"});
        ImportPreviewDialog dialog(report, {"说明", "台账"}, noSave());
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(!dialog.saveRefusedButton()->isEnabled());
    }

    void pickingAnotherSheetAsksForItsPreview()
    {
        ImportReport report;
        report.sheet = "说明";
        ImportPreviewDialog dialog(report, {"说明", "台账"}, noSave());
        auto* sheets = dialog.findChild<QComboBox*>();
        QVERIFY(sheets);
        QCOMPARE(sheets->currentText(), QStringLiteral("说明"));
        sheets->setCurrentIndex(1);
        QCOMPARE(dialog.result(), ImportPreviewDialog::kOtherSheet);
        QCOMPARE(dialog.chosenSheet(), std::string("台账"));
    }
};

QTEST_MAIN(ImportPreviewTest)
#include "import_preview_test.moc"
