#pragma once

#include "domain/change.h"

#include <cstddef>
#include <string>
#include <vector>

namespace shouwang::server {
class CountyStore;
}

namespace shouwang::bench {

// The size of a run (issue 6): `small` is a township's worth, `county` the design size,
// `city` the city's run of scenario 8 (2,000 villages of five counties).
struct Scale {
    std::string name;
    std::string countyCode = "500154"; // 开州区, Chongqing's county with the most villages (423)
    // The city's run (scenario 8) takes its villages from several counties, an even share of
    // each in this order: the five with the most 村民委员会 (开州区 first), each with over 400
    // villages, so that the city scale's 400 a county are real codes.
    std::vector<std::string> cityCounties = {"500154", "500101", "500235", "500110", "500117"};
    bool acrossCounties = false; // the villages come from cityCounties, not countyCode alone
    std::size_t villages = 0;
    std::size_t elders = 0;           // in total
    int visitsPerElder = 30;
    // The first village is the "pull" village of scenario 3: 300 elders, ~10,000 visits.
    std::size_t pullVillageElders = 300;
    int pullVillageVisitsPerElder = 34;
    std::size_t rushDevices = 500;
    int rushChangesPerDevice = 50;
    std::size_t peerVillages = 2;
    std::size_t queryRepeats = 20;

    static Scale named(const std::string& name); // "small", "county" or "city"; throws otherwise
    // As many villages of the same size, spread over cityCounties (scenario 8): "small-city".
    Scale acrossCity() const;
};

struct VillageLedger {
    std::string code;
    std::string name;
    std::string dbPath;
    std::string deviceId;
    std::size_t elders = 0;
    std::size_t visits = 0;
    std::size_t records = 0;
    std::size_t changes = 0; // the outbox: what the village pushes
};

// Generates (or reuses from an earlier run of the same scale) one ledger per village with
// generateDemo, each its own device with its whole ledger in the outbox.
std::vector<VillageLedger> prepareVillages(const Scale& scale, const std::string& workDir);

// The villages of the scale: the county's 村民委员会 in code order, then, when more are
// needed (500 > 423), its 居民委员会 — documented in docs/performance.md. Across counties:
// the same from each of cityCounties in turn, an even share of the villages from each.
std::vector<std::pair<std::string, std::string>> villageCodes(const Scale& scale);

struct BenchDevice {
    std::string id;
    std::string token;
    std::string scope;
};

// Registers a device straight in the county database (the bench's way around the
// enrollment rate limit of 10 a minute per address): a one-time code made and spent in
// the same two calls the enroll endpoint makes, so the rows are exactly an enrolled device's.
BenchDevice enrollDirectly(server::CountyStore& store, const std::string& deviceId, const std::string& scope);
// A day's work for one device in the rush (scenario 2): `count` new visits shaped like
// `visit`, a visit its village really recorded, made by `deviceId` now.
std::vector<Change> dayOfWork(const Change& visit, const std::string& deviceId, int count);
// A one-time code for a device that enrolls itself over HTTP (scenario 3).
std::string makeEnrollmentCode(server::CountyStore& store, const std::string& scope);

} // namespace shouwang::bench
