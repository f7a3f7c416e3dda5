#pragma once

#include "server_store.h"

#include "sync/protocol.h"
#include "sync/snapshot.h"

#include "shouwang/sync.pb.h"

#include <cstddef>

namespace shouwang::server {

// The answer to a pull: the page's changes in order, ending early once the encoded answer
// would pass `maxBytes` (then `has_more` is set and the cursor stops after the last change
// sent), so a page always fits the client's inflate limit however large its changes are.
// At least one change goes out, so a cursor always moves.
wire::PullResponse pullAnswer(const ChangePage& page, std::size_t maxBytes = protocol::kMaxPullPageBytes);

// The answer to a snapshot request, built as the store reads the page: each record is
// encoded for the wire and counted into the page's digest as it comes, so a page costs its
// wire bytes (at most `maxBytes`), not its records as rows and messages. Cut like a pull's
// answer: at least one record, the next page after the last one sent.
class SnapshotAnswer {
public:
    explicit SnapshotAnswer(std::size_t maxBytes = protocol::kMaxPullPageBytes);
    // The store's RecordSink: false when the record would not fit (it is left for the next page).
    bool add(const Record& record, const std::string& key);
    // The encoded wire::SnapshotResponse: the records, then the page's place, count and digest.
    std::string finish(const SnapshotPage& page);

private:
    std::size_t m_maxBytes;
    std::size_t m_bytes;
    std::string m_records; // the response's `records` items, each framed as in the message
    std::size_t m_count = 0;
    std::string m_after;
    bool m_cut = false;
    snapshot::PageDigest m_digest;
};

} // namespace shouwang::server
