#pragma once

#include <QWidget>

class QComboBox;

namespace shouwang::ui {

class IncidentStepPanel;
class LedgerSession;
class RecordListPanel;

// The township's work queue (情况报告办理): the incident reports of its villages, open ones
// first, and under the list the panel that records the next step of the chosen one. Each
// step is a change like any other, so the village sees the status at its next sync.
class IncidentQueueView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentQueueView)

public:
    explicit IncidentQueueView(LedgerSession& session, QWidget* parent = nullptr);

    RecordListPanel& list() { return *m_list; }
    IncidentStepPanel& steps() { return *m_steps; }
    QComboBox* showCombo() const { return m_show; }
    // Selects the row of the list and shows it in the step panel.
    void select(int row);
    void reload();

private:
    void showCurrent();

    LedgerSession& m_session;
    QComboBox* m_show;
    RecordListPanel* m_list;
    IncidentStepPanel* m_steps;
    QString m_currentId;
};

} // namespace shouwang::ui
