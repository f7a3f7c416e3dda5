#pragma once

#include "demo_generator.h"
#include "demo_people.h"
#include "demo_random.h"

#include "domain/divisions.h"
#include "domain/record.h"
#include "domain/risk_rule.h"
#include "store/ledger.h"

#include <optional>
#include <string>
#include <vector>

namespace shouwang::demo {

// Saves the demo's records through the ledger and counts them. The batch is committed
// every few thousand records, and only between elders, so that an elder's derived columns
// are computed once, with all of their visits and supporters in place.
class DemoWriter {
public:
    DemoWriter(Ledger& ledger, std::string operatorName, DemoSummary& summary);
    // Saves and returns the new id; a refusal is a bug in the generator and throws. A null
    // `counter`: an update of a record already counted.
    std::string save(Record& record, std::size_t DemoSummary::*counter);
    std::optional<Record> load(std::string_view entity, std::string_view id);
    void checkpoint();
    void finish();

private:
    Ledger& m_ledger;
    std::string m_operator;
    DemoSummary& m_summary;
    std::optional<LedgerBatch> m_batch;
    std::size_t m_sinceCommit = 0;
};

// The county's published reference data, when the demo made it (county scope).
struct CountyReference {
    struct Campaign {
        std::string id;
        Date from, to;
    };
    std::vector<std::string> serviceItems;
    std::vector<Campaign> campaigns;
    std::string riskRuleId;
};

struct VillagePlan {
    const Division* village = nullptr;
    std::size_t elders = 0;
    int visitsPerElder = 0;
    Date today{};
};

// The per-village state the records refer to: staff who visit, volunteers, the elders made.
struct Helper {
    std::string id, name, kind;
};

struct ElderSketch {
    std::string id, name;
    int age = 0;
    std::string living, ability, disability;
    bool dementia = false, severeMental = false, chronic = false, hardship = false;
    bool neglected = false; // a child who rarely calls or does not fulfil the duty of support
    bool housingHazard = false, fireHazard = false;
    std::string liaison; // name of the volunteer who keeps in touch, if any
    bool keyTarget() const { return age >= 80 || ability == "moderate" || ability == "severe" || dementia || living == "alone" || hardship; }
};

class VillageGenerator {
public:
    VillageGenerator(DemoWriter& writer, Random& random, IdNumberMaker& ids, const CountyReference& reference,
                     const VillagePlan& plan);
    // `elderDone` is called after each elder with all of their records.
    void run(const std::function<void()>& elderDone);

private:
    // demo_village.cpp: people and households
    void makeStaff();
    void makeFacilities();
    std::size_t makeHousehold(std::size_t remaining, const std::function<void()>& elderDone);
    struct Child {
        std::string name, relation, phone, place;
        std::optional<Date> awaySince;
        std::string frequency, support, duty;
    };
    std::vector<Child> makeChildren(std::string_view surname, int parentAge);
    ElderSketch makeElder(Record& elder, bool male, int age, bool married, bool couple,
                          bool dibao, bool tekun, const std::vector<Child>& children);
    void makeSupporters(ElderSketch& sketch, const std::vector<Child>& children);
    // demo_activity.cpp: what happens around an elder during the year
    void makeVisits(ElderSketch& sketch);
    void makeAssessment(const ElderSketch& sketch);
    void makeCareAndServices(const ElderSketch& sketch);
    void makeIncidents();
    void makePairings();
    // demo_community.cpp: 老年协会 activities and the volunteer hours cycle
    void makeCommunityLife();
    // demo_duties.cpp: referrals to departments, facilities in use (issue 18)
    void makeDuties();
    std::string visitor(std::string& role, const ElderSketch& sketch);
    Date daysAgo(int days) const { return m_plan.today - std::chrono::days(days); }
    Record record(std::string_view entity) const;

    DemoWriter& m_writer;
    Random& m_random;
    IdNumberMaker& m_ids;
    const CountyReference& m_reference;
    VillagePlan m_plan;
    std::string m_code, m_countyCode, m_shortName;
    RiskStandard m_standard;
    std::vector<std::string> m_cadres, m_gridWorkers;
    std::vector<Helper> m_volunteers;
    std::vector<ElderSketch> m_elders;
    std::vector<int> m_nextHouseNumber; // per 组
    std::vector<std::pair<std::string, std::string>> m_facilities; // 幸福院 and activity centres: id, name
};

} // namespace shouwang::demo
