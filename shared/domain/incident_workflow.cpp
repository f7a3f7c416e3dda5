#include "incident_workflow.h"

#include "date.h"

namespace shouwang {
namespace {

namespace st = incident_status;

// Position in the workflow, so "at least accepted" is a comparison. -1: unknown code.
int rank(std::string_view status)
{
    if (status == st::kReported || status.empty())
        return 0;
    if (status == st::kAccepted)
        return 1;
    if (status == st::kAssisting)
        return 2;
    if (status == st::kClosed)
        return 3;
    return -1;
}

struct StepFields {
    std::string_view time, handler, note;
    std::string_view timeZh, handlerZh, noteZh;
};

StepFields fieldsOf(IncidentStep step)
{
    const std::string_view time = incidentTimeField(statusAfter(step));
    switch (step) {
    case IncidentStep::Accept:
        return {time, "accepted_by", "", "受理时间", "受理人", ""};
    case IncidentStep::Assist:
        return {time, "", "assistance", "开始救助时间", "", "救助措施"};
    case IncidentStep::Close:
        return {time, "closed_by", "outcome", "办结时间", "办结人", "办结情况"};
    }
    return {};
}

// The latest time the record shows before `step`: a step may not happen before it.
std::string latestBefore(const Record& incident, IncidentStep step)
{
    std::string latest = incidentReportedAt(incident);
    for (IncidentStep earlier : {IncidentStep::Accept, IncidentStep::Assist}) {
        if (earlier == step)
            break;
        const std::string_view field = fieldsOf(earlier).time;
        if (incident.value(field) > latest)
            latest = incident.value(field);
    }
    return latest;
}

std::string_view stepName(IncidentStep step)
{
    switch (step) {
    case IncidentStep::Accept:
        return "受理";
    case IncidentStep::Assist:
        return "开始救助";
    case IncidentStep::Close:
        return "办结";
    }
    return "";
}

std::string statusZh(IncidentStep step)
{
    switch (step) {
    case IncidentStep::Accept:
        return "已受理";
    case IncidentStep::Assist:
        return "救助中";
    case IncidentStep::Close:
        return "已办结";
    }
    return "";
}

std::string blank(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string{} : std::string(text.substr(first));
}

} // namespace

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
    const int a = rank(from), b = rank(to);
    if (a < 0 || b < 0)
        return false;
    // One step forward, or accepted straight to closed.
    return b == a + 1 || (a == 1 && b == 3);
}

std::string incidentStepProblem(const Record& incident, const IncidentStepInput& step)
{
    const std::string& status = incident.value("status");
    const std::string_view target = statusAfter(step.step);
    if (!canMoveIncident(status, target)) {
        if (rank(status) == 3)
            return "该情况报告已办结，不能再" + std::string(stepName(step.step)) + "。";
        if (rank(status) >= rank(target))
            return "该情况报告已" + std::string(stepName(step.step)) + "，不能重复办理。";
        return "该情况报告尚未受理，请先受理再" + std::string(stepName(step.step)) + "。";
    }
    const StepFields f = fieldsOf(step.step);
    if (!parseDateTime(step.at))
        return "请填写" + std::string(f.timeZh) + "（格式：年-月-日 时:分:秒）。";
    if (!f.handler.empty() && blank(step.handler).empty())
        return "请填写" + std::string(f.handlerZh) + "。";
    if (!f.note.empty() && blank(step.note).empty())
        return "请填写" + std::string(f.noteZh) + "。";
    const std::string before = latestBefore(incident, step.step);
    if (parseDateTime(before) && *parseDateTime(step.at) < *parseDateTime(before))
        return std::string(f.timeZh) + "不能早于上一步的时间（" + before.substr(0, 10) + " " + before.substr(11) + "）。";
    return {};
}

std::string applyIncidentStep(Record& incident, const IncidentStepInput& step)
{
    std::string problem = incidentStepProblem(incident, step);
    if (!problem.empty())
        return problem;
    const StepFields f = fieldsOf(step.step);
    incident.set("status", std::string(statusAfter(step.step)));
    incident.set(f.time, step.at);
    if (!f.handler.empty())
        incident.set(f.handler, step.handler);
    if (!f.note.empty())
        incident.set(f.note, step.step == IncidentStep::Assist && !blank(step.handler).empty()
                                 ? step.note + "（" + step.handler + "）"
                                 : step.note);
    return {};
}

std::vector<FieldError> incidentWorkflowProblems(const Record& incident)
{
    std::vector<FieldError> errors;
    const int reached = rank(incident.value("status"));
    if (reached < 0)
        return errors; // an unknown status is the validator's business
    std::string previous = incidentReportedAt(incident);
    for (IncidentStep step : {IncidentStep::Accept, IncidentStep::Assist, IncidentStep::Close}) {
        const StepFields f = fieldsOf(step);
        const std::string& time = incident.value(f.time);
        const bool required = rank(statusAfter(step)) <= reached && step != IncidentStep::Assist;
        if (required && time.empty())
            errors.push_back({std::string(f.time), "状态为" + statusZh(step) + "时须填写" + std::string(f.timeZh) + "。"});
        if (required && !f.handler.empty() && blank(incident.value(f.handler)).empty())
            errors.push_back({std::string(f.handler), "请填写" + std::string(f.handlerZh) + "。"});
        if (time.empty())
            continue;
        if (parseDateTime(previous) && parseDateTime(time) && *parseDateTime(time) < *parseDateTime(previous))
            errors.push_back({std::string(f.time), std::string(f.timeZh) + "不能早于上一步的时间。"});
        previous = time;
    }
    return errors;
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
    return incident.has("reported_at") ? incident.value("reported_at") : incident.value("discovered_at");
}

std::vector<IncidentEvent> incidentTimeline(const Record& incident)
{
    std::vector<IncidentEvent> events;
    if (const std::string at = incidentReportedAt(incident); !at.empty())
        events.push_back({std::string(st::kReported), at, incident.value("reporter"), incident.value("description")});
    for (IncidentStep step : {IncidentStep::Accept, IncidentStep::Assist, IncidentStep::Close}) {
        const StepFields f = fieldsOf(step);
        if (incident.has(f.time)) {
            events.push_back({std::string(statusAfter(step)), incident.value(f.time),
                              f.handler.empty() ? std::string() : incident.value(f.handler),
                              f.note.empty() ? std::string() : incident.value(f.note)});
        }
    }
    return events;
}

} // namespace shouwang
