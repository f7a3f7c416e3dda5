#pragma once

// What the sections of the supervision report share while it is computed: the request,
// the moment figures are taken at, the child units and the area's elders. Internal to
// shared/report.

#include "supervision.h"

#include "domain/derived.h"
#include "exchange/table.h"
#include "store/derived_columns.h"
#include "store/report_queries.h"

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shouwang {

class Statement;

namespace report {

// One elder as the report sees them at the end of the period.
struct ElderSnapshot {
    std::string id, villageCode, name, idNumber, phone, status, householdId, createdAt;
    bool householdExists = false;
    int supporters = 0;
    std::string lastVisit;                        // latest visit on or before the as-of day
    std::string lastAssessment, riskLevel, plan;  // latest assessment on or before it
    std::string birthDate;
    ElderFlags flags;                             // at the as-of day

    bool active() const { return status == "active"; }
};

// A county's published standard in force on the report's as-of day, with the request's
// overrides of the limits.
struct CountyStandard {
    VisitSchedule schedule;
    SupervisionLimits limits;
};

struct Context {
    Context(Database& database, const ReportRequest& req);

    Database& db;
    ReportRequest request;
    ReportQueries stored; // what the ledger holds about the area (store/report_queries.h)
    Date asOfDay{};   // the day state figures are taken on: `to`, or today if earlier
    std::string asOf; // the moment: the end of `to`, or now if earlier
    // The area's county's standard (the built-in one for the city): what the report says it
    // judged by. Each elder, incident or village is judged by its own county's (standardOf).
    VisitSchedule schedule;
    SupervisionLimits limits;
    std::map<std::string, UnitFigures> units;
    std::vector<ElderSnapshot> elders; // every non-deleted elder of the area

    // The standard of the county `code` (a village's, or any code within a county) is in:
    // on the city's database every county judges by the standard it published itself.
    CountyStandard standardOf(std::string_view code) const;
    // The child unit a village belongs to, created on first use.
    UnitFigures& unit(const std::string& villageCode);
    ElderRef ref(const ElderSnapshot& elder) const;
    std::string maskId(const std::string& idNumber) const;
    std::string periodFrom() const { return formatDate(request.from); }
    std::string periodTo() const { return formatDate(request.to); }

private:
    mutable std::optional<StandardsOn> m_published; // each county's, on asOfDay
};

// A figure with one decimal ("12.5"), "" for a negative one (no figure: nothing to average).
inline std::string oneDecimal(double x)
{
    if (x < 0)
        return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    return buf;
}

// The display name of a unit code: a township's name, a village's short name.
std::string unitName(const std::string& code);
// Every non-deleted record of `entity` in the area, all fields (area_records.cpp).
std::vector<Record> loadAreaRecords(Context& ctx, std::string_view entity);
// Elder id → name, of every elder of the area.
std::map<std::string, std::string> elderNames(Context& ctx);
// Fills ctx.elders (elder_snapshot.cpp).
void loadElders(Context& ctx);

void computeBase(Context& ctx, BaseFigures& out);
void computeDuplicates(Context& ctx, BaseFigures& out);
void computeVisits(Context& ctx, VisitFigures& out);
void computeCampaigns(Context& ctx, VisitFigures& out);
void computeRisk(Context& ctx, RiskFigures& out);
void computeIncidents(Context& ctx, IncidentFigures& out);
void computeServices(Context& ctx, ServiceFigures& out);
void computeData(Context& ctx, DataFigures& out);
void computeAssociation(Context& ctx, AssociationFigures& out);
void computeVolunteerHours(Context& ctx, VolunteerHoursFigures& out);

// The tables of those two sections (community_tables.cpp).
void associationSummary(const SupervisionReport& r, std::vector<std::vector<std::string>>& rows);
void volunteerSummary(const SupervisionReport& r, std::vector<std::vector<std::string>>& rows);
Table associationTable(const SupervisionReport& r);
Table volunteerAccountTable(const SupervisionReport& r);
Table overdraftTable(const SupervisionReport& r);
void computeReferrals(Context& ctx, ReferralFigures& out);
void computeFamilyDuty(Context& ctx, FamilyDutyFigures& out);
void computeHealth(Context& ctx, HealthFigures& out);
void computeFacilities(Context& ctx, FacilityFigures& out);

// Whole days from a to b.
int daysBetween(Date a, Date b);

} // namespace report
} // namespace shouwang
