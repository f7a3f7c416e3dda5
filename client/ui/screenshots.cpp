#include "main_window.h"

#include "elder_dialog.h"
#include "home_view.h"
#include "incident_dialog.h"
#include "labels.h"
#include "ledger_session.h"
#include "ledger_view.h"
#include "elder_table_model.h"
#include "first_run_dialog.h"
#include "record_dialog.h"
#include "risk_dialog.h"
#include "sync_view.h"
#include "village_lists_view.h"
#include "visit_dialog.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>

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

} // namespace

bool MainWindow::saveScreenshots(const QString& dir)
{
    QDir().mkpath(dir);
    bool ok = true;
    const std::pair<Page, const char*> pages[] = {
        {HomePage, "home"}, {LedgerPage, "ledger"}, {ListsPage, "lists"}, {SyncPage, "sync"}};
    for (const auto& [page, name] : pages) {
        showPage(page);
        ok &= grabTo(this, dir, QLatin1String(name));
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
                                  "elder-incidents", "elder-history"};
        for (int i = 1; i < dialog.tabs()->count() && i < 11; ++i) {
            dialog.tabs()->setCurrentIndex(i);
            ok &= grabTo(&dialog, dir, QLatin1String(tabNames[i]));
        }
    }
    Record visit;
    visit.entity = "visit";
    visit.set("elder_id", elderId);
    {
        VisitDialog dialog(m_session, visit, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("visit"));
    }
    Record assessment = visit;
    assessment.entity = "risk_assessment";
    {
        RiskDialog dialog(m_session, assessment, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("risk"));
    }
    Record incident = visit;
    incident.entity = "incident";
    {
        IncidentDialog dialog(m_session, incident, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("incident"));
    }
    {
        ElderDialog dialog(m_session, {}, this);
        ok &= grabTo(&dialog, dir, QStringLiteral("elder-new"));
    }
    return ok;
}

} // namespace shouwang::ui
