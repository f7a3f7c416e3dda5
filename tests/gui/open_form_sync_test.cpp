// A form open while the sync worker merges another device's edit of the same record
// (DESIGN.md §4 "Lifecycle"): saving keeps what was merged and saves what the user changed.
#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/ledger/elder_dialog.h"
#include "ui/forms/record_form.h"

#include "domain/ids.h"
#include "store/conflict_queue.h"
#include "store/ledger.h"
#include "sync/merge_engine.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QtTest>

#include <set>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

std::string savedElder(test::GuiLedger& ledger)
{
    Record r = test::recordOf("elder",
                              {{"name", "陈桂芳"},
                               {"id_number", test::validIdNumber("19420101")},
                               {"phone", "13800000001"},
                               {"living", "spouse"},
                               {"status", "active"}});
    const SaveResult saved = ledger.session->save(r);
    if (!saved.ok())
        throw std::runtime_error(saved.message);
    return r.id;
}

// The sync worker, on its own connection to the file, merges another laptop's phone edit.
void mergeOtherDevicesPhone(test::GuiLedger& ledger, const std::string& id, const std::string& phone)
{
    auto db = openLedgerDatabase(ledger.session->path().toStdString());
    Ledger worker(*db);
    const Record current = *worker.get("elder", id);
    Change change;
    change.changeId = newUuid();
    change.entity = "elder";
    change.recordId = id;
    change.villageCode = current.villageCode;
    change.hlc = Hlc{current.clocks.at("phone").time + (std::uint64_t{1} << 16), "other-laptop"};
    change.operatorName = "另一台";
    change.fields.push_back({"phone", phone, current.clocks.at("phone")});
    Transaction tx(*db);
    MergeEngine merge(worker);
    if (!merge.apply(change).applied())
        throw std::runtime_error("merge refused");
    merge.flushDerived();
    tx.commit();
}

} // namespace

class OpenFormSyncTest final : public QObject {
    Q_OBJECT

private slots:
    void anEditMergedIntoAnotherFieldWhileTheFormIsOpenSurvivesTheSave()
    {
        test::GuiLedger ledger;
        const std::string id = savedElder(ledger);
        ElderDialog dialog(*ledger.session, id);
        mergeOtherDevicesPhone(ledger, id, "13900000002");

        auto* living = qobject_cast<QComboBox*>(dialog.formFor("living")->editorWidget("living"));
        QVERIFY(living);
        living->setCurrentIndex(living->findData(QStringLiteral("alone")));
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));

        const auto stored = ledger.session->get("elder", id);
        QCOMPARE(QString::fromStdString(stored->value("phone")), QStringLiteral("13900000002"));
        QCOMPARE(QString::fromStdString(stored->value("living")), QStringLiteral("alone"));
        QCOMPARE(ConflictQueue(ledger.session->database()).openCount(), std::size_t{0});
        // The user is told, and the form now shows the merged phone.
        QVERIFY2(dialog.message().contains(QStringLiteral("changed by a sync")), qPrintable(dialog.message()));
        auto* phone = qobject_cast<QLineEdit*>(dialog.formFor("phone")->editorWidget("phone"));
        QCOMPARE(phone->text(), QStringLiteral("13900000002"));
    }

    void anEditMergedIntoTheSameFieldBecomesAConflictInsteadOfBeingOverwritten()
    {
        test::GuiLedger ledger;
        const std::string id = savedElder(ledger);
        ElderDialog dialog(*ledger.session, id);
        mergeOtherDevicesPhone(ledger, id, "13900000002");

        auto* phone = qobject_cast<QLineEdit*>(dialog.formFor("phone")->editorWidget("phone"));
        phone->clear();
        test::typeInto(phone, QStringLiteral("13700000003"));
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));

        const auto open = ConflictQueue(ledger.session->database()).open();
        QCOMPARE(open.size(), std::size_t{1});
        QCOMPARE((std::set<std::string>{open[0].valueA, open[0].valueB}),
                 (std::set<std::string>{"13900000002", "13700000003"}));
    }
};

QTEST_MAIN(OpenFormSyncTest)
#include "open_form_sync_test.moc"
