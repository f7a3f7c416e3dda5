#pragma once

#include "record.h"
#include "validation.h"
#include "workflow.h"

#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

// How a 情况报告 moves through its handling (DESIGN §3): 上报 → 受理 → 救助中 → 办结. A
// township may close a report it accepted without an assistance step (the matter was
// settled on the phone). Every step records when it happened and who did it, and time never
// runs backwards, so response times computed from the record mean something.
namespace incident_status {
inline constexpr std::string_view kReported = "reported", kAccepted = "accepted", kAssisting = "assisting",
                                  kClosed = "closed";
} // namespace incident_status

// The statuses in workflow order, each with the field that records when the incident
// reached it. The one list the dialog's timeline, the workflow and the report read.
struct IncidentStatusTime {
    std::string_view status;
    std::string_view timeField;
};
inline constexpr IncidentStatusTime kIncidentStatusTimes[] = {
    {incident_status::kReported, "reported_at"},
    {incident_status::kAccepted, "accepted_at"},
    {incident_status::kAssisting, "assisting_at"},
    {incident_status::kClosed, "closed_at"},
};
// The field that records when an incident reached `status`; "" for an unknown code.
std::string_view incidentTimeField(std::string_view status);

enum class IncidentStep {
    Accept, // 受理: accepted_at, accepted_by
    Assist, // 开始救助: assisting_at, assistance
    Close,  // 办结: closed_at, closed_by, outcome
};

struct IncidentStepInput {
    IncidentStep step = IncidentStep::Accept;
    std::string at;      // YYYY-MM-DDTHH:MM:SS
    std::string handler; // 受理人 / 办结人; for Assist, who is recorded in the assistance text
    std::string note;    // 救助措施 (Assist) or 办结情况 (Close); unused for Accept
};

// The description the rules of domain/workflow.h apply to.
const Workflow& incidentWorkflow();

// The status a step leads to.
std::string_view statusAfter(IncidentStep step);
// Whether an incident in status `from` may move to status `to`.
bool canMoveIncident(std::string_view from, std::string_view to);

// Why `step` cannot be applied to `incident`, in Chinese for the person handling it; ""
// when it can.
std::string incidentStepProblem(const Record& incident, const IncidentStepInput& step);
// Applies the step: sets the status and the step's fields. Returns incidentStepProblem()
// and leaves the record untouched when there is one.
std::string applyIncidentStep(Record& incident, const IncidentStepInput& step);

// What is inconsistent in an incident as a whole (a status without its step's time or
// handler, times running backwards), per field, for forms that edit the record directly.
std::vector<FieldError> incidentWorkflowProblems(const Record& incident);

// One step of an incident's history, for timelines and supervision.
using IncidentEvent = WorkflowEvent;
// The steps the record shows, in order: 上报 (reported_at, else discovered_at), 受理,
// 救助, 办结 — each only if its time is filled in.
std::vector<IncidentEvent> incidentTimeline(const Record& incident);
// When the report reached the township: reported_at, else discovered_at.
std::string incidentReportedAt(const Record& incident);

} // namespace shouwang
