#pragma once

#include <QWidget>

#include <string>

class QLabel;
class QPushButton;
class QTableView;

namespace shouwang::ui {

class ChangeHistoryModel;
class LedgerSession;

// One record's change history (ChangeHistoryModel). On a ledger that began from a snapshot
// of the county's records, the changes from before its first sync are at the county: a
// button asks for them on a worker thread and adds them to the list.
class ChangeHistoryView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeHistoryView)

public:
    ChangeHistoryView(LedgerSession& session, std::string recordId, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QPushButton* countyButton() const { return m_countyButton; }
    QLabel* countyStatus() const { return m_countyStatus; }

    // Asks the county for the record's earlier changes (what the button does).
    void fetchFromCounty();

signals:
    void countyHistoryArrived(bool ok);

private:
    LedgerSession& m_session;
    std::string m_recordId;
    ChangeHistoryModel* m_model;
    QTableView* m_table;
    QPushButton* m_countyButton;
    QLabel* m_countyStatus;
};

} // namespace shouwang::ui
