#include "record_key.h"

namespace shouwang {
namespace {

constexpr std::size_t kUuidLength = 36;
constexpr std::string_view kHex = "0123456789abcdef";

bool isDash(std::size_t i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

// A hex digit's value, -1 for any other byte; upper case too: "A" would not come back as it
// went in. A table: every text a statement binds is looked at here (keyBytesOf).
constexpr std::array<signed char, 256> kHexValues = [] {
    std::array<signed char, 256> values{};
    values.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        values[static_cast<std::size_t>(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        values[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'a' + 10);
    return values;
}();

int hexValue(char c)
{
    return kHexValues[static_cast<unsigned char>(c)];
}

} // namespace

std::optional<KeyBytes> keyBytesOf(std::string_view id)
{
    // One pass, no allocation, no branch per digit: every text a statement binds comes
    // through here, and ids are bound several times in every merge of a change.
    static constexpr std::array<unsigned char, 32> kDigits
        = {0,  1,  2,  3,  4,  5,  6,  7,  9,  10, 11, 12, 14, 15, 16, 17,
           19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35};
    if (id.size() != kUuidLength || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        return std::nullopt;
    KeyBytes key;
    int invalid = 0;
    for (std::size_t i = 0; i < kKeyLength; ++i) {
        const int high = hexValue(id[kDigits[2 * i]]);
        const int low = hexValue(id[kDigits[2 * i + 1]]);
        invalid |= high | low;
        key[i] = static_cast<char>((high & 0xF) << 4 | (low & 0xF)); // garbage only when invalid
    }
    if (invalid < 0)
        return std::nullopt;
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
