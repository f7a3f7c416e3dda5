#pragma once

#include <string>
#include <string_view>

namespace shouwang {

// The rows of the villages under a county, township or village code, as a range on
// village_code that an index on the column serves. `substr(village_code, 1, n) = ?` could
// not use one, so every list on a county-scope ledger read the whole table (seconds at
// 100,000 elders, docs/performance.md). Codes are digits, so every code that begins with
// `prefix` lies in [prefix, prefix + ":"): ':' is the character after '9'.
inline constexpr std::string_view kVillageRangeClause = "village_code >= ? AND village_code < ?";

inline std::string villageRangeEnd(std::string_view prefix)
{
    return std::string(prefix) + ":";
}

// The same range tested on each row instead of looked up in the village_code index, for a
// query that walks another index or the table: a device's scope holds nearly every row of
// its ledger, and SQLite, taking the village index, fetched them all only to sort them.
// The unary + that says so is SQLite's alone (`sqlite` false: the plain range, which
// PostgreSQL plans on its own). `from`, `to`: the two parameters' spelling, "?" or "?2".
inline std::string villageRangeOnEachRow(bool sqlite, std::string_view from = "?", std::string_view to = "?")
{
    const std::string column = sqlite ? "+village_code" : "village_code";
    return column + " >= " + std::string(from) + " AND " + column + " < " + std::string(to);
}

} // namespace shouwang
