#pragma once

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

} // namespace shouwang::server
