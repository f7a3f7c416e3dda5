// Sync from the window against a real server process on 127.0.0.1.

#include "gui_fixture.h"
#include "server_process.h"
#include "sync_view_run.h"

#include "ui/forms/change_history_model.h"
#include "ui/forms/change_history_view.h"
#include "ui/sync/enrollment_code_dialog.h"
#include "ui/sync/same_id_notices.h"
#include "ui/sync/sync_view.h"

#include "store/change_log.h"
#include "store/ledger.h"
#include "store/meta.h"

#include "../support/records.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

// An elder living alone, as the clerk's form would save them.
Record aloneElder(const std::string& name, const std::string& idNumber)
{
    return test::recordOf("elder",
                          {{"name", name}, {"id_number", idNumber}, {"living", "alone"}, {"status", "active"}});
}

} // namespace

class SyncGuiTest final : public QObject {
    Q_OBJECT

private:
    test::CountyServer m_county;

private slots:
    void initTestCase()
    {
        if (!test::serverBuilt())
            QSKIP("shouwang-server is not built (configure with SHOUWANG_BUILD_SERVER=ON or set SHOUWANG_SERVER)");
        QVERIFY(m_county.start());
    }

    // Where the address is typed, plain http:// to another machine is flagged in red;
    // https:// and this machine itself are not.
    void aPlainHttpAddressOfAnotherMachineIsWarnedAboutWhereItIsTyped()
    {
        test::GuiLedger ledger;
        SyncView view(*ledger.session);
        auto* warning = view.findChild<QLabel*>(QStringLiteral("httpWarning"));
        QVERIFY(warning);
        view.serverEdit()->setText(QStringLiteral("http://192.168.1.10:8443"));
        QVERIFY(!warning->isHidden());
        QVERIFY(warning->text().contains(QStringLiteral("https://")));
        view.serverEdit()->setText(QStringLiteral("https://192.168.1.10:8443"));
        QVERIFY(warning->isHidden());
        view.serverEdit()->setText(QStringLiteral("http://127.0.0.1:8443"));
        QVERIFY(warning->isHidden());
        view.serverEdit()->setText(QStringLiteral("http://localhost:8443"));
        QVERIFY(warning->isHidden());
    }

    void anElderSyncedFromTheWindowReachesTheCountyLedger_andAFailureLosesNothing()
    {
        const QString code = m_county.enrollmentCode(QStringLiteral("village:500154001200"));
        QVERIFY(!code.isEmpty());

        test::GuiLedger ledger;
        SyncView view(*ledger.session);
        view.serverEdit()->setText(m_county.url);
        view.codeEdit()->setText(code);
        {
            QSignalSpy finished(&view, &SyncView::syncFinished);
            view.enroll();
            QVERIFY(finished.wait(60000));
            QVERIFY2(finished.first().first().toBool(), qPrintable(view.resultText()));
        }
        ledger.addElder("同步老人", "19420505", "alone");
        QVERIFY(ledger.session->ledger().changeLog().pendingCount() > 0);
        QVERIFY2(test::finishes(view, &SyncView::syncNow), qPrintable(view.resultText()));
        QCOMPARE(ledger.session->ledger().changeLog().pendingCount(), std::size_t(0));
        QCOMPARE(view.autoSyncInterval(), 15 * 60 * 1000);
        const QString stats = test::runServerCommand({QStringLiteral("--db"), m_county.db, QStringLiteral("stats")});
        QVERIFY2(QRegularExpression(QStringLiteral("(^|\\n)elder 1\\b")).match(stats).hasMatch(), qPrintable(stats));

        // The server goes away: the sync fails with a message, and nothing typed is lost.
        QVERIFY(m_county.stop());
        ledger.addElder("离线录入", "19430606", "spouse");
        const std::size_t pending = ledger.session->ledger().changeLog().pendingCount();
        QVERIFY(pending > 0);
        QSignalSpy finished(&view, &SyncView::syncFinished);
        view.syncNow();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(view.resultText().contains(QStringLiteral("Nothing was lost"))
                     || view.resultText().contains(QStringLiteral("不会丢失")),
                 qPrintable(view.resultText()));
        QCOMPARE(ledger.session->ledger().changeLog().pendingCount(), pending);
        QCOMPARE(ledger.session->ledger().count("elder"), std::size_t(2));
        // After a failure the automatic sync backs off instead of asking again in 15 minutes.
        QCOMPARE(view.autoSyncInterval(), 30 * 60 * 1000);
    }

