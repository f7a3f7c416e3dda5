#pragma once

#include "pg_database.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace shouwang::pg {

// One step of the city database's schema: the SQL that takes it from `version - 1` to
// `version`.
struct Migration {
    int version;
    std::string_view sql;
};

// The session lock's class under which the schema is changed: "守" + 1, beside the
// writer lock (kWriterLockClass).
inline constexpr std::int32_t kSchemaLockClass = kWriterLockClass + 1;

// The schema version the database is at: 0 when no step was ever applied.
int schemaVersion(Database& db);

// Brings the database to the newest of `steps` (versions 1, 2, … in order), each step in a
// transaction of its own with its version, so a step that fails leaves the database at the
// one before with nothing of the failed step written. Several sync processes started
// together take turns under a session lock: the first migrates, the others find it done.
// A database at a version above every step was made by a newer build and is refused
// (StoreError): an older build must not write into a schema it does not know.
// Returns the version the database is at afterwards.
int migrate(Database& db, std::span<const Migration> steps);

} // namespace shouwang::pg
