#pragma once

#include <string>
#include <string_view>

namespace shouwang {

// At most `maxBytes` of `text`, never cutting a UTF-8 character in half. Messages that
// quote outside input go into protobuf `string` fields, which must stay valid UTF-8 or the
// whole answer fails to parse at the device (found by the hostile-input tests).
inline std::string utf8Prefix(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end; // text[end] continues a character that starts before it: cut before that one
    return std::string(text.substr(0, end));
}

} // namespace shouwang
