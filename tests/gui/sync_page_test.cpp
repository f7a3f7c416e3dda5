// The sync page: its USB bundle dialogs name bundles as the guides do (.shwb) and also offer
// every file; its conflict list is the conflict screen's table, masked and labelled alike.

#include "gui_fixture.h"

#include "ui/sync/conflict_table.h"
#include "ui/sync/conflict_view.h"
#include "ui/session/labels.h"
#include "ui/sync/sync_view.h"

#include "store/conflict_queue.h"

#include <QApplication>
#include <QFileDialog>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

// Clicks `button` and returns the name filters and suggested file of the file dialog it
// opens (then cancelled).
QStringList dialogFilters(QPushButton* button, QString* suggested)
{
    QStringList filters;
    QTimer::singleShot(200, [&] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        filters = dialog->nameFilters();
        if (!dialog->selectedFiles().isEmpty())
            *suggested = QFileInfo(dialog->selectedFiles().first()).fileName();
        dialog->reject();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    return filters;
}

Conflict conflictOn(const Record& elder, const std::string& field, std::string a, std::string b)
{
    Conflict c;
    c.entity = "elder";
    c.recordId = elder.id;
    c.villageCode = elder.villageCode;
    c.field = field;
    c.valueA = std::move(a);
    c.valueB = std::move(b);
    c.hlcA = Hlc{std::uint64_t(1715580000000) << 16, "otherdevice01"};
    c.hlcB = Hlc{std::uint64_t(1715583600000) << 16, "thisdevice001"};
    c.operatorA = "李网格员";
    c.operatorB = "测试员";
    c.detectedAt = "2026-05-13T15:00:00";
    return c;
}

} // namespace

class SyncPageTest final : public QObject {
    Q_OBJECT

private slots:
    void bundleDialogsUseTheDocumentedExtension_andOfferAllFiles()
    {
        test::GuiLedger ledger;
        SyncView view(*ledger.session);
        view.show();
        QString suggested;
        const QStringList exportFilters = dialogFilters(view.findChild<QPushButton*>(QStringLiteral("exportBundle")), &suggested);
        QVERIFY2(!exportFilters.isEmpty(), "the export dialog did not open");
        QVERIFY(exportFilters.first().contains(QStringLiteral("*.shwb")));
        QVERIFY(exportFilters.last().contains(QStringLiteral("(*)")));
        QVERIFY(suggested.endsWith(QStringLiteral(".shwb")));
        QString ignored;
        const QStringList importFilters = dialogFilters(view.findChild<QPushButton*>(QStringLiteral("importAnswer")), &ignored);
        QCOMPARE(importFilters, exportFilters);
        QVERIFY(!importFilters.join(u' ').contains(QStringLiteral("*.swb")));
    }

    void theConflictListIsTheConflictScreensTable_maskedAndLabelled()
    {
        test::GuiLedger ledger;
        Record elder = *ledger.session->get("elder", ledger.addElder("冲突老人", "19450303", "alone"));
        elder.set("phone", "13800000000");
        QVERIFY(ledger.session->save(elder).ok());
        ConflictQueue queue(ledger.session->database());
        queue.add(conflictOn(elder, "phone", "13911112222", "13800000000"));
        queue.add(conflictOn(elder, "living", "spouse", "alone"));
        queue.add(conflictOn(elder, "id_number", test::validIdNumber("19450303", 78), elder.value("id_number")));

        SyncView sync(*ledger.session);
        ConflictView screen(*ledger.session);
        ConflictTable* table = sync.conflictTable();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->columnCount(), screen.table()->columnCount());
        for (int row = 0; row < 3; ++row) {
            for (int col = 0; col < table->columnCount(); ++col)
                QCOMPARE(table->item(row, col)->text(), screen.table()->item(row, col)->text());
        }
        QString shown;
        for (int row = 0; row < 3; ++row)
            shown += table->item(row, 2)->text() + u'|' + table->item(row, 3)->text() + u'|';
        QVERIFY2(!shown.contains(QStringLiteral("13911112222")), qPrintable(shown)); // phones masked
        QVERIFY2(!shown.contains(qs(elder.value("id_number"))), qPrintable(shown));  // ID numbers masked
        QVERIFY2(!shown.contains(QStringLiteral("spouse")) && !shown.contains(QStringLiteral("alone")),
                 qPrintable(shown)); // codes shown as their labels
    }
};

QTEST_MAIN(SyncPageTest)
#include "sync_page_test.moc"
