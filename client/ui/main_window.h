#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace shouwang::ui {

class HomeView;
class LedgerSession;
class LedgerView;
class SyncView;
class VillageListsView;

// The window: a list of the main screens on the left (home, ledger, village lists, sync) and
// the chosen screen on the right; the elder's record and the entry forms open as dialogs.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page { HomePage, LedgerPage, ListsPage, SyncPage, PageCount };

    explicit MainWindow(LedgerSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    HomeView* home() const { return m_home; }
    LedgerView* ledger() const { return m_ledger; }
    VillageListsView* lists() const { return m_lists; }
    SyncView* sync() const { return m_sync; }

    // Saves a PNG of every screen and dialog into `dir` (the manual's screenshots).
    bool saveScreenshots(const QString& dir);

private:
    void buildMenus();
    void openElderRecord(const QString& elderId);
    void askOperatorName();
    void chooseLanguage();

    LedgerSession& m_session;
    QListWidget* m_nav;
    QStackedWidget* m_stack;
    HomeView* m_home;
    LedgerView* m_ledger;
    VillageListsView* m_lists;
    SyncView* m_sync;
};

} // namespace shouwang::ui
