// 情况报告: how fast reports were acknowledged and closed, and which ran past the county's
// deadlines. Times are the record's own step times (domain/incident_workflow.h); a step
// is taken into account only if it happened by the as-of moment, so a past period reads
// as it stood then.
#include "report_context.h"

#include "domain/enums.h"
#include "domain/incident_workflow.h"
#include "domain/schema_names.h"

#include <chrono>

namespace shouwang::report {
namespace {

using Seconds = std::chrono::sys_seconds;

constexpr FieldName kColumns[] = {
    schema::incident::elder_id,      schema::incident::type,        schema::incident::status,
    schema::incident::discovered_at, schema::incident::reporter,    schema::incident::description,
    schema::incident::reported_at,   schema::incident::accepted_at, schema::incident::accepted_by,
    schema::incident::assisting_at,  schema::incident::assistance,  schema::incident::closed_at,
    schema::incident::closed_by,     schema::incident::outcome,
};

// The step's time if it happened by `asOf`; nullopt if not (yet).
std::optional<Seconds> stepBy(const Record& r, std::string_view field, const std::string& asOf)
{
    const std::string& at = r.value(field);
    if (at.empty() || at > asOf)
        return std::nullopt;
    return parseDateTime(at);
}

double hoursBetween(Seconds a, Seconds b)
{
    return static_cast<double>((b - a).count()) / 3600.0;
}

std::string statusAt(const Record& r, const std::string& asOf)
{
    // The furthest step taken by `asOf`; the first status needs no step.
    for (std::size_t i = std::size(kIncidentStatusTimes) - 1; i > 0; --i) {
        if (stepBy(r, kIncidentStatusTimes[i].timeField, asOf))
            return std::string(kIncidentStatusTimes[i].status);
    }
    return std::string(incident_status::kReported);
}

void average(double& into, double sum, std::size_t n)
{
    into = n == 0 ? -1 : sum / static_cast<double>(n);
}

// One incident as it stood at the as-of moment, judged against the county's deadlines.
IncidentFigures::Row rowOf(const Context& ctx, const Record& r, const std::string& elderName, Seconds reported)
{
    const EnumDef* types = findEnum("incident_type");
    const auto asOf = *parseDateTime(ctx.asOf);
    const auto accepted = stepBy(r, incidentTimeField(incident_status::kAccepted), ctx.asOf);
    const auto closed = stepBy(r, incidentTimeField(incident_status::kClosed), ctx.asOf);
    IncidentFigures::Row row;
    row.id = r.id;
    row.elderName = elderName;
    row.villageCode = r.villageCode;
    row.type = types ? std::string(types->label(r.value(schema::incident::type))) : r.value(schema::incident::type);
    row.status = statusAt(r, ctx.asOf);
    row.reportedAt = incidentReportedAt(r);
    row.acceptedAt = accepted ? r.value(schema::incident::accepted_at) : std::string{};
    row.closedAt = closed ? r.value(schema::incident::closed_at) : std::string{};
    row.acknowledgeHours = accepted ? hoursBetween(reported, *accepted) : -1;
    row.closeHours = closed ? hoursBetween(reported, *closed) : -1;
    // A step exactly at its deadline is on time; a step not yet taken is late once the
    // as-of moment has passed the deadline.
    const SupervisionLimits limits = ctx.standardOf(r.villageCode).limits;
    const auto ackAllowance = std::chrono::hours(limits.acknowledgeHours);
    const auto closeAllowance = std::chrono::hours(24 * limits.closeDays);
    row.acknowledgeLate = (accepted ? *accepted : asOf) > reported + ackAllowance;
    row.closeLate = (closed ? *closed : asOf) > reported + closeAllowance;
    for (const IncidentEvent& event : incidentTimeline(r)) {
        if (event.at <= ctx.asOf)
            row.timeline.push_back(event);
    }
    return row;
}

} // namespace

void computeIncidents(Context& ctx, IncidentFigures& out)
{
    double ackSum = 0, closeSum = 0;
    std::size_t ackCount = 0, closeCount = 0;
    for (auto& [r, elderName] : ctx.stored.incidents(kColumns)) {
        const std::string reportedText = incidentReportedAt(r);
        const auto reported = parseDateTime(reportedText);
        const bool closed = stepBy(r, incidentTimeField(incident_status::kClosed), ctx.asOf).has_value();
        if (closed && r.value(schema::incident::closed_at).substr(0, 10) >= ctx.periodFrom())
            ++out.closedInPeriod;
        if (!reported || reportedText > ctx.asOf)
            continue; // not yet reported at the as-of moment (or no usable time at all)
        const std::string reportedDay = reportedText.substr(0, 10);
        const bool inPeriod = reportedDay >= ctx.periodFrom() && reportedDay <= ctx.periodTo();
        if (!inPeriod && closed)
            continue;

        IncidentFigures::Row row = rowOf(ctx, r, elderName, *reported);
        UnitFigures& unit = ctx.unit(r.villageCode);
        out.reportedInPeriod += inPeriod;
        unit.reportedInPeriod += inPeriod;
        out.openAtEnd += !closed;
        unit.openIncidents += !closed;
        out.acknowledgeLate += row.acknowledgeLate;
        out.closeLate += row.closeLate;
        unit.lateIncidents += row.acknowledgeLate || row.closeLate;
        if (inPeriod && row.acknowledgeHours >= 0) {
            ackSum += row.acknowledgeHours;
            ++ackCount;
        }
        if (inPeriod && row.closeHours >= 0) {
            closeSum += row.closeHours;
            ++closeCount;
        }
        out.incidents.push_back(std::move(row));
    }
    average(out.averageAcknowledgeHours, ackSum, ackCount);
    average(out.averageCloseHours, closeSum, closeCount);
}

} // namespace shouwang::report
