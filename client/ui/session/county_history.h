#pragma once

#include "sync/sync_client.h"

#include <string>

namespace shouwang::ui {

class LedgerSession;

// Whether this ledger began from a snapshot of the county's records (docs/protocol.md,
// "Snapshot"): the changes made before it are kept at the county, not in this file.
bool historyAtCounty(LedgerSession& session);

// The county's change history of one record (SyncClient::fetchHistory). Waits on the
// network: call it on a LedgerTask's thread, over that task's own session.
HistoryResult countyHistory(LedgerSession& own, const std::string& recordId);

} // namespace shouwang::ui
