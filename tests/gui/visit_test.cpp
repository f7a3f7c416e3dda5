// Recording a visit: the defaults, and the elder leaving the overdue list at once.

#include "../support/records.h"
#include "gui_fixture.h"

#include "ui/ledger/elder_table_model.h"
#include "ui/supervision/home_view.h"
#include "ui/forms/record_form.h"
#include "ui/care/visit_dialog.h"
#include "ui/session/china_time.h"

#include <QDate>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

class VisitTest final : public QObject {
    Q_OBJECT

private slots:
    void aNewVisitDefaultsToTodayAHomeVisitNormalAndTheOperator()
    {
        test::GuiLedger ledger;
        const std::string elder = ledger.addElder("张三", "19450101", "spouse");
        VisitDialog dialog(*ledger.session, test::recordOf("visit", {{"elder_id", elder}}));
        const std::string today = ui::chinaToday().toString(Qt::ISODate).toStdString();
        QCOMPARE(dialog.form().value("date"), today);
        QCOMPARE(dialog.form().value("mode"), std::string("home"));
        QCOMPARE(dialog.form().value("finding"), std::string("normal"));
        QCOMPARE(dialog.form().value("visitor"), std::string("测试员"));
        QVERIFY(dialog.form().value("next_due") > today);
    }

    void recordingAVisitTakesTheElderOffTheOverdueList()
    {
        test::GuiLedger ledger;
        const std::string late = ledger.addElder("刘奶奶", "19380202", "alone");
        const std::string onTime = ledger.addElder("陈爷爷", "19500303", "spouse");
        ledger.addVisit(late, 90);
        ledger.addVisit(onTime, 2);

        HomeView home(*ledger.session);
        QTRY_VERIFY(!home.isRefreshing()); // its lists are read on a worker thread
        ElderTableModel overdue(*ledger.session);
        ElderFilter filter = overdue.filter();
        filter.overdue = true;
        overdue.setFilter(filter);
        QCOMPARE(overdue.rowCount(), 1);
        QCOMPARE(overdue.rowAt(0)->id, late);
        QVERIFY(home.dueModel().rowOf(late) >= 0);

        Record visit;
        visit.entity = "visit";
        visit.set("elder_id", late);
        VisitDialog dialog(*ledger.session, visit);
        QVERIFY(dialog.save());

        overdue.reload();
        QCOMPARE(overdue.rowCount(), 0);
        // The home page refreshed itself when the visit was saved.
        QTRY_VERIFY(!home.isRefreshing());
        QCOMPARE(home.dueModel().rowOf(late), -1);
    }

    void aVisitWithoutAVisitorIsRefusedAtThatField()
    {
        test::GuiLedger ledger;
        Record visit;
        visit.entity = "visit";
        visit.set("elder_id", ledger.addElder("周五", "19440404", "alone"));
        VisitDialog dialog(*ledger.session, visit);
        dialog.form().setValue("visitor", "");
        dialog.form().setValue("needs", "需要买药");
        QVERIFY(!dialog.save());
        QVERIFY(!dialog.form().errorText("visitor").isEmpty());
        QCOMPARE(dialog.form().value("needs"), std::string("需要买药"));
    }
};

QTEST_MAIN(VisitTest)
#include "visit_test.moc"
