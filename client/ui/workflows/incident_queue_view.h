#pragma once

#include "incident_step_panel.h"
#include "workflow_queue_view.h"

namespace shouwang::ui {

// The township's work queue of incident reports (情况报告办理): villages report, the
// township handles what they report (WorkflowQueueView).
class IncidentQueueView final : public WorkflowQueueView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentQueueView)

public:
    explicit IncidentQueueView(LedgerSession& session, QWidget* parent = nullptr);

    IncidentStepPanel& steps() { return static_cast<IncidentStepPanel&>(stepPanel()); }
};

} // namespace shouwang::ui
