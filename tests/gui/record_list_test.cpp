// The record lists (visits, households, the village lists) read a page at a time, so a
// county's 100,000 households do not all load when the main window opens.

#include "gui_fixture.h"

#include "ui/forms/record_table_model.h"
#include "ui/session/china_time.h"

#include "domain/schema.h"

#include <QDate>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

class RecordListTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // 1,100 visits, one a day going back; the ten most recent by phone.
        const std::string elder = m_ledger.addElder("王秀英", "19450101", "alone");
        for (int daysAgo = 0; daysAgo < kVisits; ++daysAgo) {
            Record visit;
            visit.entity = "visit";
            visit.set("elder_id", elder);
            visit.set("date", ui::chinaToday().addDays(-daysAgo).toString(Qt::ISODate).toStdString());
            visit.set("mode", daysAgo < kByPhone ? "phone" : "home");
            visit.set("visitor", "测试员");
            visit.set("finding", "normal");
            QVERIFY(m_ledger.session->save(visit).ok());
        }
    }

    void aLongListIsReadAPageAtATimeAsTheViewAsks()
    {
        RecordTableModel model(*m_ledger.session, *findEntity("visit"), {"date", "mode"});
        model.reload();
        QCOMPARE(model.rowCount(), static_cast<int>(RecordTableModel::kPageSize));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * static_cast<int>(RecordTableModel::kPageSize));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), kVisits);
        QVERIFY(!model.canFetchMore({}));
    }

    void aPredicateThatEmptiesWholePagesStillFindsTheRowsBehindThem()
    {
        RecordTableModel model(*m_ledger.session, *findEntity("visit"), {"date", "mode"});
        ListFilter oldestFirst;
        oldestFirst.villagePrefix = test::GuiLedger::kVillage;
        oldestFirst.orderBy = "date";
        model.setFilter(oldestFirst); // the phone calls are the last 10 of 1,100
        model.setPredicate([](const Record& r) { return r.value("mode") == "phone"; });
        QCOMPARE(model.rowCount(), kByPhone);
        QVERIFY(!model.canFetchMore({}));
    }

private:
    static constexpr int kVisits = 1100;
    static constexpr int kByPhone = 10;
    test::GuiLedger m_ledger;
};

QTEST_MAIN(RecordListTest)
#include "record_list_test.moc"
