#pragma once

// The county's supervision figures (督促检查, issue 5; docs/supervision.md says how each one
// is computed). Computed here once, for any area and period, and shown by the client's
// dashboard and by `shouwang-server report` alike.

#include "duty_figures.h"

#include "domain/date.h"
#include "domain/incident_workflow.h"
#include "domain/risk_rule.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shouwang {

class Database;

// A device the server enrolled, as the data section needs it (server: CountyStore::devices).
struct DeviceContact {
    std::string id;
    std::string scopeCode; // the 12-, 9- or 6-digit code of the device's scope
    std::string lastSeen;  // YYYY-MM-DDTHH:MM:SS; "" never
    bool revoked = false;
};

struct ReportRequest {
    std::string area;   // county (6 digits), township (9) or village (12)
    Date from{}, to{};  // the period, both days included
    std::string now;    // YYYY-MM-DDTHH:MM:SS; "" means the current time in China
    // The county's limits (SupervisionLimits: 受理 within 24 hours, 办结 within 15 days, a
    // village silent for more than 7 days) are those its standard in force on the last day
    // of the period publishes (risk_rule ack_hours, close_days, silent_days). Set one here
    // only to override it (`shouwang-server report --ack-hours`). A step taken exactly at its
    // deadline is on time.
    std::optional<int> acknowledgeHours, closeDays, silentDays;
    bool revealPersonalData = false; // else ID numbers and phones are masked (DESIGN §5)
    std::vector<DeviceContact> devices;
};

// `part` of `whole`, e.g. elders visited on schedule of active elders.
struct Ratio {
    std::size_t part = 0;
    std::size_t whole = 0;
    // "83.3%", or "—" when there is nothing to measure.
    std::string percent() const;
};

struct ElderRef {
    std::string id;
    std::string villageCode;
    std::string name;
    std::string idNumber; // masked unless the request reveals personal data
};

// 底数
struct BaseFigures {
    std::size_t active = 0; // status 在册
    std::vector<std::pair<std::string, std::size_t>> byFlag;   // 高龄 … 重点帮扶对象, of the active
    std::vector<std::pair<std::string, std::size_t>> byStatus; // every elder_status, all elders
    struct Incomplete {
        ElderRef elder;
        std::vector<std::string> missing; // "联系电话", "赡养人", "所属家庭", "风险评估", …
    };
    std::vector<Incomplete> incomplete; // active elders only
    struct Duplicate {
        std::string idNumber; // masked unless revealed
        struct Entry {
            ElderRef elder;
            std::string status;
        };
        std::vector<Entry> records; // two or more, ordered by village
    };
    std::vector<Duplicate> duplicates;
};

// 探访
struct VisitFigures {
    Ratio onSchedule; // active elders whose visit is not overdue at the end of the period
    std::size_t visitsInPeriod = 0;
    std::size_t eldersVisitedInPeriod = 0;
    struct Overdue {
        ElderRef elder;
        std::string lastVisit; // "" never visited
        std::string due;
        int daysOverdue = 0;
        int intervalDays = 0;
    };
    std::vector<Overdue> overdue; // most overdue first
    struct Campaign {
        std::string id, name, kind, target, start, end;
        Ratio covered; // target-group elders visited with this campaign within its dates
    };
    std::vector<Campaign> campaigns; // those whose dates meet the period
};

// 风险
struct RiskFigures {
    Ratio assessed; // active elders assessed within the assessment interval
    std::size_t high = 0, medium = 0, low = 0, never = 0;
    struct NoPlan {
        ElderRef elder;
        std::string assessedOn;
    };
    std::vector<NoPlan> highRiskWithoutPlan;
};

// 情况报告
struct IncidentFigures {
    std::size_t reportedInPeriod = 0, openAtEnd = 0, closedInPeriod = 0;
    std::size_t acknowledgeLate = 0, closeLate = 0;
    double averageAcknowledgeHours = -1; // over reports of the period acknowledged by its end; -1 none
    double averageCloseHours = -1;
    struct Row {
        std::string id, elderName, villageCode, type, status; // status as at the end of the period
        std::string reportedAt, acceptedAt, closedAt;
        double acknowledgeHours = -1, closeHours = -1; // -1: not (yet) done
        bool acknowledgeLate = false, closeLate = false;
        std::vector<IncidentEvent> timeline;
    };
    std::vector<Row> incidents; // reported in the period, or still open at its end
};

