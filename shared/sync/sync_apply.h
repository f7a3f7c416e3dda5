#pragma once

// Internal to the sync client: the steps a network sync and a bundle import share, so a
// file on a USB stick is applied by exactly the code that applies an HTTP answer.

#include "scope.h"
#include "sync_client.h"

#include "shouwang/sync.pb.h"

#include <optional>
#include <string>

namespace shouwang {

class MergeEngine;

namespace detail {

// Marks each still-pending change acknowledged or quarantined as its result says, counting
// only the changes this call moved (so a replayed answer counts nothing). A CLOCK_AHEAD
// refusal leaves its change pending: the clock is at fault, not the change. Inside the
// caller's transaction. Returns how many changes moved.
std::size_t applyResults(Ledger& ledger, const google::protobuf::RepeatedPtrField<wire::ChangeResult>& results,
                         SyncReport& report);

// Merges received changes that `scope` (this device's) admits; the caller flushes derived
// columns and commits with the cursor.
void mergeChanges(MergeEngine& merge, const google::protobuf::RepeatedPtrField<wire::Change>& changes,
                  const std::optional<Scope>& scope, SyncReport& report);

// A wire::Error read from a non-200 answer's body, or one made from the status alone.
SyncError errorFromAnswer(int status, const std::optional<std::string>& body);

SyncError localStorageError(const std::exception& e, bool full);

} // namespace detail
} // namespace shouwang
