#pragma once

#include "workflow_step_panel.h"

#include "domain/incident_workflow.h"

namespace shouwang::ui {

// The township's handling of one incident report: 受理, 开始救助, 办结 (the rules and the
// form are WorkflowStepPanel's). Who assisted is kept with the assistance text.
class IncidentStepPanel final : public WorkflowStepPanel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStepPanel)

public:
    explicit IncidentStepPanel(LedgerSession& session, QWidget* parent = nullptr);

    void setIncident(std::optional<Record> incident) { setRecord(std::move(incident)); }
    void setStep(IncidentStep step) { setStepStatus(statusAfter(step)); }

protected:
    QString stepTitle(const WorkflowStep& step) const override;
    QString noteTitle(const WorkflowStep& step) const override;
    QString detail(const Record& record) const override;
    bool takesHandler(const WorkflowStep& step) const override;
    std::string noteSuffix(const WorkflowStep& step, const std::string& handler) const override;
};

} // namespace shouwang::ui
