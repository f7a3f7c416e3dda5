#include "record_key.h"

#include <array>

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

bool isCanonicalUuid(std::string_view id)
{
    if (id.size() != kUuidLength)
        return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (isDash(i) ? id[i] != '-' : hexValue(id[i]) < 0)
            return false;
    }
    return true;
}

std::string keyOfId(std::string_view id)
{
    if (!isCanonicalUuid(id))
        return std::string(id);
    std::string key;
    key.reserve(kKeyLength);
    for (std::size_t i = 0; i < id.size(); i += 2) {
        if (isDash(i))
            ++i;
        key.push_back(static_cast<char>(hexValue(id[i]) << 4 | hexValue(id[i + 1])));
    }
    return key;
}

std::string idOfKey(std::string_view key, bool isBlob)
{
    if (!isBlob || key.size() != kKeyLength)
        return std::string(key);
    std::string id;
    id.reserve(kUuidLength);
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            id.push_back('-');
        const auto byte = static_cast<unsigned char>(key[i]);
        id.push_back(kHex[byte >> 4]);
        id.push_back(kHex[byte & 0xf]);
    }
    return id;
}

} // namespace shouwang
