#pragma once

#include "domain/record.h"
#include "domain/schema.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

class Database;

// Row <-> Record for any entity table, with its per-field clocks. No capture, no merge:
// the ledger (local saves) and the merge engine (received changes) decide what to write.
std::optional<Record> loadRecord(Database& db, const EntityDef& entity, std::string_view id);
// Only the village a record is filed under: what a reference to it is checked against.
std::optional<std::string> villageOf(Database& db, const EntityDef& entity, std::string_view id);
void writeRecord(Database& db, const EntityDef& entity, const Record& record);
// Removes a row outright. Only for a record the county never accepted (a refused creation
// undone on the device): everything else is deleted by a tombstone that syncs.
void eraseRecord(Database& db, const EntityDef& entity, std::string_view id);

// The county's memory of creations it refused (MergeEngine, county role); read back by
// lookupReceived.
void rememberRefusedCreation(Database& db, std::string_view recordId);

// What the merge of a received change reads before it writes, in one statement: whether
// its change id is logged already, the record it names as it stands, whether the county
// refused that record's creation, and whether any conflict of the record is open.
struct ReceivedLookup {
    bool logged = false;
    std::optional<Record> record;
    bool creationRefused = false;
    bool openConflicts = false;
};
ReceivedLookup lookupReceived(Database& db, const EntityDef& entity, std::string_view changeId,
                              std::string_view recordId);

// The last row of the entity's table (0 when it is empty). A row written after this
// call is after it, unless the table's rowids ran out (never, in practice).
std::int64_t lastRowOf(Database& db, const EntityDef& entity);
// Each record stored after row `rowid`, in the table's order.
void forEachRecordAfter(Database& db, const EntityDef& entity, std::int64_t rowid,
                        const std::function<void(const Record&)>& each);

// A record's field clocks as its row keeps them. Nearly every record has one clock for all
// its fields (encodeClocks' plain form, "time@device"): `blob`, its time's 8 bytes
// big-endian and its device's key (record_key.h). Any other form: the text encodeClocks gives
// (with a ';' added should it be 24 bytes long).
struct RowClocks {
    std::string value;
    bool blob = false;
};
RowClocks rowClocks(const Record& record);

// A record's created_at or updated_at as its row keeps it: "YYYY-MM-DDTHH:MM:SS" (China
// Standard Time, formatDateTime's form) as the moment's seconds since the epoch, an
// INTEGER; any other text as it is. timeOfRow reads either back as the text.
std::string timeOfRow(const class Statement& st, int column);

// Reads the current row of `st` (the record's columns from `first` on, as loadRecord
// selects them) into a Record.
Record recordFromRow(const class Statement& st, const EntityDef& entity, int first = 0);
// The columns recordFromRow reads, in its order (`prefix`: a table's alias and a dot, or "").
// Never `SELECT *`: a PostgreSQL record table has its rowid as a column of its own.
std::string recordColumns(const EntityDef& entity, std::string_view prefix = {});

// A field in a query's select list as text, "" for NULL (`column` as the query names it,
// "e.dibao"): an integer or yes/no field cast to text first, as PostgreSQL's typed
// columns need (coalesce(x, '') mixes types there) and SQLite takes alike.
std::string fieldText(const FieldDef& field, std::string_view column);

} // namespace shouwang
