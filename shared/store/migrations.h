#pragma once

#include <string>

namespace shouwang {

class Database;

// Brings a database to `target` (normally kSchemaVersion): creates what is missing and
// adds the columns of fields newer than the file, keeping every row. Tests pass an older
// target to make the database an older release would have made.
// Returns the version the file had before (0 for a new file).
int migrate(Database& db, int target);

// Tables added after a schema version shipped, made at every open when missing: the
// received changes kept for a later version of this software (ChangeLog::defer), changes
// being sent again or relayed (ChangeLog::resendAfter, relayFrom), the epochs of the county's
// log this replica received from, and the creations a county refused (record_table.h).
void addLifecycleTables(Database& db);

// The version a file was last migrated to (PRAGMA user_version).
int schemaVersionOf(Database& db);

// Why a database a newer build made, at schema `version`, is not opened: an older build
// must not write into a schema it does not know. Chinese, then English.
std::string newerSchemaMessage(int version);

} // namespace shouwang
