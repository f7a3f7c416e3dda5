#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace shouwang::server {

// A county moved into the city (docs/admin-guide.md, "Moving a county in"): every row of
// its SQLite file — ledger, change log with its sequence numbers and epochs, devices and
// their token hashes, enrollment codes, conflicts, audit, settings — copied into an empty
// PostgreSQL database in one transaction. The numbers and epochs are the laptops' pull
// cursors and the token hashes their enrollment, so they sync on with the new server as
// with the old: nothing pulled twice, nothing missed, nobody enrolled again.
struct CountyMove {
    std::string countyCode;
    std::vector<std::pair<std::string, std::int64_t>> rows; // per table copied, in order
};

// Copies `sqlitePath` (the county server stopped) into the PostgreSQL database at `url`,
// whose schema it brings to the newest step. Refuses (StoreError) a database that already
// holds a county or a file with data the city schema has no place for, writing nothing.
// Built where the PostgreSQL store is (server/postgres/pg_county_move.cpp).
CountyMove moveCountyIn(const std::string& sqlitePath, const std::string& url);

} // namespace shouwang::server
