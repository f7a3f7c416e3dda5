#pragma once

#include "server_store.h"

#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <cstddef>

namespace shouwang::server {

// The answer to a pull: the page's changes in order, ending early once the encoded answer
// would pass `maxBytes` (then `has_more` is set and the cursor stops after the last change
// sent), so a page always fits the client's inflate limit however large its changes are.
// At least one change goes out, so a cursor always moves.
wire::PullResponse pullAnswer(const ChangePage& page, std::size_t maxBytes = protocol::kMaxPullPageBytes);

// The answer to a snapshot request, cut the same way (at least one record, the next page
// after the last one sent), with the count and digest of the records it holds.
wire::SnapshotResponse snapshotAnswer(const SnapshotPage& page, std::size_t maxBytes = protocol::kMaxPullPageBytes);

} // namespace shouwang::server
