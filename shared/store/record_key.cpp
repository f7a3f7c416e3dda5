#include "record_key.h"

namespace shouwang {
namespace {

constexpr std::size_t kUuidLength = 36;
constexpr std::string_view kHex = "0123456789abcdef";

bool isDash(std::size_t i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; // upper case too: "A" would not come back as it went in
}

} // namespace

std::optional<KeyBytes> keyBytesOf(std::string_view id)
{
    // One pass, no allocation: every text a statement binds comes through here.
    if (id.size() != kUuidLength || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        return std::nullopt;
    KeyBytes key;
    std::size_t out = 0;
    for (std::size_t i = 0; i < kUuidLength; i += 2) {
        if (isDash(i))
            ++i;
        const int high = hexValue(id[i]);
        const int low = hexValue(id[i + 1]);
        if ((high | low) < 0)
            return std::nullopt;
        key[out++] = static_cast<char>(high << 4 | low);
    }
    return key;
}

bool isCanonicalUuid(std::string_view id)
{
    return keyBytesOf(id).has_value();
}

std::string keyOfId(std::string_view id)
{
    const auto key = keyBytesOf(id);
    return key ? std::string(key->data(), key->size()) : std::string(id);
}

std::string idOfKey(std::string_view key, bool isBlob)
{
    if (!isBlob || key.size() != kKeyLength)
        return std::string(key);
    std::string id(kUuidLength, '-');
    std::size_t out = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (isDash(out))
            ++out;
        const auto byte = static_cast<unsigned char>(key[i]);
        id[out++] = kHex[byte >> 4];
        id[out++] = kHex[byte & 0xf];
    }
    return id;
}

} // namespace shouwang
