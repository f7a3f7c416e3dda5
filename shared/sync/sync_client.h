#pragma once

#include "protocol.h"
#include "scope.h"
#include "transport.h"

#include "domain/change.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class MessageLite;
}

namespace shouwang {

class Ledger;

// Why a sync (or enrollment, or bundle import) stopped. The first values are the wire's
// ErrorCode, so a server's answer converts by a cast; the rest happen on this side.
enum class SyncErrorCode {
    None = 0,
    Malformed = 1,
    Unauthenticated = 2,
    OutOfScope = 3,
    NotFound = 4,
    ProtocolVersion = 5,
    TooLarge = 6,
    ChangeRefused = 7,
    ClockAhead = 8,
    RateLimited = 9,
    Busy = 10,
    StorageFull = 11,
    Internal = 12,
    BadEnrollmentCode = 13,
    RecordUnknown = 14,
    Network = 100,     // no HTTP answer: offline, refused, timed out, TLS failure
    NotEnrolled = 101, // this database has no token yet
    LocalStorage = 102,// the local database could not be written
    Cancelled = 103,
    BadBundle = 104,   // a bundle file refused (damaged, foreign, wrong device)
    Certificate = 105, // the server's TLS certificate is not trusted: not a network hiccup
};

// An error as a value (STYLE.md, after realm-core): a category, a Chinese message to show
// as it is, and whether the same thing may succeed later without the user doing anything.
struct SyncError {
    SyncErrorCode code = SyncErrorCode::None;
    std::string message;
    bool tryAgain = false;

    explicit operator bool() const { return code != SyncErrorCode::None; }
};

std::string_view syncErrorName(SyncErrorCode code); // "NETWORK", "UNAUTHENTICATED", ...

struct SyncOptions {
    std::size_t pushBatch = protocol::kDefaultPushBatch; // halved on 413
    std::uint32_t pullLimit = protocol::kDefaultPullLimit;
    // Records per snapshot page: each page is one transaction here, so fewer, larger pages
    // write the same index pages fewer times (docs/performance.md, scenario 3).
    std::uint32_t snapshotLimit = protocol::kMaxSnapshotLimit;
    int maxAttempts = 4;                                 // per request, for retryable failures
    std::chrono::milliseconds baseDelay{1000};           // 1 s, 2 s, 4 s ...
    std::chrono::milliseconds maxDelay{30000};
    std::size_t gzipAbove = 4096;                        // request bodies larger than this are gzipped
    // Which fields this build reads (empty: all of this build's). Tests stand in an older
    // build with it, to show a newer county's fields are kept and applied after an upgrade.
    std::function<bool(std::string_view entity, std::string_view field)> knownFields;
    // A replica that has never received anything begins from a snapshot of its scope's
    // records instead of the county's whole history (docs/protocol.md, "Snapshot"). Off:
    // the history is replayed (the bench compares the two).
    bool snapshot = true;
};

struct SyncProgress {
    enum class Phase { Pushing, Snapshot, Pulling, Waiting };
    Phase phase = Phase::Pushing;
    std::size_t pushed = 0;    // changes sent so far
    std::size_t toPush = 0;    // the outbox when the sync started
    std::size_t records = 0;   // records received in a snapshot so far
    std::size_t pulled = 0;    // changes received so far
};
using ProgressCallback = std::function<void(const SyncProgress&)>;

struct SyncReport {
    std::size_t resent = 0;       // acknowledged changes sent again: the county had lost them
    std::size_t restamped = 0;    // outbox changes stamped again (a new identity, a repaired clock)
    bool forked = false;          // this ledger was found to be a restored or copied file: a new device now
    bool cursorReset = false;     // the county's log was not the one last seen: pulled again from 0
    std::size_t pushed = 0;       // changes sent (a retried batch counts once)
    std::size_t acknowledged = 0; // accepted by the server
    std::size_t refused = 0;      // quarantined
    std::size_t snapshotRecords = 0; // records a new replica took from the county's snapshot
    std::size_t pulled = 0;       // changes received
    std::size_t conflicts = 0;    // concurrent edits found while merging them
    std::size_t outOfScope = 0;   // received changes outside this device's scope, not taken
    std::size_t sameIdElsewhere = 0; // new notices: an elder's 身份证号 is held in another village (store/id_number_notices.h)
    SyncError error;

