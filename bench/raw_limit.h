#pragma once

#include "domain/change.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace shouwang::bench {

struct RawInsert {
    double seconds = 0;    // wall time of the inserts and the commit
    double cpuSeconds = 0; // the same, in this thread's CPU time
    std::size_t rows = 0;
};

// The limit the server is measured against: each change's record row (an upsert into the
// entity's table, every column) and its change-log row, inserted by raw SQLite with
// prepared statements in one transaction (synchronous=FULL, WAL, the server's page cache)
// into the database at `path`, which has the ledger's schema and indexes. `nextBatch`
// fills the next changes and returns false when there are none; reading and encoding them
// is not timed, only the inserts and the commit are.
RawInsert rawSqliteInsert(const std::string& path, const std::function<bool(std::vector<Change>&)>& nextBatch);

} // namespace shouwang::bench
