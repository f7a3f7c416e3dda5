#pragma once

#include <QMainWindow>
#include <QString>

#include <array>
#include <vector>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace shouwang::ui {

class ConflictView;
class DayWatch;
class HomeView;
class IncidentQueueView;
class ReferralQueueView;
class LedgerSession;
class LedgerView;
class PublishView;
class SupervisionView;
class SyncView;
class VillageCoverageView;
class VillageListsView;

// The window: a list of the main screens on the left and the chosen screen on the right;
// the elder's record and the entry forms open as dialogs. Which screens there are follows the
// enrolled scope: a village keeps its ledger; a township also handles its villages' incident
// reports and sees their visits village by village; the county publishes reference data.
// All three have the supervision dashboard, the conflicts and sync.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page {
        HomePage,
        LedgerPage,
        ListsPage,
        SyncPage,
        IncidentsPage,
        CoveragePage,
        PublishPage,
        DashboardPage,
        ConflictsPage,
        ReferralsPage,
        PageCount
    };

    explicit MainWindow(LedgerSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Does nothing for a page this scope does not have.
    void showPage(Page page);
    bool hasPage(Page page) const { return m_pages[page] != nullptr; }
    HomeView* home() const { return m_home; }
    LedgerView* ledger() const { return m_ledger; }
    VillageListsView* lists() const { return m_lists; }
    SyncView* sync() const { return m_sync; }
    IncidentQueueView* incidents() const { return m_incidents; }
    ReferralQueueView* referrals() const { return m_referrals; }
    VillageCoverageView* coverage() const { return m_coverage; }
    PublishView* publish() const { return m_publish; }
    SupervisionView* dashboard() const { return m_dashboard; }
    ConflictView* conflicts() const { return m_conflicts; }
    DayWatch* dayWatch() const { return m_dayWatch; }

    // At start-up: a ledger without an operator name asks for one, so every change is
    // signed by a person (not "村委会") and forms start with the clerk's name.
    void askOperatorNameIfMissing();
    // The warning above every page while incident reports wait to be sent; "" when hidden.
    QString bannerText() const;
    // The operator and the ledger file, shown permanently at the bottom of the window.
    QString statusInfoText() const;
    // Opens the user manual (docs/user-manual.md as installed) in a window of its own.
    void openUserManual();

    // Saves a PNG of every screen and dialog into `dir` (the manual's screenshots). On a
    // township or county ledger, the screens of that level, named "township-…"/"county-…".
    // `demo`: the ledger is a throwaway demo, so a made-up conflict may be added to show
    // the conflict screen.
    bool saveScreenshots(const QString& dir, bool demo = false);

private:
    void createPages();
    void addPage(Page page, QWidget* widget, const QString& title);
    void pageShown(int row);
    void buildMenus();
    void openElderRecord(const QString& elderId);
    void askOperatorName();
    void refreshBanner();
    void refreshStatusInfo();
    void chooseLanguage();
    bool saveAreaScreenshots(const QString& dir);
    bool saveDialogScreenshots(const QString& dir);
    bool saveImportPreviewScreenshot(const QString& dir, const std::string& elderId);

    LedgerSession& m_session;
    QListWidget* m_nav;
    QStackedWidget* m_stack;
    QLabel* m_banner;
    QLabel* m_statusInfo;
    std::array<QWidget*, PageCount> m_pages{};
    std::vector<Page> m_order;
    HomeView* m_home = nullptr;
    LedgerView* m_ledger = nullptr;
    VillageListsView* m_lists = nullptr;
    SyncView* m_sync = nullptr;
    IncidentQueueView* m_incidents = nullptr;
    ReferralQueueView* m_referrals = nullptr;
    VillageCoverageView* m_coverage = nullptr;
    PublishView* m_publish = nullptr;
    SupervisionView* m_dashboard = nullptr;
    ConflictView* m_conflicts = nullptr;
    DayWatch* m_dayWatch = nullptr;
};

// The hidden --screenshot option never changes the user's ledger: it works on a copy of
// `path` made in `dir` (a new, empty file there when `path` does not exist). Returns the
// copy's path. Throws StoreError when the ledger cannot be read.
QString screenshotLedgerCopy(const QString& path, const QString& dir);

} // namespace shouwang::ui
