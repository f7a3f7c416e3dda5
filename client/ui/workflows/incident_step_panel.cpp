#include "incident_step_panel.h"

#include "domain/schema_names.h"
#include "ui/session/labels.h"

namespace shouwang::ui {

namespace st = incident_status;

IncidentStepPanel::IncidentStepPanel(LedgerSession& session, QWidget* parent)
    : WorkflowStepPanel(session, incidentWorkflow(), parent)
{
    addSteps();
}

QString IncidentStepPanel::stepTitle(const WorkflowStep& step) const
{
    if (step.status == st::kAccepted)
        return tr("Acknowledge (受理)");
    if (step.status == st::kAssisting)
        return tr("Start assistance (救助)");
    return tr("Close (办结)");
}

QString IncidentStepPanel::noteTitle(const WorkflowStep& step) const
{
    return step.status == st::kAssisting ? tr("Assistance given") : step.status == st::kClosed ? tr("Outcome") : tr("Note");
}

QString IncidentStepPanel::detail(const Record& record) const
{
    return enumLabel("incident_type", record.value(schema::incident::type));
}

bool IncidentStepPanel::takesHandler(const WorkflowStep&) const
{
    return true; // the assistance step names who gave it, with its text
}

std::string IncidentStepPanel::noteSuffix(const WorkflowStep& step, const std::string& handler) const
{
    return step.status == st::kAssisting && !handler.empty() ? "（" + handler + "）" : std::string();
}

} // namespace shouwang::ui
