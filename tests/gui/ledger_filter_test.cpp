// The ledger screen: search, flag filters, risk level and sorting over the real view.

#include "gui_fixture.h"

#include "ui/ledger/elder_table_model.h"
#include "ui/ledger/ledger_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

QStringList names(ElderTableModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, ElderTableModel::Name).data().toString();
    return list;
}

} // namespace

class LedgerFilterTest final : public QObject {
    Q_OBJECT

private slots:
    void filtersNarrowTheListAndClearingThemBringsEveryoneBack()
    {
        test::GuiLedger ledger;
        ledger.addElder("独居甲", "19500101", "alone");
        ledger.addElder("高龄乙", "19350101", "spouse");
        ledger.addElder("普通丙", "19550101", "spouse");
        LedgerView view(*ledger.session);
        QCOMPARE(view.model().rowCount(), 3);

        view.flagBox(ElderFilter::Alone)->setChecked(true);
        QCOMPARE(names(view.model()), QStringList{QStringLiteral("独居甲")});
        view.flagBox(ElderFilter::Alone)->setChecked(false);

        view.flagBox(ElderFilter::AdvancedAge)->setChecked(true);
        QCOMPARE(names(view.model()), QStringList{QStringLiteral("高龄乙")});
        view.flagBox(ElderFilter::AdvancedAge)->setChecked(false);

        view.flagBox(ElderFilter::KeyTarget)->setChecked(true);
        QCOMPARE(view.model().rowCount(), 2);
        view.flagBox(ElderFilter::KeyTarget)->setChecked(false);
        QCOMPARE(view.model().rowCount(), 3);
    }

    void theSearchBoxFindsByNameAfterTypingPauses()
    {
        test::GuiLedger ledger;
        ledger.addElder("王秀英", "19450101", "alone");
        ledger.addElder("李桂兰", "19460101", "spouse");
        LedgerView view(*ledger.session);
        test::typeInto(view.searchBox(), QStringLiteral("桂兰"));
        QTRY_COMPARE(view.model().rowCount(), 1);
        QCOMPARE(names(view.model()), QStringList{QStringLiteral("李桂兰")});
    }

    void riskLevelAndOverdueFiltersUseTheDerivedColumns()
    {
        test::GuiLedger ledger;
        const std::string late = ledger.addElder("逾期者", "19450101", "spouse");
        ledger.addElder("按时者", "19460101", "spouse");
        ledger.addVisit(late, 100);
        LedgerView view(*ledger.session);
        view.overdueBox()->setChecked(true);
        QCOMPARE(names(view.model()), QStringList{QStringLiteral("逾期者")});
        view.overdueBox()->setChecked(false);
        view.riskCombo()->setCurrentIndex(view.riskCombo()->findData(QStringLiteral("none")));
        QCOMPARE(view.model().rowCount(), 2);
        view.riskCombo()->setCurrentIndex(view.riskCombo()->findData(QStringLiteral("high")));
        QCOMPARE(view.model().rowCount(), 0);
    }

    void sortingByAColumnAsksTheStore()
    {
        test::GuiLedger ledger;
        ledger.addElder("甲", "19500101", "spouse");
        ledger.addElder("乙", "19300101", "spouse");
        ledger.addElder("丙", "19400101", "spouse");
        LedgerView view(*ledger.session);
        view.model().sort(ElderTableModel::Age, Qt::DescendingOrder);
        QCOMPARE(names(view.model()), (QStringList{QStringLiteral("乙"), QStringLiteral("丙"), QStringLiteral("甲")}));
        view.model().sort(ElderTableModel::Age, Qt::AscendingOrder);
        QCOMPARE(names(view.model()).first(), QStringLiteral("甲"));
    }

    void theListStartsAndReturnsToTheLedgersOwnOrder()
    {
        test::GuiLedger ledger;
        ledger.addElder("甲", "19500101", "spouse");
        LedgerView view(*ledger.session);
        // Village then name: the order the list index serves, not a sort by a column.
        QCOMPARE(view.model().filter().sortColumn, std::string{});
        view.model().sort(ElderTableModel::Age, Qt::DescendingOrder);
        QCOMPARE(view.model().filter().sortColumn, std::string("age"));
        view.model().sort(-1, Qt::AscendingOrder);
        QCOMPARE(view.model().filter().sortColumn, std::string{});
        QVERIFY(!view.model().filter().descending);
    }
};

QTEST_MAIN(LedgerFilterTest)
#include "ledger_filter_test.moc"
