#pragma once

#include "sync_client.h"

#include "shouwang/sync.pb.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

class Ledger;
class Meta;

// Enrollment as the ledger keeps it, from the server's answer or from a registration file
// (docs/protocol.md "Registration files"): identity, token, scope, county, the county's
// public key and, when given, the device's signing key. One place, so the two routes can
// never leave a ledger in different states.
EnrollResult storeEnrollment(Ledger& ledger, const wire::EnrollResponse& answer, std::string_view signingKey = {});

// An Ed25519 private key kept hex in meta under `key`, made the first time it is asked for:
// the device's own (before its first enrollment, so enrolling again keeps the key the
// county holds) and, in the county database, the county's.
std::string storedSigningKey(Meta& meta, std::string_view key);
std::string deviceSigningKey(Ledger& ledger);

// "SHWREG01" followed by RegistrationFile{registration, sha256, signature by the county key
// inside it}. The signature and checksum protect the content against damage and editing; the
// file itself must travel like a key (it holds the device's token and private key).
std::string writeRegistrationFile(const wire::Registration& registration, std::string_view countySigningKey);
// Nullopt and a Chinese reason in `error` for anything but an intact registration file of
// this protocol version.
std::optional<wire::Registration> readRegistrationFile(std::string_view bytes, std::string& error);

// Registers this ledger from a file the county wrote (`shouwang-server enroll --file`), with
// no network at all: afterwards bundles can be exported and answers imported. Pending
// changes are kept, stamped with the id the county assigned.
EnrollResult registerFromFile(Ledger& ledger, const std::string& path);

} // namespace shouwang
