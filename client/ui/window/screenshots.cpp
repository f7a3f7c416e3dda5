#include "main_window.h"

#include "ui/sync/conflict_view.h"
#include "ui/ledger/elder_dialog.h"
#include "ui/supervision/home_view.h"
#include "ui/workflows/incident_dialog.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/ledger/ledger_view.h"
#include "ui/ledger/new_household_dialog.h"
#include "ui/ledger/elder_table_model.h"
#include "ui/sync/first_run_dialog.h"
#include "ui/ledger/household_dialog.h"
#include "ui/workflows/incident_queue_view.h"
#include "ui/publishing/publish_view.h"
#include "ui/forms/record_dialog.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/record_table_model.h"
#include "ui/workflows/referral_queue_view.h"
#include "ui/supervision/report_table_model.h"
#include "ui/care/risk_dialog.h"
#include "ui/supervision/supervision_view.h"
#include "ui/sync/sync_view.h"
#include "ui/supervision/village_coverage_view.h"
#include "ui/supervision/village_lists_view.h"
#include "ui/care/visit_dialog.h"

#include "domain/date.h"
#include "domain/enums.h"
#include "domain/schema.h"
#include "domain/schema_names.h"
#include "exchange/elder_csv.h"
#include "store/conflict_queue.h"
#include "store/database.h"
#include "store/sqlite_database.h"
#include "ui/ledger/import_preview_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

// The manual's screenshots, taken from the real widgets (tools/screenshots.sh runs this
// under Xvfb), so the pictures always show the program as it is.

