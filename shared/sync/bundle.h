#pragma once

#include "shouwang/sync.pb.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// File bundles (docs/protocol.md "File bundles"): the USB-stick form of a push and its
// answer. One format both ways, written and read only here, so the village and the county
// can never disagree about it.
//
// The mac key on both sides is crypto::tokenHash(token), the 64-character hex SHA-256 of
// the device token: the server keeps exactly that, so the token itself never travels.

// "SHWBNDL1" followed by BundleFile{bundle, sha256(bundle), HMAC-SHA256(macKey, bundle)}.
std::string writeBundleFile(const wire::Bundle& bundle, std::string_view macKey);

// Checks the magic, the checksum ("文件已损坏"), the mac and the protocol version; on
// refusal returns nullopt and a Chinese reason in `error`.
std::optional<wire::Bundle> readBundleFile(std::string_view bytes, std::string_view macKey, std::string& error);

// The device id a bundle claims, read before it is verified, so the reader can look up the
// key to verify it with. Nothing else in an unverified bundle may be trusted.
std::optional<std::string> peekBundleDevice(std::string_view bytes);

} // namespace shouwang
