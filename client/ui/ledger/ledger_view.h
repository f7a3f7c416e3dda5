#pragma once

#include "store/elder_query.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace shouwang::ui {

class ElderTableModel;
class LedgerSession;

// The ledger (台账): every elder of the scope, searchable by name, ID number or phone,
// filtered by each derived flag, risk level, status and overdue visits, sorted by any column;
// and the households.
class LedgerView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LedgerView)

public:
    explicit LedgerView(LedgerSession& session, QWidget* parent = nullptr);

    ElderTableModel& model() { return *m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* searchBox() const { return m_search; }
    QComboBox* riskCombo() const { return m_risk; }
    QComboBox* statusCombo() const { return m_status; }
    QCheckBox* overdueBox() const { return m_overdue; }
    QComboBox* programmeCombo() const { return m_programme; }
    QCheckBox* flagBox(std::uint32_t flag) const;
    ElderFilter currentFilter() const;
    // Applies the filter controls now (the search box waits for typing to pause).
    void applyFilter();
    std::string currentElderId() const;

signals:
    void openElderRequested(const QString& elderId);

private:
    QWidget* buildFilters();
    QWidget* buildElderPage();
    void newElder();
    void visitCurrent();
    void exportCsv();

    LedgerSession& m_session;
    ElderTableModel* m_model;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
    QTimer* m_searchDelay = nullptr;
    // The filters (buildFilters), which make up the model's ElderFilter.
    std::vector<std::pair<std::uint32_t, QCheckBox*>> m_flags;
    QLineEdit* m_search = nullptr;
    QComboBox* m_risk = nullptr;
    QComboBox* m_status = nullptr;
    QCheckBox* m_overdue = nullptr;
    QComboBox* m_programme = nullptr;
};

} // namespace shouwang::ui
