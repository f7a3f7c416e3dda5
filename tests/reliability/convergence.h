#pragma once

// Where the randomized reliability tests end: the devices (two laptops of village A, then
// one of village B) have synced until still, and they and the county must agree.

#include "../cli/county_fixture.h"
#include "ledger_facts.h"

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace shouwang::test {

// What the county stored (change ids, with how often) and what the devices made.
using MoreCountyChecks
    = std::function<void(Ledger& county, const std::multiset<std::string>& stored, const std::set<std::string>& made)>;

// Nothing waits to be sent, both laptops of village A hold the same records, and the county
// ledger `server` (its database `db`) holds the records of both villages and each change the
// devices made, once; `more` checks more there.
inline void checkConvergedIn(Ledger& server, Database& db, const std::vector<std::unique_ptr<Device>>& devices,
                             const MoreCountyChecks& more = {})
{
    const auto villageA = snapshot(*devices[0]->ledger, kVillageA);
    CHECK(snapshot(*devices[1]->ledger, kVillageA) == villageA);
    const auto villageB = snapshot(*devices[2]->ledger, kVillageB);
    std::set<std::string> made;
    for (const auto& d : devices) {
        CHECK(d->ledger->changeLog().pendingCount() == 0);
        const auto ids = ownChangeIds(*d->db);
        made.insert(ids.begin(), ids.end());
    }
    const auto stored = allChangeIds(db);
    for (const auto& id : made) {
        INFO("change " << id);
        CHECK(stored.count(id) == 1);
    }
    CHECK(snapshot(server, kVillageA) == villageA);
    CHECK(snapshot(server, kVillageB) == villageB);
    if (more)
        more(server, stored, made);
}

// The same for a county on a SQLite file, whose server is stopped to read it.
inline void checkConverged(County& county, const std::vector<std::unique_ptr<Device>>& devices,
                           const MoreCountyChecks& more = {})
{
    county.inspect([&](Ledger& server, Database& db) { checkConvergedIn(server, db, devices, more); });
}

} // namespace shouwang::test
