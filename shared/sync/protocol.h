#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shouwang::protocol {

// History: 1 — first release (enroll, push, pull, bundles). Hello, fork and cursor epochs
// were added as new messages and optional fields: an older peer still talks version 1.
inline constexpr std::uint32_t kVersion = 1;

inline constexpr std::string_view kEnrollPath = "/api/v1/enroll";
inline constexpr std::string_view kPushPath = "/api/v1/sync/push";
inline constexpr std::string_view kPullPath = "/api/v1/sync/pull";
inline constexpr std::string_view kHelloPath = "/api/v1/sync/hello";
inline constexpr std::string_view kForkPath = "/api/v1/sync/fork";
inline constexpr std::string_view kHealthPath = "/healthz";
inline constexpr std::string_view kMetricsPath = "/metrics";
inline constexpr std::string_view kContentType = "application/x-protobuf";

// Limits a server enforces and a client keeps under.
inline constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;       // as sent (maybe gzip)
inline constexpr std::size_t kMaxInflatedBytes = 32 * 1024 * 1024;  // after gunzip
inline constexpr std::size_t kMaxPushChanges = 1000;
inline constexpr std::size_t kDefaultPushBatch = 500;
inline constexpr std::uint32_t kMaxPullLimit = 5000;
inline constexpr std::uint32_t kDefaultPullLimit = 2000;
// A device clock this far ahead of the server's is refused (DESIGN.md §4).
inline constexpr std::int64_t kMaxClockAheadMillis = 24LL * 60 * 60 * 1000;
// A stored clock further ahead of the county's time than this, on a computer whose own
// clock is right again, is repaired by re-stamping what waits to be sent.
inline constexpr std::int64_t kClockRepairSlackMillis = 5LL * 60 * 1000;

// The magic at the start of a bundle file, then a BundleFile message.
inline constexpr std::string_view kBundleMagic = "SHWBNDL1";
inline constexpr std::string_view kRegistrationMagic = "SHWREG01";

} // namespace shouwang::protocol