namespace shouwang::ui {
namespace {

bool grabTo(QWidget* widget, const QString& dir, const QString& name)
{
    widget->show();
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    return widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// Waits (with the event loop running) until `signal` of `sender` fires or a minute passes.
template <typename Sender, typename Signal>
void waitFor(Sender* sender, Signal signal)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
}

// A made-up conflict on the demo's first elder, so the manual can show the conflict screen.
void addDemoConflict(LedgerSession& session, const std::string& elderId)
{
    auto elder = session.get(schema::elder::entity, elderId);
    if (!elder || ConflictQueue(session.database()).openCount() > 0)
        return;
    Conflict c;
    c.entity = schema::elder::entity;
    c.recordId = elderId;
    c.villageCode = elder->villageCode;
    c.field = schema::elder::phone;
    c.valueA = "13800001111";
    c.valueB = elder->value(schema::elder::phone).empty() ? "13900002222" : elder->value(schema::elder::phone);
    c.hlcA = Hlc{(static_cast<std::uint64_t>(1715580000000) << 16), "demo-a"};
    c.hlcB = Hlc{(static_cast<std::uint64_t>(1715583600000) << 16), "demo-b"};
    c.operatorA = "李网格员";
    c.operatorB = "张文书";
    c.detectedAt = "2024-05-13T15:00:00";
    ConflictQueue(session.database()).add(c);
    session.notifyChanged();
}

// A made-up report written just now and not yet sent, so the manual can show its state
// (待上传) and the warning above every page.
void addDemoIncident(LedgerSession& session, const std::string& elderId)
{
    ListFilter open;
    open.equals = {{schema::incident::status, "reported"}};
    if (!session.list(schema::incident::entity, open).empty())
        return;
    Record incident;
    incident.entity = schema::incident::entity;
    incident.set(schema::incident::elder_id, elderId);
    incident.set(schema::incident::type, "critical_illness");
    incident.set(schema::incident::discovered_at, nowDateTime());
    incident.set(schema::incident::reported_at, nowDateTime());
    incident.set(schema::incident::reporter,
                 session.operatorName().empty() ? std::string("张文书") : session.operatorName());
    incident.set(schema::incident::description, "早上发现老人在家中摔倒，神志清醒，左腿疼痛不能站立。");
    incident.set(schema::incident::emergency_action, "已叫邻居帮忙送镇卫生院，并电话通知其儿子。");
    incident.set(schema::incident::escalated_to, "township");
    incident.set(schema::incident::status, "reported");
    session.save(incident);
}

} // namespace

QString screenshotLedgerCopy(const QString& path, const QString& dir)
{
    const QString copy = QDir(dir).filePath(QStringLiteral("screenshot-ledger.db"));
    QFile::remove(copy);
    if (QFileInfo::exists(path)) {
        SqliteDatabase original(ss(path));
        original.copyTo(ss(copy));
    }
    return copy;
}

bool MainWindow::saveScreenshots(const QString& dir, bool demo)
{
    QDir().mkpath(dir);
    bool ok = true;
    const Scope::Kind kind = m_session.scopeKind();
    if (kind != Scope::Kind::Village)
        return saveAreaScreenshots(dir);
    const ElderRow* firstRow = m_ledger->model().rowAt(0);
    // A copy: each addition refreshes the views, and the row with them.
    const std::string firstId = firstRow ? firstRow->id : std::string();
    if (demo && !firstId.empty()) {
        addDemoConflict(m_session, firstId);
        addDemoIncident(m_session, firstId);
    }
    const std::pair<Page, const char*> pages[] = {{HomePage, "home"},        {LedgerPage, "ledger"},
                                                  {ListsPage, "lists"},      {SyncPage, "sync"},
                                                  {ConflictsPage, "conflicts"}};
    for (const auto& [page, name] : pages) {
        showPage(page);
        if (page == HomePage && m_home->isRefreshing()) // its figures come from a worker
            waitFor(m_home, &HomeView::figuresShown);
        if (page == ConflictsPage)
            m_conflicts->select(0);
        ok &= grabTo(this, dir, QLatin1String(name));
    }
    // The lists page again on 老年协会活动 and on the volunteer hours accounts (the last tab).
    showPage(ListsPage);
    QTabWidget* listTabs = m_lists->tabs();
    for (int i = 0; i < listTabs->count(); ++i) {
        if (listTabs->tabText(i) == label(*findEntity(schema::association_activity::entity))) {
            listTabs->setCurrentIndex(i);
            ok &= grabTo(this, dir, QStringLiteral("association-activities"));
        }
    }
    listTabs->setCurrentIndex(listTabs->count() - 1);
    ok &= grabTo(this, dir, QStringLiteral("volunteer-hours"));
    listTabs->setCurrentIndex(0);
    return saveDialogScreenshots(dir) && ok;
}

bool MainWindow::saveAreaScreenshots(const QString& dir)
{
    const bool township = m_session.scopeKind() == Scope::Kind::Township;
    const QString prefix = township ? QStringLiteral("township-") : QStringLiteral("county-");
    bool ok = true;
    showPage(DashboardPage);
    if (!m_dashboard->report())
        waitFor(m_dashboard, &SupervisionView::reportReady);
    ok &= grabTo(this, dir, prefix + QStringLiteral("dashboard"));
    m_dashboard->tabs()->setCurrentIndex(6);
    ok &= grabTo(this, dir, prefix + QStringLiteral("dashboard-data"));
    m_dashboard->tabs()->setCurrentIndex(7);
    ok &= grabTo(this, dir, prefix + QStringLiteral("dashboard-referrals"));
    m_dashboard->tabs()->setCurrentIndex(0);
    if (township) {
        showPage(IncidentsPage);
        m_incidents->showCombo()->setCurrentIndex(1);
        m_incidents->select(0);
        ok &= grabTo(this, dir, QStringLiteral("township-incidents"));
        showPage(ReferralsPage);
        m_referrals->showCombo()->setCurrentIndex(1);
        m_referrals->select(0);
        ok &= grabTo(this, dir, QStringLiteral("township-referrals"));
        showPage(CoveragePage);
        if (m_coverage->model()->rowCount() == 0)
            waitFor(m_coverage, &VillageCoverageView::refreshed);
        ok &= grabTo(this, dir, QStringLiteral("township-villages"));
        return ok;
    }
    showPage(PublishPage);
    const char* tabs[] = {"county-services", "county-campaigns", "county-standard", "county-township-phones"};
    for (int i = 0; i < 4; ++i) {
        m_publish->tabs()->setCurrentIndex(i);
        ok &= grabTo(this, dir, QLatin1String(tabs[i]));
    }
    if (const Record* campaign = m_publish->campaigns().model().recordAt(0)) {
        RecordDialog dialog(m_session, *campaign, {}, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("county-campaign"));
    }
    return ok;
}

bool MainWindow::saveDialogScreenshots(const QString& dir)
{
    bool ok = true;
    ListFilter oneHousehold;
    oneHousehold.limit = 1;
    if (const auto households = m_session.list(schema::household::entity, oneHousehold); !households.empty()) {
        HouseholdDialog dialog(m_session, households.front(), this);
        ok &= grabTo(&dialog, dir, QStringLiteral("household"));
    }
    const ElderRow* first = m_ledger->model().rowAt(0);
    const std::string elderId = first ? first->id : std::string();
    {
        FirstRunDialog dialog(this);
        dialog.selectVillage(m_session.villageCode().empty() ? "500154001200" : m_session.villageCode());
        ok &= grabTo(&dialog, dir, QStringLiteral("first-run"));
    }
    if (elderId.empty())
        return ok;
    {
        ElderDialog dialog(m_session, elderId, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("elder-basic"));
        const char* tabNames[] = {"elder-basic", "elder-household", "elder-health", "elder-economy", "elder-visits",
                                  "elder-risk", "elder-agreements", "elder-pairings", "elder-services",
                                  "elder-incidents", "elder-referrals", "elder-history"};
        for (int i = 1; i < dialog.tabs()->count() && i < static_cast<int>(std::size(tabNames)); ++i) {
            dialog.tabs()->setCurrentIndex(i);
            ok &= grabTo(&dialog, dir, QLatin1String(tabNames[i]));
        }
    }
    Record visit;
    visit.entity = schema::visit::entity;
    visit.set(schema::visit::elder_id, elderId);
    {
        VisitDialog dialog(m_session, visit, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("visit"));
    }
    Record assessment = visit;
    assessment.entity = schema::risk_assessment::entity;
    {
        RiskDialog dialog(m_session, assessment, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("risk"));
    }
    Record incident = visit;
    incident.entity = schema::incident::entity;
    {
        IncidentDialog dialog(m_session, incident, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("incident"));
    }
    {
        ElderDialog dialog(m_session, {}, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("elder-new"));
        NewHouseholdDialog household(m_session, QStringLiteral("王大山"), &dialog);
        ok &= grabTo(&household, dir, QStringLiteral("household-new"));
    }
    ok &= saveImportPreviewScreenshot(dir, elderId);
    return ok;
}

// The import preview of a ledger shaped like a village's own Excel book: a title, the
// header words clerks type, an elder already in the ledger whose phone changed, a new one
// with a 15-digit ID, a refused row and a totals row. Previewed only: nothing is written.
bool MainWindow::saveImportPreviewScreenshot(const QString& dir, const std::string& elderId)
{
    const auto elder = m_session.get(schema::elder::entity, elderId);
    if (!elder)
        return true;
    auto household = m_session.get(schema::household::entity, elder->value(schema::elder::household_id));
    const std::string village = elder->villageCode;
    std::vector<csv::Row> rows = {
        {1, {"川心村农村留守老年人信息台账（2026年）"}},
        {2, {"序号", "户主", "住址", "姓  名", "性别", "身份证号码", "联系方式", "居住情况"}},
        {3,
         {"1", household ? household->value(schema::household::head_name) : elder->value(schema::elder::name),
          household ? household->value(schema::household::address) : std::string("川心村1组"),
          elder->value(schema::elder::name), "", elder->value(schema::elder::id_number), "139 0000 1234",
          std::string(findEnum("living")->label(elder->value(schema::elder::living)))}},
        {4, {"2", "陈玉珍", "川心村4组8号", "陈玉珍", "女", "500154450302124", "+86 138 2345 6789", "独居老人"}},
        {5, {"3", "刘长生", "川心村4组9号", "刘长生", "男", "500154194407085519", "", "住在山上"}},
        {6, {"合计", "", "", "3人"}},
        {7, {"填表人：王小红      审核人：李主任"}},
    };
    ImportOptions options;
    options.villagePrefix = village;
    options.dryRun = true;
    const ImportReport report = importElderRows(m_session.ledger(), rows, options);
    ImportPreviewDialog dialog(report, {}, [](const QString&) { return QString(); }, this);
    return grabTo(&dialog, dir, QStringLiteral("import-preview"));
}

} // namespace shouwang::ui
