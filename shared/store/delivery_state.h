#pragma once

#include <set>
#include <string>
#include <string_view>

namespace shouwang {

class Database;
class Meta;

// Whether what this device wrote has left it: a record with a local change still in the
// outbox has not reached the server, whatever its fields say. An incident report reads
// "已上报" from the moment it is saved; its true state (待上传 / 已送达乡镇) comes from here.
// The ids of records of `entity` with local changes still waiting to be sent.
std::set<std::string> recordsAwaitingUpload(Database& db, std::string_view entity);
// Its query. The literal "origin = 0 AND state = 0" (local, pending: store/change_log.h)
// lets SQLite use the partial index of the outbox by entity, so neither the received
// changes nor the outbox's other entities are read: a never-synced county ledger's outbox
// held a million changes, and the home page's incident list read them all (2.4 s from disk).
inline constexpr std::string_view kAwaitingUploadQuery
    = "SELECT record_id FROM change_log WHERE origin = 0 AND state = 0 AND entity = ?";
// The ids of records of `entity` with a local change the server refused (quarantined, never
// sent again: ChangeLog::markRefused). Reads the whole change log: for a village's ledger.
std::set<std::string> recordsRefused(Database& db, std::string_view entity);

// The last sync as the home page, the sync page and the exported workbook show it: when one
// last succeeded ("" never) and why the latest one failed ("" when it did not).
struct SyncStatus {
    std::string lastSuccess; // YYYY-MM-DDTHH:MM:SS
    std::string lastError;   // Chinese, as the sync client recorded it
};
SyncStatus syncStatus(Meta& meta);

} // namespace shouwang
