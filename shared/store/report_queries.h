#pragma once

#include "domain/record.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shouwang {

class Database;

// What the supervision report (shared/report) reads from a ledger about one area: a
// county's, township's or village's code, matched as a prefix of village_code. The report
// computes its figures from these rows and never speaks SQL. Dates are "YYYY-MM-DD" text,
// compared as stored; every query skips deleted rows.
struct StoredElder {
    std::string id, villageCode, name, idNumber, phone, status, householdId, birthDate, createdAt;
    std::uint32_t storedFlags = 0; // elders.x_flags: domain/derived.h elder_flag::fromStored
    bool householdExists = false;  // its household_id names a live household
    int supporters = 0;            // live supporter records
};

struct StoredAssessment {
    std::string elderId, date, level, plan;
};

struct StoredCampaign {
    std::string id, name, kind, target, start, end;
};

struct ElderIdHolder {
    std::string id, villageCode, name, idNumber, status;
};

struct StoredActivity {
    std::string villageCode, date, title, kind, organiser, organiserName, facilityName, place, attendees, othersCount;
};

struct StoredFacilityUse {
    std::string facilityId;
    std::size_t services = 0, elders = 0;
};

struct StoredProgrammes {
    std::string elderId;
    bool healthManaged = false, registeredPoor = false, dibao = false, tekun = false;
};

template <typename T>
using ByVillage = std::vector<std::pair<std::string, T>>; // (village code, value), by code

// ReportQueries::eldersWithSupporters' query: the literal "deleted = 0" lets SQLite use the
// partial index supporters_live (store/migrations.cpp), which holds all it reads.
inline constexpr std::string_view kEldersWithSupportersQuery
    = "SELECT DISTINCT elder_id FROM supporters WHERE deleted = 0 AND elder_id IS NOT NULL";

class ReportQueries {
public:
    ReportQueries(Database& db, std::string area);

    // The area's elders, by village, name and id.
    std::vector<StoredElder> elders();
    // Each elder's latest visit on or before `day`: (elder id, date).
    std::vector<std::pair<std::string, std::string>> lastVisits(std::string_view day);
    // Assessments on or before `day`, by elder, date and save time: the last row of an elder
    // is their latest.
    std::vector<StoredAssessment> assessmentsUpTo(std::string_view day);
    // Every live elder record, in whatever village, whose ID number an elder of the area
    // holds and at least one other live record holds too; by number, village, creation.
    std::vector<ElderIdHolder> sharedIdNumbers();
    // The area's incidents as records of the fields the report reads, with the elder's name
    // ("" when the elder is unknown); by village and id.
    std::vector<std::pair<Record, std::string>> incidents(std::span<const FieldName> fields);

    // Visits dated from `from` to `to` (both included): how many, and of how many elders.
    std::pair<std::size_t, std::size_t> visitsBetween(std::string_view from, std::string_view to);
    // Campaigns the area's county published whose dates meet [from, to], by start, name, id.
    std::vector<StoredCampaign> campaignsMeeting(std::string_view from, std::string_view to);
    // Elders of the area visited for `campaignId` between `from` and `to` (both included).
    std::vector<std::string> eldersVisitedFor(std::string_view campaignId, std::string_view from, std::string_view to);

    ByVillage<std::size_t> servicesBetween(std::string_view from, std::string_view to);
    std::size_t eldersServedBetween(std::string_view from, std::string_view to);
    std::size_t activeVolunteers();
    // Pairings and care agreements in force on `day`: started by then and not ended before
    // it (an end date on the day still counts).
    std::size_t pairingsInForce(std::string_view day);
    std::size_t careAgreements();
    std::size_t careAgreementsInForce(std::string_view day);

    // Every live record of `entity` in the area with all its fields, by village and id: for
    // the sections that judge whole records by the domain's rules (workflows, duty notices).
    std::vector<Record> records(std::string_view entity);
    // id → the value of `field`, of every live record of `entity` in the area ("" when empty).
    std::map<std::string, std::string> fieldById(std::string_view entity, std::string_view field);
    // Every elder with a live supporter on record, in any area (the caller keeps those of
    // its area): read from the partial index of live supporters alone, not the supporters'
    // 72 MB of rows at 100,000 elders (the home page's supporters to urge, docs/performance.md).
    std::set<std::string> eldersWithSupporters();
    // 老年协会 activities dated from `from` to `to`, with their facility's name; by village,
    // date and title.
    std::vector<StoredActivity> activitiesBetween(std::string_view from, std::string_view to);
    // Services recorded at a facility from `from` to `to`: per facility, how many and for how
    // many elders.
    std::vector<StoredFacilityUse> servicesByFacility(std::string_view from, std::string_view to);
    // Each elder's latest duty notice on or before `day`: elder id → (date, follow-up date).
    std::map<std::string, std::pair<std::string, std::string>> latestNoticesUpTo(std::string_view day);
    // Each elder's programmes: 65+ health management and the household's poverty flags.
    std::vector<StoredProgrammes> programmes();

private:
    std::size_t count(const std::string& table, const std::string& condition, std::string_view day = {});
    std::string area(const char* column = "village_code") const;

    Database& m_db;
    std::string m_area;
};

} // namespace shouwang
