// The conflict queue screen: choosing one of two concurrent values (or typing a third)
// settles the conflict, puts the value on the record and makes a change that syncs.

#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/session/labels.h"

#include "ui/sync/conflict_view.h"
#include "ui/forms/field_editor.h"

#include "store/conflict_queue.h"

#include <QLineEdit>
#include <QTableWidget>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

// An elder whose phone two people changed at once: ours (the current value, B) and an
// earlier one from another device (A), as the merge engine queues them.
std::string elderWithPhoneConflict(test::GuiLedger& ledger)
{
    Record elder = test::recordOf("elder",
                                  {{"name", "冲突老人"},
                                   {"id_number", test::validIdNumber("19450303", 77)},
                                   {"living", "alone"},
                                   {"status", "active"},
                                   {"phone", "13800000000"}});
    const SaveResult saved = ledger.session->save(elder);
    if (!saved.ok() || !saved.change)
        qFatal("fixture elder refused: %s", saved.message.c_str());
    Conflict c;
    c.entity = "elder";
    c.recordId = elder.id;
    c.villageCode = elder.villageCode;
    c.field = "phone";
    c.valueA = "13911112222";
    c.hlcA = Hlc{saved.change->hlc.time - (std::uint64_t(60000) << 16), "otherdevice01"};
    c.operatorA = "李网格员";
    c.valueB = "13800000000";
    c.hlcB = saved.change->hlc;
    c.operatorB = "测试员";
    ConflictQueue(ledger.session->database()).add(c);
    return elder.id;
}

} // namespace

class ConflictViewTest final : public QObject {
    Q_OBJECT

private slots:
    void choosingAValueResolvesTheConflict_putsItOnTheRecord_andMakesAChangeToSync()
    {
        test::GuiLedger ledger;
        const std::string id = elderWithPhoneConflict(ledger);
        ConflictView view(*ledger.session);
        QCOMPARE(view.conflictCount(), 1);
        QVERIFY(view.table()->item(0, 2)->text().endsWith(QStringLiteral("2222"))); // masked in the list
        ConflictQueue queue(ledger.session->database());
        QCOMPARE(queue.openCount(), std::size_t(1));
        const std::size_t pending = ledger.session->ledger().changeLog().pendingCount();

        view.select(0);
        QVERIFY(view.chooseA());
        QCOMPARE(queue.openCount(), std::size_t(0));
        QCOMPARE(qs(ledger.session->get("elder", id)->value("phone")), QStringLiteral("13911112222"));
        QCOMPARE(ledger.session->ledger().changeLog().pendingCount(), pending + 1);
        QCOMPARE(view.conflictCount(), 0);
    }

    void aTypedValueIsCheckedLikeAnyEdit_andResolvesOnceValid()
    {
        test::GuiLedger ledger;
        const std::string id = elderWithPhoneConflict(ledger);
        ConflictView view(*ledger.session);
        view.select(0);
        auto* edit = qobject_cast<QLineEdit*>(view.typedEditor()->widget());
        QVERIFY(edit);
        edit->setText(QStringLiteral("12ab"));
        QVERIFY(!view.chooseTyped());
        QVERIFY(!view.errorText().isEmpty());
        QCOMPARE(ConflictQueue(ledger.session->database()).openCount(), std::size_t(1));
        QCOMPARE(qs(ledger.session->get("elder", id)->value("phone")), QStringLiteral("13800000000"));

        edit->setText(QStringLiteral("13722223333"));
        QVERIFY(view.chooseTyped());
        QCOMPARE(ConflictQueue(ledger.session->database()).openCount(), std::size_t(0));
        QCOMPARE(qs(ledger.session->get("elder", id)->value("phone")), QStringLiteral("13722223333"));
    }
};

QTEST_MAIN(ConflictViewTest)
#include "conflict_view_test.moc"
