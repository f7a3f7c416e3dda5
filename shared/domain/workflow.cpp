#include "workflow.h"

#include "date.h"
#include "enums.h"
#include "incident_workflow.h"
#include "referral_workflow.h"

#include <algorithm>
#include <set>

namespace shouwang {
namespace {

std::string blank(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string{} : std::string(text.substr(first));
}

bool validTime(const Workflow& flow, std::string_view at)
{
    return flow.datesOnly ? parseDate(at).has_value() : parseDateTime(at).has_value();
}

std::string shownTime(const Workflow& flow, const std::string& at)
{
    return flow.datesOnly || at.size() < 11 ? at : at.substr(0, 10) + " " + at.substr(11);
}

std::string label(const Workflow& flow, std::string_view status)
{
    const EnumDef* statuses = findEnum(flow.statusEnum);
    return std::string(statuses ? statuses->label(status) : status);
}

// An alternative of the record's own (办结 where the record is 未解决) that does not apply.
bool otherAlternative(const Workflow& flow, const WorkflowStep& step, std::string_view status)
{
    return step.rank == flow.rank(status) && step.status != status;
}

// The latest time the record shows before a step of rank `rank`: the step may not precede it.
std::string latestBefore(const Workflow& flow, const Record& record, int rank)
{
    std::string latest = flow.startTime(record);
    for (const WorkflowStep& s : flow.steps) {
        if (s.rank < rank && record.value(s.time) > latest)
            latest = record.value(s.time);
    }
    return latest;
}

} // namespace

int Workflow::rank(std::string_view status) const
{
    if (status.empty() || status == startStatus)
        return 0;
    const WorkflowStep* s = step(status);
    return s ? s->rank : -1;
}

const WorkflowStep* Workflow::step(std::string_view status) const
{
    for (const WorkflowStep& s : steps) {
        if (s.status == status)
            return &s;
    }
    return nullptr;
}

int Workflow::lastRank() const
{
    int last = 0;
    for (const WorkflowStep& s : steps)
        last = std::max(last, s.rank);
    return last;
}

const Workflow* workflowOf(std::string_view entity)
{
    for (const Workflow* flow : {&incidentWorkflow(), &referralWorkflow()}) {
        if (flow->entity == entity)
            return flow;
    }
    return nullptr;
}

bool canMove(const Workflow& flow, std::string_view from, std::string_view to)
{
    const int a = flow.rank(from), b = flow.rank(to);
    if (a < 0 || b < 0 || b <= a)
        return false;
    // Every step strictly between must be optional.
    return std::none_of(flow.steps.begin(), flow.steps.end(),
                        [&](const WorkflowStep& s) { return s.rank > a && s.rank < b && !s.optional; });
}

std::string stepProblem(const Workflow& flow, const Record& record, const StepInput& step)
{
    const std::string& status = record.value("status");
    const WorkflowStep* target = flow.step(step.status);
    if (!target)
        return "未知的办理步骤";
    const std::string whose = "该" + std::string(flow.entityZh);
    if (!canMove(flow, status, step.status)) {
        const int from = flow.rank(status);
        if (from == flow.lastRank())
            return whose + label(flow, status) + "，不能再" + std::string(target->verb) + "。";
        if (from >= target->rank)
            return whose + "已" + std::string(target->verb) + "，不能重复办理。";
        // The first step it still needs.
        for (const WorkflowStep& s : flow.steps) {
            if (s.rank > from && !s.optional)
                return whose + "尚未" + std::string(s.verb) + "，请先" + std::string(s.verb) + "再"
                    + std::string(target->verb) + "。";
        }
        return whose + "的状态无法识别。";
    }
    if (!validTime(flow, step.at))
        return "请填写" + std::string(target->timeZh) + (flow.datesOnly ? "（格式：年-月-日）。" : "（格式：年-月-日 时:分:秒）。");
    if (!target->handler.empty() && blank(step.handler).empty())
        return "请填写" + std::string(target->handlerZh) + "。";
    if (!target->note.empty() && blank(step.note).empty())
        return "请填写" + std::string(target->noteZh) + "。";
    const std::string before = latestBefore(flow, record, target->rank);
    // Both sides are valid times of one format, or a date and a date-time: text order is time order.
    if (validTime(flow, before.substr(0, flow.datesOnly ? 10 : std::string::npos)) && step.at < before.substr(0, step.at.size()))
        return std::string(target->timeZh) + "不能早于上一步的时间（" + shownTime(flow, before) + "）。";
    return {};
}

std::string applyStep(const Workflow& flow, Record& record, const StepInput& step, std::string_view noteSuffix)
{
    std::string problem = stepProblem(flow, record, step);
    if (!problem.empty())
        return problem;
    const WorkflowStep& target = *flow.step(step.status);
    record.set("status", std::string(step.status));
    record.set(target.time, step.at);
    if (!target.handler.empty())
        record.set(target.handler, step.handler);
    if (!target.note.empty())
        record.set(target.note, step.note + std::string(noteSuffix));
    return {};
}

std::vector<FieldError> workflowProblems(const Workflow& flow, const Record& record)
{
    std::vector<FieldError> errors;
    const std::string& status = record.value("status");
    const int reached = flow.rank(status);
    if (reached < 0)
        return errors; // an unknown status is the validator's business
    std::string previous = flow.startTime(record);
    std::set<std::string_view> seen;
    for (const WorkflowStep& step : flow.steps) {
        if (otherAlternative(flow, step, status) || !seen.insert(step.time).second)
            continue;
        const std::string& time = record.value(step.time);
        const bool required = step.rank <= reached && !step.optional;
        if (required && time.empty())
            errors.push_back({std::string(step.time), "状态为" + label(flow, step.status) + "时须填写" + std::string(step.timeZh) + "。"});
        if (required && !step.handler.empty() && blank(record.value(step.handler)).empty())
            errors.push_back({std::string(step.handler), "请填写" + std::string(step.handlerZh) + "。"});
        if (time.empty())
            continue;
        if (validTime(flow, time) && validTime(flow, previous.substr(0, flow.datesOnly ? 10 : std::string::npos))
            && time < previous.substr(0, time.size()))
            errors.push_back({std::string(step.time), std::string(step.timeZh) + "不能早于上一步的时间。"});
        previous = time;
    }
    return errors;
}

std::string workflowRefusal(const Workflow& flow, const Record* before, const Record& after)
{
    const std::string& from = before ? before->value("status") : std::string();
    const std::string& to = after.value("status");
    if (before && from != to && !from.empty() && !canMove(flow, from, to))
        return std::string(flow.entityZh) + "不能从“" + label(flow, from) + "”改为“" + label(flow, to) + "”：须按 "
            + std::string(flow.orderZh) + " 的顺序处理";
    const std::vector<FieldError> was = before ? workflowProblems(flow, *before) : std::vector<FieldError>{};
    for (const FieldError& problem : workflowProblems(flow, after)) {
        const bool old = std::any_of(was.begin(), was.end(), [&](const FieldError& e) { return e.field == problem.field; });
        if (!old)
            return std::string(flow.entityZh) + "：" + problem.message;
    }
    return {};
}

std::vector<WorkflowEvent> workflowTimeline(const Workflow& flow, const Record& record)
{
    std::vector<WorkflowEvent> events;
    if (const std::string at = flow.startTime(record); !at.empty())
        events.push_back({std::string(flow.startStatus), at, record.value(flow.startWho), record.value(flow.startNote)});
    const std::string& status = record.value("status");
    std::set<std::string_view> seen;
    for (const WorkflowStep& step : flow.steps) {
        if (!record.has(step.time) || otherAlternative(flow, step, status) || !seen.insert(step.time).second)
            continue;
        events.push_back({std::string(step.status), record.value(step.time),
                          step.handler.empty() ? std::string{} : record.value(step.handler),
                          step.note.empty() ? std::string{} : record.value(step.note)});
    }
    return events;
}

std::string statusAt(const Workflow& flow, const Record& record, const std::string& asOf)
{
    std::string reached(flow.startStatus);
    const std::string& status = record.value("status");
    int best = 0;
    for (const WorkflowStep& step : flow.steps) {
        const std::string& at = record.value(step.time);
        if (at.empty() || at > asOf || step.rank <= best || otherAlternative(flow, step, status))
            continue;
        best = step.rank;
        reached = std::string(step.status);
    }
    return reached;
}

} // namespace shouwang
