#pragma once

#include <string>
#include <string_view>

namespace shouwang::crypto {

// Thin wrappers over OpenSSL's libcrypto, so the rest of the core speaks std::string.
std::string sha256(std::string_view data);                       // 32 raw bytes
std::string sha256Hex(std::string_view data);                    // 64 hex characters
std::string hmacSha256(std::string_view key, std::string_view data); // 32 raw bytes
std::string randomBytes(std::size_t count);                      // from the CSPRNG
std::string base64Url(std::string_view bytes);                   // no padding
bool constantTimeEquals(std::string_view a, std::string_view b);

// A bearer token (32 random bytes, base64url) and the form the server keeps of it.
std::string newToken();
inline std::string tokenHash(std::string_view token) { return sha256Hex(token); }

} // namespace shouwang::crypto
