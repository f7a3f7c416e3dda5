#pragma once

#include "domain/record.h"
#include "domain/schema.h"

#include <optional>
#include <string_view>

namespace shouwang {

class Database;

// Row <-> Record for any entity table, with its per-field clocks. No capture, no merge:
// the ledger (local saves) and the merge engine (received changes) decide what to write.
std::optional<Record> loadRecord(Database& db, const EntityDef& entity, std::string_view id);
void writeRecord(Database& db, const EntityDef& entity, const Record& record);
// Removes a row outright. Only for a record the county never accepted (a refused creation
// undone on the device): everything else is deleted by a tombstone that syncs.
void eraseRecord(Database& db, const EntityDef& entity, std::string_view id);

// The county's memory of creations it refused (MergeEngine, county role).
void rememberRefusedCreation(Database& db, std::string_view recordId);
bool creationWasRefused(Database& db, std::string_view recordId);

// Reads the current row of `st` (a SELECT * over an entity table) into a Record.
Record recordFromRow(const class Statement& st, const EntityDef& entity);

} // namespace shouwang
