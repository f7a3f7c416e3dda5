#pragma once

#include "store/change_codec.h"
#include "store/conflict_queue.h"
#include "store/record_pages.h"

#include "domain/change.h"
#include "domain/record.h"
#include "sync/merge_engine.h"
#include "sync/scope.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang::server {

// A device the county enrolled: who it is, what it may see, and the form of its token the
// server keeps (SHA-256 hex; the token itself is never stored).
struct Device {
    std::string id;
    std::string name;
    Scope scope;
    std::string tokenHash;
    std::string enrolledAt;
    bool revoked = false;
    std::string lastSeen;
    std::string lastPushAt;
    // The newest change the county has merged from this device (its own history as the
    // county holds it, docs/protocol.md "Lifecycle"), and the device it was copied from.
    std::string lastChange;
    std::string forkedFrom;
    // Until when the device may relay other devices' changes back to this county: opened
    // when a pull found the county restored from a backup (docs/protocol.md, "Lifecycle").
    std::string relayUntil;
    // At enrollment: the ids the device's ledger went by before, as it claims them.
    std::vector<std::string> previousIds;
    // The public half of the device's Ed25519 key (32 raw bytes) that checks its USB bundles;
    // empty for a device enrolled before keys, whose bundles only carry the token-hash mac.
    std::string signingKey;
};

// An id a device went by before, and the newest change the county holds stamped with it.
struct EarlierId {
    std::string id;
    std::string lastChange;
};

struct EnrollmentCode {
    std::string codeHash;
    Scope scope;
    std::string createdAt;
    std::string expiresAt;
};

enum class EnrollVerdict { Enrolled, UnknownCode, UsedCode, ExpiredCode };

// One row of the audit trail. Counts, ids and codes only: never personal data.
struct AuditEntry {
    std::string deviceId;
    std::string operatorName;
    std::string address;
    std::string action;
    int accepted = 0;
    int refused = 0;
    std::string detail;
};

// One page of the change log for a scope (docs/protocol.md, pull).
struct ChangePage {
    std::vector<Change> changes;
    std::uint64_t nextCursor = 0;
    bool hasMore = false;
    bool cursorReset = false; // the cursor is not a place in this log: pull again from 0
    std::vector<std::string> knownEpochs; // with cursorReset
    // The log epochs the page's places lie in, (first seq, name) oldest first: a page cut
    // short still names the epoch of the place it ends at.
    std::vector<std::pair<std::uint64_t, std::string>> epochs;

    std::string epochAt(std::uint64_t seq) const
    {
        std::string name;
        for (const auto& [first, epoch] : epochs) {
            if (first <= seq)
                name = epoch;
        }
        return name;
    }
};

// One page of a snapshot of a scope's records (docs/protocol.md, "Snapshot"). The records
// themselves went to the page's RecordSink as they were read.
struct SnapshotPage {
    bool hasMore = false;
    // The log's last place when the snapshot began, and its epoch. `atReset`: the `at` a
    // device sent is no longer a place in this log (restored meanwhile): begin again.
    std::uint64_t at = 0;
    std::string atEpoch;
    bool atReset = false;
    std::uint64_t readThrough = 0; // the log's last place when the page was read
};

// An accepted elder change whose 身份证号 a live elder of another village holds: the
// county takes it and tells the device (wire::SameIdElsewhere).
struct SameIdNotice {
    std::size_t change = 0; // its index in the batch
    std::string elderId;
    std::string idNumber;
    std::string otherElderId;
    std::string otherVillageCode;
    std::string otherName;
};

// What the merge made of each change of a batch, in order.
struct MergeBatchResult {
    std::vector<MergeOutcome> outcomes;
    std::vector<SameIdNotice> sameIdElsewhere;
};

struct LedgerStats {
    std::vector<std::pair<std::string, std::size_t>> liveRecords; // per entity, schema order
    std::size_t pending = 0;
    std::size_t openConflicts = 0;
};

// The county database as the request handlers and the admin commands see it. Every
// operation is atomic and safe to call from any thread. No SQL lives outside this class
// and shared/store, so a PostgreSQL backend for the city level can replace the SQLite one
// without touching the handlers.
class CountyStore {
public:
    virtual ~CountyStore() = default;

    // The county this database serves; empty until `init`.
    virtual std::string countyCode() = 0;
    virtual void setCountyCode(std::string_view code) = 0;
    // The county's Ed25519 private key (32 raw bytes) that signs answer bundles and
    // registration files; made on first use and kept in the database's meta.
    virtual std::string countySigningKey() = 0;
    // The key whose public half a device of `scope` holds: its county's own where the
    // county was moved into the city with it (county_move.h), else countySigningKey().
    virtual std::string signingKeyFor(const Scope& scope) = 0;
    virtual bool healthy() = 0;

