#pragma once

// The supervision figures of the duties issue 18 adds: referrals to departments, urging
// families, health management and poverty flags, facilities in use (docs/supervision.md).
// Part of SupervisionReport; computed in referral_section.cpp, family_duty_section.cpp,
// health_section.cpp and facility_section.cpp.

#include "domain/workflow.h"

#include <cstddef>
#include <string>
#include <vector>

namespace shouwang {


// 部门转介
struct ReferralFigures {
    std::size_t proposedInPeriod = 0;
    std::size_t closedInPeriod = 0;     // ended 已办结 in the period
    std::size_t unresolvedInPeriod = 0; // ended 未解决 in the period
    std::size_t openAtEnd = 0;
    std::size_t openPastLimit = 0;      // open longer than the county's referral limit
    double averageDaysToClose = -1;     // over referrals ended in the period; -1 none
    struct Department {
        std::string code, name;
        std::size_t proposedInPeriod = 0, open = 0, closed = 0, unresolved = 0; // open/closed as at the end
    };
    std::vector<Department> byDepartment; // every department, in the enumeration's order
    struct Row {
        std::string id, elderName, villageCode, department, status; // status as at the end of the period
        std::string proposedOn, closedOn;
        int daysOpen = -1;    // proposed to the as-of day, while open
        int daysToClose = -1; // proposed to closed, once ended
        bool pastLimit = false;
        std::vector<WorkflowEvent> timeline;
    };
    std::vector<Row> referrals; // proposed in the period, or still open at its end
};

// 督促赡养
struct FamilyDutyFigures {
    std::size_t keyTargetsWithSupporters = 0; // active key targets with a supporter on file
    std::size_t keyTargetsUrged = 0;          // of them, with a duty notice in the period
    std::size_t noticesInPeriod = 0;
    struct NoResponse {
        std::string elderName, villageCode, supporter, date, method, followUp;
    };
    std::vector<NoResponse> notResponding; // a supporter's latest notice of the period has no answer
};

// 健康管理与困难户
struct HealthFigures {
    std::size_t aged65 = 0;           // active elders 65 or older on the as-of day
    std::size_t healthManaged = 0;    // of them, in 65+ health management
    std::size_t registeredPoor = 0;   // active elders of a 建档立卡 household
    std::size_t dibao = 0, tekun = 0; // … of a 低保 / 特困供养 household
    std::size_t hardship = 0;         // 生活困难 (includes every 低保 and 特困 household)
    struct Suggestion {
        std::string elderId, elderName, villageCode;
        int age = -1;
    };
    // 65 or older, not under health management and no open referral to 卫生健康: suggest one.
    std::vector<Suggestion> suggestHealthReferral;
};

// 服务设施使用
struct FacilityFigures {
    struct Facility {
        std::string id, name, type, villageCode;
        std::size_t elders = 0;       // active elders who use it
        std::size_t services = 0;     // services recorded there in the period
        std::size_t eldersServed = 0; // distinct elders served there in the period
    };
    std::vector<Facility> facilities;
};

} // namespace shouwang
