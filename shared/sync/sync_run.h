#pragma once

// Internal to the sync client: one sync's state, shared by its files.

#include "sync_client.h"

#include <atomic>
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

    bool cancelled() const { return cancel && cancel->load(); }
    void tell()
    {
        if (progress && *progress)
            (*progress)(state);
    }
};

} // namespace shouwang
