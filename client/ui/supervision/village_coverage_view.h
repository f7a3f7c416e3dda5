#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace shouwang::ui {

class LedgerSession;
class ReportTableModel;

// The township's village-by-village view (各村探访情况): per village, elders on the ledger,
// key targets, the share visited on schedule and who is overdue — key targets overdue
// apart, since they are the ones the policy worries about. The figures come from
// computeSupervision (shared/report) on a worker thread; villages with key targets overdue
// stand out.
class VillageCoverageView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VillageCoverageView)

public:
    explicit VillageCoverageView(LedgerSession& session, QWidget* parent = nullptr);

    ReportTableModel* model() const { return m_model; }
    void refresh();

signals:
    void refreshed(bool ok);

private:
    LedgerSession& m_session;
    ReportTableModel* m_model;
    QLabel* m_status;
    QPushButton* m_refresh;
    bool m_busy = false;
};

} // namespace shouwang::ui
