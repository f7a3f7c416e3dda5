// An incident report's true state, against the real server on 127.0.0.1: 待上传 while its
// change waits in the village's outbox (with a warning on every page and the township's
// emergency phone the county published), 已送达乡镇 once the server has it, 已受理 once the
// township has accepted it. Also: an enrolled laptop names its village, not "village:…".

#include "gui_fixture.h"
#include "sync_view_run.h"
#include "server_process.h"

#include "ui/supervision/home_view.h"
#include "ui/workflows/incident_dialog.h"
#include "ui/window/main_window.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/sync/sync_view.h"

#include "domain/date.h"
#include "domain/incident_workflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

QString statusCell(RecordListPanel& panel)
{
    RecordTableModel& model = panel.model();
    for (int c = 0; c < model.columnCount(); ++c) {
        if (model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == QStringLiteral("办理状态"))
            return model.index(0, c).data().toString();
    }
    return {};
}

} // namespace

class IncidentDeliveryTest final : public QObject {
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

    void anIncidentIsWaitingToUpload_thenDeliveredToTheTownship_thenAccepted()
    {
        // The county publishes the emergency phone of 汉丰街道 (500154001).
        test::GuiLedger county;
        county.session->setScope("500154");
        Record contact;
        contact.entity = "township_contact";
        contact.set("township_code", "500154001");
        contact.set("phone", "023-52231234");
        QVERIFY(county.session->save(contact).ok());
        SyncView countySync(*county.session);
        QVERIFY(test::enrolls(countySync, m_county, QStringLiteral("county:500154")));
        QVERIFY(test::finishes(countySync, &SyncView::syncNow));

        // The village enrolls (its page names the village) and receives the phone.
        test::GuiLedger village;
        const std::string elder = village.addElder("川心老人", "19400315", "alone");
        MainWindow window(*village.session);
        SyncView& villageSync = *window.sync();
        QVERIFY(test::enrolls(villageSync, m_county, QStringLiteral("village:500154001200")));
        QVERIFY2(villageSync.statusText().contains(QStringLiteral("川心村")), qPrintable(villageSync.statusText()));
        QVERIFY(!villageSync.statusText().contains(QStringLiteral("village:")));
        QVERIFY2(villageSync.resultText().contains(QStringLiteral("川心村")), qPrintable(villageSync.resultText()));
        QVERIFY(villageSync.autoSyncBox()->isEnabled());
        QVERIFY(test::finishes(villageSync, &SyncView::syncNow));

        // A report written while offline: 待上传, and every page says to phone 023-52231234.
        Record incident;
        incident.entity = "incident";
        incident.set("elder_id", elder);
        {
            IncidentDialog dialog(*village.session, incident);
            qobject_cast<QComboBox*>(dialog.form().editorWidget("type"))->setCurrentIndex(1);
            test::typeInto(dialog.form().editorWidget("description"), QStringLiteral("突发疾病，已送医"));
            QVERIFY(dialog.save());
            QVERIFY(dialog.stateText().contains(QStringLiteral("023-52231234")));
            incident = village.session->list("incident").front();
        }
        auto* homeList = window.home()->findChild<RecordListPanel*>();
        QCOMPARE(statusCell(*homeList), QStringLiteral("Waiting to upload"));
        QVERIFY2(window.bannerText().contains(QStringLiteral("023-52231234")), qPrintable(window.bannerText()));

        // Sent: the server has it, so the township can see it.
        QVERIFY(test::finishes(villageSync, &SyncView::syncNow));
        QCOMPARE(statusCell(*homeList), QStringLiteral("Delivered to the township"));
        QVERIFY(window.bannerText().isEmpty());
        {
            IncidentDialog dialog(*village.session, *village.session->get("incident", incident.id));
            QVERIFY2(dialog.stateText().contains(QStringLiteral("Delivered to the township")),
                     qPrintable(dialog.stateText()));
        }

        // The township accepts it; at the village's next sync the report reads 已受理.
        test::GuiLedger township;
        SyncView townshipSync(*township.session);
        QVERIFY(test::enrolls(townshipSync, m_county, QStringLiteral("township:500154001")));
        QVERIFY(test::finishes(townshipSync, &SyncView::syncNow));
        auto received = township.session->get("incident", incident.id);
        QVERIFY(received);
        QVERIFY(applyIncidentStep(*received, {IncidentStep::Accept, nowDateTime(), "镇值班员", {}}).empty());
        QVERIFY(township.session->save(*received).ok());
        QVERIFY(test::finishes(townshipSync, &SyncView::syncNow));

        QVERIFY(test::finishes(villageSync, &SyncView::syncNow));
        QCOMPARE(statusCell(*homeList), QStringLiteral("已受理"));
    }
};

QTEST_MAIN(IncidentDeliveryTest)
#include "incident_delivery_test.moc"