    virtual void addEnrollmentCode(const EnrollmentCode& code) = 0;
    // Spends a code (once, before it expires) and registers the device. An id the county
    // already knows is never rebound: the device gets a new one, written to `device.id`.
    // The device's earlier ids are recorded as its own when the county does not know them
    // or knows them in the same scope (a device may stamp only as itself or those).
    virtual EnrollVerdict enroll(std::string_view codeHash, Device& device, std::string_view now) = 0;
    // Registers a copy of `original` under the new identity `copy` (id, name, token hash).
    virtual void addFork(const Device& original, const Device& copy, std::string_view now) = 0;
    virtual std::optional<Device> deviceByTokenHash(std::string_view tokenHash) = 0;
    // The ids a device went by before (forks, earlier enrollments of its ledger).
    virtual std::vector<EarlierId> earlierIds(std::string_view id) = 0;
    // Whether a copy of this device's ledger went on under a new id (forked from it).
    virtual bool wasForked(std::string_view id) = 0;
    virtual std::optional<Device> device(std::string_view id) = 0;
    virtual std::vector<Device> devices() = 0;
    virtual bool revokeDevice(std::string_view id) = 0;
    virtual void openRelayWindow(std::string_view id, std::string_view until) = 0;
    virtual void touchDevice(std::string_view id, std::string_view now, bool pushed) = 0;

    // Merges changes already cleared by the push rules, all in one durable transaction
    // together with the audit row (whose accepted/refused counts it completes from the
    // merge's outcomes); nothing is written if it throws (StoreError). A change's bytes as
    // received, where kept, are what its log row stores.
    virtual MergeBatchResult mergeChanges(const std::vector<ReceivedChange>& changes, const AuditEntry& audit) = 0;
    // A page of the log after `cursor`, which must be a place in this log: `cursorEpoch` is
    // what an earlier page gave with it ("" from a device that predates epochs: trusted).
    virtual ChangePage changesAfter(std::uint64_t cursor, std::string_view cursorEpoch, const Scope& scope,
                                    std::string_view excludeDevice, std::size_t limit) = 0;
    // A page of the records `scope` reads, after `after` (a key of an earlier page, "" at
    // first). `at` 0 begins a snapshot at the log's current end; else it must be a place in
    // this log with `atEpoch`. nullopt when `after` is not a key of this county's. Each
    // record goes to `take` as it is read (store/record_pages.h).
    virtual std::optional<SnapshotPage> snapshotPage(std::uint64_t at, std::string_view atEpoch, std::string_view after,
                                                     const Scope& scope, std::size_t limit, const RecordSink& take)
        = 0;
    // The newest `limit` changes of one record that `scope` reads, oldest first; `truncated`
    // when older ones exist.
    virtual std::vector<Change> recordHistory(std::string_view recordId, const Scope& scope, std::size_t limit,
                                              bool& truncated)
        = 0;
    virtual void audit(const AuditEntry& entry) = 0;

    virtual std::vector<Conflict> openConflicts() = 0;
    // Resolves by the server's own save of the chosen value; "" when done, else why not.
    virtual std::string resolveConflict(std::string_view conflictId, const std::string& value,
                                        std::string_view operatorName) = 0;
    virtual LedgerStats stats() = 0;
    // A consistent copy of the whole database, taken while the server runs.
    virtual void backup(const std::string& path) = 0;
    virtual std::string serverDeviceId() = 0;
    // The most read-only connections the store opens beside its writer (0: one for each
    // request served at once, the default); `serve --db-connections`. Requests beyond wait.
    virtual void limitReaders(std::size_t most) = 0;

    // Test hook: caps the database at `pages` pages (0: no cap), refusing growth exactly as
    // a full disk does (SQLITE_FULL), so the reliability tests can fill the "disk" and free
    // it again while the server runs. A cap below the current size means "no growth".
    virtual void limitPagesForTesting(std::int64_t pages) { (void)pages; }
};

// The writer's page cache. The merge looks up random ids in every index; with SQLite's
// default 2 MB those pages were read back from the OS on nearly every change (a third of
// the upload's time in pread, docs/performance.md). The benchmark's raw-SQLite limit uses
// the same, so the two differ only in the work they do per change.
inline constexpr int kWriterCacheKib = 64 * 1024;

// Opens (creating or migrating) the SQLite county database with synchronous=FULL.
std::unique_ptr<CountyStore> openSqliteCountyStore(const std::string& path);

// Whether `db` (the --db option) names a PostgreSQL database rather than a SQLite file.
inline bool isPostgresUrl(std::string_view db)
{
    return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

// Opens the county store on the city's PostgreSQL at `url` (libpq's postgresql://…),
// bringing its schema to the newest step first (server/postgres/pg_schema.h). Several sync
// processes may open the same database: their writes take turns under the writer lock
// (pg_database.h). Built where libpq is (server/postgres/pg_county_store.cpp).
std::unique_ptr<CountyStore> openPostgresCountyStore(const std::string& url);

// The store `db` names: a PostgreSQL URL (where this build has the PostgreSQL store) or a
// SQLite file.
std::unique_ptr<CountyStore> openCountyStore(const std::string& db);

// A connection of its own to the ledger `db` names, for a command that reads it beside
// the store (the supervision report): SQLite's, or the city's PostgreSQL.
std::unique_ptr<Database> openLedgerConnection(const std::string& db);

} // namespace shouwang::server
