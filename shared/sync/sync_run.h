#pragma once

// Internal to the sync client: one sync's state, shared by its files.

#include "sync_client.h"

#include <atomic>
#include <optional>
#include <string>

namespace shouwang {

// One sync's state: what the caller asked for and what has happened so far.
struct SyncClient::Run {
    SyncOptions options;
    std::int64_t serverTime = 0;       // from hello: the county's clock when the sync began
    std::int64_t serverTimeTakenAt = 0; // this computer's clock then
    const ProgressCallback* progress = nullptr;
    const std::atomic<bool>* cancel = nullptr;
    bool retryRateLimited = true;
    std::string token;
    SyncProgress state;
    SyncReport report;
    // The answer to the next request, asked for ahead of time (sync_snapshot.cpp): exchange
    // takes it as its first attempt, and retries from there as usual.
    std::optional<HttpResponse> answeredAhead;

    bool cancelled() const { return cancel && cancel->load(); }
    void tell()
    {
        if (progress && *progress)
            (*progress)(state);
    }
};

// A request as it goes on the wire: its headers (the token's, when it has one), and its body
// gzipped when larger than gzipAbove.
struct Outgoing {
    HttpHeaders headers;
    std::string body;
};
Outgoing outgoing(const std::string& body, std::optional<std::string_view> token, std::size_t gzipAbove);

// An answer's body as sent, inflated; nothing when its encoding is unknown or it will not inflate.
std::optional<std::string> decodedBody(const HttpResponse& response);

} // namespace shouwang
