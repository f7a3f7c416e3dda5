#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

class Database;

// Small facts about this replica, kept in the same file as the ledger so they move with it
// and commit in the same transactions: device identity, enrollment, sync cursors.
class Meta {
public:
    explicit Meta(Database& db)
        : m_db(db)
    {
    }

    std::optional<std::string> get(std::string_view key);
    std::string value(std::string_view key, std::string_view fallback = {});
    void set(std::string_view key, std::string_view value);
    void erase(std::string_view key);
    // Sets `key` as the outermost transaction commits (at once outside a transaction); reads
    // on this connection see the value meanwhile. For a high-water mark that every save of a
    // batch raises (the clock): one write per transaction instead of one per savepoint, which
    // on PostgreSQL leaves a row version that every later read of the row walks. A savepoint
    // rolled back keeps the value, so it suits only a mark that may safely stand too high.
    void setAtCommit(std::string_view key, std::string value);

    // Transaction's: the values set for its commit are written, or dropped on rollback.
    static void writeAtCommit(Database& db);
    static void dropAtCommit(Database& db);

private:
    void forgetAtCommit(std::string_view key);

    Database& m_db;
};

// Keys used across the core, in one place so they are never misspelt.
namespace meta {
inline constexpr std::string_view kDeviceId = "device_id";
inline constexpr std::string_view kEarlierDeviceIds = "earlier_device_ids"; // comma-separated, oldest first
inline constexpr std::string_view kClock = "hlc_last";
inline constexpr std::string_view kServerUrl = "server_url";
inline constexpr std::string_view kServerCaFile = "server_ca_file"; // PEM of the county CA; empty: system store
inline constexpr std::string_view kToken = "token";
inline constexpr std::string_view kScope = "scope";
inline constexpr std::string_view kCountyCode = "county_code";
inline constexpr std::string_view kPullCursor = "pull_cursor";
inline constexpr std::string_view kPullCursorEpoch = "pull_cursor_epoch"; // the county log's name for it
// A snapshot under way (docs/protocol.md, "Snapshot"): the county log's place it stands at,
// that place's epoch, and where its last kept page ended.
inline constexpr std::string_view kSnapshotAt = "snapshot_at";
inline constexpr std::string_view kSnapshotEpoch = "snapshot_at_epoch";
inline constexpr std::string_view kSnapshotAfter = "snapshot_after";
// This replica began from a snapshot at this place of the county's log: the changes before
// it are at the county (SyncClient::fetchHistory), not in this file's log.
inline constexpr std::string_view kHistoryFrom = "history_from";
// The county log's last place when a snapshot page was last read: the changes up to it are
// in this replica's records where they won (MergeEngine::setSettledThrough).
inline constexpr std::string_view kSnapshotSettled = "snapshot_settled";
// The record tables' indexes a large snapshot set aside, their SQL
// (store/indexes_aside.h): made again when it ends, or when the file is next opened.
inline constexpr std::string_view kIndexesAside = "indexes_aside";
inline constexpr std::string_view kPullOwn = "pull_own_changes"; // "1": this device's id is shared with a copy
inline constexpr std::string_view kLastSync = "last_sync_at";
inline constexpr std::string_view kLastSyncError = "last_sync_error";
inline constexpr std::string_view kOperator = "operator_name";
inline constexpr std::string_view kDerivedDay = "derived_refreshed_on";
// Ed25519 keys for USB bundles, hex: this device's private key, the county's public key and,
// in the county database, the county's private key (docs/protocol.md "File bundles").
inline constexpr std::string_view kSigningKey = "signing_key";
inline constexpr std::string_view kCountyKey = "county_key";
inline constexpr std::string_view kCountySigningKey = "county_signing_key";
// On the city's database, the signing key of a county moved in with its own (its laptops
// hold that key's public half): "county_signing_key.500154".
inline std::string movedCountySigningKey(std::string_view county)
{
    return std::string(kCountySigningKey) + "." + std::string(county);
}
} // namespace meta

} // namespace shouwang
