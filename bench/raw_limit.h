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

// The lean limit: a fixed yardstick that does not move with our schema (issue 19). The same
// changes, by raw SQLite into a new file at `path` holding a minimal table per entity (its
// text UUID key and its values, no other index) and one change-log row per change (its text
// UUID key, the record's and the change's bytes): prepared statements, one transaction,
// WAL, synchronous=FULL, the server's page cache. Timed as rawSqliteInsert.
RawInsert leanSqliteInsert(const std::string& path, const std::function<bool(std::vector<Change>&)>& nextBatch);

} // namespace shouwang::bench
