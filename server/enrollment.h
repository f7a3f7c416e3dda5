#pragma once

#include "server_store.h"

#include "sync/scope.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace shouwang::server {

// One-time enrollment codes the county admin reads to a village over the phone: 12
// characters from an alphabet without look-alikes (no 0/O, 1/I), grouped "ABCD-EFGH-JKLM".
// 32 symbols make 60 bits, plenty against guessing behind a rate limit.
std::string newEnrollmentCode();
// What people type, in the one form that is hashed: upper case, no dashes or spaces.
std::string normalizeEnrollmentCode(std::string_view typed);
// The form the server stores (SHA-256 hex of the normalized code).
std::string enrollmentCodeHash(std::string_view typed);

// How long a code lasts unless its maker says otherwise, and the longest it may.
inline constexpr int kDefaultCodeDays = 7;
inline constexpr int kLongestCodeDays = 365;

// Whether a code for `wanted` may be made by whoever holds `area` (the database's county or
// city, or an admin device's scope): a unit that exists, inside it.
bool mayEnrollWithin(const Scope& area, const Scope& wanted);

// A new code for `scope`, lasting `days` from `nowMillis`: the code to hand out, shown once,
// and what the store keeps of it (its hash).
struct IssuedCode {
    std::string code;
    EnrollmentCode entry;
};
IssuedCode issueEnrollmentCode(const Scope& scope, int days, std::int64_t nowMillis);

} // namespace shouwang::server
