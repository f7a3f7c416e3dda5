#pragma once

#include "server_store.h"

#include "store/change_codec.h"

#include "shouwang/sync.pb.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang::server {

// What a batch of changes from one device came to, whether it arrived by push or by a
// bundle file: one result per change, in order, and the counts the audit and metrics keep.
struct IntakeResult {
    std::vector<wire::ChangeResult> results;
    int accepted = 0;   // including duplicates
    int refused = 0;
    int merged = 0;     // newly applied
    int conflicts = 0;
};

// The push rules of docs/protocol.md, once for push and import-bundle: per change the
// device, the scope, the clock and the merge check; the survivors merged in one durable
// transaction with the audit row. Throws StoreError when the disk refuses: then nothing
// was stored and nothing may be acknowledged. The changes are taken, not copied: the
// survivors go on to the merge as they were decoded.
IntakeResult intakeChanges(CountyStore& store, const Device& device, std::vector<ReceivedChange> changes,
                           std::int64_t nowMillis, std::string_view address, std::string_view action);

} // namespace shouwang::server
