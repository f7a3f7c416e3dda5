#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace shouwang::server {

// A county moved into the city (docs/admin-guide.md, "Moving a county in"): every row of
// its SQLite file — ledger, change log, devices with their token hashes, enrollment codes,
// conflicts, audit — appended to the city's PostgreSQL database in one transaction, beside
// the counties already there. The county's log keeps its order behind the city's, and its
// epochs are renamed with the shift (store/log_epochs.h), so a cursor its laptops got from
// the county's own server still names the same place: they sync on with the city as with
// the county, nothing pulled twice, nothing missed, nobody enrolled again. Its signing key
// comes along for the laptops that exchange USB bundles.
struct CountyMove {
    std::string countyCode;
    std::vector<std::pair<std::string, std::int64_t>> rows; // per table copied, in order
};

// Moves `sqlitePath` (its county server stopped) into the city's database at `url` (made
// with init --city; its sync processes may serve on). Refuses (StoreError) a city that
// already holds the county, or a file with data the city schema has no place for,
// writing nothing. Built where the PostgreSQL store is (server/postgres/pg_county_move.cpp).
CountyMove moveCountyIn(const std::string& sqlitePath, const std::string& url);

} // namespace shouwang::server
