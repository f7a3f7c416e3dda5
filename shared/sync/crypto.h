#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shouwang::crypto {

// Thin wrappers over OpenSSL's libcrypto, so the rest of the core speaks std::string.
std::string sha256(std::string_view data);                       // 32 raw bytes
// The same digest over data that arrives in parts, without holding it whole.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string finish(); // 32 raw bytes; the object is spent

private:
    void* m_ctx; // EVP_MD_CTX, kept out of this header
};
std::string sha256Hex(std::string_view data);                    // 64 hex characters
std::string hmacSha256(std::string_view key, std::string_view data); // 32 raw bytes
std::string randomBytes(std::size_t count);                      // from the CSPRNG
std::string base64Url(std::string_view bytes);                   // no padding
bool constantTimeEquals(std::string_view a, std::string_view b);
std::string hex(std::string_view bytes);                         // lower case
std::optional<std::string> unhex(std::string_view text);         // nullopt unless even-length hex

// Ed25519 signatures (bundles, registration files). Keys are their 32 raw bytes: the private
// one stays where it was made (a device's ledger, the county database), the public one is
// what the other side keeps to check. Holding a public key is not enough to sign.
struct SigningKeyPair {
    std::string privateKey;
    std::string publicKey;
};
SigningKeyPair newSigningKeyPair();
std::string publicKeyOf(std::string_view privateKey);            // "" when not a private key
std::string sign(std::string_view privateKey, std::string_view data); // 64 bytes
bool verify(std::string_view publicKey, std::string_view data, std::string_view signature);

// A bearer token (32 random bytes, base64url) and the form the server keeps of it.
std::string newToken();
inline std::string tokenHash(std::string_view token) { return sha256Hex(token); }

} // namespace shouwang::crypto