    // Village B's laptop holds only village B: the county tells it at the sync that an
    // elder it brings has the 身份证号 of a person of village A, and the page lists it by
    // name until the clerk dismisses it.
    void anIdNumberHeldInAnotherVillageIsListedAfterTheSync_byNameAndVillage()
    {
        // Runs after the test that stops the server.
        if (m_county.process.state() == QProcess::NotRunning)
            QVERIFY(m_county.start());
        const std::string shared = test::validIdNumber("19380303", 777);
        test::GuiLedger a;
        a.session->setVillage("500154102200");
        SyncView aView(*a.session);
        QVERIFY(test::enrolls(aView, m_county, QStringLiteral("village:500154102200")));
        Record zhang = aloneElder("张三", shared);
        QVERIFY(a.session->save(zhang).ok());
        QVERIFY2(test::finishes(aView, &SyncView::syncNow), qPrintable(aView.resultText()));

        test::GuiLedger b;
        SyncView bView(*b.session);
        QVERIFY(test::enrolls(bView, m_county, QStringLiteral("village:500154001200")));
        Record li = aloneElder("李四", shared);
        QVERIFY(b.session->save(li).ok());
        b.addElder("王五", "19400404", "alone");
        auto* notices = bView.findChild<QTableWidget*>(QStringLiteral("sameIdNotices"));
        QVERIFY(notices);
        QVERIFY(bView.sameIdNotices()->isHidden());

        QVERIFY2(test::finishes(bView, &SyncView::syncNow), qPrintable(bView.resultText()));
        QVERIFY2(bView.resultText().contains(QStringLiteral("另一个村")) || bView.resultText().contains(QStringLiteral("another village")),
                 qPrintable(bView.resultText()));
        QVERIFY(!bView.sameIdNotices()->isHidden());
        QCOMPARE(notices->rowCount(), 1);
        QVERIFY(notices->item(0, 0)->text().startsWith(QStringLiteral("李四")));
        QVERIFY(notices->item(0, 1)->text().contains(QStringLiteral("“张三”")));
        QVERIFY(notices->item(0, 1)->text().contains(QStringLiteral("厚坝镇")));

        // Synced again: still one, not two.
        QVERIFY2(test::finishes(bView, &SyncView::syncNow), qPrintable(bView.resultText()));
        QCOMPARE(notices->rowCount(), 1);

        // Checked and dismissed: gone, and stays gone after the next sync.
        notices->selectRow(0);
        QVERIFY(bView.findChild<QPushButton*>(QStringLiteral("dismissSameId"))->isEnabled());
        QTest::mouseClick(bView.findChild<QPushButton*>(QStringLiteral("dismissSameId")), Qt::LeftButton);
        QCOMPARE(notices->rowCount(), 0);
        QVERIFY(bView.sameIdNotices()->isHidden());
        QVERIFY2(test::finishes(bView, &SyncView::syncNow), qPrintable(bView.resultText()));
        QCOMPARE(notices->rowCount(), 0);
    }