    bool ok() const { return !error; }
};

struct EnrollResult {
    std::string deviceId;
    std::string scope;
    std::string countyCode;
    SyncError error;

    bool ok() const { return !error; }
};

// A record's change history as the county holds it (SyncClient::fetchHistory).
struct HistoryResult {
    std::vector<Change> changes; // oldest first
    bool truncated = false;      // the county holds older ones than these
    SyncError error;

    bool ok() const { return !error; }
};

// A one-time enrollment code an admin's device made (SyncClient::makeEnrollmentCode).
struct EnrollmentCodeResult {
    std::string code;      // to read out to the new device's user: shown once
    std::string scope;     // "village:500154102200", …
    std::string expiresAt; // "YYYY-MM-DD HH:MM:SS"
    SyncError error;

    bool ok() const { return !error; }
};

struct BundleExport {
    std::size_t changes = 0;
    SyncError error;

    bool ok() const { return !error; }
};

// The device's side of the protocol (docs/protocol.md, "The device's side"): push the
// outbox, then pull until caught up. Every step commits its own progress (acknowledgements,
// pages with their cursor) in the same transaction as the data, so a sync cut off anywhere
// resumes where it stopped, losing and doubling nothing.
//
// Thread-agnostic: it touches only the ledger and transport it is given. The GUI runs it
// on a worker thread with that thread's own Database connection.
class SyncClient {
public:
    SyncClient(Ledger& ledger, Transport& transport);

    // Trades a one-time code for a token; stores token, scope and county in Meta. The
    // caller has stored the server's address (meta::kServerUrl).
    EnrollResult enroll(std::string_view code, std::string_view deviceName, const SyncOptions& options = {});

    SyncReport sync(const SyncOptions& options = {}, const ProgressCallback& progress = {},
                    const std::atomic<bool>* cancel = nullptr);

    // The county's history of one record, for a replica that began from a snapshot after
    // some of it (meta::kHistoryFrom). Read-only: nothing is stored.
    HistoryResult fetchHistory(std::string_view recordId, const SyncOptions& options = {});

    // A county admin's device (or the city's) asks the server for an enrollment code for a
    // unit inside its scope, lasting `days` (1-365) — on the city's database the county
    // admins have no server commands to run. Nothing is stored here.
    EnrollmentCodeResult makeEnrollmentCode(const Scope& scope, int days, const SyncOptions& options = {});

    // USB-stick exchange (docs/protocol.md, "File bundles"). Both are idempotent.
    BundleExport exportBundle(const std::string& path);
    SyncReport importBundleAnswer(const std::string& path);

private:
    struct Run;
    HttpResponse exchange(Run& run, std::string_view path, const std::string& body, bool authorized);
    // An authorized request whose 200 answer is parsed into `answer`; else why not.
    SyncError call(Run& run, std::string_view path, const google::protobuf::MessageLite& request,
                   google::protobuf::MessageLite& answer);
    // The lifecycle step that opens every sync (sync_lifecycle.cpp).
    SyncError hello(Run& run);
    SyncError fork(Run& run);
    void repairClock(Run& run, std::int64_t serverTime, std::int64_t maxAhead);
    SyncError push(Run& run);
    // Why pushes stopped for a clock ahead of the server, in terms the user can act on.
    SyncError clockAheadError(const Run& run, const std::string& serverMessage) const;
    SyncError pushBatch(Run& run, std::size_t& batch, bool& progressed);
    // A new replica's first sync begins from a snapshot (sync_snapshot.cpp).
    bool wantsSnapshot(const Run& run);
    SyncError snapshot(Run& run);
    SyncError pull(Run& run);
    void recordOutcome(const SyncError& error);

    Ledger& m_ledger;
    Transport& m_transport;
};

} // namespace shouwang
