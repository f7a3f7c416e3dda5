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
// A bundle is signed with Ed25519: a device's with the key pair it made at enrollment (the
// county keeps the public half), an answer with the county's (the device keeps the public
// half). A device enrolled before keys existed has only the mac keyed with
// crypto::tokenHash(token), which the county database holds too: such bundles are still
// accepted from it (docs/security.md).

// How the writer seals a bundle: a signature when it has a private key, a mac when it has
// the mac key (an answer to an older device carries both; it checks the mac).
struct BundleSeal {
    std::string signingKey; // Ed25519 private key, 32 raw bytes
    std::string macKey;
};

// What the reader trusts: a public key (then a valid signature is required and the mac is
// not enough) or, for a device enrolled before keys, only the mac key.
struct BundleTrust {
    std::string publicKey; // Ed25519, 32 raw bytes
    std::string macKey;
};

// "SHWBNDL1" followed by BundleFile{bundle, sha256(bundle), mac, signature}.
std::string writeBundleFile(const wire::Bundle& bundle, const BundleSeal& seal);
inline std::string writeBundleFile(const wire::Bundle& bundle, std::string_view macKey)
{
    return writeBundleFile(bundle, BundleSeal{{}, std::string(macKey)});
}

// Checks the magic, the checksum ("文件已损坏"), the signature or mac and the protocol
// version; on refusal returns nullopt and a Chinese reason in `error`.
std::optional<wire::Bundle> readBundleFile(std::string_view bytes, const BundleTrust& trust, std::string& error);
inline std::optional<wire::Bundle> readBundleFile(std::string_view bytes, std::string_view macKey, std::string& error)
{
    return readBundleFile(bytes, BundleTrust{{}, std::string(macKey)}, error);
}

// The device id a bundle claims, read before it is verified, so the reader can look up the
// key to verify it with. Nothing else in an unverified bundle may be trusted.
std::optional<std::string> peekBundleDevice(std::string_view bytes);

} // namespace shouwang
