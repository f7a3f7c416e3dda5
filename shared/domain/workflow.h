#pragma once

#include "record.h"
#include "validation.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

// A record that moves through a fixed sequence of statuses, each step recording when it
// happened, who took it and a note (情况报告: domain/incident_workflow.h; 部门转介:
// domain/referral_workflow.h). The description below is all that differs between them;
// the rules — one step at a time, optional steps may be skipped, time never runs
// backwards, a step's time and handler are filled in — are kept once here, for the forms,
// the county's merge and the supervision figures alike.
struct WorkflowStep {
    std::string_view status;   // the status code the step leads to
    int rank = 0;              // position; alternatives (办结 / 未解决) share one
    bool optional = false;     // may be skipped (a report closed without an assistance step)
    std::string_view verb;     // "受理": in "请先受理再办结"; the status's label says where it stands
    std::string_view time, timeZh;
    std::string_view handler, handlerZh; // "" when the step records no handler
    std::string_view note, noteZh;       // "" when the step records no note
};

struct Workflow {
    std::string_view entity;      // "incident"
    std::string_view entityZh;    // "情况报告"
    std::string_view startStatus; // rank 0
    std::string_view statusEnum;  // the enumeration of the status field, for labels
    std::string_view orderZh;     // "上报→受理→救助中→办结", for the county's refusals
    bool datesOnly = false;       // step times are YYYY-MM-DD, else YYYY-MM-DDTHH:MM:SS
    std::span<const WorkflowStep> steps;
    std::string (*startTime)(const Record&) = nullptr; // when the record entered the workflow
    std::string_view startWho, startNote;              // fields shown on the first timeline entry

    // -1 for an unknown code; the start status (or an empty one) is 0.
    int rank(std::string_view status) const;
    const WorkflowStep* step(std::string_view status) const;
    int lastRank() const;
};

// The workflow that holds records of `entity`; nullptr if none does.
const Workflow* workflowOf(std::string_view entity);

// What a township writes in its villages' ledgers: the records with a workflow (情况报告,
// 部门转介 — which it may also propose itself); the rest it only reads.
inline bool townshipHandles(std::string_view entity)
{
    return workflowOf(entity) != nullptr;
}

// Whether a record in status `from` may move to status `to`: forward, past optional steps only.
bool canMove(const Workflow& flow, std::string_view from, std::string_view to);

struct StepInput {
    std::string_view status; // the status the step leads to
    std::string at;
    std::string handler;
    std::string note;
};

// Why the step cannot be applied to `record`, in Chinese; "" when it can.
std::string stepProblem(const Workflow& flow, const Record& record, const StepInput& step);
// Applies the step: the status and the step's fields. Returns stepProblem() and leaves the
// record untouched when there is one. `noteSuffix` is appended to the note (who assisted).
std::string applyStep(const Workflow& flow, Record& record, const StepInput& step, std::string_view noteSuffix = {});
// What is inconsistent in the record as a whole, per field.
std::vector<FieldError> workflowProblems(const Workflow& flow, const Record& record);
// Why the county refuses `after` where `before` (nullptr: a new record) was accepted; "".
std::string workflowRefusal(const Workflow& flow, const Record* before, const Record& after);

struct WorkflowEvent {
    std::string status; // code reached
    std::string at;
    std::string who;
    std::string note;
};
// The steps the record shows, in order, each only if its time is filled in.
std::vector<WorkflowEvent> workflowTimeline(const Workflow& flow, const Record& record);
// The status the record had at `asOf` (its latest step by then), judged by its step times.
std::string statusAt(const Workflow& flow, const Record& record, const std::string& asOf);

} // namespace shouwang
