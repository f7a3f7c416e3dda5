// County publishing reaches the villages: a campaign published on the county's computer
// goes through a real server process to a village computer, which shows it read-only.

#include "gui_fixture.h"
#include "sync_view_run.h"
#include "server_process.h"

#include "ui/session/labels.h"

#include "ui/publishing/publish_view.h"
#include "ui/forms/record_dialog.h"
#include "ui/forms/record_form.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/sync/sync_view.h"
#include "ui/supervision/village_lists_view.h"

#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace shouwang;
using namespace shouwang::ui;

namespace {

RecordListPanel* campaignPanel(VillageListsView& lists)
{
    for (int i = 0; i < lists.tabs()->count(); ++i) {
        if (auto* panel = qobject_cast<RecordListPanel*>(lists.tabs()->widget(i)); panel && panel->model().rowCount() > 0
            && panel->model().recordAt(0)->entity == "campaign")
            return panel;
    }
    return nullptr;
}

} // namespace

class PublishSyncTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!test::serverBuilt())
            QSKIP("shouwang-server is not built (configure with SHOUWANG_BUILD_SERVER=ON or set SHOUWANG_SERVER)");
        QVERIFY(m_county.start());
    }

    void aCampaignPublishedByTheCountyReachesAVillage_whichShowsItReadOnly()
    {
        test::GuiLedger county;
        county.session->setScope("500154");
        PublishView publish(*county.session);
        QVERIFY(!publish.campaigns().isReadOnly());
        Record campaign;
        campaign.entity = "campaign";
        RecordDialog dialog(*county.session, campaign);
        dialog.form().setValue("name", "2025年重阳节走访慰问");
        dialog.form().setValue("kind", "double_ninth");
        dialog.form().setValue("start_date", "2025-10-20");
        dialog.form().setValue("end_date", "2025-10-31");
        dialog.form().setValue("target", "key");
        QVERIFY2(dialog.save(), qPrintable(dialog.message()));
        QCOMPARE(dialog.record().villageCode, std::string("500154"));
        QCOMPARE(publish.campaigns().model().rowCount(), 1);

        SyncView countySync(*county.session);
        QVERIFY(test::enrolls(countySync, m_county, QStringLiteral("county:500154")));
        QVERIFY(test::finishes(countySync, &SyncView::syncNow));
        QCOMPARE(county.session->ledger().changeLog().pendingCount(), std::size_t(0));

        test::GuiLedger village;
        SyncView villageSync(*village.session);
        QVERIFY(test::enrolls(villageSync, m_county, QStringLiteral("village:500154001200")));
        QVERIFY(test::finishes(villageSync, &SyncView::syncNow));

        VillageListsView lists(*village.session);
        RecordListPanel* panel = campaignPanel(lists);
        QVERIFY(panel);
        QCOMPARE(qs(panel->model().recordAt(0)->value("name")), QStringLiteral("2025年重阳节走访慰问"));
        QVERIFY(panel->isReadOnly());
        RecordDialog shown(*village.session, *panel->model().recordAt(0));
        QVERIFY(!shown.save());
        QVERIFY(!shown.form().editorWidget("name")->isEnabled()
                || shown.form().editorWidget("name")->property("readOnly").toBool());
        QVERIFY(shown.message().contains(QStringLiteral("read-only")));
    }

private:
    test::CountyServer m_county;
};

QTEST_MAIN(PublishSyncTest)
#include "publish_sync_test.moc"