    // A new laptop begins from the county's copy of its village (docs/protocol.md,
    // "Snapshot"): an elder's history from before shows only when asked for, from the county.
    void aNewLaptopFetchesAnEldersEarlierHistoryFromTheCounty()
    {
        if (m_county.process.state() == QProcess::NotRunning)
            QVERIFY(m_county.start());
        const QString scope = QStringLiteral("village:500154102201");
        test::GuiLedger old;
        old.session->setVillage("500154102201");
        SyncView oldView(*old.session);
        QVERIFY(test::enrolls(oldView, m_county, scope));
        Record elder = aloneElder("赵六", test::validIdNumber("19390909", 31));
        QVERIFY(old.session->save(elder).ok());
        elder.set("name", "赵六一");
        QVERIFY(old.session->save(elder).ok());
        {
            // A ledger that has never synced holds all the history there is.
            ChangeHistoryView history(*old.session, elder.id);
            QVERIFY(history.countyButton()->isHidden());
            QCOMPARE(history.table()->model()->rowCount(), 2);
        }
        QVERIFY2(test::finishes(oldView, &SyncView::syncNow), qPrintable(oldView.resultText()));

        test::GuiLedger fresh;
        SyncView freshView(*fresh.session);
        QVERIFY(test::enrolls(freshView, m_county, scope));
        QVERIFY2(test::finishes(freshView, &SyncView::syncNow), qPrintable(freshView.resultText()));
        QVERIFY(fresh.session->ledger().get("elder", elder.id));

        ChangeHistoryView history(*fresh.session, elder.id);
        QAbstractItemModel* rows = history.table()->model();
        QCOMPARE(rows->rowCount(), 0);
        QVERIFY(!history.countyButton()->isHidden());
        QSignalSpy arrived(&history, &ChangeHistoryView::countyHistoryArrived);
        QTest::mouseClick(history.countyButton(), Qt::LeftButton);
        QVERIFY(arrived.wait(30000));
        QVERIFY2(arrived.first().first().toBool(), qPrintable(history.countyStatus()->text()));
        QCOMPARE(rows->rowCount(), 2);
        const QString fromCounty = QCoreApplication::translate("shouwang::ui::ChangeHistoryModel",
                                                               "County server (before this computer's first sync)");
        QCOMPARE(rows->index(0, ChangeHistoryModel::Origin).data().toString(), fromCounty);
        QVERIFY(rows->index(0, ChangeHistoryModel::Fields).data().toString().contains(QStringLiteral("赵六一")));
        // Nothing of it was written to this laptop's file.
        QVERIFY(fresh.session->ledger().changeLog().history(elder.id).empty());
    }

    // On the city's database the county admin has no server to log in to: the county's own
    // computer makes a code for a village from the sync page, and the village's computer
    // enrolls with it. A village computer has no such button.
    void aCountyAdminMakesAVillageCodeOnTheSyncPage_andTheVillageEnrollsWithIt()
    {
        if (m_county.process.state() == QProcess::NotRunning)
            QVERIFY(m_county.start());
        test::GuiLedger admin;
        SyncView adminView(*admin.session);
        auto* button = adminView.findChild<QPushButton*>(QStringLiteral("makeEnrollmentCode"));
        QVERIFY(button);
        QVERIFY(button->isHidden()); // not enrolled yet
        QVERIFY(test::enrolls(adminView, m_county, QStringLiteral("county:500154")));
        QVERIFY(!button->isHidden());

        EnrollmentCodeDialog* dialog = adminView.openEnrollmentCodeDialog();
        dialog->levelBox()->setCurrentIndex(dialog->levelBox()->findData(QStringLiteral("village")));
        const int unit = dialog->unitBox()->findData(QStringLiteral("500154102201"));
        QVERIFY(unit >= 0);
        QCOMPARE(dialog->unitBox()->findData(QStringLiteral("500155001001")), -1); // another county's
        dialog->unitBox()->setCurrentIndex(unit);
        dialog->daysBox()->setValue(3);
        QCOMPARE(dialog->chosenScope(), QStringLiteral("village:500154102201"));
        dialog->makeButton()->click();
        const QRegularExpression shape(QStringLiteral("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        QTRY_VERIFY_WITH_TIMEOUT(shape.match(dialog->codeLabel()->text()).hasMatch(), 30000);
        const QString code = shape.match(dialog->codeLabel()->text()).captured();

        test::GuiLedger village;
        SyncView villageView(*village.session);
        villageView.serverEdit()->setText(m_county.url);
        villageView.codeEdit()->setText(code);
        QVERIFY2(test::finishes(villageView, &SyncView::enroll), qPrintable(villageView.resultText()));
        QCOMPARE(village.session->scopeCode(), std::string("500154102201"));
        QVERIFY(villageView.findChild<QPushButton*>(QStringLiteral("makeEnrollmentCode"))->isHidden());

        // A unit typed that is not in the list is asked for again, not guessed at.
        dialog->unitBox()->setEditText(QStringLiteral("不存在的村"));
        dialog->makeButton()->click();
        QVERIFY(dialog->codeLabel()->text().contains(QStringLiteral("Choose a unit"))
                || dialog->codeLabel()->text().contains(QStringLiteral("请从列表")));
    }
};

QTEST_MAIN(SyncGuiTest)
#include "sync_gui_test.moc"
