#include "incident_workflow.h"

#include "schema_names.h"
#include "workflow.h"

namespace shouwang {
namespace {

namespace st = incident_status;

// The steps' time fields are those of kIncidentStatusTimes, the one list of them.
constexpr WorkflowStep kSteps[] = {
    {st::kAccepted, 1, false, "受理", kIncidentStatusTimes[1].timeField, "受理时间", "accepted_by", "受理人", "", ""},
    {st::kAssisting, 2, true, "开始救助", kIncidentStatusTimes[2].timeField, "开始救助时间", "", "", "assistance", "救助措施"},
    {st::kClosed, 3, false, "办结", kIncidentStatusTimes[3].timeField, "办结时间", "closed_by", "办结人", "outcome", "办结情况"},
};
static_assert(kIncidentStatusTimes[1].status == st::kAccepted && kIncidentStatusTimes[2].status == st::kAssisting
              && kIncidentStatusTimes[3].status == st::kClosed);

const Workflow kIncident{"incident", "情况报告", st::kReported, "incident_status", "上报→受理→救助中→办结",
                         false, kSteps, &incidentReportedAt, "reporter", "description"};

StepInput generic(const IncidentStepInput& step)
{
    return {statusAfter(step.step), step.at, step.handler, step.note};
}

} // namespace

const Workflow& incidentWorkflow()
{
    return kIncident;
}

std::string_view statusAfter(IncidentStep step)
{
    switch (step) {
    case IncidentStep::Accept:
        return st::kAccepted;
    case IncidentStep::Assist:
        return st::kAssisting;
    case IncidentStep::Close:
        return st::kClosed;
    }
    return st::kReported;
}

bool canMoveIncident(std::string_view from, std::string_view to)
{
    return canMove(kIncident, from, to);
}

std::string incidentStepProblem(const Record& incident, const IncidentStepInput& step)
{
    return stepProblem(kIncident, incident, generic(step));
}

std::string applyIncidentStep(Record& incident, const IncidentStepInput& step)
{
    // Who assisted is kept with the assistance text: the step has no handler field.
    const bool named = step.step == IncidentStep::Assist && step.handler.find_first_not_of(" \t\r\n") != std::string::npos;
    return applyStep(kIncident, incident, generic(step), named ? "（" + step.handler + "）" : std::string{});
}

std::vector<FieldError> incidentWorkflowProblems(const Record& incident)
{
    return workflowProblems(kIncident, incident);
}

std::string_view incidentTimeField(std::string_view status)
{
    for (const IncidentStatusTime& step : kIncidentStatusTimes) {
        if (step.status == status)
            return step.timeField;
    }
    return {};
}

std::string incidentReportedAt(const Record& incident)
{
    const std::string_view reportedAt = kIncidentStatusTimes[0].timeField;
    return incident.has(reportedAt) ? incident.value(reportedAt) : incident.value(schema::incident::discovered_at);
}

std::vector<IncidentEvent> incidentTimeline(const Record& incident)
{
    return workflowTimeline(kIncident, incident);
}

} // namespace shouwang
