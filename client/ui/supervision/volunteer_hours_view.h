#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace shouwang::ui {

class LedgerSession;
class RecordListPanel;
class ReportTableModel;

// The volunteer hours cycle for the village (issue 18 item 2): each volunteer's account —
// hours credited, redeemed, the balance and redemptions 超额待核 — derived from the entries
// listed below it, which the village committee adds (and can only void or approve after).
class VolunteerHoursView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolunteerHoursView)

public:
    explicit VolunteerHoursView(LedgerSession& session, QWidget* parent = nullptr);

    void reload();
    ReportTableModel& accounts() { return *m_accounts; }
    RecordListPanel& credits() { return *m_credits; }
    RecordListPanel& redemptions() { return *m_redemptions; }

private:
    LedgerSession& m_session;
    ReportTableModel* m_accounts;
    QTableView* m_accountView;
    RecordListPanel* m_credits;
    RecordListPanel* m_redemptions;
};

} // namespace shouwang::ui
