// The village's volunteer hours page (issue 18 item 2): the balance shown from the entries,
// a redemption beyond it refused in the form with the reason and everything typed kept, and
// the 老年协会 activities list among the village lists.

#include "gui_fixture.h"

#include "ui/forms/record_dialog.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/supervision/report_table_model.h"
#include "ui/supervision/village_lists_view.h"
#include "ui/supervision/volunteer_hours_view.h"

#include "domain/date.h"
#include "domain/schema.h"

#include <QTabWidget>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

class VolunteerHoursTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Record volunteer;
        volunteer.entity = "volunteer";
        volunteer.set("name", "王志愿");
        volunteer.set("kind", "young_old");
        QVERIFY(m_ledger.session->save(volunteer).ok());
        m_volunteer = volunteer.id;
        Record credit;
        credit.entity = "volunteer_credit";
        credit.values = {{"volunteer_id", m_volunteer}, {"date", formatDate(today())}, {"hours", "4"}, {"source", "other"},
                         {"confirmed_by", "村委会王主任"}};
        QVERIFY(m_ledger.session->save(credit).ok());
    }

    void theVillageListsHoldTheActivitiesAndTheHoursPage()
    {
        VillageListsView lists(*m_ledger.session);
        bool activities = false;
        for (int i = 0; i < lists.tabs()->count(); ++i)
            activities |= lists.tabs()->tabText(i) == QStringLiteral("老年协会活动");
        QVERIFY(activities);
        auto* page = qobject_cast<VolunteerHoursView*>(lists.tabs()->widget(lists.tabs()->count() - 1));
        QVERIFY(page);
        QCOMPARE(page->accounts().rowCount(), 1);
        QCOMPARE(page->accounts().data(page->accounts().index(0, 0), Qt::DisplayRole).toString(), QStringLiteral("王志愿"));
        QCOMPARE(page->accounts().data(page->accounts().index(0, 3), Qt::DisplayRole).toString(), QStringLiteral("4"));
    }

    void aRedemptionBeyondTheBalanceIsRefusedInTheFormAndTheBalanceFollowsASavedOne()
    {
        VolunteerHoursView page(*m_ledger.session);
        Record fresh;
        fresh.entity = "volunteer_redemption";
        RecordDialog dialog(*m_ledger.session, fresh);
        RecordForm& form = dialog.form();
        form.setValue("volunteer_id", m_volunteer, QStringLiteral("王志愿"));
        form.setValue("date", formatDate(today()));
        form.setValue("hours", "5");
        form.setValue("beneficiary", "self");
        form.setValue("service", "上门理发");
        form.setValue("confirmed_by", "村委会王主任");
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.message().contains(QStringLiteral("结余 4 小时")), qPrintable(dialog.message()));
        QCOMPARE(form.value("service"), std::string("上门理发")); // nothing typed is lost

        form.setValue("hours", "3");
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        QCOMPARE(page.accounts().data(page.accounts().index(0, 2), Qt::DisplayRole).toString(), QStringLiteral("3"));
        QCOMPARE(page.accounts().data(page.accounts().index(0, 3), Qt::DisplayRole).toString(), QStringLiteral("1"));
        QCOMPARE(page.redemptions().model().rowCount(), 1);
        QVERIFY(!page.accounts().isHighlighted(0));
    }

private:
    test::GuiLedger m_ledger;
    std::string m_volunteer;
};

QTEST_MAIN(VolunteerHoursTest)
#include "volunteer_hours_test.moc"
