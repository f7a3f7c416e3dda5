#pragma once

#include "ui/forms/record_list_panel.h"

#include <QWidget>

#include <string>
#include <vector>

class QComboBox;

namespace shouwang {
struct Workflow;
}

namespace shouwang::ui {

class LedgerSession;
class WorkflowStepPanel;

// The township's work queue of a workflow's records (情况报告办理, 部门转介): the records of
// its villages, open ones first, and under the list the panel that records the next step of
// the chosen one. Each step is a change like any other, so the village sees the status at
// its next sync.
class WorkflowQueueView : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowQueueView)

public:
    struct Texts {
        QString heading, openOnly, all;
    };
    WorkflowQueueView(LedgerSession& session, const Workflow& flow, std::vector<std::string> columns,
                      WorkflowStepPanel* steps, const Texts& texts, QWidget* parent = nullptr);

    RecordListPanel& list() { return *m_list; }
    WorkflowStepPanel& stepPanel() { return *m_steps; }
    QComboBox* showCombo() const { return m_show; }
    // Selects the row of the list and shows it in the step panel.
    void select(int row);
    void reload();

private:
    void showCurrent();

    LedgerSession& m_session;
    const Workflow& m_flow;
    QComboBox* m_show;
    RecordListPanel* m_list;
    WorkflowStepPanel* m_steps;
    QString m_currentId;
};

} // namespace shouwang::ui
