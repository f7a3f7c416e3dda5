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

} // namespace shouwang
