#pragma once

#include "domain/hlc.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shouwang::protocol {

// History: 1 — first release (enroll, push, pull, bundles). Hello, fork, cursor epochs,
// snapshots and record history were added as new paths, messages and optional fields: an
// older peer still talks version 1.
inline constexpr std::uint32_t kVersion = 1;

// The device API (POST, protobuf bodies), and what a monitor reads (GET, text).
inline constexpr std::string_view kEnrollPath = "/api/v1/enroll", kPushPath = "/api/v1/sync/push",
                                  kPullPath = "/api/v1/sync/pull", kHelloPath = "/api/v1/sync/hello",
                                  kForkPath = "/api/v1/sync/fork", kSnapshotPath = "/api/v1/sync/snapshot",
                                  kHistoryPath = "/api/v1/sync/history",
                                  kEnrollmentCodePath = "/api/v1/enrollment-codes";
inline constexpr std::string_view kHealthPath = "/healthz", kMetricsPath = "/metrics";
inline constexpr std::string_view kContentType = "application/x-protobuf";

// Limits a server enforces and a client keeps under.
inline constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;       // as sent (maybe gzip)
inline constexpr std::size_t kMaxInflatedBytes = 32 * 1024 * 1024;  // after gunzip
inline constexpr std::size_t kMaxPushChanges = 1000;
inline constexpr std::size_t kDefaultPushBatch = 500;
inline constexpr std::uint32_t kMaxPullLimit = 5000;
inline constexpr std::uint32_t kDefaultPullLimit = 2000;
// A snapshot page holds at most this many records (and ends, like a pull page, before
// kMaxPullPageBytes); a history answer the newest kMaxHistoryChanges changes of its record.
inline constexpr std::uint32_t kMaxSnapshotLimit = 20000;
inline constexpr std::uint32_t kDefaultSnapshotLimit = 2000;
inline constexpr std::size_t kMaxHistoryChanges = 2000;
// Checked while a push is decoded, before any change is built (server/push_limits.h): a
// change larger than these could not travel back to other devices in a pull page.
inline constexpr std::size_t kMaxFieldsPerChange = 64;     // the largest entity has 23 fields
inline constexpr std::size_t kMaxFieldValueBytes = 4000;   // = kMaxTextBytes (domain/validation.h)
inline constexpr std::size_t kMaxOperatorNameBytes = 96;   // 32 Chinese characters
inline constexpr std::size_t kMaxIdBytes = 64;             // ids, entity and field names, codes
// A pull page ends before this many bytes (uncompressed), so it always fits the client's
// kMaxInflatedBytes; one change is at most about 270 KB by the limits above.
inline constexpr std::size_t kMaxPullPageBytes = 8 * 1024 * 1024;
// A device clock this far ahead of the server's is refused (DESIGN.md §4).
inline constexpr std::int64_t kMaxClockAheadMillis = 24LL * 60 * 60 * 1000;
// A stored clock further ahead of the county's time than this, on a computer whose own
// clock is right again, is repaired by re-stamping what waits to be sent.
inline constexpr std::int64_t kClockRepairSlackMillis = 5LL * 60 * 1000;
// How long a device may relay other devices' changes to a county it found restored from a
// backup (docs/protocol.md, "Lifecycle"): long enough for a USB stick's round trip.
inline constexpr std::int64_t kRelayWindowMillis = 7LL * 24 * 3600 * 1000;
// No change can be older than 2020-01-01T00:00:00Z (before Shouwang existed): an HLC below
// it comes from a clock reset to 1970 or a forged change, and would move report dates. A
// device never stamps below it, whatever its computer's clock says (domain/hlc.h).
inline constexpr std::int64_t kMinClockMillis = kHlcFloorMillis;

// The magic at the start of a bundle file, then a BundleFile message.
inline constexpr std::string_view kBundleMagic = "SHWBNDL1";
inline constexpr std::string_view kRegistrationMagic = "SHWREG01";

} // namespace shouwang::protocol