// 服务
struct ServiceFigures {
    std::size_t servicesGiven = 0, eldersServed = 0;
    std::size_t volunteersActive = 0, pairingsActive = 0;
    std::size_t careAgreementsOnFile = 0, careAgreementsInForce = 0;
};

// 老年协会活动 (issue 18 item 1): group activities held in the period.
struct AssociationFigures {
    std::size_t activities = 0;        // dated in the period
    std::size_t attendances = 0;       // elders of the ledger at them (one elder at two counts twice)
    std::size_t otherParticipants = 0; // others who took part
    Ratio eldersReached;               // active elders at one or more of them
    Ratio keyTargetsReached;           // the same among the key targets
    struct Row {
        std::string villageCode, date, title, kind, organiser, place;
        std::size_t elders = 0, others = 0;
    };
    std::vector<Row> list; // by village and date
};

// 志愿服务时长 (issue 18 item 2): hours credited and redeemed, and the accounts.
struct VolunteerHoursFigures {
    int hoursGiven = 0;                // credits not voided, dated in the period
    int hoursRedeemed = 0;             // redemptions not voided, dated in the period
    std::size_t volunteersGiving = 0;  // volunteers with hours credited in the period
    std::size_t overdraftsPending = 0; // redemptions 超额待核, dated by the end of the period
    struct Account {
        std::string villageCode, name;
        int given = 0, redeemed = 0;    // in the period
        int balance = 0;                // of every entry dated by the end of the period
        int pendingHours = 0;
    };
    std::vector<Account> accounts; // volunteers with any entry, by village and name
    struct Pending {
        std::string villageCode, volunteer, date, service, confirmedBy;
        int hours = 0, balanceAfter = 0;
    };
    std::vector<Pending> pending;
};

// 数据
struct DataFigures {
    struct Village {
        std::string code, name;
        std::size_t devices = 0;
        std::string lastSync; // latest contact of one of the village's devices; "" never
        std::string lastData; // latest change received from the village
        int silentDays = -1;  // whole days since lastSync (or lastData); -1 never heard from
        bool silent = false;
        std::size_t openConflicts = 0;
    };
    std::vector<Village> villages;
    std::size_t silentVillages = 0;
    std::size_t openConflicts = 0;
};

// One line per child unit (county → townships, township → villages, village → itself).
struct UnitFigures {
    std::string code, name;
    std::size_t active = 0, keyTargets = 0, incomplete = 0;
    Ratio onSchedule, assessed;
    std::size_t overdue = 0, highRiskWithoutPlan = 0;
    std::size_t reportedInPeriod = 0, openIncidents = 0, lateIncidents = 0;
    std::size_t servicesGiven = 0, openConflicts = 0, silentVillages = 0;
    std::size_t activities = 0, volunteersGiving = 0; // issue 18 items 1 and 2
    int hoursGiven = 0, hoursRedeemed = 0;
};

struct SupervisionReport;
// How a figure's label names the limit it was judged by: "时限 24 小时" (`value`, `unit`), or
// on the city's report, where each county judged by its own published limit unless the
// request set one for all (`overridden`), "时限按各区县标准".
std::string limitLabel(const SupervisionReport& report, int value, bool overridden, const std::string& unit);

struct SupervisionReport {
    ReportRequest request;    // as completed: `now` filled in
    SupervisionLimits limits; // the limits the figures were judged by (the area's county's)
    std::string areaName;
    std::string asOf;      // the moment state figures are taken at: the end of `to`, or now if earlier
    UnitFigures total;
    std::vector<UnitFigures> units;
    BaseFigures base;
    VisitFigures visits;
    RiskFigures risk;
    IncidentFigures incidents;
    ServiceFigures services;
    AssociationFigures association;
    VolunteerHoursFigures volunteerHours;
    DataFigures data;
    ReferralFigures referrals;
    FamilyDutyFigures familyDuty;
    HealthFigures health;
    FacilityFigures facilities;
};

// "" when the request can be answered, else why not (Chinese): unknown area, from after to.
std::string reportRequestProblem(const ReportRequest& request);
// Throws std::invalid_argument with reportRequestProblem() when there is one.
SupervisionReport computeSupervision(Database& db, const ReportRequest& request);

} // namespace shouwang
