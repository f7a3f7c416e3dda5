#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QTableWidget;

namespace shouwang::ui {

class ElderTableModel;
class LedgerSession;
class RecordListPanel;

// The home page (首页): what needs doing today — visits due and overdue, high-risk elders,
// open incident reports, key targets whose supporters are due to be urged (督促赡养) — and
// the village at a glance: key targets by kind, changes not yet
// synced, the last sync, the current campaign.
class HomeView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeView)

public:
    explicit HomeView(LedgerSession& session, QWidget* parent = nullptr);

    ElderTableModel& dueModel() { return *m_due; }
    ElderTableModel& highRiskModel() { return *m_highRisk; }
    // Key targets whose supporters are due to be urged: name, village, why (report/family_duty.h).
    QTableWidget* urgingTable() const { return m_urging; }
    QString summaryText() const;
    // When the last sync succeeded, and whether the latest one failed.
    QString syncText() const;
    // On a ledger with no elder yet: what to do first; "" otherwise.
    QString nextStepText() const;
    // Reads the page again. What covers the whole scope (the two elder lists, the counts,
    // the supporters to urge) is read on a worker thread with its own connection, so the
    // window paints at once on a county's 100,000 elders; it shows when it comes.
    void refresh();
    // True while the worker's figures are still to come.
    bool isRefreshing() const { return m_busy; }

signals:
    void openElderRequested(const QString& elderId);
    // The worker's figures are shown (isRefreshing() is false again).
    void figuresShown();

private:
    struct Figures;
    QTableView* elderTable(ElderTableModel* model, bool visitOnDoubleClick);
    QString campaignText();
    QString countsText(const Figures& figures) const;
    void refreshSync();
    void startFigures();
    void showFigures(Figures& figures);

    LedgerSession& m_session;
    ElderTableModel* m_due;
    ElderTableModel* m_highRisk;
    RecordListPanel* m_incidents;
    QTableWidget* m_urging;
    QLabel* m_heading;
    QLabel* m_counts;
    QLabel* m_sync;
    QLabel* m_nextStep;
    QLabel* m_campaign;
    bool m_busy = false;  // figures being read on the worker
    bool m_again = false; // the ledger changed meanwhile: read them once more
};

} // namespace shouwang::ui
